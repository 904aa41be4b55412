/**
 * Values from expressions that are not what a field takes are refused before anything is sent, naming the
 * field and the item: NaN, Infinity, booleans, numbers and objects for From and To; names every JavaScript
 * object has (constructor, toString, __proto__, ...) and values that are lists or objects for Custom
 * Parameters; NaN and Infinity anywhere text goes. Each input item comes from an expression (`$json.v`).
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { participantRequests, useSimulator } from '../helpers/twilio';

const env = useSimulator({}, ['FutureFlag']);

const CF = 'CF0123456789abcdef0123456789abcdef';
const create = (extra: IDataObject) => ({
	resource: 'participant',
	operation: 'create',
	conference: 'expression values',
	from: '+15017122661',
	to: '+15558675310',
	options: { callsPerSecond: 30 },
	...extra,
});

/** Runs one item per value, with Continue On Fail: every item must fail alone, naming its field and index. */
async function refusals(parameters: IDataObject, values: unknown[]) {
	const { items } = await runNode({
		parameters,
		items: values.map((v) => ({ v }) as IDataObject),
		credentials: env.credentials,
		continueOnFail: true,
	});
	expect(items).toHaveLength(values.length);
	return items.map((item) => item.error?.message);
}

const NOT_ADDRESSES: Array<[string, unknown, RegExp]> = [
	['NaN', NaN, /got NaN$/],
	['Infinity', Infinity, /got Infinity$/],
	['-Infinity', -Infinity, /got -Infinity$/],
	['true', true, /got true$/],
	['false', false, /got false$/],
	[
		'a phone number typed as a number',
		15558675310,
		/got the number 15558675310: a phone number given as a number has lost its leading \+/,
	],
	['an object', { number: '+15558675310' }, /got \{"number":"\+15558675310"\}$/],
	['a list', ['+15558675310'], /got \["\+15558675310"\]$/],
];

describe.each(['From', 'To'])('%s', (field) => {
	test('anything but text is refused, naming the field and the item; nobody is called', async () => {
		const key = field.toLowerCase();
		const messages = await refusals(
			create({ [key]: '={{ $json.v }}' }),
			NOT_ADDRESSES.map(([, value]) => value),
		);
		NOT_ADDRESSES.forEach(([what, , problem], index) => {
			expect([what, messages[index]]).toEqual([
				what,
				expect.stringMatching(
					new RegExp(
						`^Invalid value for "${field}" in item ${index}: expected text such as "\\+15558675310", ${problem.source}`,
					),
				),
			]);
		});
		expect(participantRequests(env.sim)).toHaveLength(0);
	});
});

test('text still goes as typed: a phone number, a client name, a SIP address', async () => {
	const { items } = await runNode({
		parameters: create({ to: '={{ $json.v }}' }),
		items: [{ v: '+15558675310' }, { v: 'client:alice' }, { v: 'sip:alice@example.com' }],
		credentials: env.credentials,
	});
	expect(items.map((item) => item.error)).toEqual([undefined, undefined, undefined]);
	expect(participantRequests(env.sim).map((request) => request.body.To)).toEqual([
		'+15558675310',
		'client:alice',
		'sip:alice@example.com',
	]);
});

test('one bad row among good ones: the bad one alone is refused and paired (Continue On Fail)', async () => {
	const { items } = await runNode({
		parameters: create({ to: '={{ $json.v }}' }),
		items: [{ v: '+15558675310' }, { v: NaN }, { v: '+15558675311' }],
		credentials: env.credentials,
		continueOnFail: true,
	});
	expect(items.map((item) => [item.pairedItem, item.error?.message.slice(0, 33)])).toEqual([
		[{ item: 0 }, undefined],
		[{ item: 1 }, 'Invalid value for "To" in item 1:'],
		[{ item: 2 }, undefined],
	]);
	expect(participantRequests(env.sim).map((request) => request.body.To)).toEqual(['+15558675310', '+15558675311']);
});

