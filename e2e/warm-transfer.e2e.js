'use strict';
/*
 * End-to-end: the warm-transfer example of examples/ in a real n8n (`n8n start`, the packed package, the simulator
 * on 127.0.0.1), imported as a user imports it. "Warm transfer: end the conference when the new agent leaves" is
 * activated on its production URL; "Warm transfer: hand a caller to another agent" dials the caller (recorded,
 * conference events to that URL) and the first agent, holds the caller, pauses the recording, dials the new agent,
 * lets the first agent whisper to them, takes the caller off hold, resumes the recording, and the first agent
 * leaves. When the new agent hangs up, the simulator's signed participant-leave callback starts the second
 * workflow, whose End operation ends the conference for the caller too. Same environment variables as n8n.e2e.js.
 */
const path = require('node:path');
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { host, Timings, ACCOUNT_SID, AUTH_TOKEN } = require('./lib');
const { prepareStack, startServer } = require('../scripts/stack');
const t = require('./trigger-lib');
const { loadExample, assertWarmTransfer } = require('./conference-lib');
const { runFolder, stopAll } = require('./runs');

host.killChildrenOnSignals();
const timings = new Timings();
const time = (label, fn) => timings.time(label, fn);

/** What a phone does when its user hangs up: the call leaves the conference (Twilio's side, not n8n's). */
async function hangUp(sim, conferenceSid, callSid) {
	const res = await fetch(
		`${sim.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
		{
			method: 'DELETE',
			headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}` },
		},
	);
	assert.equal(res.status, 204);
}

describe('the warm-transfer example in a real n8n', { timeout: 20 * 60 * 1000 }, () => {
	let sim;
	let server;
	let client;
	const started = [];

	let USER_FOLDER;

	before(async () => {
		USER_FOLDER = runFolder('e2e-warm-transfer-runs');
		({ sim } = await prepareStack({
			userFolder: USER_FOLDER,
			stage: time,
			started,
			workflows: [],
			skipBuild: process.env.E2E_SKIP_BUILD === '1',
		}));
		({ server, client } = await startServer({
			userFolder: USER_FOLDER,
			logFile: path.join(USER_FOLDER, 'warm-transfer-start.log'),
			stage: time,
			started,
		}));
	});

	after(async () => {
		await stopAll(started);
		timings.print();
	});

	it('hands the caller over, and ends the conference with End when the new agent leaves', async () => {
		const ending = await client.createWorkflow(loadExample('warm-transfer-end.json'));
		const trigger = ending.nodes.find((n) => n.type === t.TRIGGER_TYPE);
		const activated = await t.activate(client, ending);
		assert.equal(activated.status, 200, activated.text.slice(0, 1000));
		const eventsUrl = `${server.url}/webhook/${trigger.webhookId}/webhook`;

		const transfer = await client.createWorkflow(
			loadExample('warm-transfer.json', { conference: 'e2e warm transfer', eventsUrl }),
		);
		const mark = sim.requests.length;
		const run = await time('REST run: warm transfer', () => client.runWorkflow(transfer.id));
		assert.equal(
			run.execution.status,
			'success',
			JSON.stringify(run.data && run.data.resultData && run.data.resultData.error),
		);
		const { conferenceSid, calls } = assertWarmTransfer(run.data, sim.requests.slice(mark));
		const state = () => ({
			conference: sim.state.conferences.find((c) => c.sid === conferenceSid),
			participants: sim.state.participants.filter((p) => p.conference_sid === conferenceSid),
		});
		assert.deepEqual(
			state()
				.participants.map((p) => [p.label, p.hold, p.coaching])
				.sort(),
			[
				['agent-2', false, false],
				['customer', false, false],
			],
		);
		assert.equal(state().conference.status, 'in-progress', 'the first agent leaving does not end the call');

		// The first agent's leave started the second workflow too; its filter stopped there.
		const afterFirstLeave = await time('callback: first agent left', () =>
			t.waitForExecutions(client, ending.id, (list) => list.length >= 1),
		);
		const first = await client.waitForExecution(afterFirstLeave[0].id);
		assert.equal(host.nodeOutput(first.data, 'Conference events')[0].Label, 'agent-1');
		assert.equal(
			host.nodeOutput(first.data, 'End the conference for everyone'),
			undefined,
			'nothing is ended when the first agent leaves',
		);

		await hangUp(sim, conferenceSid, calls['agent-2']);
		const all = await time('callbacks: new agent left, conference ended', () =>
			t.waitForExecutions(
				client,
				ending.id,
				(list) => list.length >= 2 && sim.state.conferences.find((c) => c.sid === conferenceSid).status === 'completed',
			),
		);
		await sim.callbacks.settled();
		const ended = [];
		for (const { id } of all) {
			const { execution, data } = await client.waitForExecution(id);
			assert.equal(execution.status, 'success');
			const output = host.nodeOutput(data, 'End the conference for everyone');
			if (output) ended.push(...output);
		}
		assert.deepEqual(
			ended.map((c) => [c.sid, c.status, c.reason_conference_ended]),
			[[conferenceSid, 'completed', 'conference-ended-via-api']],
			'End ran once, for the new agent',
		);
		assert.deepEqual(state().participants, [], 'the caller was hung up with everyone else');
		const recording = sim.state.recordings.find((r) => r.conference_sid === conferenceSid);
		assert.equal(recording.status, 'completed', 'the recording is finished with the conference');
		const ends = sim.requests.filter(
			(r) => r.method === 'POST' && r.path.endsWith(`/Conferences/${conferenceSid}.json`),
		);
		assert.deepEqual(
			ends.map((r) => [r.rawBody, r.status]),
			[['Status=completed', 200]],
		);
		console.log(
			`[e2e] warm transfer: ${all.length} trigger executions, End once (${ended[0].reason_conference_ended}); recording ${recording.sid} ${recording.status}, ${recording.duration}s`,
		);
	});
});
