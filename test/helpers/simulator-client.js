'use strict';
// A small HTTP client and lifecycle for the simulator's own tests. Every request goes to 127.0.0.1 only.

const { createSimulator } = require('../../simulator');

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'test-token-0123';
const base = `/2010-04-01/Accounts/${ACCOUNT}`;
const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

/** Simulators started through `start` are closed after each test. */
function useSimulators() {
	const open = [];
	afterEach(async () => {
		await Promise.all(open.splice(0).map((s) => s.close()));
	});
	return async function start(options = {}) {
		const sim = await createSimulator({ accountSid: ACCOUNT, authToken: TOKEN, callsPerSecond: 0, ...options });
		open.push(sim);
		return sim;
	};
}

/** `form` is an object (array values repeat the key) or [key, value] pairs. */
async function call(sim, method, path, { form, auth = [ACCOUNT, TOKEN], headers = {}, body, signal } = {}) {
	const h = { ...headers };
	if (auth) h.Authorization = basic(...auth);
	let payload = body;
	if (form) {
		const params = new URLSearchParams();
		const pairs = Array.isArray(form) ? form : Object.entries(form);
		for (const [k, v] of pairs) for (const one of [].concat(v)) params.append(k, one);
		payload = params.toString();
		h['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(sim.url + path, { method, headers: h, body: payload, signal });
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

const participantsPath = (conf) => `${base}/Conferences/${encodeURIComponent(conf)}/Participants.json`;
const participantPath = (conf, key) => `${base}/Conferences/${conf}/Participants/${encodeURIComponent(key)}.json`;
const create = (sim, conf, extra = {}) =>
	call(sim, 'POST', participantsPath(conf), { form: { From: '+15005550006', To: '+15005550001', ...extra } });

module.exports = { ACCOUNT, TOKEN, base, basic, useSimulators, call, create, participantsPath, participantPath };
