/**
 * The Auth Token (or API Key Secret) never appears in an output item, an error's message or description, or
 * n8n's logs: not when Twilio or a proxy echoes the request, Authorization header included, and not when a URL
 * carries credentials. Each test checks its own run; the harness scans every run and log line of the file after.
 */
import { ACCOUNT_SID, AUTH_TOKEN, credentialsFor } from '../helpers/twilio';
import { API_KEY_SECRET, API_KEY_SID, SECRET_FORMS, reliability, requestsNumbered, secretHits } from './harness';

const h = reliability('secrets', { apiKeys: [{ sid: API_KEY_SID, secret: API_KEY_SECRET }] });

const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');
/** What a careless proxy or Twilio itself might send back: the request, credentials and all. */
const echo = (user: string, secret: string) =>
	`POST /x HTTP/1.1 Authorization: Basic ${basic(user, secret)} password=${secret} url=https://${user}:${encodeURIComponent(secret)}@api.twilio.com/`;
const ECHO = echo(ACCOUNT_SID, AUTH_TOKEN);

let room = 0;
function target() {
	const conference = h.sim.seedConference({ friendlyName: `secrets ${++room}` });
	const [participant] = h.sim.seedParticipants(conference.sid, 1, { label: 'echo' });
	return { conference, participant };
}

function parametersFor(operation: string, conference: { sid: string; friendly_name: string }) {
	return {
		resource: 'participant',
		operation,
		conference: operation === 'create' ? conference.friendly_name : conference.sid,
		participant: 'echo',
		from: '+15017122661',
		to: '+15558675310',
		returnAll: true,
		// Get Many simplifies by default, which would drop the fields these tests put the echo in.
		simplify: false,
		updateFields: { muted: true },
		options: { callsPerSecond: 30, maxRetries: 0 },
	};
}

/** What n8n logged during the current test (the harness scans the whole file's logs after it). */
let logStart = 0;
beforeEach(() => {
	logStart = h.logs.length;
});
const testLogs = () => h.logs.slice(logStart);

const figures = { scenarios: 0, leaks: 0 };
function tally(result: unknown, name: string) {
	figures.scenarios += 1;
	const hits = secretHits(result);
	figures.leaks += hits.length;
	h.record({ scenario: name, 'secret forms found': hits.length });
	expect(hits).toEqual([]);
}

test('the scan finds every form of the secrets it looks for (so a leak would fail the file)', () => {
	for (const [name, form] of SECRET_FORMS)
		expect(secretHits({ nested: [{ text: `…${form}…` }] }).join()).toContain(name);
	expect(secretHits(new Error(`x ${AUTH_TOKEN}`)).length).toBeGreaterThan(0);
	expect(secretHits({ clean: 'nothing to see' })).toEqual([]);
	expect(ECHO).toContain(AUTH_TOKEN);
});

