/**
 * Where Twilio is the judge: values the node has no rule for go as given, and Twilio's answer surfaces clearly,
 * with its code and link, naming the item. The refusals before sending are in bad-input.test.ts.
 */
import { fieldName, createReference } from '../helpers/reference';
import { inCreateGroups } from '../helpers/createFields';
import { reliability } from './harness';

const h = reliability('twilio-judges');
const HEX32 = '0123456789abcdef0123456789abcdef';
const figures = { passedThrough: 0 };

describe("where Twilio is the judge, the value goes as given and Twilio's answer surfaces clearly", () => {
	test('huge values in every free-text Create parameter without a length rule are sent whole', async () => {
		// Label has Twilio's length rule of 128 characters (checked in test/labels.test.ts).
		const rows = createReference().filter(
			(row) =>
				!row.required &&
				row.type === 'string' &&
				row.name !== 'Label' &&
				!row.allowed.length &&
				!row.pattern &&
				!/US or CA|base64|characters$/.test(row.range),
		);
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
		h.record({
			field: `create: ${rows.length} free-text fields, 20 000 characters each`,
			wrong: rows.length,
			refused: 0,
			'requests for them': 1,
			kinds: 'sent whole: Twilio judges (or cuts, per the reference)',
		});
	});

	test.each([
		[
			'To that is not a phone number',
			{ to: '+1555' },
			'To',
			'+1555',
			21217,
			'Phone number is not a valid phone number',
		],
		[
			'From that is not a caller ID',
			{ from: 'nobody' },
			'From',
			'nobody',
			21212,
			'Invalid From Number (caller ID): nobody',
		],
		[
			'Caller ID that Twilio does not know',
			{ additionalFields: { callerId: 'client:unknown' } },
			'CallerId',
			'client:unknown',
			21210,
			'Caller phone number not verified',
		],
		[
			'a conference that looks like a SID of another kind (Create takes it as a name)',
			{ conference: `CA${HEX32}` },
			undefined,
			undefined,
			20001,
			'Friendly name is not allowed to look like a SID',
		],
	])('%s', async (_title, overrides, field, wire, code, message) => {
		h.sim.inject({
			kind: 'status',
			status: 400,
			body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 },
		});
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'bad input judged',
				from: '+15017122661',
				to: '+15558675310',
				...overrides,
			},
			items: [{}, {}],
			credentials: h.credentials,
			continueOnFail: true,
		});
		const sent = h.requests();
		expect(sent).toHaveLength(2);
		if (field) expect(sent[0].body[field]).toBe(wire);
		// The first item met the injected answer; the second met the simulator's own judgement (it refuses a From
		// that is no caller ID, as Twilio does) or went through. Each names Twilio's judgement, its code, the item.
		const judged = result.items.filter(
			(item) => item.error && item.error.message === `Twilio rejected the request: ${message}`,
		);
		expect(result.items).toHaveLength(2);
		expect(judged).toHaveLength(1);
		expect(judged[0].error?.message).toBe(`Twilio rejected the request: ${message}`);
		expect(judged[0].error?.description).toContain(`Error code ${code}.`);
		expect(judged[0].error?.description).toContain(`https://www.twilio.com/docs/errors/${code}`);
		expect(judged[0].error?.context?.itemIndex).toBe((judged[0].pairedItem as { item: number }).item);
		figures.passedThrough += 1;
		h.record({
			field: `Twilio judges: ${_title}`,
			wrong: 1,
			refused: 0,
			'requests for them': 1,
			kinds: `400 ${code} surfaced`,
		});
	});

	test("a participant label that does not exist is Twilio's to judge: a clear 404", async () => {
		const conference = h.sim.seedConference({ friendlyName: 'bad input 404' });
		const label = `${'ü'.repeat(3)} ?#% ${'y'.repeat(120)}`;
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: label },
			credentials: h.credentials,
		});
		expect(h.requests()[0].pathSegments.at(-1)).toBe(`${label}.json`);
		expect(result.error?.message).toBe('Twilio could not find the conference or participant (404 Not Found)');
		figures.passedThrough += 1;
		h.record({
			field: 'Participant: an unknown 128-character label',
			wrong: 1,
			refused: 0,
			'requests for them': 1,
			kinds: '404 surfaced',
		});
	});
});

h.summarize(() => ({
	field: 'total',
	wrong: figures.passedThrough,
	refused: 0,
	'requests for them': figures.passedThrough,
	kinds: "Twilio's answer surfaced",
}));
