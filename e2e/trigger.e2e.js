'use strict';
/*
 * End-to-end for the Twilio Conference Trigger in a real n8n (`n8n start`, the packed package, the simulator
 * on 127.0.0.1). An active workflow with the trigger on its production URL; a workflow with the Twilio
 * Conference node creates a participant whose callbacks point at that URL; the simulator's signed callbacks start
 * executions, read back through the REST API; forged and replayed callbacks start none; a credential with an API
 * key and no signing secret cannot activate the trigger; the editor's "Listen for test event" receives a signed
 * test event (headless Chromium). Same environment variables as n8n.e2e.js.
 */
const path = require('node:path');
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { host, OWNER, ARTIFACTS, AUTH_TOKEN, ACCOUNT_SID, Timings, removeStaleRuns, stopStarted } = require('./lib');
const { prepareStack, startServer } = require('../scripts/stack');
const t = require('./trigger-lib');
const { runTriggerListenCheck } = require('./trigger-browser');

const RUNS_DIR = path.join(host.HOST_DIR, 'e2e-trigger-runs');
const USER_FOLDER = path.join(RUNS_DIR, String(process.pid));
host.killChildrenOnSignals();
const timings = new Timings();
const time = (label, fn) => timings.time(label, fn);

const WEBHOOK_ID = '0c7f1a52-3b9e-4d6a-8f21-7e5d9c4b2a10';
const LISTEN_WEBHOOK_ID = '9a3e6b14-52d7-4f08-b1c9-3d8e7f6a5b42';
const EVENTS = [
	'conference-start',
	'conference-end',
	'participant-join',
	'participant-leave',
	'participant-mute',
	'call-answered',
	'call-completed',
];

