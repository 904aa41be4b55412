'use strict';
// Fault injection in the local Twilio simulator: statuses, dropped and silent connections, broken bodies.

const { base, useSimulators, call, create } = require('./helpers/simulator-client');

const start = useSimulators();

describe('fault injection', () => {
	const confList = `${base}/Conferences.json`;

	test('status fault with headers, times and method/path matching', async () => {
		const sim = await start();
		sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '1' }, times: 2, path: /Conferences\.json$/ });
		sim.inject({ kind: 'status', status: 500, method: 'POST', body: { code: 20500, message: 'boom' } });
		expect((await call(sim, 'GET', `${base}.json`)).status).toBe(200);
		const f1 = await call(sim, 'GET', confList);
		expect(f1.status).toBe(503);
		expect(f1.headers.get('retry-after')).toBe('1');
		expect(f1.json).toMatchObject({ code: 20503, status: 503 });
		expect((await call(sim, 'GET', confList)).status).toBe(503);
		expect((await call(sim, 'GET', confList)).status).toBe(200);
		const post = await create(sim, 'faulted');
		expect(post.json).toEqual({ code: 20500, message: 'boom' });
		expect(sim.state.participants).toHaveLength(0);
		expect(sim.requests.map((r) => r.fault || null)).toEqual([null, 'status', 'status', null, 'status']);
		expect(sim.requests.at(-1).body.From).toBe('+15005550006');
		expect(sim.stats()).toMatchObject({ total: 5, faults: 3 });
	});

	test('reset and hang close the connection without an answer', async () => {
		const sim = await start();
		sim.inject({ kind: 'reset' });
		await expect(call(sim, 'GET', confList)).rejects.toThrow();
		sim.inject({ kind: 'hang', ms: 150 });
		const t0 = Date.now();
		await expect(call(sim, 'GET', confList)).rejects.toThrow();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(sim.requests.map((r) => [r.fault, r.status])).toEqual([
			['reset', null],
			['hang', null],
		]);
		expect((await call(sim, 'GET', confList)).status).toBe(200);
	});

	test('hang is cut short by close()', async () => {
		const sim = await start();
		sim.inject({ kind: 'hang', ms: 60000 });
		const pending = call(sim, 'GET', confList).catch((e) => e);
		while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
		await sim.close();
		// fetch errors come from Node's own realm, so check the shape, not the class.
		expect(String(await pending)).toMatch(/TypeError: fetch failed/);
	});

	test('malformed JSON, HTML and empty bodies', async () => {
		const sim = await start();
		sim.inject({ kind: 'malformed-json' });
		sim.inject({ kind: 'html', status: 502 });
		sim.inject({ kind: 'empty', status: 200 });
		const bad = await call(sim, 'GET', confList);
		expect(bad.status).toBe(200);
		expect(() => JSON.parse(bad.text)).toThrow();
		const html = await call(sim, 'GET', confList);
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		expect(html.text).toContain('<html>');
		const empty = await call(sim, 'GET', confList);
		expect([empty.status, empty.text]).toEqual([200, '']);
		sim.inject({ kind: 'status', status: 500 });
		sim.clearFaults();
		expect((await call(sim, 'GET', confList)).status).toBe(200);
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});
});
