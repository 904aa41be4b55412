'use strict';
/*
 * The stack the e2e tests, `npm run demo` and scripts/screenshot-pickers.js share: the packed package in a
 * real n8n user folder, the Twilio simulator with the credential pointing at it, and `n8n start` with an
 * owner signed in. The e2e suites build on this folder; nothing here reads from e2e/.
 */
const crypto = require('node:crypto');

const { createSimulator } = require('../../simulator');
const host = require('../n8n-host');
const fixtures = require('./fixtures');

const { ACCOUNT_SID, AUTH_TOKEN, OWNER, credentialFor } = fixtures;

/**
 * Installs n8n (cached), builds and packs the package, starts the simulator, installs the package into a
 * fresh userFolder (installPackage: how; host.installPackage, as n8n's own installer does, by default) and
 * imports the simulator credential and `workflows` (workflow JSON objects).
 * stage(label, fn): how each step is timed and logged (host.stage, or e2e Timings#time).
 * started: handles with stop() are pushed here as they start (the simulator), for the caller to stop.
 * Returns { sim, tgz }.
 */
async function prepareStack({
	userFolder,
	reset = true,
	skipBuild,
	simulator = {},
	workflows = [],
	installPackage = host.installPackage,
	stage = host.stage,
	started = [],
}) {
	await stage('host install (cached after first run)', () => host.ensureInstalled());
	const tgz = await stage('npm run build + npm pack', () => host.buildAndPack({ skipBuild }));
	const sim = await stage('simulator start', () =>
		createSimulator({
			accountSid: ACCOUNT_SID,
			authToken: AUTH_TOKEN,
			port: 0,
			callsPerSecond: 5,
			connectAfterMs: 50,
			...simulator,
		}),
	);
	started.push({ name: 'simulator', stop: () => sim.close() });
	await stage('user folder + package install', async () => {
		host.makeUserFolder(userFolder, { reset });
		await installPackage(tgz, userFolder);
	});
	const env = host.n8nEnv({ userFolder, port: await host.freePort(), brokerPort: await host.freePort() });
	await stage('import credentials', () => host.importCredentials([credentialFor(sim)], env));
	if (workflows.length) await stage('import workflows', () => host.importWorkflows(workflows, env));
	return { sim, tgz };
}

/**
 * `n8n start` on userFolder (free ports unless given), then the owner set up and signed in.
 * extra: more environment (see host.n8nEnv). Returns { server, client }.
 */
async function startServer({
	userFolder,
	port,
	brokerPort,
	extra,
	logFile,
	name = 'n8n start',
	owner = OWNER,
	stage = host.stage,
	started = [],
}) {
	const env = host.n8nEnv({
		userFolder,
		port: port || (await host.freePort()),
		brokerPort: brokerPort || (await host.freePort()),
		extra,
	});
	const server = await stage(`${name} (until REST is up)`, () =>
		host.startN8n({ args: ['start'], env, logFile, name }),
	);
	started.push(server);
	const client = new host.N8nClient(server.url);
	await stage('owner setup + login', async () => {
		await client.setupOwner(owner);
		await client.login(owner);
	});
	return { server, client };
}

/** A new workflow of built-in nodes, so that no earlier editor session holds its edit lock. */
async function freshCanvas(client, name = `Browser check ${Date.now()}`) {
	const node = (nodeName, type, x) => ({
		id: crypto.randomUUID(),
		name: nodeName,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters: {},
	});
	const nodes = [node('Start', 'n8n-nodes-base.manualTrigger', 0), node('Nothing yet', 'n8n-nodes-base.noOp', 220)];
	const connections = { Start: { main: [[{ node: 'Nothing yet', type: 'main', index: 0 }]] } };
	return client.createWorkflow({ name, nodes, connections });
}

/* Live conferences for the pickers, listed newest first (so seeded in reverse). */
const PICKER_CONFERENCES = [
	{
		friendlyName: 'Support queue',
		recordings: 2,
		participants: [
			{ label: 'customer', to: '+14155550123' },
			{ label: 'agent-maria', to: '+14155550188' },
			{ label: 'supervisor', to: 'client:supervisor' },
		],
	},
	{
		friendlyName: 'Weekly standup',
		participants: [
			{ label: 'alice', to: '+442071838750' },
			{ label: 'bob', to: '+14155550142' },
		],
	},
	{
		friendlyName: 'Sales sync',
		participants: [
			{ label: 'dana', to: '+14155550177' },
			{ label: 'prospect', to: '+16175550190' },
		],
	},
];

/** Seeds PICKER_CONFERENCES (in progress, participants connected). Returns { [friendlyName]: conferenceSid }. */
function seedPickerData(sim) {
	const sids = {};
	for (const c of [...PICKER_CONFERENCES].reverse()) {
		const conf = sim.seedConference({ friendlyName: c.friendlyName });
		for (const p of c.participants) sim.seedParticipants(conf.sid, 1, { ...p, from: '+15017122661' });
		// The newest recording still runs; the one before it has finished.
		if (c.recordings)
			sim.seedRecordings(conf.sid, c.recordings, (i) => ({
				status: i === c.recordings - 1 ? 'in-progress' : 'completed',
				createdAt: Date.now() - (c.recordings - i) * 60_000,
				duration: 45,
			}));
		sids[c.friendlyName] = conf.sid;
	}
	return sids;
}

module.exports = { ...fixtures, host, prepareStack, startServer, freshCanvas, seedPickerData, PICKER_CONFERENCES };
