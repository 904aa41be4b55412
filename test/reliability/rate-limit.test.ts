/**
 * Twilio's rate limit on creating participants: Create paces itself to Calls Per Second, other operations are
 * not slowed, a 429 is waited out and retried a bounded number of times, and a retried Create never creates
 * the participant twice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { contractViolations } from '../helpers/contract';
import { credentialsFor, participantRequests, startSimulator } from '../helpers/twilio';
import type { LoggedRequest, Simulator } from '../helpers/twilio';
import { reliability } from './harness';

const h = reliability('rate-limit');

const at = (request: LoggedRequest) => (request as LoggedRequest & { at: number }).at;

/**
 * A batch against an account of its own (a fresh simulator): creates of an earlier batch still in Twilio's
 * one-second window, or the pace the node keeps per account, cannot spill into it.
 */
async function onFreshAccount<T>(callsPerSecond: number, body: (sim: Simulator) => Promise<T>): Promise<T> {
	const sim = await startSimulator({ callsPerSecond });
	try {
		const result = await body(sim);
		expect(sim.requests.filter((r) => r.fault === null).flatMap(contractViolations)).toEqual([]);
		return result;
	} finally {
		await sim.close();
	}
}

let roomCount = 0;
const newRoom = (what: string) => `rate ${what} ${++roomCount} ${Date.now()}`;

function createBatch(room: string, n: number, options: Record<string, unknown>, sim: Simulator = h.sim) {
	return {
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: room,
			from: '+15017122661',
			to: '={{ $json.to }}',
			additionalFields: { label: '={{ $json.label }}' },
			options,
		},
		items: Array.from({ length: n }, (_, i) => ({ to: `+1555${String(1000000 + i)}`, label: `caller ${i}` })),
		credentials: credentialsFor(sim),
	};
}

/** Participants the simulator holds for a conference friendly name. */
function participantsOf(room: string, sim: Simulator = h.sim) {
	const { conferences, participants } = sim.state;
	const conference = conferences.find((c) => c.friendly_name === room);
	return conference ? participants.filter((p) => p.conference_sid === conference.sid) : [];
}

function posts(sim: Simulator = h.sim) {
	return participantRequests(sim).filter((r) => r.method === 'POST');
}

describe('Create paces itself to Calls Per Second', () => {
	test.each([
		{ n: 5, rate: 5, options: { callsPerSecond: 5 } },
		{ n: 12, rate: 10, options: { callsPerSecond: 10 } },
		{ n: 30, rate: 30, options: { callsPerSecond: 30 } },
		{ n: 3, rate: 1, options: {} },
	])('$n items at $rate/s against an account limited to $rate/s: zero 429s, about N / rate seconds', async ({ n, rate, options }) => {
		await onFreshAccount(rate, async (sim) => {
			const room = newRoom(`${n}@${rate}`);
			const started = Date.now();
			const result = await h.run(createBatch(room, n, options, sim));
			const wallMs = Date.now() - started;

			expect(result.error).toBeUndefined();
			const sent = posts(sim);
			const rejected = sent.filter((r) => r.status === 429).length;
			h.record({ case: `Create batch N=${n}`, rate, simLimit: rate, posts: sent.length, '429s': rejected, wallMs, 'N/rate ms': Math.round((n / rate) * 1000) });
			expect(rejected).toBe(0);
			expect(sent).toHaveLength(n);
			// Paced: the first call goes at once, then one every 1/rate s. Generous bounds, never a tight timing.
			expect(wallMs).toBeGreaterThanOrEqual(((n - 1) / rate) * 1000 * 0.95);
			expect(wallMs).toBeLessThan((n / rate) * 1000 + 4000);
			// No second of the account saw more creates than the limit.
			const times = sent.map(at).sort((a, b) => a - b);
			for (let i = rate; i < times.length; i++) expect(times[i] - times[i - rate]).toBeGreaterThanOrEqual(1000);
			// Each input made exactly one participant, and each output is paired with its input, in order.
			const expected = Array.from({ length: n }, (_, i) => `caller ${i}`);
			expect(participantsOf(room, sim).map((p) => p.label).sort()).toEqual([...expected].sort());
			expect(result.items.map((item) => [item.pairedItem, item.json.label])).toEqual(expected.map((label, i) => [{ item: i }, label]));
		});
	});
});

