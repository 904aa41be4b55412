/**
 * Bad input, table-driven. The fields come from test/fixtures/participant-parameters.md (not from the node's
 * own table); each gets wrong values of every kind an expression can hand over. Each wrong value is either refused
 * before any request, with a message naming the field and the item, or, where Twilio is the judge, sent as given
 * and Twilio's answer surfaces clearly.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createReference, fieldName, sampleFor, updateReference } from '../helpers/reference';
import type { ReferenceParameter } from '../helpers/reference';
import { reliability, targetOf } from './harness';
import { inCreateGroups } from '../helpers/createFields';

const h = reliability('bad-input');

interface Wrong {
	what: string;
	value: unknown;
	/** What the message must say about the problem. */
	problem: RegExp;
}

const HEX32 = '0123456789abcdef0123456789abcdef';
const OBJECT = { a: 1 };

/** Wrong values for one reference row, from its type, allowed values, range and pattern alone. */
function wrongValuesFor(row: ReferenceParameter): Wrong[] {
	const range = /^(\d+)\.\.(\d+)$/.exec(row.range);
	const characters = /^(\d+)\.\.(\d+) characters$/.exec(row.range);
	if (row.type.startsWith('array')) {
		return [
			{ what: 'a value outside the allowed set', value: [row.allowed[0], 'bogus'], problem: /expected one of .*got bogus/ },
			{ what: 'a number', value: 42, problem: /expected one of/ },
			{ what: 'a list holding an object', value: [OBJECT], problem: /expected text/ },
			{ what: 'an object', value: OBJECT, problem: /expected text/ },
		];
	}
	if (row.type === 'boolean') {
		return [
			{ what: 'text', value: 'yes', problem: /expected true or false, got yes/ },
			{ what: 'a number', value: 1, problem: /expected true or false/ },
			{ what: 'spaces', value: '   ', problem: /expected true or false/ },
			{ what: 'an object', value: OBJECT, problem: /expected true or false/ },
			{ what: 'a list', value: [true], problem: /expected true or false/ },
		];
	}
	if (row.type === 'integer') {
		const wrong: Wrong[] = [
			{ what: 'text', value: 'soon', problem: /expected a whole number.*got soon/ },
			{ what: 'a fraction', value: 10.5, problem: /expected a whole number/ },
			{ what: 'a boolean', value: true, problem: /expected a whole number/ },
			{ what: 'an object', value: OBJECT, problem: /expected a whole number/ },
			{ what: 'a list', value: [30], problem: /expected a whole number/ },
		];
		if (range) {
			wrong.push({ what: 'one below the range', value: Number(range[1]) - 1, problem: new RegExp(`from ${range[1]} to ${range[2]}`) });
			wrong.push({ what: 'one above the range', value: Number(range[2]) + 1, problem: new RegExp(`from ${range[1]} to ${range[2]}`) });
		}
		return wrong;
	}
	if (row.type.includes('http-method')) {
		return [
			{ what: 'another method', value: 'PUT', problem: /expected one of GET, POST, got PUT/ },
			{ what: 'a number', value: 42, problem: /expected one of GET, POST/ },
			{ what: 'an object', value: OBJECT, problem: /expected text/ },
		];
	}
	if (row.type.includes('uri')) {
		return [
			{ what: 'an ftp URL', value: 'ftp://example.com/x', problem: /expected an http:\/\/ or https:\/\/ URL/ },
			{ what: 'no URL at all', value: 'not a url', problem: /expected an http:\/\/ or https:\/\/ URL/ },
			{ what: 'a URL with a space', value: 'https://exa mple.com/x', problem: /URL/ },
			{ what: 'a URL with a line break', value: 'https://example.com/\nx', problem: /URL/ },
			{ what: 'an object', value: OBJECT, problem: /expected text/ },
		];
	}
	if (row.pattern) {
		const prefix = row.pattern.slice(1, 3);
		const other = prefix === 'CA' ? 'CF' : 'CA';
		const sid = new RegExp(`SID of "${prefix}"`);
		return [
			{ what: 'the wrong prefix', value: `${other}${HEX32}`, problem: sid },
			{ what: 'one character short', value: `${prefix}${HEX32.slice(1)}`, problem: sid },
			{ what: 'one character long', value: `${prefix}${HEX32}0`, problem: sid },
			{ what: 'characters that are not hexadecimal', value: `${prefix}${'g'.repeat(32)}`, problem: sid },
			{ what: 'a number', value: 12345, problem: sid },
			{ what: 'an object', value: OBJECT, problem: /expected text/ },
		];
	}
	if (row.allowed.length) {
		return [
			{ what: 'a value outside the allowed set', value: 'bogus', problem: /expected one of .*got bogus/ },
			{ what: 'an allowed value in the wrong case', value: row.allowed[row.allowed.length - 1].toUpperCase() + 'X', problem: /expected one of/ },
			{ what: 'a list', value: [row.allowed[0]], problem: /expected text/ },
			{ what: 'an object', value: OBJECT, problem: /expected text/ },
		];
	}
	if (/US or CA/.test(row.range)) {
		return [
			{ what: 'another country', value: 'MX', problem: /expected one of .*got MX/ },
			{ what: 'a number', value: 1, problem: /expected one of/ },
		];
	}
	const text: Wrong[] = [
		{ what: 'a line break', value: 'two\nlines', problem: /control characters/ },
		{ what: 'a NUL character', value: 'a\u0000b', problem: /control characters/ },
		{ what: 'an escape character', value: 'a\u001b[31mb', problem: /control characters/ },
		{ what: 'a DEL character', value: 'a\u007fb', problem: /control characters/ },
		{ what: 'an object', value: OBJECT, problem: /expected text/ },
		{ what: 'a list holding an object', value: [OBJECT], problem: /expected text/ },
	];
	if (/base64/.test(row.range)) {
		text.push({ what: 'text that is not base64', value: 'not base64!', problem: /base64/ });
		text.push({ what: 'six entries', value: Array(6).fill('cGFzc3BvcnQ=').join(','), problem: /at most 5/ });
	}
	if (characters) {
		text.push({ what: 'one character too few', value: 'x'.repeat(Number(characters[1]) - 1), problem: new RegExp(`at least ${characters[1]} characters`) });
		text.push({ what: 'one character too many', value: 'x'.repeat(Number(characters[2]) + 1), problem: new RegExp(`at most ${characters[2]} characters`) });
	}
	return text;
}

