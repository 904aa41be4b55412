import { runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();

let conferenceSid: string;
let allSids: string[];
beforeAll(() => {
	const conference = env.sim.seedConference({ friendlyName: 'big room' });
	conferenceSid = conference.sid;
	allSids = env.sim.seedParticipants(conference.sid, 2500).map((p) => p.call_sid);
});

async function list(parameters: Record<string, unknown>) {
	const result = await runNode({
		parameters: { resource: 'participant', operation: 'getAll', conference: conferenceSid, ...parameters },
		credentials: env.credentials,
	});
	expect(result.error).toBeUndefined();
	return { sids: result.items.map((i) => i.json.call_sid), requests: participantRequests(env.sim) };
}

test('Return All asks for pages of 1000 and follows next_page_uri until it is null', async () => {
	const { sids, requests } = await list({ returnAll: true });
	expect(sids).toEqual(allSids);
	expect(requests).toHaveLength(3);
	expect(requests[0].query).toEqual({ PageSize: '1000' });
	for (const request of requests.slice(1)) {
		expect(request.query).toMatchObject({ PageSize: '1000', Page: expect.any(String), PageToken: expect.any(String) });
	}
});

test('Return All on a small conference makes one request', async () => {
	const small = env.sim.seedConference({ friendlyName: 'small room' });
	const seeded = env.sim.seedParticipants(small.sid, 3).map((p) => p.call_sid);
	const result = await runNode({
		parameters: { resource: 'participant', operation: 'getAll', conference: small.sid, returnAll: true },
		credentials: env.credentials,
	});
	expect(result.items.map((i) => i.json.call_sid)).toEqual(seeded);
	expect(participantRequests(env.sim)).toHaveLength(1);
});

test('Limit asks for no more than it needs in one page', async () => {
	const { sids, requests } = await list({ returnAll: false, limit: 30 });
	expect(sids).toEqual(allSids.slice(0, 30));
	expect(requests.map((r) => r.query.PageSize)).toEqual(['30']);
});

test('Limit above 1000 pages with PageSize 1000 and stops as soon as it has enough', async () => {
	const { sids, requests } = await list({ returnAll: false, limit: 1500 });
	expect(sids).toEqual(allSids.slice(0, 1500));
	expect(requests).toHaveLength(2);
	expect(requests.map((r) => r.query.PageSize)).toEqual(['1000', '1000']);
});

test('Limit equal to the number of participants needs one page per 1000', async () => {
	const { sids, requests } = await list({ returnAll: false, limit: 2500 });
	expect(sids).toHaveLength(2500);
	expect(requests).toHaveLength(3);
});

test('Limit defaults to 50', async () => {
	const { sids, requests } = await list({});
	expect(sids).toHaveLength(50);
	expect(requests.map((r) => r.query.PageSize)).toEqual(['50']);
});
