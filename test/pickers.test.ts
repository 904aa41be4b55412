import { runListSearch, runNode } from './helpers/engine';
import { ACCOUNT_SID, participantRequests, startSimulator, useSimulator } from './helpers/twilio';

const env = useSimulator();
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Conference picker: From List', () => {
	test('lists live conferences newest first, pages through next_page_uri, and skips finished ones', async () => {
		const sim = await startSimulator();
		try {
			const t0 = Date.now() - 1_000_000;
			for (let i = 0; i < 130; i++) sim.seedConference({ friendlyName: `room ${String(i).padStart(3, '0')}`, createdAt: t0 + i * 1000 } as never);
			sim.seedConference({ friendlyName: 'finished room', status: 'completed' });
			const credentials = { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url };
			const first = await runListSearch('searchConferences', { parameters: {}, credentials });
			expect(first.results).toHaveLength(100);
			expect(first.results[0].name).toBe('room 129');
			expect(first.results[0].value).toMatch(/^CF[0-9a-f]{32}$/);
			expect(first.paginationToken).toMatch(/^\/2010-04-01\/Accounts\/.*\/Conferences\.json\?/);
			const second = await runListSearch('searchConferences', { parameters: {}, credentials, paginationToken: first.paginationToken });
			expect(second.results).toHaveLength(30);
			expect(second.paginationToken).toBeUndefined();
			const names = [...first.results, ...second.results].map((r) => r.name);
			expect(new Set(names).size).toBe(130);
			expect(names).not.toContain('finished room');
			expect(sim.requests[0].query).toEqual({ Status: 'in-progress', PageSize: '100' });
		} finally {
			await sim.close();
		}
	});

	test('filters by part of the friendly name or SID, case-insensitively, across pages', async () => {
		const sim = await startSimulator();
		try {
			for (let i = 0; i < 250; i++) sim.seedConference({ friendlyName: i % 50 === 7 ? `Sales Sync ${i}` : `other ${i}` });
			const credentials = { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url };
			const found = await runListSearch('searchConferences', { parameters: {}, credentials, filter: 'sales sync' });
			expect(found.results.map((r) => r.name).sort()).toEqual(['Sales Sync 107', 'Sales Sync 157', 'Sales Sync 207', 'Sales Sync 57', 'Sales Sync 7']);
			const bySid = await runListSearch('searchConferences', { parameters: {}, credentials, filter: String(found.results[0].value).slice(-10).toUpperCase() });
			expect(bySid.results.map((r) => r.value)).toEqual([found.results[0].value]);
		} finally {
			await sim.close();
		}
	});

	test('an empty account gives an empty list', async () => {
		const sim = await startSimulator();
		try {
			const result = await runListSearch('searchConferences', { parameters: {}, credentials: { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url } });
			expect(result).toEqual({ results: [], paginationToken: undefined });
		} finally {
			await sim.close();
		}
	});

	test('bad credentials give a message that says what to do', async () => {
		await expect(runListSearch('searchConferences', { parameters: {}, credentials: { ...env.credentials, authToken: 'wrong' } })).rejects.toThrow(
			'Twilio did not accept the credentials. Check the Account SID and Auth Token (or API key) in the credential, or enter the value by SID instead.',
		);
	});
});

