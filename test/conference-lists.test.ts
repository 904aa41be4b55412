/**
 * The Conferences list read three ways (Conference → Get Many, the conference picker, the friendly-name look-up),
 * all through one reader: the same query rules on the wire, paging on next_page_uri, the same safety on links.
 */
import { runListSearch, runNode } from './helpers/engine';
import { ACCOUNT_SID, conferenceListRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const T0 = Date.UTC(2026, 9, 1);

let live: string[];
beforeAll(() => {
	// Newest first, as Twilio lists them; a few ended ones in between must never appear.
	live = [];
	for (let i = 0; i < 2500; i++) {
		live.unshift(env.sim.seedConference({ friendlyName: `room ${i}`, createdAt: T0 + i * 1000 }).sid);
		if (i % 500 === 0)
			env.sim.seedConference({ friendlyName: `ended ${i}`, status: 'completed', createdAt: T0 + i * 1000 + 1 });
	}
});

async function list(parameters: Record<string, unknown>) {
	const result = await runNode({
		parameters: { resource: 'conference', operation: 'getAll', ...parameters },
		credentials: env.credentials,
	});
	expect(result.error).toBeUndefined();
	return { sids: result.items.map((i) => i.json.sid), requests: conferenceListRequests(env.sim) };
}

describe('Get Many pages on next_page_uri', () => {
	test('Return All asks for pages of 1000 and follows next_page_uri, Status kept on every page, to the end', async () => {
		const { sids, requests } = await list({ returnAll: true });
		expect(sids).toEqual(live);
		expect(requests.map((r) => r.query.PageSize)).toEqual(['1000', '1000', '1000']);
		for (const request of requests) expect(request.query.Status).toBe('in-progress');
		expect(requests[1].query.PageToken).toEqual(expect.any(String));
	});

	test('Limit asks for no more than it needs, and stops as soon as it has enough', async () => {
		expect(await list({ limit: 30 })).toEqual({
			sids: live.slice(0, 30),
			requests: [expect.objectContaining({ query: { Status: 'in-progress', PageSize: '30' } })],
		});
		env.sim.clearRequests();
		const { sids, requests } = await list({ limit: 1500 });
		expect(sids).toEqual(live.slice(0, 1500));
		expect(requests).toHaveLength(2);
	});

	test('Limit defaults to 50, and the items are paired with their input', async () => {
		const result = await runNode({
			parameters: { resource: 'conference', operation: 'getAll' },
			credentials: env.credentials,
		});
		expect(result.items).toHaveLength(50);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		// Get Many starts simplified.
		expect(Object.keys(result.items[0].json)).not.toContain('subresource_uris');
	});

	test('a next page link to another host is not followed: the credentials stay with the API host', async () => {
		env.sim.inject({
			kind: 'status',
			status: 200,
			method: 'GET',
			path: '/Conferences.json',
			body: { conferences: [{ sid: live[0] }], next_page_uri: 'https://collector.example/2010-04-01/Conferences.json' },
		});
		const result = await runNode({
			parameters: { resource: 'conference', operation: 'getAll', returnAll: true },
			credentials: env.credentials,
		});
		expect(result.error?.message).toMatch(
			/^Twilio's next page link is not a path on the API host, so it was not followed/,
		);
		expect(result.error?.description).toContain('1 entries had been read');
		expect(env.sim.requests).toHaveLength(1);
	});
});

describe('the conference picker reads the same list', () => {
	test('live conferences, newest first, with Status on the wire and a next-page token', async () => {
		const first = await runListSearch('searchConferences', { parameters: {}, credentials: env.credentials });
		expect(first.results.map((r) => r.value)).toEqual(live.slice(0, 100));
		expect(conferenceListRequests(env.sim)[0].query).toEqual({ Status: 'in-progress', PageSize: '100' });
		const second = await runListSearch('searchConferences', {
			parameters: {},
			credentials: env.credentials,
			paginationToken: first.paginationToken,
		});
		expect(second.results.map((r) => r.value)).toEqual(live.slice(100, 200));
	});

	test('a page token that names another host is refused without a request', async () => {
		await expect(
			runListSearch('searchConferences', {
				parameters: {},
				credentials: env.credentials,
				paginationToken: `https://collector.example/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`,
			}),
		).rejects.toThrow(/page token is not a path on the API host/);
		await expect(
			runListSearch('searchParticipants', {
				parameters: { conference: rl('id', live[0]) },
				credentials: env.credentials,
				paginationToken: '//collector.example/x',
			}),
		).rejects.toThrow(/not a path on the API host/);
		expect(env.sim.requests).toHaveLength(0);
	});
});

test('the friendly-name look-up sends the same query rules: Status in-progress and the exact name', async () => {
	const { error } = await runNode({
		parameters: { resource: 'conference', operation: 'get', targetConference: rl('name', 'room 7') },
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(conferenceListRequests(env.sim).map((r) => r.query)).toEqual([
		{ FriendlyName: 'room 7', Status: 'in-progress', PageSize: '20' },
	]);
});
