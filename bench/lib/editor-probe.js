'use strict';
/**
 * One fresh process per measurement: how long n8n-core's PackageDirectoryLoader takes to load a node type and
 * its credential type, and how big the descriptions are that the editor is sent (JSON of loader.types).
 *   node editor-probe.js ours          this package, loader.loadAll() over package.json's n8n section
 *   node editor-probe.js twilio <dir>  n8n-nodes-base's Twilio node + TwilioApi credential, same loader calls
 * Prints one JSON line.
 */
const { parseArgs } = require('node:util');

const env = require('./env');

env.redirectN8nModules();
const { PackageDirectoryLoader } = require('n8n-core'); // loaded before timing: n8n has it loaded already

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
	const [which, base] = parseArgs({ allowPositionals: true, strict: true }).positionals;
	const before = new Set(Object.keys(require.cache));
	const t0 = now();
	let loader;
	if (which === 'ours') {
		loader = new PackageDirectoryLoader(env.packageDir());
		await loader.loadAll();
	} else {
		loader = new PackageDirectoryLoader(base);
		loader.loadNodeFromFile('dist/nodes/Twilio/Twilio.node.js');
		loader.loadCredentialFromFile('dist/credentials/TwilioApi.credentials.js');
		loader.inferSupportedNodes();
	}
	const loadMs = now() - t0;
	const { nodes, credentials } = loader.types;
	const nodeJson = JSON.stringify(nodes);
	const credentialJson = JSON.stringify(credentials);
	const countProperties = (props) =>
		(props || []).reduce(
			(n, p) =>
				n +
				1 +
				countProperties(p.options && p.options.every((o) => o && o.name && o.type) ? p.options : []) +
				(p.values ? countProperties(p.values) : 0),
			0,
		);
	// Module files the load itself required (n8n-core and n8n-workflow were loaded before).
	const files = Object.keys(require.cache).filter((f) => !before.has(f));
	process.stdout.write(
		`${JSON.stringify({
			loadMs,
			nodeBytes: Buffer.byteLength(nodeJson),
			credentialBytes: Buffer.byteLength(credentialJson),
			descriptions: nodes.length,
			properties: nodes.reduce((n, d) => n + countProperties(d.properties), 0),
			requiredFiles: files.length,
		})}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
