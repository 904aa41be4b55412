'use strict';
/* Pieces of the Twilio Conference Trigger end-to-end test: its workflows, signed and forged callbacks, executions. */
const crypto = require('node:crypto');

const TRIGGER_TYPE = 'n8n-nodes-twilio-conference.twilioConferenceTrigger';
const TRIGGER_NAME = 'Twilio Conference Trigger';
const SIM_CREDENTIAL = { twilioConferenceApi: { id: 'e2eTwilioSimCred', name: 'Twilio simulator' } };

function triggerNode({ webhookId, events, credentials = SIM_CREDENTIAL, options = {} }) {
	return {
		id: crypto.randomUUID(),
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { events, verifySignature: true, options },
		credentials,
	};
}

/** Trigger -> No Operation, so that the execution has a node after the trigger. */
function triggerWorkflow(name, trigger) {
	const after = {
		id: crypto.randomUUID(),
		name: 'Received',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [240, 0],
		parameters: {},
	};
	return {
		name,
		nodes: [trigger, after],
		connections: { [TRIGGER_NAME]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	};
}

/** Manual trigger -> Twilio Conference (one operation). */
function actionWorkflow(name, parameters) {
	const start = {
		id: crypto.randomUUID(),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const action = {
		id: crypto.randomUUID(),
		name: 'Twilio Conference',
		type: 'n8n-nodes-twilio-conference.twilioConference',
		typeVersion: 1,
		position: [240, 0],
		parameters,
		credentials: SIM_CREDENTIAL,
	};
	return {
		name,
		nodes: [start, action],
		connections: { Start: { main: [[{ node: 'Twilio Conference', type: 'main', index: 0 }]] } },
	};
}

/** POST /rest/workflows/:id/activate (n8n 2.x publishes a version). Returns the raw response. */
async function activate(client, workflow) {
	return client.request(
		'POST',
		`/rest/workflows/${workflow.id}/activate`,
		{ versionId: workflow.versionId },
		{ expect: null },
	);
}

/**
 * Why the workflow's triggers did not activate: n8n 2.41 publishes through an outbox and reports a trigger that
 * refused in GET /rest/workflows/:id/publication-status (older lines: /rest/active-workflows/error/:id).
 */
async function activationError(client, workflowId, pattern, timeoutMs = 20000) {
	const end = Date.now() + timeoutMs;
	let seen = '';
	for (;;) {
		for (const p of [
			`/rest/workflows/${workflowId}/publication-status`,
			`/rest/active-workflows/error/${workflowId}`,
		]) {
			const r = await client.request('GET', p, undefined, { expect: null });
			seen = `${p} -> ${r.status}: ${r.text.slice(0, 600)}`;
			if (pattern.test(r.text)) return { path: p, text: r.text };
		}
		if (Date.now() > end) return { path: null, text: seen };
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

async function executionsOf(client, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const r = await client.request('GET', `/rest/executions?filter=${filter}&limit=100`);
	const data = r.json && r.json.data;
	return (data && (data.results || data)) || [];
}

/** Waits until `check(list)` holds for the workflow's executions; returns the list. */
async function waitForExecutions(client, workflowId, check, timeoutMs = 30000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const list = await executionsOf(client, workflowId);
		if (check(list)) return list;
		if (Date.now() > end)
			throw new Error(`executions of ${workflowId}: ${list.length}, condition not met after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

function twilioSignature(token, url, params) {
	let data = url;
	for (const name of Object.keys(params).sort())
		for (const value of [].concat(params[name]).sort()) data += name + value;
	return crypto.createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** POSTs a form callback to url; signed with `token` unless a signature is given. Returns { status, text }. */
async function postCallback(url, params, { token, signature, headers = {} } = {}) {
	const sig = signature !== undefined ? signature : twilioSignature(token, url, params);
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			...(sig ? { 'X-Twilio-Signature': sig } : {}),
			'I-Twilio-Idempotency-Token': crypto.randomUUID(),
			...headers,
		},
		body: new URLSearchParams(params).toString(),
	});
	return { status: res.status, text: await res.text() };
}

module.exports = {
	TRIGGER_TYPE,
	TRIGGER_NAME,
	triggerNode,
	triggerWorkflow,
	actionWorkflow,
	activate,
	activationError,
	executionsOf,
	waitForExecutions,
	twilioSignature,
	postCallback,
};
