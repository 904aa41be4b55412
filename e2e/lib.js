'use strict';
/*
 * Shared pieces of the end-to-end suites: their workflows, timings, redis, assertions and the AI tool run. The
 * stack itself (real n8n + the package + the simulator) is scripts/stack, shared with the demo.
 */
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');

const host = require('../scripts/n8n-host');
const fixtures = require('../scripts/stack/fixtures');

const WORKFLOWS_DIR = path.join(__dirname, 'workflows');
const ARTIFACTS = path.join(host.REPO_ROOT, 'artifacts', 'e2e');

/** The workflow JSON files of each folder (default e2e/workflows), sorted by name. */
function loadWorkflows(...dirs) {
	return fixtures.loadWorkflows(...(dirs.length ? dirs : [WORKFLOWS_DIR]));
}

/**
 * Removes the run folders under runsDir (one per test process, named by its pid) whose process is gone. Each
 * run has its own n8n user folder, so that runs in parallel (two checkouts sharing N8N_HOST_DIR) do not
 * collide; the last run's logs stay until the next one.
 */
function removeStaleRuns(runsDir) {
	if (!fs.existsSync(runsDir)) return;
	for (const name of fs.readdirSync(runsDir)) {
		if (!host.pidAlive(Number(name))) fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
	}
}

/** Stops the handles (with stop()) in `started`, last started first, emptying it; failures are printed. */
async function stopStarted(started) {
	while (started.length) {
		const h = started.pop();
		try {
			await h.stop();
		} catch (e) {
			console.error(`[e2e] stopping ${h.name || 'process'} failed: ${e.message}`);
		}
	}
}

/** Per-stage timings, printed at the end. */
class Timings {
	constructor() {
		this.rows = [];
	}
	async time(label, fn) {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			const ms = Date.now() - t0;
			this.rows.push([label, ms]);
			console.log(`[e2e] stage ${label}: ${host.fmtMs(ms)}`);
		}
	}
	print() {
		console.log('[e2e] stage timings:');
		for (const [l, ms] of this.rows) console.log(`[e2e]   ${l.padEnd(48)} ${host.fmtMs(ms)}`);
	}
}

/** redis-server on 127.0.0.1:<free port>, nothing persisted. Returns { port, stop() }. */
async function startRedis(logDir) {
	const port = await host.freePort();
	const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p)) || 'redis-server';
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, 'redis.log');
	const fd = fs.openSync(logFile, 'w');
	const child = spawn(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--dir',
			logDir,
		],
		{ stdio: ['ignore', fd, fd], detached: true },
	);
	fs.closeSync(fd);
	let exited = false;
	const done = new Promise((r) => child.on('exit', () => ((exited = true), r())));
	child.on('error', () => (exited = true));
	const untrack = host.trackPid(child.pid);
	child.on('exit', untrack);
	await host.waitForPort(port, { timeoutMs: 15000, isAlive: () => !exited });
	return {
		port,
		logFile,
		async stop() {
			if (exited) return;
			host.killGroup(child.pid, 'SIGTERM');
			await Promise.race([done, host.sleep(5000)]);
			if (!exited) host.killGroup(child.pid, 'SIGKILL');
		},
	};
}

/* ------------------------------------------------------------------ assertions */

const PARTICIPANTS_PATH =
	/\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Conferences\/([^/]+)\/Participants(?:\/([^/]+))?\.json$/;

function participantRequests(requests) {
	return requests
		.map((r) => ({ r, m: PARTICIPANTS_PATH.exec(r.path) }))
		.filter((x) => x.m)
		.map(({ r, m }) => ({ ...r, conference: decodeURIComponent(m[1]), participant: m[2] && decodeURIComponent(m[2]) }));
}

function one(body, key) {
	const v = body && body[key];
	return Array.isArray(v) ? v : v === undefined ? undefined : String(v);
}

/**
 * Checks the outputs of e2e/workflows/all-operations.json and what the simulator received for it.
 * data: run data (resultData.runData) from `n8n execute --rawOutput` or the REST API.
 */
