/**
 * The credentials go to the credential's own API host and nowhere else: not where a redirect points, not where
 * a next-page link or a picker's page token points. Each test runs an "API" server and a second server on
 * another port that stands for anywhere else, and checks that the second one received nothing at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { runListSearch, runNode, testCredentials } from '../helpers/engine';
import { answer, startLoopback } from '../helpers/loopback';
import type { LoopbackServer } from '../helpers/loopback';
import { ACCOUNT_SID } from '../helpers/twilio';
import { authTokenCredentials } from './classes';

const CF = 'CF0123456789abcdef0123456789abcdef';
const CA = 'CA0123456789abcdef0123456789abcdef';
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const ACCOUNT = `/2010-04-01/Accounts/${ACCOUNT_SID}`;

let elsewhere: LoopbackServer;
const servers: LoopbackServer[] = [];
beforeAll(async () => {
	elsewhere = await startLoopback(
		answer(200, JSON.stringify({ participants: [], conferences: [], next_page_uri: null }), {
			'Content-Type': 'application/json',
		}),
	);
});
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	elsewhere.requests.length = 0;
});
afterAll(async () => await elsewhere.close());

async function api(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LoopbackServer> {
	const server = await startLoopback(handler);
	servers.push(server);
	return server;
}

const elsewhereHost = () => elsewhere.url.replace(/^http:\/\//, '');

describe('a redirect is never followed', () => {
	const operations = ['create', 'get', 'getAll', 'update', 'delete'];
	const parametersFor = (operation: string) => ({
		resource: 'participant',
		operation,
		conference: operation === 'create' ? 'room' : CF,
		participant: CA,
		from: '+15017122661',
		to: '+15558675310',
		returnAll: true,
		updateFields: { muted: true },
		options: { maxRetries: 0, callsPerSecond: 30 },
	});

	test.each([301, 302, 303, 307, 308])(
		'%s to another port: no operation sends it anything, each fails clearly',
		async (status) => {
			const server = await api(
				answer(status, '', { Location: `${elsewhere.url}/2010-04-01/Accounts/${ACCOUNT_SID}/x.json` }),
			);
			for (const operation of operations) {
				const { items } = await runNode({
					parameters: parametersFor(operation),
					credentials: authTokenCredentials(server.url),
					continueOnFail: true,
				});
				expect([operation, items[0]?.error?.message]).toEqual([
					operation,
					`Twilio answered with a redirect (${status}) to ${elsewhere.url}/2010-04-01/Accounts/${ACCOUNT_SID}/x.json, which the node does not follow`,
				]);
				expect(items[0]?.error?.description).toContain('Check the API Base URL');
			}
			expect(server.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET', 'POST', 'DELETE']);
			expect(elsewhere.requests).toEqual([]);
		},
	);

	test('a redirect on the same host is not followed either (Twilio never redirects)', async () => {
		const server = await api(answer(302, '', { Location: '/login?next=/2010-04-01' }));
		const { error } = await runNode({
			parameters: parametersFor('get'),
			credentials: authTokenCredentials(server.url),
		});
		expect(error?.message).toBe('Twilio answered with a redirect (302) to /login, which the node does not follow');
		expect(server.requests).toHaveLength(1);
	});

	test('the friendly-name look-up, both pickers and the credential test do not follow it', async () => {
		const server = await api(answer(307, '', { Location: `${elsewhere.url}/steal` }));
		const credentials = authTokenCredentials(server.url);
		const lookup = await runNode({
			parameters: { ...parametersFor('get'), conference: rl('name', 'Sales') },
			credentials,
		});
		expect(lookup.error?.message).toBe(
			`Twilio answered with a redirect (307) to ${elsewhere.url}/steal, which the node does not follow`,
		);
		for (const [method, parameters] of [
			['searchConferences', {}],
			['searchParticipants', { conference: rl('list', CF) }],
		] as const) {
			await expect(runListSearch(method, { parameters, credentials })).rejects.toThrow(
				`Could not load the list: Twilio answered with a redirect (307) to ${elsewhere.url}/steal`,
			);
		}
		const tested = await testCredentials(credentials);
		expect(tested.error?.message).toBeDefined();
		expect(server.requests).toHaveLength(4);
		expect(server.requests.every((request) => String(request.headers.authorization).startsWith('Basic '))).toBe(true);
		expect(elsewhere.requests).toEqual([]);
	});
});

/**
 * Links that name another host outright, or do once a server or proxy decodes or normalises them. HOST stands
 * for the other server's host and port, known only once it runs.
 */
