'use strict';
/*
 * The two ways the packed package gets into a user folder: the way n8n's own community-package installer does
 * it (Settings > Community Nodes), and the README's manual `npm install` in ~/.n8n/nodes. n8n loads whatever
 * is in <userFolder>/.n8n/nodes/node_modules at start.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { REPO_ROOT, readJson, writeJson } = require('./config');
const { npm } = require('./runtime');

/* The flags n8n's installer gives npm (1.123 and 2.41 alike, community-packages.service.js). */
const N8N_INSTALLER_NPM_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

function packageName() {
	return readJson(path.join(REPO_ROOT, 'package.json'), {}).name;
}

function nodesDirOf(userFolder) {
	const dir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

function installedDir(nodesDir, name = packageName()) {
	const dir = path.join(nodesDir, 'node_modules', name);
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		throw new Error(`package ${name} not found in ${nodesDir}/node_modules after install`);
	}
	return dir;
}

/**
 * (async) As n8n's installer: unpacks the tarball into <userFolder>/.n8n/nodes/node_modules/<name>, removes
 * dev, peer and optional dependencies from its package.json, runs `npm install` inside it (the package has no
 * runtime dependencies, so nothing is fetched; --offline makes sure), and records it in nodes/package.json.
 * Returns the installed package's folder.
 */
async function installPackage(tgzPath, userFolder) {
	const nodesDir = nodesDirOf(userFolder);
	const name = packageName();
	const dir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	execFileSync('tar', ['-xzf', path.resolve(tgzPath), '-C', dir, '--strip-components=1']);
	const pj = path.join(dir, 'package.json');
	const kept = readJson(pj);
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete kept[field];
	writeJson(pj, kept);
	await npm(['install', ...N8N_INSTALLER_NPM_ARGS, '--offline', '--loglevel=error'], { cwd: dir });
	const nodesPj = path.join(nodesDir, 'package.json');
	const manifest = readJson(nodesPj, { name: 'installed-nodes', private: true, dependencies: {} });
	writeJson(nodesPj, { ...manifest, dependencies: { ...manifest.dependencies, [name]: kept.version } });
	return installedDir(nodesDir, name);
}

/**
 * (async) As the README tells a person: `npm install <tarball>` in <userFolder>/.n8n/nodes, nothing else (no
 * flags, no package.json made first, the environment of a shell), except --offline: the package has no
 * runtime dependencies, so a correct install needs nothing from the registry. Returns { dir, nodesDir, output }.
 */
async function installPackageManually(tgzPath, userFolder) {
	const nodesDir = nodesDirOf(userFolder);
	const output = await npm(['install', path.resolve(tgzPath), '--offline'], { cwd: nodesDir, asUser: true });
	return { dir: installedDir(nodesDir), nodesDir, output };
}

module.exports = { installPackage, installPackageManually, N8N_INSTALLER_NPM_ARGS };