describe('Participant picker: From List', () => {
	test("shows the chosen conference's participants as label, number and status", async () => {
		const conference = env.sim.seedConference({ friendlyName: 'picker room' });
		const seeded = env.sim.seedParticipants(conference.sid, 3, (i: number) => ({ label: i === 1 ? null : `agent ${i}`, to: `+1555000000${i}` }));
		const result = await runListSearch('searchParticipants', { parameters: { conference: rl('list', conference.sid) }, credentials: env.credentials });
		expect(result.results).toEqual([
			{ name: 'agent 0 · +15550000000 · connected', value: seeded[0].call_sid, description: seeded[0].call_sid },
			{ name: '(no label) · +15550000001 · connected', value: seeded[1].call_sid, description: seeded[1].call_sid },
			{ name: 'agent 2 · +15550000002 · connected', value: seeded[2].call_sid, description: seeded[2].call_sid },
		]);
		const filtered = await runListSearch('searchParticipants', { parameters: { conference: rl('id', conference.sid) }, credentials: env.credentials, filter: 'AGENT 2' });
		expect(filtered.results.map((r) => r.value)).toEqual([seeded[2].call_sid]);
	});

	test('works when the conference was given by friendly name', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'named picker room' });
		const [only] = env.sim.seedParticipants(conference.sid, 1, { label: 'solo' });
		const result = await runListSearch('searchParticipants', { parameters: { conference: rl('name', 'named picker room') }, credentials: env.credentials });
		expect(result.results.map((r) => r.value)).toEqual([only.call_sid]);
	});

	test('pages through next_page_uri', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'crowded' });
		env.sim.seedParticipants(conference.sid, 70);
		const first = await runListSearch('searchParticipants', { parameters: { conference: rl('list', conference.sid) }, credentials: env.credentials });
		const second = await runListSearch('searchParticipants', { parameters: { conference: rl('list', conference.sid) }, credentials: env.credentials, paginationToken: first.paginationToken });
		expect([first.results.length, second.results.length, second.paginationToken]).toEqual([50, 20, undefined]);
	});

	test.each([
		['no conference chosen yet', { conference: rl('list', '') }, 'Choose a conference first'],
		['a friendly name that matches nothing', { conference: rl('name', 'nobody here') }, 'No conference named "nobody here" is in progress'],
	])('%s gives a helpful message', async (_name, parameters, message) => {
		await expect(runListSearch('searchParticipants', { parameters, credentials: env.credentials })).rejects.toThrow(message);
	});

	test('bad credentials give a message that says what to do', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'locked' });
		await expect(runListSearch('searchParticipants', { parameters: { conference: rl('list', conference.sid) }, credentials: { ...env.credentials, authToken: 'wrong' } })).rejects.toThrow('Twilio did not accept the credentials');
	});
});