describe('Twilio Conference Trigger in a real n8n', { timeout: 20 * 60 * 1000 }, () => {
	let sim;
	let server;
	let client;
	let productionUrl;
	const started = [];

	before(async () => {
		removeStaleRuns(RUNS_DIR);
		({ sim } = await prepareStack({
			userFolder: USER_FOLDER,
			stage: time,
			started,
			workflows: [],
			skipBuild: process.env.E2E_SKIP_BUILD === '1',
			simulator: { callbackRetryMs: 100 },
		}));
		({ server, client } = await startServer({
			userFolder: USER_FOLDER,
			logFile: path.join(USER_FOLDER, 'trigger-start.log'),
			stage: time,
			started,
		}));
		productionUrl = `${server.url}/webhook/${WEBHOOK_ID}/webhook`;
	});

	after(async () => {
		await stopStarted(started);
		timings.print();
	});

	it('lists the trigger: a webhook trigger with no inputs and no tool variant', async () => {
		const types = await client.nodeTypes();
		const trigger = types.find((type) => type.name === t.TRIGGER_TYPE);
		assert.ok(trigger, `${t.TRIGGER_TYPE} not among the node types; log ${server.logFile}`);
		assert.equal(trigger.displayName, 'Twilio Conference Trigger');
		assert.deepEqual(trigger.inputs, []);
		assert.ok(trigger.group.includes('trigger'));
		assert.equal(trigger.webhooks[0].httpMethod, 'POST');
		assert.ok(!types.some((type) => type.name === `${t.TRIGGER_TYPE}Tool`), 'the trigger is not usable as a tool');
	});

	it('starts an execution per signed simulator callback on the production URL, and none for forged ones', async () => {
		const wf = await client.createWorkflow(
			t.triggerWorkflow('Conference events', t.triggerNode({ webhookId: WEBHOOK_ID, events: EVENTS })),
		);
		const activated = await t.activate(client, wf);
		assert.equal(activated.status, 200, activated.text.slice(0, 1000));

		const create = await client.createWorkflow(
			t.actionWorkflow('Dial the agent', {
				resource: 'participant',
				operation: 'create',
				conference: { __rl: true, mode: 'name', value: 'e2e trigger room' },
				from: '+15017122661',
				to: '+15558675310',
				additionalFields: {
					label: 'agent',
					endConferenceOnExit: true,
					conferenceStatusCallback: productionUrl,
					conferenceStatusCallbackEvent: ['start', 'end', 'join', 'leave', 'mute'],
					statusCallback: productionUrl,
					statusCallbackEvent: ['answered', 'completed'],
				},
			}),
		);
		const run = await time('REST run: create participant with callbacks', () => client.runWorkflow(create.id));
		assert.equal(
			run.execution.status,
			'success',
			JSON.stringify(run.data && run.data.resultData && run.data.resultData.error),
		);
		const joined = await time('callbacks: answered, join, start', () =>
			t.waitForExecutions(client, wf.id, (list) => list.length >= 3),
		);
		assert.equal(joined.length, 3);

		const hangUp = await client.createWorkflow(
			t.actionWorkflow('Hang up the agent', {
				resource: 'participant',
				operation: 'delete',
				conference: { __rl: true, mode: 'name', value: 'e2e trigger room' },
				participant: { __rl: true, mode: 'label', value: 'agent' },
			}),
		);
		const removed = await client.runWorkflow(hangUp.id);
		assert.equal(
			removed.execution.status,
			'success',
			JSON.stringify(removed.data && removed.data.resultData && removed.data.resultData.error),
		);
		const all = await time('callbacks: leave, completed, end', () =>
			t.waitForExecutions(client, wf.id, (list) => list.length >= 6),
		);
		await sim.callbacks.settled();
		assert.ok(
			sim.callbacks.deliveries.every((d) => d.delivered && d.attempts.every((a) => a.status === 204)),
			JSON.stringify(sim.callbacks.deliveries.map((d) => [d.event, d.attempts])),
		);

		const events = [];
		for (const { id } of all) {
			const { execution, data } = await client.waitForExecution(id);
			assert.equal(execution.status, 'success');
			assert.equal(execution.mode, 'webhook');
			events.push(...host.nodeOutput(data, t.TRIGGER_NAME));
			assert.equal(host.nodeOutput(data, 'Received').length, 1, 'the node after the trigger ran');
		}
		const byEvent = (name) => events.filter((e) => e.event === name);
		assert.deepEqual(events.map((e) => e.event).sort(), [
			'call-answered',
			'call-completed',
			'conference-end',
			'conference-start',
			'participant-join',
			'participant-leave',
		]);
		const conferenceSid = run.data && host.nodeOutput(run.data, 'Twilio Conference')[0].conference_sid;
		assert.deepEqual(byEvent('participant-join')[0], {
			...byEvent('participant-join')[0],
			eventFamily: 'conference',
			ConferenceSid: conferenceSid,
			FriendlyName: 'e2e trigger room',
			Label: 'agent',
			EndConferenceOnExit: true,
			Muted: false,
			SequenceNumber: 0,
		});
		assert.match(byEvent('participant-join')[0].Timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
		assert.equal(byEvent('conference-end')[0].ReasonConferenceEnded, 'participant-with-end-conference-on-exit-kicked');
		assert.equal(byEvent('call-completed')[0].CallStatus, 'completed');
		assert.equal(typeof byEvent('call-completed')[0].CallDuration, 'number');
		assert.equal(byEvent('participant-join')[0].raw.Muted, 'false');

		// Forged callbacks: a wrong token, no signature, a signature over other parameters. None starts anything.
		const forged = {
			AccountSid: ACCOUNT_SID,
			ConferenceSid: conferenceSid,
			FriendlyName: 'e2e trigger room',
			StatusCallbackEvent: 'participant-join',
			SequenceNumber: '99',
		};
		const wrongToken = await t.postCallback(productionUrl, forged, { token: 'not-the-auth-token' });
		const unsigned = await t.postCallback(productionUrl, forged, { signature: '' });
		const otherParams = await t.postCallback(productionUrl, forged, {
			signature: t.twilioSignature(AUTH_TOKEN, productionUrl, { ...forged, SequenceNumber: '1' }),
		});
		assert.deepEqual([wrongToken.status, unsigned.status, otherParams.status], [403, 403, 403]);
		// A replay of a real callback (same idempotency token) is answered and ignored.
		const real = sim.callbacks.deliveries.find((d) => d.event === 'participant-join');
		const replay = await t.postCallback(productionUrl, real.params, {
			token: AUTH_TOKEN,
			headers: { 'I-Twilio-Idempotency-Token': real.idempotencyToken },
		});
		assert.equal(replay.status, 204);
		await new Promise((r) => setTimeout(r, 2000));
		assert.equal((await t.executionsOf(client, wf.id)).length, 6, 'forged and replayed callbacks started no execution');
		console.log(
			`[e2e] trigger: ${all.length} executions from ${sim.callbacks.deliveries.length} signed callbacks; forged 403, 403, 403; replay 204 without execution`,
		);
	});

	it('refuses to activate with an API key credential that has no signing secret', async () => {
		const cred = await client.request('POST', '/rest/credentials', {
			name: 'API key without webhook token',
			type: 'twilioConferenceApi',
			data: {
				authType: 'apiKey',
				accountSid: ACCOUNT_SID,
				apiKeySid: `SK${'1'.repeat(32)}`,
				apiKeySecret: 'key-secret-0123456789',
				baseUrl: sim.url,
			},
		});
		const credentials = { twilioConferenceApi: { id: cred.json.data.id, name: 'API key without webhook token' } };
		const webhookId = '4d2b8c61-7e3a-4b5f-9c08-1a6e2d7f3b95';
		const wf = await client.createWorkflow(
			t.triggerWorkflow('No signing secret', t.triggerNode({ webhookId, events: EVENTS, credentials })),
		);
		// n8n 2.41 publishes through an outbox: the request succeeds and the trigger's refusal is recorded as the
		// workflow's activation error.
		const published = await t.activate(client, wf);
		const error = await t.activationError(client, wf.id, /No secret to check Twilio signatures with/);
		assert.ok(error.path, `activation answered ${published.status}; last status read: ${error.text}`);
		console.log(`[e2e] activation refused, reported by ${error.path}: ${error.text.slice(0, 300)}`);
		const hit = await t.postCallback(
			`${server.url}/webhook/${webhookId}/webhook`,
			{ StatusCallbackEvent: 'participant-join' },
			{ token: AUTH_TOKEN },
		);
		assert.equal(hit.status, 404, 'the workflow is not active, so n8n has no such webhook');
	});

	it('receives a signed test event with "Listen for test event" in the editor', async (context) => {
		if (process.env.E2E_SKIP_BROWSER === '1') return context.skip('E2E_SKIP_BROWSER=1');
		const wf = await client.createWorkflow(
			t.triggerWorkflow('Listen for a test event', t.triggerNode({ webhookId: LISTEN_WEBHOOK_ID, events: EVENTS })),
		);
		const testUrl = `${server.url}/webhook-test/${LISTEN_WEBHOOK_ID}/webhook`;
		const params = {
			AccountSid: ACCOUNT_SID,
			ConferenceSid: `CF${'a'.repeat(32)}`,
			FriendlyName: 'listen test',
			StatusCallbackEvent: 'participant-join',
			CallSid: `CA${'b'.repeat(32)}`,
			Label: 'tester',
			Muted: 'false',
			SequenceNumber: '0',
		};
		// A forged event while listening is refused and leaves the editor listening; then the signed one arrives.
		const sendTestEvent = async () => {
			for (let i = 0; i < 50; i++) {
				const forged = await t.postCallback(testUrl, params, { token: 'wrong-token' });
				if (forged.status !== 404) {
					const signed = await t.postCallback(testUrl, params, { token: AUTH_TOKEN });
					return { forged: forged.status, signed: signed.status };
				}
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			throw new Error('the test webhook was never registered');
		};
		const result = await time('browser: listen for test event', () =>
			runTriggerListenCheck({
				baseUrl: server.url,
				owner: OWNER,
				workflowId: wf.id,
				artifactsDir: path.join(ARTIFACTS, 'trigger'),
				sendTestEvent,
			}),
		);
		if (result.skipped) {
			if (process.env.E2E_REQUIRE_BROWSER === '1') assert.fail(`browser check required but: ${result.skipped}`);
			return context.skip(result.skipped);
		}
		console.log(
			`[e2e] trigger screenshots: ${result.screenshots.map((f) => path.relative(host.REPO_ROOT, f)).join(', ')}`,
		);
		assert.match(result.notice, /Conference Status Callback/);
		assert.deepEqual(result.sent, { forged: 403, signed: 204 });
		assert.match(result.output, /participant-join/);
		assert.match(result.output, /tester/);
	});
});
