import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Workflow } from 'n8n-workflow';

import { credentialTestOutcome } from './helpers/credentialTester';
import { loadPackage, runListSearch, runNode, testCredentials } from './helpers/engine';
import { ACCOUNT_SID, participantRequests, startSimulator } from './helpers/twilio';
import type { Simulator } from './helpers/twilio';

const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
const API_KEY_SECRET = 'key_secret_9d1e_never_print';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [{ sid: API_KEY_SID, secret: API_KEY_SECRET }] });
});
afterEach(() => sim.clearRequests());
afterAll(async () => await sim.close());

const apiKeyCredentials = () => ({
	authType: 'apiKey',
	accountSid: ACCOUNT_SID,
	apiKeySid: API_KEY_SID,
	apiKeySecret: API_KEY_SECRET,
	baseUrl: sim.url,
});

describe('API Key authentication', () => {
	test('authenticates as the key, while the Account SID still names the account in the path', async () => {
		const conference = sim.seedConference({ friendlyName: 'keyed' });
		sim.seedParticipants(conference.sid, 2);
		const { items, error } = await runNode({
			parameters: { resource: 'participant', operation: 'getAll', conference: conference.sid, returnAll: true },
			credentials: apiKeyCredentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const [request] = participantRequests(sim);
		expect(request.authUser).toBe(API_KEY_SID);
		expect(request.path).toContain(`/Accounts/${ACCOUNT_SID}/Conferences/`);
	});

	test('a Standard API key passes the credential test, which lists conferences (a Standard key may not read /Accounts)', async () => {
		expect(await credentialTestOutcome(apiKeyCredentials())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const [request] = sim.requests;
		expect(request.authUser).toBe(API_KEY_SID);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
		expect(request.query).toEqual({ PageSize: '1' });
		// The simulator, like Twilio, refuses the key on the account record itself.
		const account = await fetch(`${sim.url}/2010-04-01/Accounts/${ACCOUNT_SID}.json`, {
			headers: { Authorization: `Basic ${Buffer.from(`${API_KEY_SID}:${API_KEY_SECRET}`).toString('base64')}` },
		});
		expect(account.status).toBe(401);
	});

	test("a wrong secret fails the test, and the dialog's first line says what is wrong", async () => {
		expect(await credentialTestOutcome({ ...apiKeyCredentials(), apiKeySecret: 'wrong' })).toEqual({
			status: 'Error',
			message:
				'Twilio did not accept these credentials: check the Account SID with the Auth Token, or the API Key SID with its secret',
		});
		expect((await testCredentials({ ...apiKeyCredentials(), apiKeySecret: 'wrong' })).error?.httpCode).toBe('401');
	});

	test('an Account SID with stray spaces around it still names the account', async () => {
		expect(await credentialTestOutcome({ ...apiKeyCredentials(), accountSid: `  ${ACCOUNT_SID}\n` })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sim.requests[0].path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
	});

	test('drives the pickers too', async () => {
		sim.seedConference({ friendlyName: 'picked with a key' });
		const result = await runListSearch('searchConferences', {
			parameters: {},
			credentials: apiKeyCredentials(),
			filter: 'picked with a key',
		});
		expect(result.results.map((r) => r.name)).toEqual(['picked with a key']);
		expect(sim.requests.every((r) => r.authUser === API_KEY_SID)).toBe(true);
	});

	test('the secret appears in no output or error', async () => {
		const results = [
			await runNode({
				parameters: {
					resource: 'participant',
					operation: 'get',
					conference: 'CF0123456789abcdef0123456789abcdef',
					participant: 'x',
				},
				credentials: apiKeyCredentials(),
				continueOnFail: true,
			}),
			await runNode({
				parameters: {
					resource: 'participant',
					operation: 'get',
					conference: 'CF0123456789abcdef0123456789abcdef',
					participant: 'x',
				},
				credentials: { ...apiKeyCredentials(), apiKeySecret: `${API_KEY_SECRET}x` },
			}),
		];
		const text = JSON.stringify(
			results.map((r) => ({
				items: r.items,
				message: r.error?.message,
				description: r.error?.description,
				data: r.run.data,
			})),
		);
		expect(text).not.toContain(API_KEY_SECRET);
	});
});

/**
 * The host each Region/Edge combination produces. Requests are sent through a local proxy that records the
 * host the node asked for and refuses the tunnel, so nothing leaves 127.0.0.1.
 */
describe('Region and Edge', () => {
	let proxy: http.Server;
	let proxyUrl: string;
	const tunnels: string[] = [];
	beforeAll(async () => {
		proxy = http.createServer((_req, res) => res.writeHead(403).end());
		proxy.on('connect', (req, socket) => {
			tunnels.push(String(req.url));
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => proxy.close(resolve)));

	const cases: Array<[string, string, string, string]> = [
		['', '', 'https://api.twilio.com', 'api.twilio.com:443'],
		['ie1', '', '', 'api.ie1.twilio.com:443'],
		['', 'sydney', '', 'api.sydney.us1.twilio.com:443'],
		['au1', 'sydney', '', 'api.sydney.au1.twilio.com:443'],
		['jp1', 'tokyo', 'https://api.twilio.com/', 'api.tokyo.jp1.twilio.com:443'],
	];

	test.each(cases)('region "%s", edge "%s", base URL "%s" -> %s', async (region, edge, baseUrl, host) => {
		tunnels.length = 0;
		await runNode({
			parameters: {
				resource: 'participant',
				operation: 'get',
				conference: 'CF0123456789abcdef0123456789abcdef',
				participant: 'x',
				options: { maxRetries: 0 },
				requestOptions: { proxy: proxyUrl },
			},
			credentials: { accountSid: ACCOUNT_SID, authToken: 'token', region, edge, baseUrl },
			continueOnFail: true,
		});
		expect(tunnels).toEqual([host]);
	});

	test('a changed API Base URL wins over Region and Edge', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: 'CF0123456789abcdef0123456789abcdef',
				returnAll: true,
			},
			credentials: {
				accountSid: ACCOUNT_SID,
				authToken: sim.authToken,
				region: 'au1',
				edge: 'sydney',
				baseUrl: sim.url,
			},
		});
		expect(error?.httpCode).toBe('404');
		expect(participantRequests(sim)).toHaveLength(1);
	});

	test('the credential expression and the list-search code choose the same host in every combination', async () => {
		const loader = await loadPackage();
		const expression = String(loader.getCredential('twilioConferenceApi').type.test?.request.baseURL);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { twilioBaseUrl } = require('../dist/nodes/TwilioConference/helpers/transport') as {
			twilioBaseUrl: (c: object) => string;
		};
		const node = {
			id: 'n',
			name: 'n',
			type: 'n8n-nodes-twilio-conference.twilioConference',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
		};
		const nodeTypes = {
			getByName: () => loader.getNode('twilioConference').type,
			getByNameAndVersion: () => loader.getNode('twilioConference').type,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes as never });
		const evaluate = (credentials: object) =>
			workflow.expression.getParameterValue(expression, null, 0, 0, 'n', [], 'internal', { $credentials: credentials });
		for (const region of ['', 'au1', 'ie1', 'us2']) {
			for (const edge of ['', 'sydney', 'dublin']) {
				for (const baseUrl of [
					'',
					'https://api.twilio.com',
					'https://api.twilio.com///',
					'http://127.0.0.1:1234/',
					' https://proxy.example ',
				]) {
					const credentials = { region, edge, baseUrl };
					expect([credentials, evaluate(credentials)]).toEqual([credentials, twilioBaseUrl(credentials)]);
				}
			}
		}
	});
});
