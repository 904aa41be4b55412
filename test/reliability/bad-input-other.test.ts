/**
 * Bad input for the fields that are not in Twilio's parameter tables: From, To, the pickers, Custom Parameters,
 * Get Many's filters and paging, the node's own options. Each wrong value is refused before any request, naming the
 * field and the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { reliability } from './harness';
import { expectRefusals, figures, HEX32, OBJECT } from './refusals';
import type { Wrong } from './refusals';

const h = reliability('bad-input-other-fields');

describe('the fields that are not in the parameter tables', () => {
	const CF = `CF${HEX32}`;
	const cases: Array<[string, Record<string, unknown>, string, Wrong[]]> = [
		[
			'From',
			{ operation: 'create', conference: 'bad input endpoints', from: '={{ $json.v }}', to: '+15558675310' },
			'From',
			[
				{ what: 'empty text', value: '', problem: /it is required and was empty/ },
				{ what: 'spaces', value: '   ', problem: /it is required and was empty/ },
				{ what: 'null', value: null, problem: /it is required and was empty/ },
				{ what: 'an object', value: OBJECT, problem: /expected text/ },
				{ what: 'a list', value: ['+15017122661', '+15017122662'], problem: /expected text/ },
				{ what: 'a line break', value: '+1501\n7122661', problem: /control characters/ },
			],
		],
		[
			'To',
			{ operation: 'create', conference: 'bad input endpoints', from: '+15017122661', to: '={{ $json.v }}' },
			'To',
			[
				{ what: 'empty text', value: '', problem: /it is required and was empty/ },
				{ what: 'a tab', value: 'client:\talice', problem: /control characters/ },
				{ what: 'an object', value: OBJECT, problem: /expected text/ },
			],
		],
		[
			'Conference (Create, SID or friendly name)',
			{ operation: 'create', conference: '={{ $json.v }}', from: '+15017122661', to: '+15558675310' },
			'Conference',
			[
				{ what: 'empty text', value: '', problem: /it is required and was empty/ },
				{ what: 'a line break', value: 'Sales\nStandup', problem: /control characters/ },
				// Read as a resource locator without a value (see the report: "expected text" would be clearer).
				{ what: 'an object', value: OBJECT, problem: /expected text|it is required and was empty/ },
			],
		],
		[
			'Conference (Get, a SID)',
			{ operation: 'get', conference: '={{ $json.v }}', participant: 'alice' },
			'Conference',
			[
				{ what: 'a friendly name', value: 'Sales', problem: /"CF" followed by 32 hexadecimal characters/ },
				{ what: 'the wrong prefix', value: `CA${HEX32}`, problem: /"CF"/ },
				{ what: 'one character short', value: CF.slice(0, -1), problem: /"CF"/ },
				{ what: 'one character long', value: `${CF}0`, problem: /"CF"/ },
				{ what: 'a number', value: 7, problem: /"CF"/ },
				{ what: 'empty text', value: '', problem: /it is required and was empty/ },
			],
		],
		[
			'Participant (Update, Call SID or label)',
			{ operation: 'update', conference: CF, participant: '={{ $json.v }}', updateFields: { muted: true } },
			'Participant',
			[
				{ what: 'empty text', value: '', problem: /it is required and was empty/ },
				{ what: 'a label with a line break', value: 'agent\n1', problem: /control characters/ },
				{ what: 'a label with a NUL', value: 'agent\u00001', problem: /control characters/ },
				{ what: 'an object', value: OBJECT, problem: /expected text|it is required and was empty/ },
			],
		],
		[
			'Muted filter (Get Many)',
			{ operation: 'getAll', conference: CF, filters: { muted: '={{ $json.v }}' } },
			'Muted',
			[
				{ what: 'text', value: 'maybe', problem: /expected true or false, got maybe/ },
				{ what: 'a number', value: 0, problem: /expected true or false/ },
			],
		],
		[
			'Hold filter (Get Many)',
			{ operation: 'getAll', conference: CF, filters: { hold: '={{ $json.v }}' } },
			'Hold',
			[{ what: 'an object', value: OBJECT, problem: /expected true or false/ }],
		],
		[
			'Limit (Get Many)',
			{ operation: 'getAll', conference: CF, returnAll: false, limit: '={{ $json.v }}' },
			'Limit',
			[
				{ what: 'zero', value: 0, problem: /expected a whole number of at least 1, got 0/ },
				{ what: 'a negative number', value: -5, problem: /at least 1/ },
				{ what: 'a fraction', value: 2.5, problem: /whole number/ },
				{ what: 'text', value: 'ten', problem: /got ten/ },
			],
		],
		[
			'Return All (Get Many)',
			{ operation: 'getAll', conference: CF, returnAll: '={{ $json.v }}' },
			'Return All',
			[{ what: 'text', value: 'yes', problem: /expected true or false, got yes/ }],
		],
		[
			'Max Requests In Flight (option, 1 to 1000)',
			{
				operation: 'update',
				conference: CF,
				participant: 'alice',
				updateFields: { muted: true },
				options: { maxRequestsInFlight: '={{ $json.v }}' },
			},
			'Max Requests In Flight',
			[
				{ what: 'zero', value: 0, problem: /from 1 to 1000, got 0/ },
				{ what: 'above the limit', value: 1001, problem: /from 1 to 1000, got 1001/ },
				{ what: 'a fraction', value: 2.5, problem: /whole number/ },
				{ what: 'text', value: 'fast', problem: /got fast/ },
			],
		],
		[
			'Max Retries (option, 0 to 10)',
			{ operation: 'get', conference: CF, participant: 'alice', options: { maxRetries: '={{ $json.v }}' } },
			'Max Retries',
			[
				{ what: 'a negative number', value: -1, problem: /from 0 to 10, got -1/ },
				{ what: 'too many', value: 11, problem: /from 0 to 10, got 11/ },
				{ what: 'text (which would retry for ever)', value: 'lots', problem: /got lots/ },
			],
		],
	];

	test.each(cases)('%s', async (title, parameters, field, wrong) => {
		const result = await h.run({
			parameters: { resource: 'participant', ...parameters },
			items: wrong.map(({ value }) => ({ v: value }) as IDataObject),
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(wrong.length);
		expectRefusals(result.items, wrong, field.replace(/\s+/g, ''));
		expect(h.requests()).toHaveLength(0);
		figures.fields += 1;
		h.record({
			field: title,
			wrong: wrong.length,
			refused: wrong.length,
			'requests for them': 0,
			kinds: wrong
				.map((w) => w.what)
				.join('; ')
				.slice(0, 90),
		});
	});
});

h.summarize(() => ({
	field: 'total',
	wrong: figures.wrongValues,
	refused: figures.refused,
	'requests for them': 0,
	kinds: 'refused before sending',
}));
