/**
 * The example workflows (examples/) and the e2e workflows hold Twilio Conference nodes as a user would import
 * them. n8n keeps only the parameters the node shows for the chosen resource and operation: one misspelt or
 * misplaced parameter would silently vanish on import, so every one must survive n8n's own resolution.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, PACKAGE_DIR } from './helpers/engine';

const files = ['examples', path.join('e2e', 'workflows')].flatMap((dir) =>
	readdirSync(path.join(PACKAGE_DIR, dir))
		.filter((f) => f.endsWith('.json'))
		.map((f) => path.join(dir, f)),
);

/** Keys of `given` that `kept` lacks, as dotted paths. */
function dropped(given: unknown, kept: unknown, at = ''): string[] {
	if (typeof given !== 'object' || given === null || Array.isArray(given) || '__rl' in given) return [];
	return Object.entries(given).flatMap(([key, value]) => {
		const keptValue = (kept as Record<string, unknown> | undefined)?.[key];
		return keptValue === undefined ? [`${at}${key}`] : dropped(value, keptValue, `${at}${key}.`);
	});
}

test('there are examples, and a warm transfer among them', () => {
	expect(files).toEqual(
		expect.arrayContaining([
			path.join('examples', 'warm-transfer.json'),
			path.join('examples', 'warm-transfer-end.json'),
		]),
	);
	const types = files.flatMap((file) =>
		(JSON.parse(readFileSync(path.join(PACKAGE_DIR, file), 'utf8')) as { nodes: INode[] }).nodes.map(
			(node) => node.type,
		),
	);
	expect(types.filter((type) => type.startsWith('n8n-nodes-twilio-conference.')).length).toBeGreaterThan(20);
});

test.each(files)('%s: every parameter of every Twilio Conference node is one the node shows', async (file) => {
	const loader = await loadPackage();
	const workflow = JSON.parse(readFileSync(path.join(PACKAGE_DIR, file), 'utf8')) as { nodes: INode[] };
	const ours = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-twilio-conference.'));
	for (const node of ours) {
		// The AI tool variant is the same node with the tool description n8n adds.
		const [name, isTool] = [node.type.split('.')[1].replace(/Tool$/, ''), node.type.endsWith('Tool')];
		const description = loader.getNode(name).type.description as INodeTypeDescription;
		const { toolDescription: _description, descriptionType: _type, ...parameters } = node.parameters;
		const own = isTool ? parameters : node.parameters;
		const kept = NodeHelpers.getNodeParameters(description.properties, own, true, false, node, description);
		expect([node.name, dropped(own, kept as INodeParameters)]).toEqual([node.name, []]);
	}
});
