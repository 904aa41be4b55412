#!/usr/bin/env node
'use strict';
/*
 * A real n8n, installed once and driven without a person: the 2.x line into <repo>/.n8n-host/, the 1.x line
 * into <repo>/.n8n-host-1.x/ (both git-ignored; N8N_HOST_DIR elsewhere, N8N_HOST_VERSION=1 for 1.x).
 *
 *   node scripts/n8n-host.js install          # idempotent; seconds once the marker exists
 *   node scripts/n8n-host.js install --force  # reinstall
 *   node scripts/n8n-host.js probe            # check whether newer n8n versions resolve on the registry
 *   node scripts/n8n-host.js n8n <args...>    # run the installed n8n CLI with the host's Node and environment
 *
 * Everything it starts listens on 127.0.0.1 only and has n8n's outbound calls turned off.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const { parseArgs } = require('node:util');

/*
 * The pieces live in scripts/n8n-host/: lines (what differs between n8n 1.x and 2.x), config (paths, the
 * selected line), log, runtime (the Node that runs n8n, npm, the n8n binary), install, env (n8nEnv, user
 * folders), process (running and stopping n8n, ports), packages (build, pack, import), package-install (as
 * n8n's installer does, and by hand) and client (REST client, execution data). This file re-exports them and
 * is the CLI.
 */
const { REPO_ROOT, LINE, HOST_DIR, N8N_DIR, N8N_VERSION, ENCRYPTION_KEY } = require('./n8n-host/config');
const { log, fmtMs, stage, sleep } = require('./n8n-host/log');
const { nodeBinary, n8nBin, pathWithNode24 } = require('./n8n-host/runtime');
const { ensureInstalled, isInstalled, probeVersions } = require('./n8n-host/install');
const { n8nEnv, makeUserFolder } = require('./n8n-host/env');
const {
	runN8n,
	runN8nOk,
	startN8n,
	freePort,
	waitForPort,
	pidAlive,
	killGroup,
	killChildrenOnSignals,
	trackPid,
} = require('./n8n-host/process');
const { buildAndPack, importCredentials, importWorkflows } = require('./n8n-host/packages');
const { installPackage, installPackageManually } = require('./n8n-host/package-install');
const { N8nClient, parseExecutionData, nodeOutput, runExecutionData, parseRawOutput } = require('./n8n-host/client');

module.exports = {
	REPO_ROOT,
	LINE,
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
	installPackageManually,
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
	pidAlive,
	killGroup,
	killChildrenOnSignals,
	trackPid,
	sleep,
	stage,
	fmtMs,
	log,
};

const USAGE = `usage: node scripts/n8n-host.js <command>
  install [--force]       install n8n once (seconds when already there); --force reinstalls
  probe [versions...]     check whether these n8n versions resolve on the registry
  n8n <args...>           run the installed n8n CLI with the host's environment
N8N_HOST_VERSION picks the line (1 or 2; default 2), N8N_HOST_DIR the folder.`;

/** Runs the command line; resolves the exit code. */
async function main(argv) {
	if (argv[0] === 'n8n') {
		// Everything after `n8n` is n8n's own command line, passed through unparsed.
		await ensureInstalled();
		const userFolder = process.env.N8N_USER_FOLDER || path.join(HOST_DIR, 'cli-user');
		const child = spawn(nodeBinary(), [n8nBin(), ...argv.slice(1)], {
			env: n8nEnv({ userFolder, port: process.env.N8N_PORT || 5678 }),
			stdio: 'inherit',
		});
		return new Promise((resolve) => child.on('exit', (code) => resolve(code === null ? 1 : code)));
	}
	const options = { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } };
	let parsed;
	try {
		parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
	} catch (e) {
		console.error(`${e.message}\n${USAGE}`);
		return 1;
	}
	const { values, positionals } = parsed;
	const [command, ...versions] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return values.help ? 0 : 1;
	}
	if (command === 'install' && !versions.length) await ensureInstalled({ force: values.force });
	else if (command === 'probe') await probeVersions(versions.length ? versions : undefined);
	else {
		console.error(`unknown command "${positionals.join(' ')}"\n${USAGE}`);
		return 1;
	}
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(e) => {
			console.error(e && e.stack ? e.stack : e);
			process.exit(1);
		},
	);
}