describe.each(['create', 'get', 'getAll', 'update', 'delete'])('%s', (operation) => {
	test.each([true, false])('Twilio echoes the request in its error (Continue On Fail: %s)', async (continueOnFail) => {
		const { conference } = target();
		h.sim.inject({
			kind: 'status',
			status: 400,
			body: {
				code: 20001,
				message: `Invalid request: ${ECHO}`,
				more_info: `https://www.twilio.com/docs/errors/20001?echo=${AUTH_TOKEN}`,
				status: 400,
			},
		});
		const result = await h.run({
			parameters: parametersFor(operation, conference),
			credentials: h.credentials,
			continueOnFail,
		});
		const error = continueOnFail ? result.items[0]?.error : result.error;
		// Twilio's words still reach the user, without the secret.
		expect(error?.message).toMatch(
			/^Twilio rejected the request: Invalid request: POST \/x HTTP\/1\.1 Authorization: Basic \[redacted\] password=\[redacted\]/,
		);
		expect(error?.description).toContain('[redacted]');
		if (!continueOnFail) {
			// n8n logged the failure, and the log line is captured (and clean).
			const logged = JSON.stringify(testLogs());
			expect(logged).toContain('Twilio rejected the request');
			expect(logged).toContain('[redacted]');
		}
		tally(
			{ result, logs: testLogs() },
			`${operation}: 400 echoing the request${continueOnFail ? ' (Continue On Fail)' : ''}`,
		);
	});

	test('an HTML error page from a proxy that echoes the Authorization header', async () => {
		const { conference } = target();
		h.sim.inject({
			kind: 'status',
			status: 502,
			body: `<html><body><pre>${ECHO}</pre></body></html>`,
			headers: { 'Content-Type': 'text/html' },
		});
		const result = await h.run({
			parameters: parametersFor(operation, conference),
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items[0].error?.message).toBe('Twilio had a problem on its side (502)');
		expect(JSON.stringify((result.items[0].error as unknown as { errorResponse: unknown }).errorResponse)).toContain(
			'[redacted]',
		);
		tally(result, `${operation}: 502 HTML page echoing the Authorization header`);
	});
});

describe.each(['create', 'get', 'update'])('%s: a successful answer that carries the secret', (operation) => {
	test('is output with the secret replaced and everything else kept', async () => {
		const { conference, participant } = target();
		h.sim.inject({
			kind: 'status',
			status: 200,
			body: {
				call_sid: participant.call_sid,
				label: 'echo',
				status: 'connected',
				conference_sid: conference.sid,
				debug: { request: ECHO },
			},
		});
		const result = await h.run({ parameters: parametersFor(operation, conference), credentials: h.credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			call_sid: participant.call_sid,
			label: 'echo',
			conference_sid: conference.sid,
		});
		expect(JSON.stringify(result.items[0].json)).toContain(
			`Authorization: Basic [redacted] password=[redacted] url=https://${ACCOUNT_SID}:[redacted]@api.twilio.com/`,
		);
		tally(result, `${operation}: 200 answer echoing the request`);
	});
});

test('malformed JSON that echoes the request: the error keeps the start of the body, without the secret', async () => {
	const { conference } = target();
	h.sim.inject({
		kind: 'status',
		status: 200,
		body: `{"echo":"${ECHO}`,
		headers: { 'Content-Type': 'application/json' },
	});
	const result = await h.run({ parameters: parametersFor('update', conference), credentials: h.credentials });
	expect(result.error?.message).toBe('Twilio answered with a body that is not JSON (status 200)');
	tally({ result, logs: testLogs() }, 'update: malformed JSON echoing the request');
});

test('Get Many: a page echoing the secret, and a next_page_uri that carries it', async () => {
	const conference = h.sim.seedConference({ friendlyName: `secrets pages ${++room}` });
	const seeded = h.sim.seedParticipants(conference.sid, 3);
	const list = `/Conferences/${conference.sid}/Participants.json`;
	const base = `/2010-04-01/Accounts/${ACCOUNT_SID}${list}`;
	h.sim.inject({
		kind: 'status',
		status: 200,
		path: requestsNumbered(list, 1),
		body: {
			participants: [seeded[0]],
			next_page_uri: `${base}?PageSize=1&Page=1&PageToken=PA${seeded[0].call_sid}&AuthToken=${AUTH_TOKEN}`,
			uri: `${base}?AuthToken=${AUTH_TOKEN}`,
		},
	});
	// The first fault takes the first request and is gone, so this one first sees the second request.
	h.sim.inject({
		kind: 'status',
		status: 200,
		path: requestsNumbered(list, 1),
		body: { participants: [{ ...seeded[1], note: ECHO }], next_page_uri: null },
	});
	const result = await h.run({ parameters: parametersFor('getAll', conference), credentials: h.credentials });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.call_sid)).toEqual([seeded[0].call_sid, seeded[1].call_sid]);
	// The link was followed on the same host; what came back is output without the secret.
	expect(h.requests()[1].query.PageToken).toBe(`PA${seeded[0].call_sid}`);
	expect(String(result.items[1].json.note)).toContain('[redacted]');
	tally(result, 'getAll: page echoing the request, next_page_uri carrying the token');
});

