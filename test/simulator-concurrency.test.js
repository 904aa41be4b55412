'use strict';
// Requests in flight per account and API keys in the simulator. Every request goes to 127.0.0.1 only.

const { createConcurrencyGate } = require('../simulator/limits');
const { ACCOUNT, TOKEN, base, useSimulators, call, create } = require('./helpers/simulator-client');

const start = useSimulators();
const conferences = `${base}/Conferences.json`;
const TOO_MANY = {
	code: 20429,
	message: 'Too Many Requests',
	more_info: 'https://www.twilio.com/docs/errors/20429',
	status: 429,
};

async function until(check) {
	const deadline = Date.now() + 5000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out waiting for the simulator');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

/** Start `n` requests and wait until the simulator holds all of them. */
async function hold(sim, n, send = () => call(sim, 'GET', conferences)) {
	const before = sim.stats().inFlight;
	const pending = Array.from({ length: n }, send);
	await until(() => sim.stats().inFlight === before + n);
	return pending;
}

describe('requests in flight', () => {
	test('beyond the limit: 429 / 20429 with Retry-After and Twilio-Concurrent-Requests, nothing done', async () => {
		const sim = await start({ concurrencyLimit: 2, latencyMs: 300 });
		const held = await hold(sim, 2, () => create(sim, 'room'));
		const refused = await Promise.all([create(sim, 'room'), create(sim, 'room'), call(sim, 'GET', conferences)]);
		for (const r of refused) {
			expect(r.status).toBe(429);
			expect(r.json).toEqual(TOO_MANY);
			expect(r.headers.get('retry-after')).toBe('1');
			expect(r.headers.get('twilio-concurrent-requests')).toBe('2');
			expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		}
		// Refused creates placed nobody.
		expect(sim.state.participants).toHaveLength(2);
		expect((await Promise.all(held)).map((r) => r.status)).toEqual([201, 201]);
		expect(sim.requests.map((r) => r.concurrencyRejected)).toEqual([false, false, true, true, true]);
		expect(sim.stats()).toMatchObject({
			inFlight: 0,
			maxInFlight: 2,
			rejectedForConcurrency: 3,
			byStatus: { 201: 2, 429: 3 },
		});
		// Places free up once the answers have left.
		expect((await create(sim, 'room')).status).toBe(201);
	});

	test('every route counts, per account named in the path; failed authentication does not', async () => {
		const sim = await start({ concurrencyLimit: 1, latencyMs: 300 });
		const held = await hold(sim, 1, () => call(sim, 'GET', `${base}/Calls.json`)); // an unknown route: 404
		expect((await call(sim, 'GET', `${base}.json`)).status).toBe(429);
		expect((await call(sim, 'GET', `${base}/Conferences/CF${'0'.repeat(32)}.json`)).status).toBe(429);
		expect((await call(sim, 'GET', conferences, { auth: [ACCOUNT, 'wrong'] })).status).toBe(401);
		// Another account's path is counted for that account (and is not found here).
		const other = await call(sim, 'GET', `/2010-04-01/Accounts/AC${'f'.repeat(32)}/Conferences.json`);
		expect(other.status).toBe(404);
		expect((await held[0]).status).toBe(404);
		expect(sim.stats().rejectedForConcurrency).toBe(2);
	});

	test('answers are held latencyMs; ordinary answers carry the load too', async () => {
		const sim = await start({ latencyMs: 120 });
		const t0 = Date.now();
		const r = await call(sim, 'GET', conferences);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
		expect(r.headers.get('twilio-concurrent-requests')).toBe('1');
		expect(sim.requests[0].ms).toBeGreaterThanOrEqual(115);
		sim.setLatencyMs(0);
		await call(sim, 'GET', conferences);
		expect(sim.requests[1].ms).toBeLessThan(100);
		expect(sim.stats()).toMatchObject({ inFlight: 0, maxInFlight: 1, concurrencyLimit: Infinity });
		expect(() => sim.setLatencyMs(-5)).toThrow(/latencyMs/);
	});

	test('a client that gives up while held frees its place; what it asked for was still done', async () => {
		const sim = await start({ concurrencyLimit: 1, latencyMs: 60000 });
		const abort = new AbortController();
		const form = { From: '+15005550006', To: '+15005550001' };
		const gone = call(sim, 'POST', `${base}/Conferences/given-up/Participants.json`, {
			form,
			signal: abort.signal,
		}).catch((e) => e.name);
		await until(() => sim.stats().inFlight === 1);
		abort.abort();
		expect(await gone).toBe('AbortError');
		await until(() => sim.stats().inFlight === 0);
		sim.setLatencyMs(0);
		expect((await call(sim, 'GET', conferences)).status).toBe(200);
		expect(sim.requests[0].status).toBeNull();
		expect(sim.state.participants).toHaveLength(1);
	});

	test('an injected fault is not counted in flight', async () => {
		const sim = await start({ concurrencyLimit: 1 });
		sim.inject({ kind: 'hang', ms: 60000 });
		const hung = call(sim, 'GET', conferences).catch(() => 'dropped');
		await until(() => sim.requests.length === 1);
		expect((await call(sim, 'GET', conferences)).status).toBe(200);
		await sim.close();
		expect(await hung).toBe('dropped');
	});

	test('Retry-After follows its option, or is left out; the limit can change; stats reset', async () => {
		const sim = await start({ concurrencyLimit: 1, latencyMs: 300, retryAfterSeconds: 3 });
		const held = await hold(sim, 1);
		expect((await call(sim, 'GET', conferences)).headers.get('retry-after')).toBe('3');
		sim.setConcurrencyLimit(2);
		expect((await hold(sim, 1)).length).toBe(1);
		await Promise.all(held);
		await until(() => sim.stats().inFlight === 0);
		sim.resetStats();
		expect(sim.stats()).toMatchObject({ total: 0, byStatus: {}, maxInFlight: 0, rejectedForConcurrency: 0 });

		const quiet = await start({ concurrencyLimit: 1, latencyMs: 300, retryAfterSeconds: null });
		const q = await hold(quiet, 1);
		const refused = await call(quiet, 'GET', conferences);
		expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, null]);
		await Promise.all(q);
	});

	test('the gate counts each account apart and releases once', () => {
		const gate = createConcurrencyGate({ limit: 1 });
		const a = gate.enter('AC1');
		expect(gate.enter('AC1')).toEqual({ admitted: false, current: 1 });
		expect(gate.enter('AC2').admitted).toBe(true);
		a.release();
		a.release();
		expect(gate.stats()).toEqual({ inFlight: 1, maxInFlight: 1, rejectedForConcurrency: 1, concurrencyLimit: 1 });
		expect(() => createConcurrencyGate({ limit: -1 })).toThrow(/concurrencyLimit/);
	});
});

