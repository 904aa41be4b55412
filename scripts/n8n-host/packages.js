'use strict';
/* Building and packing this package, and importing credentials and workflows. Installing it: package-install.js. */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { REPO_ROOT, LINE } = require('./config');
const { adaptWorkflow } = require('./lines');
const { log } = require('./log');
const { npm } = require('./runtime');
const { runN8nOk } = require('./process');

/**
 * `npm run build` then `npm pack --pack-destination .tmp` in the repo (skip the build with skipBuild or
 * E2E_SKIP_BUILD=1). Returns the tarball's absolute path.
 */
async function buildAndPack({ skipBuild = process.env.E2E_SKIP_BUILD === '1' } = {}) {
	const outDir = path.join(REPO_ROOT, '.tmp');
	fs.mkdirSync(outDir, { recursive: true });
	if (!skipBuild) await npm(['run', 'build', '--silent'], { cwd: REPO_ROOT });
	const node = path.join(REPO_ROOT, 'dist', 'nodes', 'TwilioConference', 'TwilioConference.node.js');
	if (!fs.existsSync(node)) throw new Error(`${node} is missing: the build did not produce the node`);
	// --ignore-scripts: dist/ was just built (or checked), so prepack need not clean and build it again.
	const out = await npm(['pack', '--pack-destination', outDir, '--json', '--ignore-scripts', '--loglevel=error'], {
		cwd: REPO_ROOT,
	});
	const info = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(outDir, info[0].filename);
}

/** Writes JSON to a temp file and runs `n8n <command> --input=<file>`. */
async function importJson(command, data, env) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
	const file = path.join(dir, 'input.json');
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	try {
		return await runN8nOk([command, `--input=${file}`], env);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function importCredentials(creds, env) {
	return importJson('import:credentials', creds, env);
}

/** Imports workflows as the host's line can run them (see adaptWorkflow), saying what was changed. */
function importWorkflows(workflows, env) {
	const adapted = workflows.map((w) => {
		const { workflow, changes } = adaptWorkflow(w, LINE);
		for (const c of changes) log(`workflow "${w.name}": ${c}`);
		return workflow;
	});
	return importJson('import:workflow', adapted, env);
}

module.exports = { buildAndPack, importCredentials, importWorkflows };
