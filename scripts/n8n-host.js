#!/usr/bin/env node
'use strict';
/*
 * A real n8n, installed once into <repo>/.n8n-host/ (git-ignored) and driven without a person.
 *
 *   node scripts/n8n-host.js install          # idempotent; seconds once the marker exists
 *   node scripts/n8n-host.js install --force  # reinstall
 *   node scripts/n8n-host.js probe            # check whether newer n8n versions resolve on this registry
 *   node scripts/n8n-host.js n8n <args...>    # run the installed n8n CLI (Node 24 on PATH)
 *
 * Everything it starts listens on 127.0.0.1 only and has n8n's outbound calls turned off.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');

/*
 * The pieces live in scripts/n8n-host/: config (paths, versions), log, runtime (Node 24, npm, the n8n binary),
 * install, env (n8nEnv, user folders), process (running and stopping n8n, ports), packages (build, pack,
 * install, import) and client (REST client, execution data). This file re-exports them and is the CLI.
 */
const { REPO_ROOT, HOST_DIR, N8N_DIR, N8N_VERSION, ENCRYPTION_KEY } = require('./n8n-host/config');
const { log, fmtMs, stage, sleep } = require('./n8n-host/log');
const { nodeBinary, n8nBin, pathWithNode24 } = require('./n8n-host/runtime');
const { ensureInstalled, isInstalled, probeVersions } = require('./n8n-host/install');
const { n8nEnv, makeUserFolder } = require('./n8n-host/env');
const { runN8n, runN8nOk, startN8n, freePort, waitForPort, killGroup, killChildrenOnSignals, trackPid } = require('./n8n-host/process');
const { installPackage, buildAndPack, importCredentials, importWorkflows } = require('./n8n-host/packages');
const { N8nClient, parseExecutionData, nodeOutput, runExecutionData, parseRawOutput } = require('./n8n-host/client');

module.exports = {
	REPO_ROOT,
	HOST_DIR,
	N8N_DIR,
	N8N_VERSION,
	ENCRYPTION_KEY,
	ensureInstalled,
	isInstalled,
	probeVersions,
	n8nEnv,
	runN8n,
	runN8nOk,
	parseRawOutput,
	startN8n,
	installPackage,
	buildAndPack,
	importCredentials,
	importWorkflows,
	makeUserFolder,
	N8nClient,
	parseExecutionData,
	nodeOutput,
	runExecutionData,
	nodeBinary,
	n8nBin,
	pathWithNode24,
	freePort,
	waitForPort,
	killGroup,
	killChildrenOnSignals,
	trackPid,
	sleep,
	stage,
	fmtMs,
	log,
};

if (require.main === module) {
	const [cmd, ...rest] = process.argv.slice(2);
	(async () => {
		if (cmd === 'install') {
			await ensureInstalled({ force: rest.includes('--force') });
		} else if (cmd === 'probe') {
			await probeVersions(rest.length ? rest : undefined);
		} else if (cmd === 'n8n') {
			await ensureInstalled();
			const userFolder = process.env.N8N_USER_FOLDER || path.join(HOST_DIR, 'cli-user');
			const child = spawn(nodeBinary(), [n8nBin(), ...rest], {
				env: n8nEnv({ userFolder, port: process.env.N8N_PORT || 5678 }),
				stdio: 'inherit',
			});
			child.on('exit', (code) => process.exit(code === null ? 1 : code));
		} else {
			console.log('usage: node scripts/n8n-host.js install [--force] | probe [versions...] | n8n <args...>');
			process.exit(cmd ? 1 : 0);
		}
	})().catch((e) => {
		console.error(e && e.stack ? e.stack : e);
		process.exit(1);
	});
}