function assertAllOperations(data, requests) {
	data = host.runExecutionData(data);
	const out = (name) => {
		const items = host.nodeOutput(data, name);
		assert.ok(items, `node "${name}" did not run; ran: ${Object.keys(data.resultData.runData || {}).join(', ')}`);
		return items;
	};
	assert.ok(!data.resultData.error, `workflow error: ${JSON.stringify(data.resultData.error)}`);

	const created = out('Create participants');
	assert.equal(created.length, 3, 'three participants created');
	assert.deepEqual(created.map((p) => p.label).sort(), ['alice', 'bob', 'carol']);
	const cf = created[0].conference_sid;
	assert.match(cf, /^CF[0-9a-f]{32}$/);
	for (const p of created) {
		assert.equal(p.conference_sid, cf, 'all joined the same conference by friendly name');
		assert.match(p.call_sid, /^CA[0-9a-f]{32}$/);
	}

	const listed = out('List participants');
	assert.equal(listed.length, 3, 'Get Many (return all) lists three participants');
	assert.deepEqual(listed.map((p) => p.label).sort(), ['alice', 'bob', 'carol']);

	const muted = out('Mute alice');
	assert.equal(muted.length, 1);
	assert.equal(muted[0].label, 'alice');
	assert.equal(muted[0].muted, true);

	const got = out('Get alice');
	assert.equal(got.length, 1);
	assert.equal(got[0].label, 'alice');
	assert.equal(got[0].muted, true);
	assert.equal(got[0].call_sid, created.find((p) => p.label === 'alice').call_sid);

	const removed = out('Remove bob');
	assert.equal(removed.length, 1);
	assert.equal(removed[0].deleted, true);

	const mutedList = out('Muted participants');
	assert.deepEqual(
		mutedList.map((p) => p.label),
		['alice'],
		'Muted=true filter returns only alice',
	);

	const remaining = out('Remaining participants');
	assert.deepEqual(remaining.map((p) => p.label).sort(), ['alice', 'carol']);

	const hungUp = out('Hang up the rest');
	assert.equal(hungUp.length, 2);
	assert.ok(hungUp.every((x) => x.deleted === true));

	// What reached "Twilio".
	const reqs = participantRequests(requests);
	const failed = reqs.filter((r) => !(r.status >= 200 && r.status < 300));
	assert.deepEqual(
		failed.map((r) => `${r.method} ${r.path} ${r.status}`),
		[],
		'every participant request succeeded',
	);
	const creates = reqs.filter((r) => r.method === 'POST' && !r.participant);
	assert.equal(creates.length, 3, 'three create requests');
	for (const c of creates) {
		assert.equal(c.conference, 'e2e-standup', 'create addresses the conference by friendly name');
		assert.equal(one(c.body, 'From'), '+15017122661');
		assert.ok(['alice', 'bob', 'carol'].includes(one(c.body, 'Label')));
		assert.match(c.contentType || '', /application\/x-www-form-urlencoded/);
	}
	assert.deepEqual(creates.map((c) => one(c.body, 'To')).sort(), ['+15558675310', '+15558675311', 'client:carol']);
	const updates = reqs.filter((r) => r.method === 'POST' && r.participant);
	assert.equal(updates.length, 1);
	assert.equal(updates[0].participant, 'alice');
	assert.equal(updates[0].conference, cf);
	assert.equal(one(updates[0].body, 'Muted'), 'true');
	const gets = reqs.filter((r) => r.method === 'GET' && r.participant);
	assert.deepEqual(
		gets.map((r) => r.participant),
		['alice'],
	);
	const lists = reqs.filter((r) => r.method === 'GET' && !r.participant);
	assert.equal(lists.length, 3, 'three list requests');
	assert.ok(
		lists.some((r) => String(r.query && r.query.Muted) === 'true'),
		'one list filtered Muted=true',
	);
	const deletes = reqs.filter((r) => r.method === 'DELETE');
	assert.equal(deletes.length, 3);
	assert.equal(deletes[0].participant, 'bob');
	assert.deepEqual(
		deletes
			.slice(1)
			.map((r) => r.participant)
			.sort(),
		created
			.filter((p) => p.label !== 'bob')
			.map((p) => p.call_sid)
			.sort(),
		'the rest are hung up by Call SID',
	);
	return { conferenceSid: cf };
}

module.exports = {
	...fixtures,
	host,
	WORKFLOWS_DIR,
	ARTIFACTS,
	loadWorkflows,
	removeStaleRuns,
	stopStarted,
	Timings,
	startRedis,
	participantRequests,
	assertAllOperations,
};
