'use strict';
/*
 * End-to-end: the README's manual install. `npm install <packed tarball>` in a fresh <userFolder>/.n8n/nodes,
 * as a person would (no flags but --offline: the package has no runtime dependencies), must not install a
 * second n8n-workflow next to the package: npm installs peer dependencies unless they are optional, and the
 * package's errors would then be built by that copy, which n8n-core does not take for its own NodeApiError.
 * (Tried with a tarball whose peer is not optional: npm adds n8n-workflow and 162 other packages, and in both
 * 1.123 and 2.41 the execution's error comes back with httpCode "none".) Then n8n starts on that folder and a
 * workflow whose Twilio request answers 404 must fail with NodeApiError, httpCode 404 and Twilio's code.
 * n8n.e2e.js covers the other way in, n8n's own installer. Same environment variables as n8n.e2e.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { host, Timings, loadWorkflows, participantRequests, removeStaleRuns, stopStarted } = require('./lib');
const { prepareStack, startServer, NODE_TYPE } = require('../scripts/stack');

const RUNS_DIR = path.join(host.HOST_DIR, 'e2e-manual-runs');
const USER_FOLDER = path.join(RUNS_DIR, String(process.pid));
const NODES_DIR = path.join(USER_FOLDER, '.n8n', 'nodes');
host.killChildrenOnSignals();
const timings = new Timings();
const time = (label, fn) => timings.time(label, fn);

describe(`manual install (npm install in .n8n/nodes) in n8n ${host.N8N_VERSION}`, { timeout: 15 * 60 * 1000 }, () => {
	let sim;
	let client;
	let server;
	let manual;
	const started = [];

	before(async () => {
		removeStaleRuns(RUNS_DIR);
		const workflows = loadWorkflows().filter((w) => w.id === 'e2eErrorUnknown1');
		assert.equal(workflows.length, 1, 'e2e/workflows has the unknown-participant workflow');
		({ sim } = await prepareStack({
			userFolder: USER_FOLDER,
			workflows,
			stage: time,
			started,
			installPackage: async (tgz, userFolder) => {
				manual = await host.installPackageManually(tgz, userFolder);
			},
		}));
		({ server, client } = await startServer({
			userFolder: USER_FOLDER,
			logFile: path.join(USER_FOLDER, 'manual-start.log'),
			stage: time,
			started,
		}));
	});

	after(async () => {
		await stopStarted(started);
		timings.print();
	});

	it('installs the package alone: no second n8n-workflow in .n8n/nodes', () => {
		const installed = fs.readdirSync(path.join(NODES_DIR, 'node_modules')).filter((f) => !f.startsWith('.'));
		console.log(`[e2e] npm install in ${NODES_DIR}: ${manual.output.trim()}; node_modules: ${installed.join(', ')}`);
		assert.ok(
			!fs.existsSync(path.join(NODES_DIR, 'node_modules', 'n8n-workflow')),
			'npm installed the peer n8n-workflow',
		);
		assert.deepEqual(installed, ['n8n-nodes-twilio-conference'], 'nothing but the package is installed');
		const lock = JSON.parse(fs.readFileSync(path.join(NODES_DIR, 'node_modules', '.package-lock.json'), 'utf8'));
		assert.deepEqual(
			Object.keys(lock.packages),
			['node_modules/n8n-nodes-twilio-conference'],
			"npm's own record lists only the package",
		);
	});

	it('is loaded by n8n from .n8n/nodes', async () => {
		const types = await client.nodeTypes();
		assert.ok(
			types.some((t) => t.name === NODE_TYPE),
			`${NODE_TYPE} not among ${types.length} node types; log ${server.logFile}`,
		);
	});

	it("fails with n8n's own NodeApiError carrying the HTTP code and Twilio's error code", async () => {
		const mark = sim.requests.length;
		const { execution, data } = await time('REST run: Get of an unknown participant', () =>
			client.runWorkflow('e2eErrorUnknown1'),
		);
		const reqs = participantRequests(sim.requests.slice(mark));
		assert.deepEqual(
			reqs.map((r) => `${r.method} ${r.participant} ${r.status}`),
			['GET nobody 404'],
			'one request, answered 404',
		);
		assert.equal(execution.status, 'error');
		const error = host.runExecutionData(data).resultData.error;
		assert.ok(error, 'the execution records an error');
		const seen = JSON.stringify({
			name: error.name,
			httpCode: error.httpCode,
			message: error.message,
			description: error.description,
		});
		console.log(`[e2e] error as n8n recorded it: ${seen}`);
		assert.equal(error.name, 'NodeApiError', `n8n did not see its NodeApiError: ${seen}`);
		assert.equal(error.httpCode, '404', seen);
		assert.match(error.description || '', /Error code 20404\./, seen);
		assert.equal(error.node && error.node.name, 'Get nobody');
	});
});
