/**
 * What a mapped value costs per item. n8n's routing evaluates every top-level parameter in both of its walks over
 * the description, once for every property of that name, shown or hidden; the node then reads each locator once.
 * So a locator mapped from an expression is evaluated three times per item, and would be five times if a second
 * property shared its name (as Conference's own operations once did with `conference`).
 */
import { Expression } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from './helpers/engine';
import { useSimulator } from './helpers/twilio';

const env = useSimulator();
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const ITEMS = 3;

/** Evaluations of expressions (`={{ … }}` values) while the node runs, per input item. */
async function evaluationsPerItem(parameters: IDataObject, items: IDataObject[]) {
	const spy = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue');
	try {
		const result = await runNode({ parameters, items, credentials: env.credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThanOrEqual(items.length);
		return spy.mock.calls.length / items.length;
	} finally {
		spy.mockRestore();
	}
}

function liveConference() {
	const conference = env.sim.seedConference({ friendlyName: 'evaluations' });
	const participants = env.sim.seedParticipants(conference.sid, ITEMS);
	const recordings = env.sim.seedRecordings(conference.sid, ITEMS);
	const items = participants.map((participant, i) => ({
		conferenceSid: conference.sid,
		callSid: participant.call_sid,
		recordingSid: recordings[i].sid,
	}));
	return { conference, items };
}

const fromItem = { conference: rl('={{ $json.conferenceSid }}'), participant: rl('={{ $json.callSid }}') };

test.each([
	['Conference Participant → Get', { resource: 'participant', operation: 'get', ...fromItem }, 6],
	[
		'Conference Participant → Update',
		{ resource: 'participant', operation: 'update', ...fromItem, updateFields: { muted: true } },
		6,
	],
	['Conference Participant → Delete', { resource: 'participant', operation: 'delete', ...fromItem }, 6],
	[
		'Conference Participant → Get Many',
		{ resource: 'participant', operation: 'getAll', conference: fromItem.conference, returnAll: true },
		3,
	],
	[
		'Conference → Get',
		{ resource: 'conference', operation: 'get', targetConference: rl('={{ $json.conferenceSid }}') },
		3,
	],
	[
		'Conference Recording → Get',
		{
			resource: 'conferenceRecording',
			operation: 'get',
			conference: fromItem.conference,
			recording: rl('={{ $json.recordingSid }}'),
		},
		6,
	],
])('%s: each mapped locator is evaluated three times per item', async (_name, parameters, expected) => {
	const { items } = liveConference();
	expect(await evaluationsPerItem(parameters, items)).toBe(expected);
});

/*
 * A field with routing costs more, and that part is n8n's: n8n-core reads every routed property once more in each
 * of its two walks (the base-URL walk included), on top of the walks' own evaluation. The node then takes the
 * value from the body routing built, and adds no read of its own.
 */
test("Update Fields → Muted mapped from an expression: four evaluations per item, all of them n8n's routing", async () => {
	const { items } = liveConference();
	const parameters = {
		resource: 'participant',
		operation: 'update',
		...fromItem,
		updateFields: { muted: '={{ $json.callSid !== "" }}' },
	};
	expect(await evaluationsPerItem(parameters, items)).toBe(6 + 4);
});

test('a locator typed in, not mapped, is never evaluated', async () => {
	const { conference, items } = liveConference();
	const parameters = { resource: 'participant', operation: 'getAll', conference: rl(conference.sid), returnAll: true };
	expect(await evaluationsPerItem(parameters, items)).toBe(0);
});
