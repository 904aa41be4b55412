/**
 * What each mode of the conference and participant pickers sends: the SID as typed, a label, or a friendly name
 * looked up first (once per execution), and the checks made before anything is sent.
 */
import { runNode } from './helpers/engine';
import { ACCOUNT_SID, participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('every mode of both pickers drives the operations', () => {
	const get = (conference: object, participant: object) =>
		runNode({
			parameters: { resource: 'participant', operation: 'get', conference, participant, simplify: true },
			credentials: env.credentials,
		});

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
		expect(last?.path).toBe(
			`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conference.sid}/Participants/${encodeURIComponent(participantValue)}.json`,
		);
	});

	test('Create by friendly name sends the name, Create from the list sends the SID', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'listed' });
		const base = { resource: 'participant', operation: 'create', from: '+15017122661', to: '+15558675310' };
		await runNode({ parameters: { ...base, conference: rl('name', 'brand new room') }, credentials: env.credentials });
		await runNode({ parameters: { ...base, conference: rl('list', conference.sid) }, credentials: env.credentials });
		expect(participantRequests(env.sim).map((r) => r.path.split('/')[5])).toEqual([
			'brand%20new%20room',
			conference.sid,
		]);
		expect(env.sim.requests.filter((r) => r.path.endsWith('/Conferences.json'))).toHaveLength(0);
	});

	test.each(['getAll', 'update', 'delete'])(
		'%s resolves a friendly name to the conference SID first',
		async (operation) => {
			const name = `resolve ${operation}`;
			const conference = env.sim.seedConference({ friendlyName: name });
			env.sim.seedParticipants(conference.sid, 1, { label: 'x' });
			const { error } = await runNode({
				parameters: {
					resource: 'participant',
					operation,
					conference: rl('name', name),
					participant: rl('label', 'x'),
					updateFields: { muted: true },
				},
				credentials: env.credentials,
			});
			expect(error).toBeUndefined();
			const [lookup, call] = env.sim.requests;
			expect(lookup.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences.json`);
			expect(lookup.query).toEqual({ FriendlyName: name, Status: 'in-progress', PageSize: '20' });
			expect(call.path).toContain(`/Conferences/${conference.sid}/Participants`);
		},
	);

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
		[
			'conference',
			rl('id', 'CF123'),
			rl('label', 'x'),
			'A conference SID is "CF" followed by 32 hexadecimal characters',
		],
		[
			'participant',
			rl('id', 'CF0123456789abcdef0123456789abcdef'),
			rl('id', 'alice'),
			'A Call SID is "CA" followed by 32 hexadecimal characters',
		],
	])(
		"a typed %s SID that is not a SID is stopped by the mode's own check",
		async (_name, conference, participant, message) => {
			await expect(get(conference, participant)).rejects.toThrow(message);
			expect(env.sim.requests).toHaveLength(0);
		},
	);

	test.each([
		['conference', rl('id', '={{ "CF123" }}'), rl('label', 'x'), 'Conference'],
		['participant', rl('id', 'CF0123456789abcdef0123456789abcdef'), rl('id', '={{ "alice" }}'), 'Participant'],
	])(
		'a %s SID from an expression that is not a SID is refused before sending',
		async (_name, conference, participant, field) => {
			const { error } = await get(conference, participant);
			expect(error?.message).toContain(`Invalid value for "${field}" in item 0`);
			expect(env.sim.requests).toHaveLength(0);
		},
	);
});

describe('friendly-name look-ups', () => {
	test('items of one execution naming the same conference share one look-up', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'shared lookup' });
		env.sim.seedParticipants(conference.sid, 3, (i: number) => ({ label: `p${i}` }));
		const { items, error } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'get',
				conference: rl('name', 'shared lookup'),
				participant: rl('label', '={{ $json.label }}'),
			},
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
			parameters: {
				resource: 'participant',
				operation: 'get',
				conference: rl('name', 'dup'),
				participant: rl('label', 'x'),
			},
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
