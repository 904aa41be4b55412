'use strict';
// Section 4 of bench/run.js: what the editor pays for the node, against n8n's own Twilio node.
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');

/** 4. Loading the node + credential types with PackageDirectoryLoader, fresh process per round; description size. */
async function editorCost({ stats, print, quick }, nodesBase) {
	const run = promisify(execFile);
	const ROUNDS = quick ? 3 : 9;
	print();
	print('## 4. Editor cost: loading the types and the description the editor receives');
	print();
	print(
		`A fresh \`node\` process per measurement (${ROUNDS} each, interleaved); n8n-core is required before the clock starts (n8n has it loaded). Ours: \`new PackageDirectoryLoader(<package>)\` + \`loadAll()\`. n8n's Twilio: the same loader on n8n-nodes-base, \`loadNodeFromFile('dist/nodes/Twilio/Twilio.node.js')\` + \`loadCredentialFromFile('dist/credentials/TwilioApi.credentials.js')\` + \`inferSupportedNodes()\`, which is what loadAll does per entry. Size: JSON.stringify of loader.types.nodes and loader.types.credentials (what /types/nodes.json and /types/credentials.json carry for them; both nodes are usableAsTool, so n8n also serves a Tool copy of each, roughly doubling both).`,
	);
	const probe = path.join(__dirname, 'editor-probe.js');
	const contenders = {
		ours: async () => JSON.parse((await run(process.execPath, [probe, 'ours'])).stdout),
		twilio: async () => JSON.parse((await run(process.execPath, [probe, 'twilio', nodesBase])).stdout),
	};
	const samples = await stats.interleave(contenders, { rounds: ROUNDS });
	const med = (name, key) => stats.median(samples[name].map((s) => s[key]));
	const rows = [
		[
			'',
			'load ms (median)',
			'files required',
			'node description bytes',
			'credential bytes',
			'total bytes',
			'properties (incl. nested)',
		],
	];
	for (const [name, label] of [
		['ours', 'Twilio Conference (this package)'],
		['twilio', "n8n's Twilio node (n8n-nodes-base)"],
	]) {
		rows.push([
			label,
			stats.ms(med(name, 'loadMs')),
			med(name, 'requiredFiles'),
			med(name, 'nodeBytes'),
			med(name, 'credentialBytes'),
			med(name, 'nodeBytes') + med(name, 'credentialBytes'),
			med(name, 'properties'),
		]);
	}
	const total = (name) => med(name, 'nodeBytes') + med(name, 'credentialBytes');
	rows.push([
		'ratio ours / Twilio',
		stats.ratio(med('ours', 'loadMs') / med('twilio', 'loadMs')),
		'',
		stats.ratio(med('ours', 'nodeBytes') / med('twilio', 'nodeBytes')),
		stats.ratio(med('ours', 'credentialBytes') / med('twilio', 'credentialBytes')),
		stats.ratio(total('ours') / total('twilio')),
		'',
	]);
	print();
	print(stats.table(rows));
}

module.exports = { editorCost };
