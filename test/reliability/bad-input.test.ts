/**
 * Bad input, table-driven. The fields come from test/fixtures/participant-parameters.md (not from the node's
 * own table); each gets wrong values of every kind an expression can hand over. Each wrong value is either refused
 * before any request, with a message naming the field and the item, or, where Twilio is the judge, sent as given
 * and Twilio's answer surfaces clearly.
 */
import type { IDataObject } from 'n8n-workflow';

import { createReference, fieldName, sampleFor, updateReference } from '../helpers/reference';
import type { ReferenceParameter } from '../helpers/reference';
import { reliability, targetOf } from './harness';
import { inCreateGroups } from '../helpers/createFields';
import { expectRefusals, figures, HEX32, OBJECT } from './refusals';
import type { Wrong } from './refusals';

const h = reliability('bad-input');

/** Wrong values for one reference row, from its type, allowed values, range and pattern alone. */
function wrongValuesFor(row: ReferenceParameter): Wrong[] {
	const range = /^(\d+)\.\.(\d+)$/.exec(row.range);
	const characters = /^(\d+)\.\.(\d+) characters$/.exec(row.range);
	if (row.type.startsWith('array')) {
		return [
			{
				what: 'a value outside the allowed set',
				value: [row.allowed[0], 'bogus'],
				problem: /expected one of .*got bogus/,
			},
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
			wrong.push({
				what: 'one below the range',
				value: Number(range[1]) - 1,
				problem: new RegExp(`from ${range[1]} to ${range[2]}`),
			});
			wrong.push({
				what: 'one above the range',
				value: Number(range[2]) + 1,
				problem: new RegExp(`from ${range[1]} to ${range[2]}`),
			});
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
			{
				what: 'an allowed value in the wrong case',
				value: row.allowed[row.allowed.length - 1].toUpperCase() + 'X',
				problem: /expected one of/,
			},
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
		text.push({
			what: 'one character too few',
			value: 'x'.repeat(Number(characters[1]) - 1),
			problem: new RegExp(`at least ${characters[1]} characters`),
		});
		text.push({
			what: 'one character too many',
			value: 'x'.repeat(Number(characters[2]) + 1),
			problem: new RegExp(`at most ${characters[2]} characters`),
		});
	}
	return text;
}

describe.each([
	['Create', 'create', () => createReference().filter((row) => !row.required)],
	['Update', 'update', updateReference],
])('%s: every optional parameter of the reference', (_title, operation, rows) => {
	const table = rows().map((row) => [row.name, row] as const);

	test('the reference gives the fields (58 for Create, 12 for Update)', () => {
		expect(table.length).toBe(operation === 'create' ? 58 : 12);
	});

	test.each(table)(
		'%s: every wrong value is refused before any request, naming the field and its item',
		async (name, row) => {
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
			h.record({
				field: `${operation}: ${name}`,
				wrong: wrong.length,
				refused: wrong.length,
				'requests for them': sent.length - 1,
				kinds: wrong
					.map((w) => w.what)
					.join('; ')
					.slice(0, 90),
			});
		},
	);
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
		h.record({
			field: `create: all 58 optional, ${_name}`,
			wrong: 58,
			refused: 0,
			'requests for them': 1,
			kinds: 'left out of the form',
		});
	});
});

h.summarize(() => ({
	field: `total: ${figures.fields} fields`,
	wrong: figures.wrongValues + figures.passedThrough,
	refused: figures.refused,
	'requests for them': 0,
	kinds: `${figures.wrongValues} refused before sending, ${figures.passedThrough} passed through to Twilio`,
}));
