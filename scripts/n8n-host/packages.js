'use strict';
/* Building and packing this package, installing it into a user folder, importing credentials and workflows. */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { REPO_ROOT, readJson, writeJson } = require('./config');
const { npm } = require('./runtime');
const { runN8nOk } = require('./process');

/**
 * (async) Installs an `npm pack` tarball into <userFolder>/.n8n/nodes/node_modules, as n8n's community-package
 * install does: npm install <tgz> in <userFolder>/.n8n/nodes, scripts off, no dev deps, no peer deps
 * (n8n-workflow resolves to n8n's own copy at run time).
 */
async function installPackage(tgzPath, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const pj = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pj)) writeJson(pj, { name: 'installed-nodes', private: true, dependencies: {} });
	await npm(
		[
			'install',
			path.resolve(tgzPath),
			'--ignore-scripts',
			'--omit=dev',
			'--omit=peer',
			'--legacy-peer-deps',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir, env: { npm_config_ignore_scripts: 'true' } },
	);
	const name = readJson(path.join(REPO_ROOT, 'package.json'), {}).name;
	const installed = name && path.join(nodesDir, 'node_modules', name);
	if (installed && !fs.existsSync(path.join(installed, 'package.json'))) {
		throw new Error(`package ${name} not found in ${nodesDir}/node_modules after install`);
	}
	return installed;
}

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
	const out = await npm(['pack', '--pack-destination', outDir, '--json', '--ignore-scripts', '--loglevel=error'], { cwd: REPO_ROOT });
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

function importWorkflows(workflows, env) {
	return importJson('import:workflow', workflows, env);
}

module.exports = { installPackage, buildAndPack, importCredentials, importWorkflows };
