/**
 * Twilio's real limits: it queues calls beyond the account's calls per second (no 429 for that) and answers 429
 * (20429) when too many requests are open at once. The node keeps a per-account limit on requests in flight,
 * sends in input order, retries a 429 after Retry-After with jitter, and does not slow Create down.
 */
import { credentialsFor, participantRequests, startSimulator } from '../helpers/twilio';
import type { LoggedRequest, Simulator } from '../helpers/twilio';
import { reliability } from './harness';

const h = reliability('in-flight');

type Stats = { maxInFlight: number; rejectedForConcurrency: number };
const at = (request: LoggedRequest) => (request as LoggedRequest & { at: number }).at;
const statsOf = (sim: Simulator) => sim.stats() as unknown as Stats;

/** A simulator of its own: an account limited to `concurrencyLimit` open requests, each answer `latencyMs` late. */
async function onAccount<T>(options: Record<string, unknown>, body: (sim: Simulator) => Promise<T>): Promise<T> {
	const sim = await startSimulator(options);
	try {
		return await body(sim);
	} finally {
		await sim.close();
	}
}

function updates(sim: Simulator, n: number, options: Record<string, unknown> = {}) {
	const conference = sim.seedConference({ friendlyName: `in flight ${Math.random()}` });
	sim.seedParticipants(conference.sid, n, (i: number) => ({ label: `p${i}` }));
	return {
		parameters: {
			resource: 'participant',
			operation: 'update',
			conference: conference.sid,
			participant: '={{ $json.who }}',
			updateFields: { muted: true },
			options,
		},
		items: Array.from({ length: n }, (_, i) => ({ who: `p${i}` })),
		credentials: credentialsFor(sim),
	};
}

const labels = (result: { items: Array<{ json: Record<string, unknown>; pairedItem?: unknown }> }) =>
	result.items.map((item) => [item.pairedItem, item.json.label]);

describe('requests in flight are kept under the account limit', () => {
	test('200 Updates with the default limit: never more than 50 open, no 429, all paired in order', async () => {
		await onAccount({ concurrencyLimit: 100, latencyMs: 40 }, async (sim) => {
			const started = Date.now();
			const result = await h.run(updates(sim, 200));
			const wallMs = Date.now() - started;
			const stats = statsOf(sim);
			h.record({
				case: 'update x200, default limit, account 100',
				maxInFlight: stats.maxInFlight,
				'429s': stats.rejectedForConcurrency,
				failed: 0,
				wallMs,
			});
			expect(result.error).toBeUndefined();
			// Never above the limit; how close it comes depends on how fast this machine prepares items.
			expect(stats.maxInFlight).toBeLessThanOrEqual(50);
			expect(stats.maxInFlight).toBeGreaterThan(25);
			expect(stats.rejectedForConcurrency).toBe(0);
			expect(labels(result)).toEqual(Array.from({ length: 200 }, (_, i) => [{ item: i }, `p${i}`]));
			// In input order: the first 50 to leave are items 0 to 49, and no item overtakes one 50 places ahead.
			const order = participantRequests(sim).map((r) => Number(r.pathSegments.at(-1)!.replace(/^p|\.json$/g, '')));
			expect(new Set(order.slice(0, 50))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => i)));
			order.forEach((item, position) => expect(Math.abs(item - position)).toBeLessThan(50));
		});
	});

	test('Max Requests In Flight sets the most open at once', async () => {
		await onAccount({ latencyMs: 30 }, async (sim) => {
			const result = await h.run(updates(sim, 30, { maxRequestsInFlight: 4 }));
			expect(result.error).toBeUndefined();
			expect(statsOf(sim).maxInFlight).toBe(4);
		});
	});

	test('1000 Updates against an account limit of 100, node set to 100: every item done, no 429', async () => {
		await onAccount({ concurrencyLimit: 100, latencyMs: 20 }, async (sim) => {
			const started = Date.now();
			const result = await h.run(updates(sim, 1000, { maxRequestsInFlight: 100 }));
			const wallMs = Date.now() - started;
			const stats = statsOf(sim);
			h.record({
				case: 'update x1000, node 100, account 100',
				maxInFlight: stats.maxInFlight,
				'429s': stats.rejectedForConcurrency,
				failed: result.error ? 'node' : 0,
				wallMs,
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1000);
			expect(stats.maxInFlight).toBeLessThanOrEqual(100);
			expect(stats.rejectedForConcurrency).toBe(0);
		});
	});

	test('the limit is per account and shared by runs at the same time', async () => {
		await onAccount({ latencyMs: 30 }, async (sim) => {
			const [a, b] = await Promise.all([
				h.run(updates(sim, 20, { maxRequestsInFlight: 3 })),
				h.run(updates(sim, 20, { maxRequestsInFlight: 3 })),
			]);
			expect([a.error, b.error]).toEqual([undefined, undefined]);
			expect(statsOf(sim).maxInFlight).toBe(3);
		});
	});
});

