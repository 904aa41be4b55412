#!/usr/bin/env node
'use strict';
/*
 * npm run demo: this package inside a real n8n on 127.0.0.1, talking to the local Twilio simulator.
 *
 *   npm run demo                 # build, pack, install, start; Ctrl-C stops everything
 *   npm run demo -- --reset      # start from an empty n8n user folder
 *   npm run demo -- --skip-build # use the existing dist/
 *
 * Ports: N8N_DEMO_PORT (5678), SIM_PORT (3999). Login: printed at start.
 */
const path = require('node:path');
const host = require('./n8n-host');
const { ACCOUNT_SID, WORKFLOWS_DIR, loadWorkflows } = require('../e2e/lib');
const { prepareStack, startServer } = require('../e2e/stack');

const args = process.argv.slice(2);
const N8N_PORT = Number(process.env.N8N_DEMO_PORT || 5678);
const SIM_PORT = Number(process.env.SIM_PORT || 3999);
const USER_FOLDER = path.join(host.HOST_DIR, 'demo-user');
const WORKFLOW_DIRS = [WORKFLOWS_DIR, path.join(__dirname, 'demo-workflows')];
const OWNER = { email: 'demo@example.com', password: 'Demo-Passw0rd!', firstName: 'Demo', lastName: 'Owner' };

async function main() {
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
			reset: args.includes('--reset'),
			skipBuild: args.includes('--skip-build'),
			simulator: { port: SIM_PORT, callsPerSecond: 1, connectAfterMs: 1500 },
			workflows: loadWorkflows(...WORKFLOW_DIRS),
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
[demo] ready in ${host.fmtMs(Date.now() - t0)}
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