/** "Invalid value for "Call SID To Coach" in item 3: ..." names CallSidToCoach: the same letters, spaces aside. */
function namedField(message: string | undefined): { field: string; item: number } | undefined {
	const m = /^Invalid value for "([^"]+)" in item (\d+): /.exec(message ?? '');
	return m ? { field: m[1].replace(/\s+/g, '').toLowerCase(), item: Number(m[2]) } : undefined;
}

const figures = { fields: 0, wrongValues: 0, refused: 0, passedThrough: 0 };

function expectRefusals(items: INodeExecutionData[], wrong: Wrong[], field: string) {
	wrong.forEach(({ what, problem }, i) => {
		const error = items[i]?.error;
		const context = `${field}, ${what}: ${error?.message ?? 'not refused'}`;
		expect({ context, named: namedField(error?.message) }).toEqual({ context, named: { field: field.toLowerCase(), item: i } });
		expect(error?.message).toMatch(problem);
		expect(error?.description).toBe('Nothing was sent to Twilio for this item.');
		expect(items[i].pairedItem).toEqual({ item: i });
	});
	figures.wrongValues += wrong.length;
	figures.refused += items.slice(0, wrong.length).filter((item) => namedField(item.error?.message)).length;
}

describe.each([
	['Create', 'create', () => createReference().filter((row) => !row.required)],
	['Update', 'update', updateReference],
])('%s: every optional parameter of the reference', (_title, operation, rows) => {
	const table = rows().map((row) => [row.name, row] as const);

	test('the reference gives the fields (58 for Create, 12 for Update)', () => {
		expect(table.length).toBe(operation === 'create' ? 58 : 12);
	});

	test.each(table)('%s: every wrong value is refused before any request, naming the field and its item', async (name, row) => {
		const wrong = wrongValuesFor(row);
		const good = sampleFor(row);
		const fields: Record<string, unknown> = { [fieldName(name)]: '={{ $json.v }}' };
		// Coaching on needs a call to coach; give it one so that only the value under test can be wrong.
		if (name === 'Coaching') fields.callSidToCoach = `CA${HEX32}`;
		const { parameters } = targetOf(h.sim, `bad input ${operation} ${name}`, operation, {
			...(operation === 'create' ? inCreateGroups(fields) : { updateFields: fields }),
		});
		const result = await h.run({
			parameters,
			items: [...wrong.map(({ value }) => ({ v: value }) as IDataObject), { v: good.value } as IDataObject],
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(wrong.length + 1);
		expectRefusals(result.items, wrong, name);
		// Only the last item, the one with a good value, went out, carrying that value as Twilio reads it.
		const sent = h.requests();
		expect(sent).toHaveLength(1);
		expect(sent[0].body[name]).toEqual(good.wire);
		expect(result.items[wrong.length].error).toBeUndefined();
		figures.fields += 1;
		h.record({ field: `${operation}: ${name}`, wrong: wrong.length, refused: wrong.length, 'requests for them': sent.length - 1, kinds: wrong.map((w) => w.what).join('; ').slice(0, 90) });
	});
});

describe('empty values of optional parameters are left out, not sent empty (but Wait URL, where empty means silence)', () => {
	test.each([
		['an empty string', ''],
		['null', null],
	])('%s in every optional Create parameter', async (_name, empty) => {
		const rows = createReference().filter((row) => !row.required);
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'bad input empties',
				from: '+15017122661',
				to: '+15558675310',
				...inCreateGroups(Object.fromEntries(rows.map((row) => [fieldName(row.name), '={{ $json.v }}']))),
			},
			items: [{ v: empty }],
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		// Twilio reads WaitUrl= as "play nothing while waiting"; every other empty value is left out.
		const waitUrl = empty === '' ? { WaitUrl: '' } : {};
		expect(h.requests()[0].body).toEqual({ From: '+15017122661', To: '+15558675310', ...waitUrl });
		h.record({ field: `create: all 58 optional, ${_name}`, wrong: 58, refused: 0, 'requests for them': 1, kinds: 'left out of the form' });
	});
});

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
			{ operation: 'update', conference: CF, participant: 'alice', updateFields: { muted: true }, options: { maxRequestsInFlight: '={{ $json.v }}' } },
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
		h.record({ field: title, wrong: wrong.length, refused: wrong.length, 'requests for them': 0, kinds: wrong.map((w) => w.what).join('; ').slice(0, 90) });
	});
});

