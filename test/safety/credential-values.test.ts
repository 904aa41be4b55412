/**
 * Credential values are read the same way everywhere: a SID or secret pasted with a stray space or line break
 * signs in (the path has always trimmed the Account SID; Basic auth and the credential test now do too). And
 * secrets of any length are redacted: a long one wherever it appears, a short one (which would match ordinary
 * text) in the forms that belong to authentication, the Basic header and `user:secret`.
 */
import { runListSearch, runNode, testCredentials } from '../helpers/engine';
import { walkForSecrets } from '../helpers/leaks';
import { ACCOUNT_SID, AUTH_TOKEN, participantRequests, startSimulator } from '../helpers/twilio';
import type { Simulator } from '../helpers/twilio';

const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
const API_KEY_SECRET = 'key_secret_for_padding_tests_1';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [{ sid: API_KEY_SID, secret: API_KEY_SECRET }] });
});
afterEach(() => {
	sim.clearRequests();
	sim.clearFaults();
});
afterAll(async () => await sim.close());

const padded = (value: string) => ` ${value} \n`;

describe('values with stray spaces or a line break', () => {
	test.each([
		['the Account SID', () => ({ accountSid: padded(ACCOUNT_SID), authToken: AUTH_TOKEN }), ACCOUNT_SID],
		['the Auth Token', () => ({ accountSid: ACCOUNT_SID, authToken: padded(AUTH_TOKEN) }), ACCOUNT_SID],
		[
			'the API Key SID and Secret',
			() => ({
				authType: 'apiKey',
				accountSid: padded(ACCOUNT_SID),
				apiKeySid: padded(API_KEY_SID),
				apiKeySecret: padded(API_KEY_SECRET),
			}),
			API_KEY_SID,
		],
	])('%s: the operation, the pickers and the credential test all sign in', async (_name, values, user) => {
		const credentials = { ...values(), baseUrl: sim.url };
		const conference = sim.seedConference({ friendlyName: `padded ${_name}` });
		const [participant] = sim.seedParticipants(conference.sid, 1, { label: 'p' });
		const { items, error } = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'p' },
			credentials,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.call_sid).toBe(participant.call_sid);
		expect(participantRequests(sim)[0].path).toContain(`/Accounts/${ACCOUNT_SID}/Conferences/`);
		const listed = await runListSearch('searchConferences', { parameters: {}, credentials, filter: `padded ${_name}` });
		expect(listed.results.map((result) => result.value)).toEqual([conference.sid]);
		const tested = await testCredentials(credentials);
		expect(tested.error).toBeUndefined();
		expect(sim.requests.map((request) => request.authUser)).toEqual([user, user, user]);
		expect(sim.requests.map((request) => request.status)).toEqual([200, 200, 200]);
	});
});

describe('secrets of any length are redacted', () => {
	const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');

	test.each([
		['1 character', 'a'],
		['5 characters', 'a1b2c'],
	])('a %s secret: gone from its Basic header and user:secret, ordinary text left whole', async (_name, secret) => {
		const short = await startSimulator({ authToken: secret });
		try {
			const credentials = { accountSid: ACCOUNT_SID, authToken: secret, baseUrl: short.url };
			const conference = short.seedConference({ friendlyName: 'short' });
			const [participant] = short.seedParticipants(conference.sid, 1, { label: 'a1b2c3' });
			const ok = await runNode({
				parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'a1b2c3' },
				credentials,
			});
			// A SID, a label and a status all hold the secret's characters: none may be touched.
			expect(ok.items[0].json).toMatchObject({
				call_sid: participant.call_sid,
				label: 'a1b2c3',
				conference_sid: conference.sid,
			});
			short.inject({
				kind: 'status',
				status: 400,
				body: {
					code: 20001,
					message: `Echo: Authorization: Basic ${basic(ACCOUNT_SID, secret)} url=https://${ACCOUNT_SID}:${secret}@api.twilio.com/`,
					status: 400,
				},
			});
			const failed = await runNode({
				parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'a1b2c3' },
				credentials,
			});
			expect(failed.error?.message).toBe(
				'Twilio rejected the request: Echo: Authorization: Basic [redacted] url=https://[redacted]@api.twilio.com/',
			);
			const forms: Array<[string, string]> = [
				['Basic header', basic(ACCOUNT_SID, secret).replace(/=+$/, '')],
				['user:secret', `${ACCOUNT_SID}:${secret}`],
			];
			expect(walkForSecrets(failed, forms).hits).toEqual([]);
		} finally {
			await short.close();
		}
	});

	// A header value can carry base64 padding or not, and base64url instead of base64; a secret pasted with a
	// line break is echoed as typed. Every form is looked for.
	test('Basic credentials without padding, in base64url, and as typed with a line break', async () => {
		const conference = sim.seedConference({ friendlyName: 'forms' });
		sim.seedParticipants(conference.sid, 1, { label: 'p' });
		const typed = `${API_KEY_SECRET}\n`;
		const pair = `${API_KEY_SID}:${API_KEY_SECRET}`;
		const echoes = [
			Buffer.from(pair).toString('base64').replace(/=+$/, ''),
			Buffer.from(pair).toString('base64url'),
			Buffer.from(`${API_KEY_SID}:${typed}`).toString('base64'),
			JSON.stringify(typed).slice(1, -1),
		];
		expect(Buffer.from(pair).toString('base64')).toMatch(/=$/);
		sim.inject({
			kind: 'status',
			status: 400,
			body: { code: 20001, message: `Echo: ${echoes.join(' | ')}`, status: 400 },
		});
		const credentials = {
			authType: 'apiKey',
			accountSid: ACCOUNT_SID,
			apiKeySid: API_KEY_SID,
			apiKeySecret: typed,
			baseUrl: sim.url,
		};
		const failed = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'p' },
			credentials,
		});
		expect(failed.error?.message).toBe(
			'Twilio rejected the request: Echo: [redacted] | [redacted] | [redacted] | [redacted]',
		);
	});
});