/**
 * A proxy on 127.0.0.1 in front of the simulator that holds chosen requests back before passing them on, as a
 * slow network or a busy n8n would. `delayFor(n)` gives the delay of the nth request (0-based).
 */
async function delayingProxy(target: string, delayFor: (n: number) => number): Promise<{ url: string; close(): Promise<void> }> {
	let count = 0;
	const server = http.createServer((req, res) => {
		const delay = delayFor(count++);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			setTimeout(() => {
				const forward = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers, agent: false }, (answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				});
				forward.on('error', () => res.destroy());
				forward.end(Buffer.concat(chunks));
			}, delay);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

test('a call the network holds back cannot bunch up with later ones at Twilio: still zero 429s', async () => {
	await onFreshAccount(5, async (sim) => {
		// The first call reaches Twilio 300 ms late; evenly spaced starts alone would then put six calls in one second.
		const proxy = await delayingProxy(sim.url, (n) => (n === 0 ? 300 : 0));
		try {
			const room = newRoom('held back');
			const n = 7;
			const started = Date.now();
			const result = await h.run({ ...createBatch(room, n, { callsPerSecond: 5 }, sim), credentials: credentialsFor(sim, { baseUrl: proxy.url }) });
			const wallMs = Date.now() - started;
			expect(result.error).toBeUndefined();
			const sent = posts(sim);
			const rejected = sent.filter((r) => r.status === 429).length;
			h.record({ case: `Create batch N=${n}, first call held back 300 ms`, rate: 5, simLimit: 5, posts: sent.length, '429s': rejected, wallMs, 'N/rate ms': Math.round((n / 5) * 1000) });
			expect(rejected).toBe(0);
			expect(sent).toHaveLength(n);
			expect(participantsOf(room, sim)).toHaveLength(n);
		} finally {
			await proxy.close();
		}
	});
});

describe('other operations are not slowed by the Create pace', () => {
	test.each(['get', 'update', 'delete'])('%s: 10 items with the default pace of 1/s finish well under 10 s', async (operation) => {
		const conference = h.sim.seedConference({ friendlyName: newRoom(operation) });
		h.sim.seedParticipants(conference.sid, 10, (i: number) => ({ label: `p${i}` }));
		const started = Date.now();
		const result = await h.run({
			parameters: { resource: 'participant', operation, conference: conference.sid, participant: '={{ $json.who }}', updateFields: { muted: true } },
			items: Array.from({ length: 10 }, (_, i) => ({ who: `p${i}` })),
			credentials: h.credentials,
		});
		const wallMs = Date.now() - started;
		h.record({ case: `${operation} x10 (not paced)`, rate: 1, simLimit: 'none', posts: h.requests().length, '429s': 0, wallMs, 'N/rate ms': 10000 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		expect(h.requests()).toHaveLength(10);
		// Paced at 1/s these would take 9 s or more.
		expect(wallMs).toBeLessThan(3000);
	});
});

describe('a 429 that still comes is waited out and retried', () => {
	test('node set to 30/s against an account limited to 5/s: every 429 is retried after Retry-After, each participant is made once', async () => {
		await onFreshAccount(5, async (sim) => {
			const room = newRoom('over-limit');
			const n = 10;
			const started = Date.now();
			const result = await h.run(createBatch(room, n, { callsPerSecond: 30 }, sim));
			const wallMs = Date.now() - started;

			expect(result.error).toBeUndefined();
			const sent = posts(sim);
			const rejected = sent.filter((r) => r.status === 429);
			h.record({ case: `Create batch N=${n} over the limit`, rate: 30, simLimit: 5, posts: sent.length, '429s': rejected.length, wallMs, 'N/rate ms': Math.round((n / 5) * 1000) });
			expect(rejected.length).toBeGreaterThan(0);
			// Only what Twilio refused was sent again: one accepted request per input, plus one per 429.
			expect(sent.filter((r) => r.status === 201)).toHaveLength(n);
			expect(sent).toHaveLength(n + rejected.length);
			for (const refused of rejected) {
				const retry = sent.find((r) => r.body.Label === refused.body.Label && at(r) > at(refused));
				// The simulator says Retry-After: 1.
				expect(retry && at(retry) - at(refused)).toBeGreaterThanOrEqual(950);
			}
			const labels = participantsOf(room, sim).map((p) => p.label);
			expect(labels).toHaveLength(n);
			expect(new Set(labels).size).toBe(n);
			expect(result.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: n }, (_, i) => ({ item: i })));
		});
	});

	test('without Retry-After the retries back off, growing, with jitter', async () => {
		const conference = h.sim.seedConference({ friendlyName: newRoom('backoff') });
		h.sim.seedParticipants(conference.sid, 6, (i: number) => ({ label: `b${i}` }));
		// Two 429s without Retry-After for each of six reads.
		h.sim.inject({ kind: 'status', status: 429, times: 12, body: { code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 } });
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: '={{ $json.who }}' },
			items: Array.from({ length: 6 }, (_, i) => ({ who: `b${i}` })),
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.label)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
		const firstGaps: number[] = [];
		for (let i = 0; i < 6; i++) {
			const times = h.requests().filter((r) => r.path.endsWith(`/b${i}.json`)).map(at);
			expect(times).toHaveLength(3);
			const [first, second] = [times[1] - times[0], times[2] - times[1]];
			firstGaps.push(first);
			expect(first).toBeGreaterThanOrEqual(450);
			expect(second).toBeGreaterThanOrEqual(950);
			expect(second).toBeGreaterThan(first);
		}
		// Jitter: six waits that all fell within 5 ms of each other would mean none.
		expect(Math.max(...firstGaps) - Math.min(...firstGaps)).toBeGreaterThan(5);
		h.record({ case: 'get x6, 2x 429 each, no Retry-After', rate: '-', simLimit: 'injected', posts: h.requests().length, '429s': 12, wallMs: Math.max(...firstGaps), 'N/rate ms': '-' });
	});

	test('Retry-After is obeyed on any operation', async () => {
		const conference = h.sim.seedConference({ friendlyName: newRoom('retry-after') });
		h.sim.seedParticipants(conference.sid, 1, { label: 'ra' });
		h.sim.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'update', conference: conference.sid, participant: 'ra', updateFields: { hold: true } },
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ label: 'ra', hold: true });
		const [refused, accepted] = h.requests();
		expect([refused.status, accepted.status]).toEqual([429, 200]);
		expect(at(accepted) - at(refused)).toBeGreaterThanOrEqual(950);
	});
});

