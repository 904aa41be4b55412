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
const fs = require('node:fs');
const path = require('node:path');
const host = require('./n8n-host');
const { createSimulator } = require('../simulator');

const args = process.argv.slice(2);
const N8N_PORT = Number(process.env.N8N_DEMO_PORT || 5678);
const SIM_PORT = Number(process.env.SIM_PORT || 3999);
const USER_FOLDER = path.join(host.HOST_DIR, 'demo-user');
const WORKFLOW_DIRS = [path.join(host.REPO_ROOT, 'e2e', 'workflows'), path.join(__dirname, 'demo-workflows')];
const OWNER = { email: 'demo@example.com', password: 'Demo-Passw0rd!', firstName: 'Demo', lastName: 'Owner' };
const ACCOUNT_SID = 'AC00000000000000000000000000c0ffee';
const AUTH_TOKEN = 'simulator-auth-token';

function loadWorkflows() {
	const out = [];
	for (const dir of WORKFLOW_DIRS) {
		if (!fs.existsSync(dir)) continue;
		for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
			out.push(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
		}
	}
	return out;
}

async function main() {
	const t0 = Date.now();
	const cleanup = [];
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping ...');
		for (const fn of cleanup.reverse()) {
			try {
				await fn();
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
		const tgz = await host.stage('build + npm pack', () => host.buildAndPack({ skipBuild: args.includes('--skip-build') }));
		const sim = await host.stage(`simulator on 127.0.0.1:${SIM_PORT}`, () =>
			createSimulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, port: SIM_PORT, callsPerSecond: 1, connectAfterMs: 1500 }),
		);
		cleanup.push(() => sim.close());
		await host.ensureInstalled();
		await host.stage(`n8n user folder ${path.relative(host.REPO_ROOT, USER_FOLDER)} + package install`, () => {
			host.makeUserFolder(USER_FOLDER, { reset: args.includes('--reset') });
			return host.installPackage(tgz, USER_FOLDER);
		});
		const env = host.n8nEnv({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: N8N_PORT + 1000 });
		const importEnv = host.n8nEnv({ userFolder: USER_FOLDER, port: await host.freePort(), brokerPort: await host.freePort() });
		await host.stage('import credential "Twilio simulator" + sample workflows', async () => {
			await host.importCredentials(
				[
					{
						id: 'e2eTwilioSimCred',
						name: 'Twilio simulator',
						type: 'twilioConferenceApi',
						data: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: sim.url },
					},
				],
				importEnv,
			);
			await host.importWorkflows(loadWorkflows(), importEnv);
		});
		const n8n = await host.stage(`n8n start on 127.0.0.1:${N8N_PORT}`, () =>
			host.startN8n({ args: ['start'], env, logFile: path.join(USER_FOLDER, 'n8n.log'), name: 'n8n' }),
		);
		cleanup.push(() => n8n.stop());
		n8n.exited.then((r) => {
			if (!stopping) {
				console.error(`[demo] n8n exited unexpectedly (${JSON.stringify(r)}); see ${n8n.logFile}`);
				stopAll(1);
			}
		});
		const client = new host.N8nClient(n8n.url);
		await client.setupOwner(OWNER);
		await client.login(OWNER);

		console.log(`
[demo] ready in ${host.fmtMs(Date.now() - t0)}
  editor:     ${n8n.url}/
  login:      ${OWNER.email} / ${OWNER.password}
  workflow:   ${n8n.url}/workflow/e2eAllOperation1  (every operation; "Execute workflow")
  credential: "Twilio simulator" -> ${sim.url} (account ${ACCOUNT_SID})
  n8n log:    ${path.relative(host.REPO_ROOT, n8n.logFile)}
Press Ctrl-C to stop n8n and the simulator.`);
	} catch (e) {
		console.error(`[demo] ${e.stack || e}`);
		await stopAll(1);
	}
}

main();
