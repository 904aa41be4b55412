import { runNode } from './helpers/engine';
import { ACCOUNT_SID, participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();
const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences`;

function seed(count = 3) {
	const conference = env.sim.seedConference({ friendlyName: `room-${Math.random()}` });
	const participants = env.sim.seedParticipants(conference.sid, count, (i: number) => ({ label: `agent ${i}` }));
	return { conference, participants };
}

describe('Create', () => {
	test("adds a participant by friendly name with From and To, and outputs Twilio's participant JSON", async () => {
		const { items, error } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'Sales Standup',
				from: '+15017122661',
				to: '+15558675310',
			},
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		const [request] = participantRequests(env.sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${base}/Sales%20Standup/Participants.json`);
		expect(request.contentType).toBe('application/x-www-form-urlencoded');
		expect(request.rawBody).toBe('From=%2B15017122661&To=%2B15558675310');
		expect(request.authUser).toBe(ACCOUNT_SID);
		expect(items).toHaveLength(1);
		const conference = env.sim.state.conferences.find((c) => c.friendly_name === 'Sales Standup');
		expect(items[0].json).toMatchObject({ account_sid: ACCOUNT_SID, conference_sid: conference?.sid, muted: false });
		expect(items[0].json.call_sid).toMatch(/^CA[0-9a-f]{32}$/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('joins an existing conference by SID', async () => {
		const { conference } = seed(0);
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: conference.sid,
				from: '+15017122661',
				to: 'client:alice',
			},
			credentials: env.credentials,
		});
		expect(participantRequests(env.sim)[0].path).toBe(`${base}/${conference.sid}/Participants.json`);
		expect(items[0].json.conference_sid).toBe(conference.sid);
	});
});

describe('Get', () => {
	test('reads a participant by Call SID', async () => {
		const { conference, participants } = seed();
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'get',
				conference: conference.sid,
				participant: participants[1].call_sid,
			},
			credentials: env.credentials,
		});
		const [request] = participantRequests(env.sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`${base}/${conference.sid}/Participants/${participants[1].call_sid}.json`);
		expect(request.rawBody).toBe('');
		expect(items.map((i) => i.json.call_sid)).toEqual([participants[1].call_sid]);
	});

	test('reads a participant by label', async () => {
		const { conference, participants } = seed();
		const { items } = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'agent 2' },
			credentials: env.credentials,
		});
		expect(participantRequests(env.sim)[0].path).toBe(`${base}/${conference.sid}/Participants/agent%202.json`);
		expect(items[0].json).toMatchObject({ call_sid: participants[2].call_sid, label: 'agent 2' });
	});
});

describe('Update', () => {
	test('mutes and holds by label and outputs the updated participant', async () => {
		const { conference } = seed();
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: 'agent 0',
				updateFields: { muted: true, hold: true, holdUrl: 'https://example.com/hold.xml', holdMethod: 'GET' },
			},
			credentials: env.credentials,
		});
		const [request] = participantRequests(env.sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${base}/${conference.sid}/Participants/agent%200.json`);
		expect(request.body).toEqual({
			Muted: 'true',
			Hold: 'true',
			HoldUrl: 'https://example.com/hold.xml',
			HoldMethod: 'GET',
		});
		expect(items[0].json).toMatchObject({ label: 'agent 0', muted: true, hold: true });
	});

	test('sends false as false, not as an omitted field', async () => {
		const { conference } = seed();
		await runNode({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: 'agent 1',
				updateFields: { muted: false, endConferenceOnExit: false },
			},
			credentials: env.credentials,
		});
		const [request] = participantRequests(env.sim);
		expect(request.body).toEqual({ Muted: 'false', EndConferenceOnExit: 'false' });
		expect(request.rawBody.split('&').sort()).toEqual(['EndConferenceOnExit=false', 'Muted=false']);
	});
});

describe('Delete', () => {
	test('removes a participant and outputs deleted: true with what was removed', async () => {
		const { conference, participants } = seed();
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'delete',
				conference: conference.sid,
				participant: participants[0].call_sid,
			},
			credentials: env.credentials,
		});
		const [request] = participantRequests(env.sim);
		expect(request.method).toBe('DELETE');
		expect(request.status).toBe(204);
		expect(items).toEqual([
			{
				json: { deleted: true, conferenceSid: conference.sid, participant: participants[0].call_sid },
				pairedItem: { item: 0 },
			},
		]);
		expect(env.sim.state.participants.some((p) => p.call_sid === participants[0].call_sid)).toBe(false);
	});
});

describe('Get Many', () => {
	test('outputs one item per participant, paired with its input', async () => {
		const { conference, participants } = seed(4);
		const { items } = await runNode({
			parameters: { resource: 'participant', operation: 'getAll', conference: conference.sid, returnAll: true },
			credentials: env.credentials,
		});
		expect(items.map((i) => i.json.call_sid)).toEqual(participants.map((p) => p.call_sid));
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(participantRequests(env.sim)[0].query).toEqual({ PageSize: '1000' });
	});

	test("passes the Muted, Hold and Coaching filters under Twilio's names", async () => {
		const conference = env.sim.seedConference({ friendlyName: 'filters' });
		env.sim.seedParticipants(conference.sid, 6, (i: number) => ({ muted: i % 2 === 0, hold: i < 3 }));
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: conference.sid,
				returnAll: true,
				filters: { muted: true, hold: false, coaching: false },
			},
			credentials: env.credentials,
		});
		expect(participantRequests(env.sim)[0].query).toEqual({
			PageSize: '1000',
			Muted: 'true',
			Hold: 'false',
			Coaching: 'false',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ muted: true, hold: false });
	});
});

test('several input items use expressions per item', async () => {
	const { conference } = seed(0);
	const people = [
		{ phone: '+15550000001', name: 'ann' },
		{ phone: '+15550000002', name: 'bob' },
		{ phone: '+15550000003', name: 'cy' },
	];
	const { items } = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: conference.sid,
			from: '+15017122661',
			to: '={{ $json.phone }}',
			additionalFields: {
				label: '={{ $json.name }}',
				muted: '={{ $json.name === "bob" }}',
				timeout: '={{ 10 + $itemIndex }}',
			},
		},
		items: people,
		credentials: env.credentials,
	});
	const bodies = participantRequests(env.sim)
		.map((r) => r.body)
		.sort((a, b) => String(a.Label).localeCompare(String(b.Label)));
	expect(bodies).toEqual([
		{ From: '+15017122661', To: '+15550000001', Label: 'ann', Muted: 'false', Timeout: '10' },
		{ From: '+15017122661', To: '+15550000002', Label: 'bob', Muted: 'true', Timeout: '11' },
		{ From: '+15017122661', To: '+15550000003', Label: 'cy', Muted: 'false', Timeout: '12' },
	]);
	expect(items.map((i) => [i.json.label, i.pairedItem])).toEqual([
		['ann', { item: 0 }],
		['bob', { item: 1 }],
		['cy', { item: 2 }],
	]);
});
