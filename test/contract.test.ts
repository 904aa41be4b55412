import { credentialTestOutcome } from './helpers/credentialTester';
import { testCredentials } from './helpers/engine';
import { contractViolations, NEWER_CREATE_PARAMETERS } from './helpers/contract';
import { ACCOUNT_SID, useSimulator } from './helpers/twilio';

const env = useSimulator();
const participants = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/CF0123456789abcdef0123456789abcdef/Participants`;
const form = 'application/x-www-form-urlencoded';
const conferences = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`;
const conference = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/CF0123456789abcdef0123456789abcdef`;

const request = (method: string, path: string, body: Record<string, string | string[]> = {}, query = {}) => ({
	method,
	path,
	query,
	body,
	contentType: Object.keys(body).length ? form : undefined,
	rawBody: new URLSearchParams(
		Object.entries(body).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])),
	).toString(),
});

// The checker that every test file applies to its traffic must itself catch what it claims to.
describe('the contract checker', () => {
	test('accepts a well-formed Create, with a friendly name and repeated list keys', () => {
		expect(
			contractViolations(
				request('POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/My%20Room/Participants.json`, {
					From: '+1',
					To: '+2',
					StatusCallbackEvent: ['ringing', 'answered'],
					Timeout: '30',
					EmergencyCountry: 'US',
				}),
			),
		).toEqual([]);
	});

	test.each([
		[
			'bracketed list keys',
			request('POST', `${participants}.json`, { From: '+1', To: '+2', 'StatusCallbackEvent[]': ['ringing'] }),
			'StatusCallbackEvent[] not declared',
		],
		[
			'an unknown parameter',
			request('POST', `${participants}.json`, { From: '+1', To: '+2', Volume: '11' }),
			'Volume not declared',
		],
		[
			'a missing required parameter',
			request('POST', `${participants}.json`, { From: '+1' }),
			'required body parameter To',
		],
		[
			'a non-integer',
			request('POST', `${participants}.json`, { From: '+1', To: '+2', Timeout: 'ten' }),
			'not an integer',
		],
		[
			'a bad enum',
			request('POST', `${participants}.json`, { From: '+1', To: '+2', StatusCallbackMethod: 'PUT' }),
			'not in enum',
		],
		[
			'a repeated single value',
			request('POST', `${participants}/alice.json`, { Muted: ['true', 'false'] }),
			'repeated',
		],
		['a bad boolean', request('POST', `${participants}/alice.json`, { Hold: 'yes' }), 'not true/false'],
		['a bad pattern', request('POST', `${participants}/alice.json`, { CallSidToCoach: 'CA12' }), 'does not match'],
		[
			'a conference name where a SID is required',
			request('GET', `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/My%20Room/Participants.json`),
			'ConferenceSid',
		],
		['a page size out of range', request('GET', `${participants}.json`, {}, { PageSize: '5000' }), 'maximum 1000'],
		['an unknown query parameter', request('GET', `${participants}.json`, {}, { Limit: '5' }), 'Limit not declared'],
		['an unknown path', request('GET', `/2010-04-01/Accounts/${ACCOUNT_SID}/Rooms.json`), 'no such path'],
		['a method the path lacks', request('PUT', `${participants}/alice.json`), 'not an operation'],
		['a body on Delete', request('DELETE', `${participants}/alice.json`, { Muted: 'true' }), 'does not take'],
		[
			'a date filter not written YYYY-MM-DD',
			request('GET', conferences, {}, { Status: 'completed', 'DateCreated<': '11/01/2026' }),
			'not a date as YYYY-MM-DD',
		],
		['a conference Status the list does not know', request('GET', conferences, {}, { Status: 'live' }), 'not in enum'],
		[
			'an Announce Method other than GET or POST',
			request('POST', `${conference}.json`, { AnnounceUrl: 'https://example.com/a.xml', AnnounceMethod: 'PUT' }),
			'not in enum',
		],
		['an Announce URL that is not a URL', request('POST', `${conference}.json`, { AnnounceUrl: 'a.xml' }), 'not a URL'],
		[
			'a recording update without Status',
			request('POST', `${conference}/Recordings/RE0123456789abcdef0123456789abcdef.json`, { PauseBehavior: 'skip' }),
			'required body parameter Status',
		],
		[
			'a fetch of Twilio.CURRENT, which only updates take',
			request('GET', `${conference}/Recordings/Twilio.CURRENT.json`),
			'does not match',
		],
		[
			'a recording Delete with a body',
			request('DELETE', `${conference}/Recordings/RE0123456789abcdef0123456789abcdef.json`, { Status: 'stopped' }),
			'does not take',
		],
	])('rejects %s', (_name, bad, expected) => {
		expect(contractViolations(bad).join('\n')).toContain(expected);
	});

	test('accepts the conference and recording requests the node sends', () => {
		expect(
			contractViolations(
				request(
					'GET',
					conferences,
					{},
					{
						Status: 'in-progress',
						'DateCreated<': '2026-11-01',
						DateUpdated: '2026-11-02',
						FriendlyName: 'a',
						PageSize: '50',
					},
				),
			),
		).toEqual([]);
		expect(contractViolations(request('POST', `${conference}.json`, { Status: 'completed' }))).toEqual([]);
		expect(
			contractViolations(
				request('POST', `${conference}/Recordings/RE0123456789abcdef0123456789abcdef.json`, {
					Status: 'paused',
					PauseBehavior: 'skip',
				}),
			),
		).toEqual([]);
		expect(
			contractViolations(request('GET', `${conference}/Recordings.json`, {}, { 'DateCreated>': '2026-10-30' })),
		).toEqual([]);
	});

	test('knows the ten Create parameters newer than the OpenAPI snapshot, and only on Create', () => {
		expect(NEWER_CREATE_PARAMETERS).toHaveLength(10);
		expect(contractViolations(request('POST', `${participants}/alice.json`, { Passports: 'eA==' }))).not.toEqual([]);
	});
});

describe('the credential test', () => {
	test('lists one conference with basic auth and succeeds for good credentials', async () => {
		const result = await testCredentials(env.credentials);
		expect(result.error).toBeUndefined();
		const [call] = env.sim.requests;
		expect(call.method).toBe('GET');
		expect(call.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
		expect(call.query).toEqual({ PageSize: '1' });
		expect(call.authUser).toBe(ACCOUNT_SID);
		expect(result.items[0].json).toHaveProperty('conferences');
	});

	test('fails for a wrong Auth Token', async () => {
		const result = await testCredentials({ ...env.credentials, authToken: 'wrong' });
		expect(result.error?.httpCode).toBe('401');
	});

	test('uses the API Base URL even with a trailing slash', async () => {
		const result = await testCredentials({ ...env.credentials, baseUrl: `${env.sim.url}/` });
		expect(result.error).toBeUndefined();
		expect(env.sim.requests[0].path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
	});

	test('an unknown Account SID is named as such in the dialog', async () => {
		const other = 'AC' + 'f'.repeat(32);
		expect(await credentialTestOutcome({ ...env.credentials, accountSid: other })).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Twilio knows no account with this Account SID|did not accept these credentials/),
		});
	});
});
