/**
 * The example workflows import as they are: our nodes' parameters name real properties and options, every
 * connection names a node of the workflow, and the trigger is the first node.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { loadPackage } from '../helpers/engine';

const DIR = path.resolve(__dirname, '..', '..', 'examples');
// The trigger's examples; the warm transfer (started by hand) is checked by the e2e suite and test/examples.test.ts.
const files = fs.readdirSync(DIR).filter((f) => f.startsWith('when-') && f.endsWith('.json'));

describe.each(files)('examples/%s', (file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

	it('uses our nodes with parameters they have, and n8n built-in nodes otherwise', async () => {
		const loader = await loadPackage();
		for (const node of workflow.nodes) {
			const [pkg, name] = node.type.split('.');
			if (pkg === 'n8n-nodes-base') continue;
			expect(pkg).toBe('n8n-nodes-twilio-conference');
			const description = (loader.getNode(name).type as INodeType).description;
			const properties = new Map<string, INodeProperties>(description.properties.map((p) => [p.name, p]));
			for (const [key, value] of Object.entries(node.parameters)) {
				expect(properties.has(key)).toBe(true);
				const options = properties.get(key)?.options as Array<{ value: string }> | undefined;
				if (key === 'events')
					for (const event of value as string[]) expect(options?.map((o) => o.value)).toContain(event);
			}
		}
	});

	it('starts with the trigger and connects only its own nodes', () => {
		expect(workflow.nodes[0].type).toBe('n8n-nodes-twilio-conference.twilioConferenceTrigger');
		const names = new Set(workflow.nodes.map((n: { name: string }) => n.name));
		for (const [from, { main }] of Object.entries(
			workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
		)) {
			expect(names.has(from)).toBe(true);
			for (const link of main.flat()) expect(names.has(link.node)).toBe(true);
		}
	});
});
