import { runNode } from './helpers/engine';
import type { RunResult } from './helpers/engine';
import { ACCOUNT_SID, AUTH_TOKEN, participantRequests, useSimulator } from './helpers/twilio';
import { inCreateGroups } from './helpers/createFields';

const env = useSimulator();
const CF = 'CF0123456789abcdef0123456789abcdef';

const create = (fields: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
	resource: 'participant',
	operation: 'create',
	conference: 'Errors Room',
	from: '+15017122661',
	to: '+15558675310',
	...inCreateGroups(fields),
	...extra,
});

function expectRefused(result: RunResult, field: string, item = 0) {
	expect(result.error?.message).toContain(`"${field}"`);
	expect(result.error?.message).toContain(`item ${item}`);
	expect(participantRequests(env.sim)).toHaveLength(0);
}

describe('bad input is refused before any request, naming the field and the item', () => {
	test.each([
		['Timeout below its range', create({ timeout: 3 }), 'Timeout', 'from 5 to 600'],
		['Timeout above its range', create({ timeout: 601 }), 'Timeout', 'from 5 to 600'],
		['a fractional number', create({ maxParticipants: 10.5 }), 'Max Participants', 'whole number'],
		['a number from an expression that is text', create({ timeout: '={{ "soon" }}' }), 'Timeout', 'got soon'],
		['a boolean from an expression that is text', create({ muted: '={{ "yes" }}' }), 'Muted', 'true or false'],
		['an option outside its set', create({ beep: '={{ "loud" }}' }), 'Beep', 'one of'],
		[
			'an event outside its set',
			create({ statusCallbackEvent: '={{ ["ringing", "busy"] }}' }),
			'Status Callback Event',
			'busy',
		],
		['a URL that is not http(s)', create({ statusCallback: 'ftp://example.com/x' }), 'Status Callback', 'URL'],
		[
			'a coach SID with the wrong prefix',
			create({ coaching: true, callSidToCoach: 'CF0123456789abcdef0123456789abcdef' }),
			'Call SID To Coach',
			'"CA"',
		],
		['a BYOC SID of the wrong length', create({ byoc: 'BY0123' }), 'BYOC', '"BY"'],
		['Coaching on without a call to coach', create({ coaching: true }), 'Call SID To Coach', 'required when Coaching'],
		['a caller display name too short', create({ callerDisplayName: 'A' }), 'Caller Display Name', 'at least 2'],
		['a label with a line break', create({ label: 'two\nlines' }), 'Label', 'control characters'],
		['an empty To from an expression', create({}, { to: '={{ "" }}' }), 'To', 'required'],
		['a To made of spaces', create({}, { to: '   ' }), 'To', 'required'],
		[
			'a conference from an expression that finds nothing',
			create({}, { conference: '={{ $json.missing }}' }),
			'Conference',
			'required',
		],
		[
			'a conference that is not a SID on Get',
			{ resource: 'participant', operation: 'get', conference: 'Sales', participant: 'alice' },
			'Conference',
			'"CF"',
		],
		[
			'an empty participant on Delete',
			{ resource: 'participant', operation: 'delete', conference: CF, participant: '={{ "" }}' },
			'Participant',
			'required',
		],
		[
			'a participant label with a tab',
			{
				resource: 'participant',
				operation: 'update',
				conference: CF,
				participant: 'a\tb',
				updateFields: { muted: true },
			},
			'Participant',
			'control characters',
		],
		[
			'a coach SID from an expression of the wrong type on Update',
			{
				resource: 'participant',
				operation: 'update',
				conference: CF,
				participant: 'alice',
				updateFields: { coaching: true, callSidToCoach: '={{ 12345 }}' },
			},
			'Call SID To Coach',
			'"CA"',
		],
		[
			'a filter that is not a boolean',
			{ resource: 'participant', operation: 'getAll', conference: CF, filters: { muted: '={{ "maybe" }}' } },
			'Muted',
			'true or false',
		],
	])('%s', async (_name, parameters, field, problem) => {
		const result = await runNode({ parameters, credentials: env.credentials });
		expectRefused(result, field);
		expect(result.error?.message).toContain(problem);
	});

	test('a required field left empty in the editor is stopped by n8n itself', async () => {
		await expect(runNode({ parameters: create({}, { to: '' }), credentials: env.credentials })).rejects.toThrow(
			'Parameter "To" is required',
		);
		expect(participantRequests(env.sim)).toHaveLength(0);
	});

	test('an Account SID in the credential that is not a SID', async () => {
		const result = await runNode({ parameters: create(), credentials: { ...env.credentials, accountSid: 'ACnope' } });
		expectRefused(result, 'Account SID (credential)');
	});

	test("the item number is the failing item's", async () => {
		const result = await runNode({
			parameters: create({ timeout: '={{ $json.t }}' }),
			items: [{ t: 30 }, { t: 30 }, { t: 2 }],
			credentials: env.credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid value for "Timeout" in item 2: expected a whole number from 5 to 600, got 2',
		);
	});
});

describe("Twilio's errors become n8n errors that say what happened", () => {
	test('401: wrong credentials', async () => {
		const result = await runNode({
			parameters: create(),
			credentials: { ...env.credentials, authToken: 'wrong-token' },
		});
		expect(result.error?.message).toBe('Twilio did not accept the credentials (401 Unauthorized)');
		expect(result.error?.description).toContain('Error code 20003');
		expect(result.error?.description).toContain('https://www.twilio.com/docs/errors/20003');
		expect(result.error?.description).toContain('Check the Account SID and Auth Token');
		expect(result.error?.httpCode).toBe('401');
	});

	test('404: unknown participant', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'not here' });
		const result = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'nobody' },
			credentials: env.credentials,
		});
		expect(result.error?.message).toBe('Twilio could not find the conference or participant (404 Not Found)');
		expect(result.error?.description).toContain('Error code 20404');
		expect(result.error?.httpCode).toBe('404');
	});

	test('400: Twilio judges a value the node passes through', async () => {
		env.sim.inject({
			kind: 'status',
			status: 400,
			method: 'POST',
			body: {
				code: 21217,
				message: 'Phone number is not a valid phone number',
				more_info: 'https://www.twilio.com/docs/errors/21217',
				status: 400,
			},
		});
		const result = await runNode({ parameters: create({}, { to: '+1555' }), credentials: env.credentials });
		expect(result.error?.message).toBe('Twilio rejected the request: Phone number is not a valid phone number');
		expect(result.error?.description).toContain('Error code 21217.');
		expect(result.error?.description).toContain('More: https://www.twilio.com/docs/errors/21217');
	});

	test('429: too many open requests, named with what to do, when retries are used up', async () => {
		env.sim.inject({
			kind: 'status',
			status: 429,
			times: 5,
			headers: { 'Retry-After': '0' },
			body: {
				code: 20429,
				message: 'Too Many Requests',
				more_info: 'https://www.twilio.com/docs/errors/20429',
				status: 429,
			},
		});
		const result = await runNode({
			parameters: create({}, { options: { maxRetries: 1 } }),
			credentials: env.credentials,
		});
		expect(result.error?.message).toBe(
			'Twilio refused the request: too many requests are open for this account (429 Too Many Requests) after 2 attempts',
		);
		expect(result.error?.description).toContain('Max Requests In Flight');
		expect(result.error?.description).toContain('Error code 20429.');
		expect(participantRequests(env.sim)).toHaveLength(2);
	});

	test('500 on Update is not retried: Twilio may have acted', async () => {
		env.sim.inject({
			kind: 'status',
			status: 500,
			body: {
				code: 20500,
				message: 'Internal Server Error',
				more_info: 'https://www.twilio.com/docs/errors/20500',
				status: 500,
			},
		});
		const result = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: CF,
				participant: 'x',
				updateFields: { muted: true },
			},
			credentials: env.credentials,
		});
		expect(result.error?.message).toBe('Twilio had a problem on its side (500)');
		expect(participantRequests(env.sim)).toHaveLength(1);
	});
});