describe('where Twilio is the judge, the value goes as given and Twilio\'s answer surfaces clearly', () => {
	test('huge values in every free-text Create parameter without a length rule are sent whole', async () => {
		// Label has Twilio's length rule of 128 characters (checked in test/labels.test.ts).
		const rows = createReference().filter((row) => !row.required && row.type === 'string' && row.name !== 'Label' && !row.allowed.length && !row.pattern && !/US or CA|base64|characters$/.test(row.range));
		const huge = (name: string) => `${name}:${'x'.repeat(20_000)}`;
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'bad input huge',
				from: '+15017122661',
				to: '+15558675310',
				...inCreateGroups(Object.fromEntries(rows.map((row) => [fieldName(row.name), huge(row.name)]))),
			},
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		const [sent] = h.requests();
		for (const row of rows) expect(sent.body[row.name]).toBe(huge(row.name));
		figures.passedThrough += rows.length;
		h.record({ field: `create: ${rows.length} free-text fields, 20 000 characters each`, wrong: rows.length, refused: 0, 'requests for them': 1, kinds: 'sent whole: Twilio judges (or cuts, per the reference)' });
	});

	test.each([
		['To that is not a phone number', { to: '+1555' }, 'To', '+1555', 21217, 'Phone number is not a valid phone number'],
		['From that is not a caller ID', { from: 'nobody' }, 'From', 'nobody', 21212, "Invalid From Number (caller ID): nobody"],
		['Caller ID that Twilio does not know', { additionalFields: { callerId: 'client:unknown' } }, 'CallerId', 'client:unknown', 21210, "Caller phone number not verified"],
		['a conference that looks like a SID of another kind (Create takes it as a name)', { conference: `CA${HEX32}` }, undefined, undefined, 20001, 'Friendly name is not allowed to look like a SID'],
	])('%s', async (_title, overrides, field, wire, code, message) => {
		h.sim.inject({ kind: 'status', status: 400, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 } });
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'create', conference: 'bad input judged', from: '+15017122661', to: '+15558675310', ...overrides },
			items: [{}, {}],
			credentials: h.credentials,
			continueOnFail: true,
		});
		const sent = h.requests();
		expect(sent).toHaveLength(2);
		if (field) expect(sent[0].body[field]).toBe(wire);
		// The first item met the injected answer; the second met the simulator's own judgement (it refuses a From
		// that is no caller ID, as Twilio does) or went through. Each names Twilio's judgement, its code, the item.
		const judged = result.items.filter((item) => item.error && item.error.message === `Twilio rejected the request: ${message}`);
		expect(result.items).toHaveLength(2);
		expect(judged).toHaveLength(1);
		expect(judged[0].error?.message).toBe(`Twilio rejected the request: ${message}`);
		expect(judged[0].error?.description).toContain(`Error code ${code}.`);
		expect(judged[0].error?.description).toContain(`https://www.twilio.com/docs/errors/${code}`);
		expect(judged[0].error?.context?.itemIndex).toBe((judged[0].pairedItem as { item: number }).item);
		figures.passedThrough += 1;
		h.record({ field: `Twilio judges: ${_title}`, wrong: 1, refused: 0, 'requests for them': 1, kinds: `400 ${code} surfaced` });
	});

	test('a participant label that does not exist is Twilio\'s to judge: a clear 404', async () => {
		const conference = h.sim.seedConference({ friendlyName: 'bad input 404' });
		const label = `${'ü'.repeat(3)} ?#% ${'y'.repeat(120)}`;
		const result = await h.run({ parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: label }, credentials: h.credentials });
		expect(h.requests()[0].pathSegments.at(-1)).toBe(`${label}.json`);
		expect(result.error?.message).toBe('Twilio could not find the conference or participant (404 Not Found)');
		figures.passedThrough += 1;
		h.record({ field: 'Participant: an unknown 128-character label', wrong: 1, refused: 0, 'requests for them': 1, kinds: '404 surfaced' });
	});
});

h.summarize(() => ({
	field: `total: ${figures.fields} fields`,
	wrong: figures.wrongValues + figures.passedThrough,
	refused: figures.refused,
	'requests for them': 0,
	kinds: `${figures.wrongValues} refused before sending, ${figures.passedThrough} passed through to Twilio`,
}));