describe('every mode of both pickers drives the operations', () => {
	const get = (conference: object, participant: object) =>
		runNode({ parameters: { resource: 'participant', operation: 'get', conference, participant, simplify: true }, credentials: env.credentials });

	test.each([
		['list', 'list'],
		['id', 'id'],
		['name', 'label'],
		['list', 'label'],
	])('conference by %s, participant by %s', async (conferenceMode, participantMode) => {
		const name = `modes ${conferenceMode} ${participantMode}`;
		const conference = env.sim.seedConference({ friendlyName: name });
		const [p] = env.sim.seedParticipants(conference.sid, 1, { label: 'the one' });
		const conferenceValue = conferenceMode === 'name' ? name : conference.sid;
		const participantValue = participantMode === 'label' ? 'the one' : p.call_sid;
		const { items, error } = await get(rl(conferenceMode, conferenceValue), rl(participantMode, participantValue));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ call_sid: p.call_sid, conference_sid: conference.sid });
		const last = participantRequests(env.sim).pop();
		expect(last?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conference.sid}/Participants/${encodeURIComponent(participantValue)}.json`);
	});

	test('Create by friendly name sends the name, Create from the list sends the SID', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'listed' });
		const base = { resource: 'participant', operation: 'create', from: '+15017122661', to: '+15558675310' };
		await runNode({ parameters: { ...base, conference: rl('name', 'brand new room') }, credentials: env.credentials });
		await runNode({ parameters: { ...base, conference: rl('list', conference.sid) }, credentials: env.credentials });
		expect(participantRequests(env.sim).map((r) => r.path.split('/')[5])).toEqual(['brand%20new%20room', conference.sid]);
		expect(env.sim.requests.filter((r) => r.path.endsWith('/Conferences.json'))).toHaveLength(0);
	});

	test.each(['getAll', 'update', 'delete'])('%s resolves a friendly name to the conference SID first', async (operation) => {
		const name = `resolve ${operation}`;
		const conference = env.sim.seedConference({ friendlyName: name });
		env.sim.seedParticipants(conference.sid, 1, { label: 'x' });
		const { error } = await runNode({
			parameters: { resource: 'participant', operation, conference: rl('name', name), participant: rl('label', 'x'), updateFields: { muted: true } },
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		const [lookup, call] = env.sim.requests;
		expect(lookup.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
		expect(lookup.query).toEqual({ FriendlyName: name, Status: 'in-progress', PageSize: '20' });
		expect(call.path).toContain(`/Conferences/${conference.sid}/Participants`);
	});

	test('a friendly name with no live conference fails clearly, sending nothing else', async () => {
		env.sim.seedConference({ friendlyName: 'ended', status: 'completed' });
		const { error } = await get(rl('name', 'ended'), rl('label', 'x'));
		expect(error?.message).toBe('No conference named "ended" is in progress');
		expect(participantRequests(env.sim)).toHaveLength(0);
	});

	test('a friendly name shared by several live conferences fails clearly, listing their SIDs', async () => {
		const a = env.sim.seedConference({ friendlyName: 'twins' });
		const b = env.sim.seedConference({ friendlyName: 'twins' });
		const { error } = await get(rl('name', 'twins'), rl('label', 'x'));
		expect(error?.message).toBe('2 conferences named "twins" are in progress');
		expect(error?.description).toContain(a.sid);
		expect(error?.description).toContain(b.sid);
		expect(participantRequests(env.sim)).toHaveLength(0);
	});

	test.each([
		['conference', rl('id', 'CF123'), rl('label', 'x'), 'A conference SID is "CF" followed by 32 hexadecimal characters'],
		['participant', rl('id', 'CF0123456789abcdef0123456789abcdef'), rl('id', 'alice'), 'A Call SID is "CA" followed by 32 hexadecimal characters'],
	])('a typed %s SID that is not a SID is stopped by the mode\'s own check', async (_name, conference, participant, message) => {
		await expect(get(conference, participant)).rejects.toThrow(message);
		expect(env.sim.requests).toHaveLength(0);
	});

	test.each([
		['conference', rl('id', '={{ "CF123" }}'), rl('label', 'x'), 'Conference'],
		['participant', rl('id', 'CF0123456789abcdef0123456789abcdef'), rl('id', '={{ "alice" }}'), 'Participant'],
	])('a %s SID from an expression that is not a SID is refused before sending', async (_name, conference, participant, field) => {
		const { error } = await get(conference, participant);
		expect(error?.message).toContain(`Invalid value for "${field}" in item 0`);
		expect(env.sim.requests).toHaveLength(0);
	});
});

describe('friendly-name look-ups', () => {
	test('items of one execution naming the same conference share one look-up', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'shared lookup' });
		env.sim.seedParticipants(conference.sid, 3, (i: number) => ({ label: `p${i}` }));
		const { items, error } = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: rl('name', 'shared lookup'), participant: rl('label', '={{ $json.label }}') },
			items: [{ label: 'p0' }, { label: 'p1' }, { label: 'p2' }],
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.label)).toEqual(['p0', 'p1', 'p2']);
		expect(env.sim.requests.filter((r) => r.path.endsWith('/Conferences.json'))).toHaveLength(1);
	});

	test('when the shared look-up fails, every item gets its own error, paired with it', async () => {
		env.sim.seedConference({ friendlyName: 'dup' });
		env.sim.seedConference({ friendlyName: 'dup' });
		const { items } = await runNode({
			parameters: { resource: 'participant', operation: 'get', conference: rl('name', 'dup'), participant: rl('label', 'x') },
			items: [{}, {}],
			credentials: env.credentials,
			continueOnFail: true,
		});
		expect(items.map((i) => [i.error?.message, i.pairedItem])).toEqual([
			['2 conferences named "dup" are in progress', { item: 0 }],
			['2 conferences named "dup" are in progress', { item: 1 }],
		]);
		expect(items[0].error).not.toBe(items[1].error);
		expect((items[1].error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});
});