describe('a 429 for too many open requests is retried after Retry-After, spread out', () => {
	test('something else holds the account: node allows 40, account 10; every item succeeds, each retry waits at least Retry-After', async () => {
		await onAccount({ concurrencyLimit: 10, latencyMs: 50, retryAfterSeconds: 1 }, async (sim) => {
			const result = await h.run(updates(sim, 60, { maxRequestsInFlight: 40, maxRetries: 6 }));
			const requests = participantRequests(sim);
			const refused = requests.filter((r) => r.status === 429);
			h.record({
				case: 'update x60, node 40, account 10',
				maxInFlight: statsOf(sim).maxInFlight,
				'429s': refused.length,
				failed: result.error ? 'node' : 0,
				wallMs: '-',
			});
			expect(result.error).toBeUndefined();
			expect(labels(result)).toEqual(Array.from({ length: 60 }, (_, i) => [{ item: i }, `p${i}`]));
			expect(refused.length).toBeGreaterThan(0);
			// Only what Twilio refused was sent again.
			expect(requests.filter((r) => r.status === 200)).toHaveLength(60);
			const retryGaps = refused.map((r) => {
				const next = requests.find((other) => other.path === r.path && at(other) > at(r));
				return next ? at(next) - at(r) : Infinity;
			});
			for (const gap of retryGaps) expect(gap).toBeGreaterThanOrEqual(950);
			// Jitter: the retries of one burst do not come back in the same instant.
			const firstRetries = retryGaps.slice(0, 20);
			expect(Math.max(...firstRetries) - Math.min(...firstRetries)).toBeGreaterThan(100);
		});
	});

	test('the account allows fewer than the node: after the first 429s the node settles under the account, not back into it', async () => {
		await onAccount({ concurrencyLimit: 20, latencyMs: 30, retryAfterSeconds: 1 }, async (sim) => {
			const result = await h.run(updates(sim, 400));
			const refused = statsOf(sim).rejectedForConcurrency;
			h.record({
				case: 'update x400, node 50, account 20',
				maxInFlight: statsOf(sim).maxInFlight,
				'429s': refused,
				failed: result.error ? 'node' : 0,
				wallMs: '-',
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(400);
			// The first burst is refused (50 sent against 20); a ceiling that climbed straight back would be refused again and again.
			expect(refused).toBeLessThan(80);
		});
	});

	test('when the retries run out, the error says what the 429 means and what to do', async () => {
		const conference = h.sim.seedConference({ friendlyName: 'exhausted' });
		h.sim.seedParticipants(conference.sid, 1, { label: 'x' });
		h.sim.inject({
			kind: 'status',
			status: 429,
			times: 20,
			headers: { 'Retry-After': '0' },
			body: {
				code: 20429,
				message: 'Too Many Requests',
				more_info: 'https://www.twilio.com/docs/errors/20429',
				status: 429,
			},
		});
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: 'x',
				updateFields: { hold: true },
				options: { maxRetries: 2 },
			},
			credentials: h.credentials,
		});
		h.sim.clearFaults();
		expect(h.requests()).toHaveLength(3);
		expect(result.error?.message).toBe(
			'Twilio refused the request: too many requests are open for this account (429 Too Many Requests) after 3 attempts',
		);
		expect(result.error?.description).toContain('Max Requests In Flight');
	});
});

describe("Create is not slowed: Twilio queues calls beyond the account's calls per second", () => {
	test('20 Creates against an account dialling 1 call per second: one request each, answered at once, queued', async () => {
		await onAccount({ callsPerSecond: 1 }, async (sim) => {
			const started = Date.now();
			const result = await h.run({
				parameters: {
					resource: 'participant',
					operation: 'create',
					conference: 'queued room',
					from: '+15017122661',
					to: '={{ $json.to }}',
					additionalFields: { label: '={{ $json.label }}' },
				},
				items: Array.from({ length: 20 }, (_, i) => ({ to: `+1555${1000000 + i}`, label: `caller ${i}` })),
				credentials: credentialsFor(sim),
			});
			const wallMs = Date.now() - started;
			expect(result.error).toBeUndefined();
			expect(participantRequests(sim)).toHaveLength(20);
			expect(wallMs).toBeLessThan(5000);
			expect(result.items.filter((item) => item.json.status === 'queued').length).toBeGreaterThanOrEqual(18);
			expect(result.items.every((item) => typeof item.json.queue_time === 'string')).toBe(true);
			expect(labels(result)).toEqual(Array.from({ length: 20 }, (_, i) => [{ item: i }, `caller ${i}`]));
			h.record({ case: 'create x20 at 1 call/s', maxInFlight: statsOf(sim).maxInFlight, '429s': 0, failed: 0, wallMs });
		});
	});
});