describe('when the retries run out, the error names the limit and how to raise it', () => {
	test.each([
		{ operation: 'create', options: { callsPerSecond: 30 }, attempts: 4 },
		{ operation: 'create', options: { callsPerSecond: 30, maxRetries: 0 }, attempts: 1 },
		{ operation: 'create', options: { callsPerSecond: 30, maxRetries: 2 }, attempts: 3 },
		{ operation: 'get', options: {}, attempts: 4 },
	])('$operation with options $options: $attempts attempts, then a clear error', async ({ operation, options, attempts }) => {
		const room = newRoom('exhausted');
		const conference = h.sim.seedConference({ friendlyName: room });
		h.sim.seedParticipants(conference.sid, 1, { label: 'x' });
		h.sim.inject({ kind: 'status', status: 429, times: 20, headers: { 'Retry-After': '0' }, body: { code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 } });
		const result = await h.run({
			parameters: { resource: 'participant', operation, conference: operation === 'create' ? room : conference.sid, participant: 'x', from: '+15017122661', to: '+15558675310', options },
			credentials: h.credentials,
		});
		h.sim.clearFaults();
		expect(h.requests()).toHaveLength(attempts);
		expect(result.error?.message).toBe(`Twilio's rate limit was reached (429 Too Many Requests) after ${attempts} attempts`);
		expect(result.error?.description).toContain('Calls Per Second');
		expect(result.error?.description).toContain('up to 30 calls per second');
		expect(participantsOf(room)).toHaveLength(1);
		h.record({ case: `${operation} 429 until retries run out`, rate: '-', simLimit: 'injected', posts: attempts, '429s': attempts, wallMs: '-', 'N/rate ms': '-' });
	});
});

test('the node waits only through n8n\'s sleep: no setTimeout or setInterval in the built node code', () => {
	const root = path.resolve(__dirname, '..', '..', 'dist');
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
	expect(files.some((file) => file.endsWith('executor.js'))).toBe(true);
	const offenders = files.filter((file) => /\bset(Timeout|Interval)\s*\(/.test(readFileSync(path.join(root, file), 'utf8')));
	expect(offenders).toEqual([]);
	expect(readFileSync(path.join(root, 'nodes', 'TwilioConference', 'shared', 'executor.js'), 'utf8')).toMatch(/\bsleep\)?\(/);
});