const FOREIGN_LINKS: Array<[string, string]> = [
	['an absolute URL', `http://HOST${ACCOUNT}/Conferences/${CF}/Participants.json?Page=1`],
	['a protocol-relative URL', `//HOST${ACCOUNT}/Conferences.json?Page=1`],
	['a backslash after the slash', `/\\HOST${ACCOUNT}/Conferences.json?Page=1`],
	['an encoded second slash', `/%2FHOST${ACCOUNT}/Conferences.json?Page=1`],
	['an encoded backslash', `/%5CHOST${ACCOUNT}/Conferences.json?Page=1`],
	['a scheme without slashes', 'http:HOST/x'],
	['leading white space', ' //HOST/x'],
	['a tab inside the slashes', '/\t/HOST/x'],
];
const toElsewhere = (link: string) => link.replace('HOST', elsewhereHost());

describe("a picker's page token is followed only as a path on the API host", () => {
	test.each(FOREIGN_LINKS)('%s is refused, sending nothing anywhere', async (_name, template) => {
		const token = toElsewhere(template);
		const server = await api(
			answer(200, JSON.stringify({ conferences: [], participants: [], next_page_uri: null }), {
				'Content-Type': 'application/json',
			}),
		);
		const credentials = authTokenCredentials(server.url);
		for (const [method, parameters] of [
			['searchConferences', {}],
			['searchParticipants', { conference: rl('list', CF) }],
		] as const) {
			await expect(runListSearch(method, { parameters, credentials, paginationToken: token })).rejects.toThrow(
				"Could not load the list: The list's page token is not a path on the API host, so it was not followed",
			);
		}
		expect(server.requests).toEqual([]);
		expect(elsewhere.requests).toEqual([]);
	});

	test('a token that is a path on the API host is followed, on the API host', async () => {
		const server = await api(
			answer(200, JSON.stringify({ conferences: [{ sid: CF, friendly_name: 'Sales' }], next_page_uri: null }), {
				'Content-Type': 'application/json',
			}),
		);
		const page = await runListSearch('searchConferences', {
			parameters: {},
			credentials: authTokenCredentials(server.url),
			paginationToken: `${ACCOUNT}/Conferences.json?Page=1&PageToken=PA1`,
		});
		expect(page.results.map((result) => result.value)).toEqual([CF]);
		expect(server.requests.map((request) => request.url)).toEqual([`${ACCOUNT}/Conferences.json?Page=1&PageToken=PA1`]);
	});

	test.each(FOREIGN_LINKS)(
		"Twilio's next-page link as %s ends the list with a clear error, not silently",
		async (_name, template) => {
			const link = toElsewhere(template);
			const server = await api(
				answer(
					200,
					JSON.stringify({
						conferences: [{ sid: CF, friendly_name: 'Sales' }],
						participants: [{ call_sid: CA, label: 'a', status: 'connected' }],
						next_page_uri: link,
					}),
					{ 'Content-Type': 'application/json' },
				),
			);
			const credentials = authTokenCredentials(server.url);
			const message =
				"Could not load the list: Twilio's next page link is not a path on the API host, so it was not followed";
			await expect(
				runListSearch('searchConferences', { parameters: {}, credentials, filter: 'nothing matches' }),
			).rejects.toThrow(message);
			await expect(
				runListSearch('searchParticipants', { parameters: { conference: rl('list', CF) }, credentials }),
			).rejects.toThrow(message);
			expect(elsewhere.requests).toEqual([]);
		},
	);
});

describe("Get Many's next-page links (followed by the request loop)", () => {
	/** Serves the first page (whose next link is `link`), 404 elsewhere: a link back to the API host ends there. */
	const pagedApi = async (link: string) =>
		await api((request, response) => {
			if (!String(request.url).startsWith(`${ACCOUNT}/Conferences/${CF}/Participants.json`))
				return void response
					.writeHead(404, { 'Content-Type': 'application/json' })
					.end('{"code":20404,"message":"not found","status":404}');
			response
				.writeHead(200, { 'Content-Type': 'application/json' })
				.end(JSON.stringify({ participants: [{ call_sid: CA, status: 'connected' }], next_page_uri: link }));
		});
	const getMany = (server: LoopbackServer) =>
		runNode({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: CF,
				returnAll: true,
				options: { maxRetries: 0 },
			},
			credentials: authTokenCredentials(server.url),
			continueOnFail: true,
		});

	test.each(FOREIGN_LINKS)('%s: the credentials go nowhere else', async (_name, template) => {
		const server = await pagedApi(toElsewhere(template));
		await getMany(server);
		expect(elsewhere.requests).toEqual([]);
	});

	// A foreign link must not quietly end the list, handing over a first page as if it were everything.
	test.each(FOREIGN_LINKS)(
		'%s: fails the item with a clear error instead of returning the first page as all',
		async (_name, template) => {
			const server = await pagedApi(toElsewhere(template));
			const { items } = await getMany(server);
			expect(items.map((item) => item.error?.message)).toEqual([expect.stringMatching(/next page/i)]);
		},
	);
});