describe('Continue On Fail', () => {
	test('N items in give N items out, failures paired with their inputs in order', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'cof' });
		const [alice] = env.sim.seedParticipants(conference.sid, 1, { label: 'alice' });
		const result = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: '={{ $json.who }}',
				updateFields: { muted: '={{ $json.mute }}' },
			},
			items: [
				{ who: 'alice', mute: true },
				{ who: 'alice', mute: 'perhaps' },
				{ who: 'ghost', mute: true },
				{ who: alice.call_sid, mute: false },
			],
			credentials: env.credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ label: 'alice', muted: true });
		expect(result.items[1].error?.message).toContain('Invalid value for "Muted" in item 1');
		expect(result.items[2].error?.message).toBe('Twilio could not find the conference or participant (404 Not Found)');
		expect(result.items[3].json).toMatchObject({ label: 'alice', muted: false });
	});
});

test('the Auth Token appears in no output, error or request log line', async () => {
	const results = [
		await runNode({ parameters: create(), credentials: { ...env.credentials, authToken: `${AUTH_TOKEN}-wrong` } }),
		await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: CF, participant: 'x' },
			credentials: env.credentials,
			continueOnFail: true,
		}),
	];
	const text = JSON.stringify(
		results.map((r) => ({
			items: r.items,
			error: r.error && { message: r.error.message, description: r.error.description, context: r.error.context },
			run: r.run.data,
		})),
	);
	expect(text).toContain(ACCOUNT_SID);
	expect(text).not.toContain(AUTH_TOKEN);
	expect(text).not.toContain(Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'));
});
