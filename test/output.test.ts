import { runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator({}, ['FutureFlag', 'FutureList']);
// Written out here rather than imported, so that a change to the node's list has to change this test too.
const SIMPLE = [
	'call_sid',
	'call_sid_to_coach',
	'coaching',
	'conference_sid',
	'date_created',
	'date_updated',
	'end_conference_on_exit',
	'hold',
	'label',
	'muted',
	'start_conference_on_enter',
	'status',
];
/** Twilio's participant holds queue_time only in the answer to a Create. */
const SIMPLE_CREATE = [...SIMPLE, 'queue_time'].sort();
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
	])("%s: off by default, returning Twilio's full JSON; on, the fields people use", async (operation, extra) => {
		const { conference } = room();
		const base = { resource: 'participant', operation, conference: conference.sid, participant: 'pat', ...extra };
		const full = await runNode({ parameters: base, credentials: env.credentials });
		expect(keys(full.items[0].json)).toEqual(expect.arrayContaining(['account_sid', 'uri', ...SIMPLE]));
		const simple = await runNode({ parameters: { ...base, simplify: true }, credentials: env.credentials });
		// queue_time is kept when Twilio gives it (it does on Create's answer).
		const expected = 'queue_time' in full.items[0].json ? SIMPLE_CREATE : SIMPLE;
		expect(keys(simple.items[0].json)).toEqual(expected);
		expect(simple.items[0].json.label).toBe('pat');
	});

	test('create: on returns the simplified participant', async () => {
		const { items } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: 'simple create',
				from: '+15017122661',
				to: '+15558675310',
				simplify: true,
			},
			credentials: env.credentials,
		});
		expect(keys(items[0].json)).toEqual(SIMPLE_CREATE);
	});

	test('get many: on by default, off returns the full JSON of every participant', async () => {
		const { conference } = room();
		const simple = await runNode({
			parameters: { resource: 'participant', operation: 'getAll', conference: conference.sid, returnAll: true },
			credentials: env.credentials,
		});
		const full = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: conference.sid,
				returnAll: true,
				simplify: false,
			},
			credentials: env.credentials,
		});
		expect(keys(simple.items[0].json)).toEqual('queue_time' in full.items[0].json ? SIMPLE_CREATE : SIMPLE);
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
				customParameters: {
					parameter: [
						{ name: 'FutureFlag', value: 'on' },
						{ name: 'FutureList', value: 'a' },
						{ name: 'FutureList', value: 'b c' },
					],
				},
			},
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		const [request] = participantRequests(env.sim);
		expect(request.body).toEqual({
			From: '+15017122661',
			To: '+15558675310',
			Muted: 'true',
			FutureFlag: 'on',
			FutureList: ['a', 'b c'],
		});
		expect(request.rawBody).toContain('FutureList=a&FutureList=b+c');
	});

	test('are sent on Update', async () => {
		const { conference } = room();
		await runNode({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: 'pat',
				customParameters: { parameter: [{ name: 'FutureFlag', value: '1' }] },
			},
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
			parameters: {
				resource: 'participant',
				operation,
				conference,
				participant: 'pat',
				from: '+1',
				to: '+2',
				customParameters: { parameter: [{ name, value: 'x' }] },
			},
			credentials: env.credentials,
		});
		expect(error?.message).toContain('"Custom Parameters → Name" in item 0');
		expect(error?.message).toContain(message);
		expect(env.sim.requests).toHaveLength(0);
	});
});
