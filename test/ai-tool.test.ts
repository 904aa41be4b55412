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
	conference: { __rl: true, mode: 'name', value: "={{ $fromAI('conference', 'Friendly name of the live conference', 'string') }}" },
	participant: { __rl: true, mode: 'label', value: "={{ $fromAI('participant', 'Label of the participant', 'string') }}" },
	updateFields: { muted: "={{ $fromAI('muted', 'true to mute, false to unmute', 'boolean') }}" },
};

test('the node is usable as a tool, and every operation tells a model what it does, needs and returns', async () => {
	const loader = await loadPackage();
	const { description } = loader.getNode('twilioConference').type as INodeType;
	expect(description.usableAsTool).toBe(true);
	const operations = description.properties.find((p) => p.name === 'operation')?.options as Array<{ value: string; description: string }>;
	for (const operation of operations) {
		expect(operation.description.length).toBeGreaterThan(60);
		expect(operation.description).toMatch(/[Rr]eturns/);
	}
	const byValue = Object.fromEntries(operations.map((o) => [o.value, o.description]));
	expect(byValue.create).toMatch(/live, billable call/);
	expect(byValue.delete).toMatch(/Hang up .* live conference/);
});

test('$fromAI placeholders become the tool schema', () => {
	const node = { id: 't', name: 'Mute someone', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters } as INode;
	const schema = getSchema(node);
	expect(Object.keys(schema.shape).sort()).toEqual(['conference', 'muted', 'participant']);
	expect(schema.shape.muted._def.typeName).toBe('ZodBoolean');
	expect(schema.shape.conference._def.description).toBe('Friendly name of the live conference');
});

test("the model's arguments fill the fields and go through the same checks", async () => {
	const conference = env.sim.seedConference({ friendlyName: 'AI Room' });
	env.sim.seedParticipants(conference.sid, 1, { label: 'alice' });
	const { items, error } = await runNode({ parameters, items: [{ query: { conference: 'AI Room', participant: 'alice', muted: true } }], credentials: env.credentials });
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ label: 'alice', muted: true });
	const [request] = participantRequests(env.sim);
	expect(request.path).toContain(`/Conferences/${conference.sid}/Participants/alice.json`);
	expect(request.body).toEqual({ Muted: 'true' });

	const refused = await runNode({ parameters, items: [{ query: { conference: 'AI Room', participant: 'alice', muted: 'loudly' } }], credentials: env.credentials });
	expect(refused.error?.message).toContain('Invalid value for "Muted" in item 0');
});