test('a 404 whose message repeats a URL that carries the token', async () => {
	const { conference } = target();
	h.sim.inject({
		kind: 'status',
		status: 404,
		body: {
			code: 20404,
			message: `The requested resource /2010-04-01/Accounts/${ACCOUNT_SID}/x.json?AuthToken=${encodeURIComponent(AUTH_TOKEN)} was not found`,
			more_info: 'https://www.twilio.com/docs/errors/20404',
			status: 404,
		},
	});
	const result = await h.run({ parameters: parametersFor('get', conference), credentials: h.credentials });
	expect(result.error?.message).toBe('Twilio could not find the conference or participant (404 Not Found)');
	expect(result.error?.description).toContain('AuthToken=[redacted]');
	tally({ result, logs: testLogs() }, 'get: 404 repeating a URL with the token');
});

describe('an API Base URL that carries the credentials itself', () => {
	const credentialsInUrl = () => {
		const url = new URL(h.sim.url);
		url.username = ACCOUNT_SID;
		url.password = AUTH_TOKEN;
		return credentialsFor(h.sim, { baseUrl: url.toString().replace(/\/$/, '') });
	};

	test.each([
		['success', undefined],
		['a reset connection', { kind: 'reset' }],
		['a timeout', { kind: 'hang', ms: 2000 }],
		['a 500', { kind: 'status', status: 500 }],
	])('%s: nothing output or logged names the token', async (name, fault) => {
		const { conference, participant } = target();
		if (fault) h.sim.inject(fault);
		const result = await h.run({
			parameters: { ...parametersFor('get', conference), requestOptions: { timeout: 300 } },
			credentials: credentialsInUrl(),
		});
		if (fault) expect(result.error?.message).toBeDefined();
		else expect(result.items[0].json.call_sid).toBe(participant.call_sid);
		tally({ result, logs: testLogs() }, `get with credentials in the base URL: ${name}`);
	});
});

describe('with an API key instead of the Auth Token', () => {
	const apiKey = () =>
		credentialsFor(h.sim, { authType: 'apiKey', apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET, authToken: '' });

	test('the API Key Secret is kept out of an echoing error and an echoing answer', async () => {
		const { conference, participant } = target();
		const keyEcho = echo(API_KEY_SID, API_KEY_SECRET);
		h.sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 20001, message: `Invalid request: ${keyEcho}`, status: 400 },
		});
		const failed = await h.run({ parameters: parametersFor('update', conference), credentials: apiKey() });
		expect(h.requests()[0].authUser).toBe(API_KEY_SID);
		expect(failed.error?.message).toContain('Basic [redacted] password=[redacted]');
		h.sim.inject({ kind: 'status', status: 200, body: { call_sid: participant.call_sid, note: keyEcho } });
		const answered = await h.run({ parameters: parametersFor('get', conference), credentials: apiKey() });
		expect(answered.items[0].json.note).toContain('[redacted]');
		tally({ failed, answered, logs: testLogs() }, 'update/get with an API key: echoes of the secret');
	});
});

// Conference "By Friendly Name" on Get, Update, Delete and Get Many looks the SID up before the operation's own
// request (transport.twilioGet, from prepareRequest); its errors are redacted there.
test('a friendly-name lookup whose error echoes the token does not carry it', async () => {
	const { conference } = target();
	h.sim.inject({
		kind: 'status',
		status: 400,
		body: { code: 20001, message: `Invalid request: ${ECHO}`, status: 400 },
	});
	const result = await h.run({
		parameters: {
			...parametersFor('get', conference),
			conference: { __rl: true, mode: 'name', value: conference.friendly_name },
		},
		credentials: h.credentials,
		continueOnFail: true,
	});
	expect(result.items[0].error?.message).toMatch(/^Twilio rejected the request: Invalid request/);
	expect(secretHits(result)).toEqual([]);
});

h.summarize(() => ({
	scenario: `total: ${figures.scenarios} scenarios (plus the scan of every run and log line of the file)`,
	'secret forms found': figures.leaks,
}));
