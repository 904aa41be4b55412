/**
 * As an AI agent's tool, n8n derives the tool's input schema from the node's $fromAI() placeholders and runs the
 * node with the model's arguments as the input item's `query`. Both steps are n8n-core's own code here.
 */
import type { INode, INodeType } from 'n8n-workflow';

import { loadPackage, NODE_TYPE, runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getSchema } = require('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool') as {
	getSchema: (node: INode) => { shape: Record<string, { _def: { typeName: string; description?: string } }> };
};

const env = useSimulator();

const parameters = {
	resource: 'participant',
	operation: 'update',
	conference: {
		__rl: true,
		mode: 'name',
		value: "={{ $fromAI('conference', 'Friendly name of the live conference', 'string') }}",
	},
	participant: {
		__rl: true,
		mode: 'label',
		value: "={{ $fromAI('participant', 'Label of the participant', 'string') }}",
	},
	updateFields: { muted: "={{ $fromAI('muted', 'true to mute, false to unmute', 'boolean') }}" },
};

test('the node is usable as a tool, and every operation of every resource tells a model what it does, needs and returns', async () => {
	const loader = await loadPackage();
	const { description } = loader.getNode('twilioConference').type as INodeType;
	expect(description.usableAsTool).toBe(true);
	const operationsOf = (resource: string) =>
		description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			?.options as Array<{ value: string; action: string; description: string }>;
	const resources = (
		description.properties.find((p) => p.name === 'resource')?.options as Array<{ value: string }>
	).map((o) => o.value);
	expect(resources.sort()).toEqual(['conference', 'conferenceRecording', 'participant']);
	for (const resource of resources) {
		for (const operation of operationsOf(resource)) {
			expect(operation.description.length).toBeGreaterThan(60);
			expect(operation.description).toMatch(/[Rr]eturns/);
			expect(operation.action).toMatch(/^[A-Z][a-z]+( to)? (a|many) /);
		}
	}
	const describe = (resource: string) =>
		Object.fromEntries(operationsOf(resource).map((o) => [o.value, o.description]));
	expect(describe('participant').create).toMatch(/live, billable call/);
	expect(describe('participant').delete).toMatch(/Hang up .* live conference/);
	const conference = operationsOf('conference');
	expect(conference.map((o) => o.action)).toEqual([
		'Announce to a conference',
		'End a conference',
		'Get a conference',
		'Get many conferences',
	]);
	expect(describe('conference').end).toMatch(/for everyone: every participant's call is hung up/);
	expect(describe('conference').announce).toMatch(/nobody is removed/);
	for (const operation of ['getAll', 'update'])
		expect(describe('conferenceRecording')[operation]).toMatch(
			/no API that starts a conference recording.*Conference Record/,
		);
});

test('End as a tool: the model names the conference, and only that conference is ended', async () => {
	const conference = env.sim.seedConference({ friendlyName: 'AI Ends This' });
	const keep = env.sim.seedConference({ friendlyName: 'AI Keeps This' });
	const end = {
		resource: 'conference',
		operation: 'end',
		targetConference: {
			__rl: true,
			mode: 'name',
			value: "={{ $fromAI('conference', 'Friendly name of the live conference to end for everyone', 'string') }}",
		},
	};
	const { items, error } = await runNode({
		parameters: end,
		items: [{ query: { conference: 'AI Ends This' } }],
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({
		sid: conference.sid,
		status: 'completed',
		reason_conference_ended: 'conference-ended-via-api',
	});
	expect(env.sim.state.conferences.find((c) => c.sid === keep.sid)?.status).toBe('in-progress');
});

test('$fromAI placeholders become the tool schema', () => {
	const node = {
		id: 't',
		name: 'Mute someone',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	} as INode;
	const schema = getSchema(node);
	expect(Object.keys(schema.shape).sort()).toEqual(['conference', 'muted', 'participant']);
	expect(schema.shape.muted._def.typeName).toBe('ZodBoolean');
	expect(schema.shape.conference._def.description).toBe('Friendly name of the live conference');
});

test("the model's arguments fill the fields and go through the same checks", async () => {
	const conference = env.sim.seedConference({ friendlyName: 'AI Room' });
	env.sim.seedParticipants(conference.sid, 1, { label: 'alice' });
	const { items, error } = await runNode({
		parameters,
		items: [{ query: { conference: 'AI Room', participant: 'alice', muted: true } }],
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ label: 'alice', muted: true });
	const [request] = participantRequests(env.sim);
	expect(request.path).toContain(`/Conferences/${conference.sid}/Participants/alice.json`);
	expect(request.body).toEqual({ Muted: 'true' });

	const refused = await runNode({
		parameters,
		items: [{ query: { conference: 'AI Room', participant: 'alice', muted: 'loudly' } }],
		credentials: env.credentials,
	});
	expect(refused.error?.message).toContain('Invalid value for "Muted" in item 0');
});
