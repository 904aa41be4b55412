#!/usr/bin/env node
'use strict';
/*
 * npm run demo: this package inside a real n8n on 127.0.0.1, talking to the local Twilio simulator.
 *
 *   npm run demo                 # build, pack, install, start; Ctrl-C stops everything
 *   npm run demo -- --reset      # start from an empty n8n user folder
 *   npm run demo -- --skip-build # use the existing dist/
 *
 * Ports: N8N_DEMO_PORT (5678), SIM_PORT (3999). Login: printed at start. N8N_HOST_VERSION=1 runs it in n8n 1.x.
 */
const path = require('node:path');
const { parseArgs } = require('node:util');
const host = require('./n8n-host');
const { ACCOUNT_SID, loadWorkflows, prepareStack, startServer } = require('./stack');

const USAGE = 'usage: npm run demo -- [--reset] [--skip-build]';
const N8N_PORT = Number(process.env.N8N_DEMO_PORT || 5678);
const SIM_PORT = Number(process.env.SIM_PORT || 3999);
const USER_FOLDER = path.join(host.HOST_DIR, 'demo-user');
/* The workflows the e2e suite runs are the demo's samples: every operation, and the node as an AI tool. */
const SAMPLES_DIR = path.join(host.REPO_ROOT, 'e2e', 'workflows');
const OWNER = { email: 'demo@example.com', password: 'Demo-Passw0rd!', firstName: 'Demo', lastName: 'Owner' };

function options(argv) {
	const { values } = parseArgs({
		args: argv,
		options: {
			reset: { type: 'boolean', default: false },
			'skip-build': { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
		strict: true,
	});
	return values;
}

async function main() {
	let opts;
	try {
		opts = options(process.argv.slice(2));
	} catch (e) {
		console.error(`${e.message}\n${USAGE}`);
		process.exit(1);
	}
	if (opts.help) return console.log(USAGE);
	const t0 = Date.now();
	const started = []; // handles with stop(), stopped in reverse order
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping ...');
		for (const h of started.reverse()) {
			try {
				await h.stop();
			} catch (e) {
				console.error(`[demo] ${e.message}`);
			}
		}
		console.log('[demo] stopped');
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		const { sim } = await prepareStack({
			userFolder: USER_FOLDER,
			reset: opts.reset,
			skipBuild: opts['skip-build'],
			simulator: { port: SIM_PORT, callsPerSecond: 1, connectAfterMs: 1500 },
			workflows: loadWorkflows(SAMPLES_DIR),
			started,
		});
		const { server: n8n } = await startServer({
			userFolder: USER_FOLDER,
			port: N8N_PORT,
			brokerPort: N8N_PORT + 1000,
			logFile: path.join(USER_FOLDER, 'n8n.log'),
			name: 'n8n',
			owner: OWNER,
			started,
		});
		n8n.exited.then((r) => {
			if (!stopping) {
				console.error(`[demo] n8n exited unexpectedly (${JSON.stringify(r)}); see ${n8n.logFile}`);
				stopAll(1);
			}
		});

		console.log(`
[demo] n8n ${host.N8N_VERSION} ready in ${host.fmtMs(Date.now() - t0)}
  editor:     ${n8n.url}/
  login:      ${OWNER.email} / ${OWNER.password}
  workflow:   ${n8n.url}/workflow/e2eAllOperation1  (every operation; "Execute workflow")
  AI tool:    ${n8n.url}/workflow/e2eAiToolUpdate1  (the node as an AI Agent's tool, parameters from $fromAI)
  credential: "Twilio simulator" -> ${sim.url} (account ${ACCOUNT_SID})
  n8n log:    ${path.relative(host.REPO_ROOT, n8n.logFile)}
Press Ctrl-C to stop n8n and the simulator.`);
	} catch (e) {
		console.error(`[demo] ${e.stack || e}`);
		await stopAll(1);
	}
}

main();