describe('API keys', () => {
	const STANDARD = ['SK' + 'a'.repeat(32), 'standard-secret'];
	const MAIN = ['SK' + 'b'.repeat(32), 'main-secret'];
	const keys = [
		{ sid: STANDARD[0], secret: STANDARD[1] },
		{ sid: MAIN[0], secret: MAIN[1], main: true },
	];

	test('a Standard key is refused on the account with 401 / 20003', async () => {
		const sim = await start({ apiKeys: keys });
		const r = await call(sim, 'GET', `${base}.json`, { auth: STANDARD });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({
			code: 20003,
			message: 'Authenticate',
			more_info: 'https://www.twilio.com/docs/errors/20003',
			status: 401,
		});
		expect(r.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
		expect(r.text).not.toContain(TOKEN);
		expect((await call(sim, 'GET', `${base}.json`, { auth: MAIN })).status).toBe(200);
		expect((await call(sim, 'GET', `${base}.json`)).status).toBe(200);
	});

	test('a Standard key works on conferences, participants and calls', async () => {
		const sim = await start({ apiKeys: keys });
		const conf = sim.seedConference({ friendlyName: 'keyed' });
		const [seeded] = sim.seedParticipants(conf.sid, 1, { label: 'first', to: '+15550100001' });
		const auth = STANDARD;
		const participants = `${base}/Conferences/${conf.sid}/Participants`;
		expect((await call(sim, 'GET', conferences, { auth })).json.conferences.map((c) => c.sid)).toEqual([conf.sid]);
		expect((await call(sim, 'GET', `${base}/Conferences/${conf.sid}.json`, { auth })).status).toBe(200);
		expect((await call(sim, 'GET', `${participants}.json`, { auth })).json.participants).toHaveLength(1);
		const made = await call(sim, 'POST', `${participants}.json`, {
			auth,
			form: { From: '+15005550006', To: '+15005550001' },
		});
		expect(made.status).toBe(201);
		expect((await call(sim, 'POST', `${participants}/first.json`, { auth, form: { Muted: 'true' } })).json.muted).toBe(
			true,
		);
		expect((await call(sim, 'GET', `${base}/Calls/${seeded.call_sid}.json`, { auth })).json.to).toBe('+15550100001');
		expect((await call(sim, 'DELETE', `${participants}/${made.json.call_sid}.json`, { auth })).status).toBe(204);
		expect(sim.requests.every((r) => r.authUser === STANDARD[0])).toBe(true);
	});

	test('a wrong key secret is 401 everywhere', async () => {
		const sim = await start({ apiKeys: keys });
		for (const path of [`${base}.json`, conferences]) {
			expect((await call(sim, 'GET', path, { auth: [STANDARD[0], 'nope'] })).status).toBe(401);
		}
	});
});
