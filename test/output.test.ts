import { runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator({}, ['FutureFlag', 'FutureList']);
const SIMPLE = ['call_sid', 'coaching', 'conference_sid', 'date_created', 'date_updated', 'hold', 'label', 'muted', 'status'];
const keys = (json: object) => Object.keys(json).sort();

function room() {
	const conference = env.sim.seedConference({ friendlyName: `out ${Math.random()}` });
	const [participant] = env.sim.seedParticipants(conference.sid, 1, { label: 'pat' });
	return { conference, participant };
}

describe('Simplify', () => {
	test.each([
		['get', {}],
		['update', { updateFields: { muted: true } }],
	])('%s: off by default, returning Twilio\'s full JSON; on, the fields people use', async (operation, extra) => {
		const { conference } = room();
		const base = { resource: 'participant', operation, conference: conference.sid, participant: 'pat', ...extra };
		const full = await runNode({ parameters: base, credentials: env.credentials });
		expect(keys(full.items[0].json)).toEqual(expect.arrayContaining(['account_sid', 'uri', 'start_conference_on_enter', ...SIMPLE]));
		const simple = await runNode({ parameters: { ...base, simplify: true }, credentials: env.credentials });
		expect(keys(simple.items[0].json)).toEqual(SIMPLE);
		expect(simple.items[0].json.label).toBe('pat');
	});

	test('create: on returns the simplified participant', async () => {
		const { items } = await runNode({
			parameters: { resource: 'participant', operation: 'create', conference: 'simple create', from: '+15017122661', to: '+15558675310', simplify: true, options: { callsPerSecond: 30 } },
			credentials: env.credentials,
		});
		expect(keys(items[0].json)).toEqual(SIMPLE);
	});

	test('get many: on by default, off returns the full JSON of every participant', async () => {
		const { conference } = room();
		const simple = await runNode({ parameters: { resource: 'participant', operation: 'getAll', conference: conference.sid, returnAll: true }, credentials: env.credentials });
		expect(keys(simple.items[0].json)).toEqual(SIMPLE);
		const full = await runNode({ parameters: { resource: 'participant', operation: 'getAll', conference: conference.sid, returnAll: true, simplify: false }, credentials: env.credentials });
		expect(full.items[0].json).toHaveProperty('account_sid');
		expect(full.items[0].json).toHaveProperty('uri');
	});
});

describe('Custom Parameters', () => {
	test('are sent as extra form fields on Create, a repeated name as a repeated key', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'custom',
				from: '+15017122661',
				to: '+15558675310',
				additionalFields: { muted: true },
				customParameters: { parameter: [{ name: 'FutureFlag', value: 'on' }, { name: 'FutureList', value: 'a' }, { name: 'FutureList', value: 'b c' }] },
				options: { callsPerSecond: 30 },
			},
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		const [request] = participantRequests(env.sim);
		expect(request.body).toEqual({ From: '+15017122661', To: '+15558675310', Muted: 'true', FutureFlag: 'on', FutureList: ['a', 'b c'] });
		expect(request.rawBody).toContain('FutureList=a&FutureList=b+c');
	});

	test('are sent on Update', async () => {
		const { conference } = room();
		await runNode({
			parameters: { resource: 'participant', operation: 'update', conference: conference.sid, participant: 'pat', customParameters: { parameter: [{ name: 'FutureFlag', value: '1' }] } },
			credentials: env.credentials,
		});
		expect(participantRequests(env.sim)[0].body).toEqual({ FutureFlag: '1' });
	});

	test.each([
		['create', 'Muted', '"Muted" has its own field (Muted)'],
		['create', 'statuscallbackevent', 'has its own field (Status Callback Event)'],
		['create', 'To', 'has its own field (To)'],
		['update', 'HoldUrl', 'has its own field (Hold URL)'],
		['create', 'Bad[]', 'is not a Twilio parameter name'],
		['update', '={{ "" }}', 'required'],
	])('%s refuses the name %s', async (operation, name, message) => {
		const conference = 'CF0123456789abcdef0123456789abcdef';
		const { error } = await runNode({
			parameters: { resource: 'participant', operation, conference, participant: 'pat', from: '+1', to: '+2', customParameters: { parameter: [{ name, value: 'x' }] } },
			credentials: env.credentials,
		});
		expect(error?.message).toContain('"Custom Parameters → Name" in item 0');
		expect(error?.message).toContain(message);
		expect(env.sim.requests).toHaveLength(0);
	});
});
