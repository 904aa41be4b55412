'use strict';
/* A REST client for a running n8n, and reading execution data (REST or `n8n execute --rawOutput`). */
const path = require('node:path');

const { N8N_DIR, LINE } = require('./config');
const { sleep } = require('./log');

const BROWSER_ID = 'n8n-host-script';

/** Minimal cookie-keeping REST client for a running n8n. */
class N8nClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = '';
	}

	async request(method, p, body, { expect = [200], headers = {} } = {}) {
		const res = await fetch(this.baseUrl + p, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
		for (const c of setCookie) {
			const m = /^n8n-auth=([^;]*)/.exec(c);
			if (m) this.cookie = `n8n-auth=${m[1]}`;
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (expect && !expect.includes(res.status)) {
			throw new Error(`${method} ${p} -> ${res.status}: ${text.slice(0, 2000)}`);
		}
		return { status: res.status, json, text };
	}

	/** POST /rest/owner/setup; tolerates an owner that already exists. */
	async setupOwner({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
		const r = await this.request(
			'POST',
			'/rest/owner/setup',
			{ email, password, firstName, lastName },
			{ expect: null },
		);
		if (r.status === 200) return r.json && r.json.data;
		if (r.status === 400 && /already/i.test(r.text)) return null;
		throw new Error(`owner setup failed: ${r.status} ${r.text.slice(0, 1000)}`);
	}

	async login({ email, password }) {
		const r = await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
		if (!this.cookie) throw new Error('login returned no n8n-auth cookie');
		return r.json && r.json.data;
	}

	async getWorkflow(id) {
		return (await this.request('GET', `/rest/workflows/${id}`)).json.data;
	}

	/** POST /rest/workflows; returns the stored workflow (with its new id). */
	async createWorkflow({ name, nodes, connections, settings = { executionOrder: 'v1' } }) {
		const r = await this.request('POST', '/rest/workflows', { name, nodes, connections, settings, active: false });
		return r.json.data;
	}

	async nodeTypes() {
		return (await this.request('GET', '/types/nodes.json')).json;
	}

	/**
	 * POST /rest/workflows/:id/run with what the editor sends. n8n 2.x reads the workflow from the database;
	 * n8n 1.x runs the workflow given in the body (workflowData), so it is added there.
	 */
	async manualRun(id, payload, opts) {
		const body = LINE.runBodyHasWorkflow ? { workflowData: await this.getWorkflow(id), ...payload } : payload;
		return this.request('POST', `/rest/workflows/${id}/run`, body, opts);
	}

	/** Starts a full manual run of a stored workflow from its manual trigger; resolves the execution id. */
	async startWorkflow(id) {
		const wf = await this.getWorkflow(id);
		const trigger = wf.nodes.find((n) => /manualTrigger$/i.test(n.type)) || wf.nodes[0];
		const r = await this.manualRun(id, { triggerToStartFrom: { name: trigger.name } });
		const data = r.json && r.json.data;
		if (!data || !data.executionId) throw new Error(`run returned no executionId: ${r.text.slice(0, 1000)}`);
		return data.executionId;
	}

	/** Polls GET /rest/executions/:id until finished; returns { execution, runData }. */
	async waitForExecution(executionId, { timeoutMs = 120000 } = {}) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const r = await this.request('GET', `/rest/executions/${executionId}`, undefined, { expect: [200, 404] });
			const ex = r.json && r.json.data;
			if (ex && (ex.finished || ['success', 'error', 'crashed', 'canceled'].includes(ex.status)) && ex.stoppedAt) {
				return { execution: ex, data: parseExecutionData(ex.data) };
			}
			if (Date.now() > end)
				throw new Error(`execution ${executionId} not finished after ${timeoutMs} ms: ${r.text.slice(0, 500)}`);
			await sleep(300);
		}
	}

	async runWorkflow(id, opts) {
		const executionId = await this.startWorkflow(id);
		return { executionId, ...(await this.waitForExecution(executionId, opts)) };
	}
}

/** Execution data from the REST API is `flatted`-serialized; parse it with n8n's own copy of flatted. */
function parseExecutionData(data) {
	if (typeof data !== 'string') return data;
	const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_DIR, 'node_modules', 'n8n')] }));
	return flatted.parse(data);
}

/** IRunExecutionData from either `n8n execute --rawOutput` (an IRun: { data: { resultData } }) or REST. */
function runExecutionData(data) {
	return data && !data.resultData && data.data && data.data.resultData ? data.data : data;
}

/** The json of every output item of a node, from parsed execution data (n8n execute --rawOutput or REST). */
function nodeOutput(data, nodeName, { run = 0, output = 0 } = {}) {
	data = runExecutionData(data);
	const runs = data && data.resultData && data.resultData.runData && data.resultData.runData[nodeName];
	if (!runs || !runs[run]) return undefined;
	const main = runs[run].data && runs[run].data.main;
	return ((main && main[output]) || []).map((i) => i.json);
}

/**
 * Parses `n8n execute --rawOutput` stdout: the pretty-printed JSON from the first line that is exactly "{" to the
 * last that is exactly "}". n8n logs to the same stream, before the result and at times after it (shutdown).
 */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n').map((l) => l.replace(/\r$/, ''));
	const first = lines.indexOf('{');
	const last = lines.lastIndexOf('}');
	if (first < 0 || last < first) throw new Error(`no JSON in n8n execute output:\n${stdout.slice(-3000)}`);
	return JSON.parse(lines.slice(first, last + 1).join('\n'));
}

module.exports = { N8nClient, parseExecutionData, runExecutionData, nodeOutput, parseRawOutput };