describe('NaN and Infinity are no text anywhere', () => {
	test.each([
		['Label (Create)', create({ additionalFields: { label: '={{ $json.v }}' } }), 'Label'],
		['Conference (Create, friendly name)', create({ conference: '={{ $json.v }}' }), 'Conference'],
		[
			'Participant (Update, label)',
			{
				resource: 'participant',
				operation: 'update',
				conference: CF,
				participant: '={{ $json.v }}',
				updateFields: { muted: true },
			},
			'Participant',
		],
		['Status Callback (Create)', create({ additionalFields: { statusCallback: '={{ $json.v }}' } }), 'Status Callback'],
	])('%s', async (_name, parameters, field) => {
		const messages = await refusals(parameters as IDataObject, [NaN, Infinity]);
		expect(messages).toEqual([
			expect.stringMatching(
				new RegExp(`^Invalid value for "${field}" in item 0: expected (text|an http:// or https:// URL), got NaN$`),
			),
			expect.stringMatching(
				new RegExp(
					`^Invalid value for "${field}" in item 1: expected (text|an http:// or https:// URL), got Infinity$`,
				),
			),
		]);
		expect(env.sim.requests).toHaveLength(0);
	});
});

describe('Custom Parameters', () => {
	const custom = (name: string, value: string) => create({ customParameters: { parameter: [{ name, value }] } });

	test('names every JavaScript object has are refused, naming the field and the item', async () => {
		const names = [
			'constructor',
			'toString',
			'hasOwnProperty',
			'valueOf',
			'isPrototypeOf',
			'propertyIsEnumerable',
			'toLocaleString',
			'__proto__',
			'__defineGetter__',
		];
		const messages = await refusals(custom('={{ $json.v }}', 'x'), names);
		names.forEach((name, index) => {
			expect([name, messages[index]]).toEqual([
				name,
				expect.stringMatching(
					new RegExp(
						`^Invalid value for "Custom Parameters → Name" in item ${index}: "${name}" is not a Twilio parameter name`,
					),
				),
			]);
		});
		expect(env.sim.requests).toHaveLength(0);
	});

	test('a value that is an object, a list, NaN or Infinity is refused, naming the parameter', async () => {
		// (A function is refused by n8n itself: "this is a function, please add ()".)
		const values = [{ a: 1 }, ['a', 'b'], NaN, Infinity];
		const messages = await refusals(custom('FutureFlag', '={{ $json.v }}'), values);
		expect(messages).toEqual([
			'Invalid value for "Custom Parameters → Value" in item 0: "FutureFlag" expected text, a number or true/false, got {"a":1}',
			'Invalid value for "Custom Parameters → Value" in item 1: "FutureFlag" got a list: add one entry named FutureFlag per value instead',
			'Invalid value for "Custom Parameters → Value" in item 2: "FutureFlag" expected text, a number or true/false, got NaN',
			'Invalid value for "Custom Parameters → Value" in item 3: "FutureFlag" expected text, a number or true/false, got Infinity',
		]);
		expect(env.sim.requests).toHaveLength(0);
	});

	test('numbers and true/false still go as text, and a capitalised name that only resembles one is fine', async () => {
		const { items } = await runNode({
			parameters: custom('FutureFlag', '={{ $json.v }}'),
			items: [{ v: 5 }, { v: true }],
			credentials: env.credentials,
		});
		expect(items.map((item) => item.error)).toEqual([undefined, undefined]);
		expect(participantRequests(env.sim).map((request) => request.body.FutureFlag)).toEqual(['5', 'true']);
	});

	test('a Custom Parameters list that an expression made into something else is refused', async () => {
		const { items } = await runNode({
			parameters: create({ customParameters: { parameter: '={{ { name: "FutureFlag" } }}' } }),
			credentials: env.credentials,
			continueOnFail: true,
		});
		// n8n itself may reshape what the expression gave before the node reads it; either way it is refused.
		expect(items[0].error?.message).toMatch(/^Invalid value for "Custom Parameters( → Name)?" in item 0: /);
		expect(env.sim.requests).toHaveLength(0);
	});
});
