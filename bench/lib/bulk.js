'use strict';
/**
 * Section 3 of bench/run.js: bulk work against an account that allows LIMIT requests in flight and holds every
 * answer LATENCY_MS, as Twilio does with about 100 concurrent requests per account: 250 Creates into one
 * conference (a fresh one per run: a conference holds at most 250) and 1000 Updates. Each contender runs in this
 * process, interleaved; the simulator runs in its own process (./sim.js).
 */
const { Agent, request } = require('undici');

const { drained, outOfOrder, pool, retries } = require('./arrivals');

const LIMIT = 100;
const LATENCY_MS = 100;
const NODE_DEFAULT_LIMIT = 50;
const BATCH = { batchSize: 100, batchInterval: 1000 };
const FROM = '+15017122661';
const GOAL = 1.2;

const CONTENDERS = {
	baseline: 'baseline: undici, 100 at a time',
	node: 'our node, defaults (50 in flight)',
	node100: 'our node, Max Requests In Flight 100',
	nodeOver: 'our node, Max Requests In Flight 1000 (above the limit)',
	http: 'HTTP Request node, defaults',
	httpBatch: `HTTP Request node, Batching ${BATCH.batchSize} per ${BATCH.batchInterval} ms`,
};

function jobs(sim, engine, types, quick) {
	const account = `${sim.url}/2010-04-01/Accounts/${sim.accountSid}`;
	const http = (parameters, batching) =>
		engine.httpNode(
			{
				sendBody: true,
				contentType: 'form-urlencoded',
				...parameters,
				options: batching ? { batching: { batch: BATCH } } : {},
			},
			types.httpVersion,
		);
	const numbers = Array.from({ length: 250 }, (_, i) => `+1555${String(1000000 + i).slice(1)}`);
	return [
		{
			label: '250 Creates',
			n: 250,
			rounds: quick ? 2 : 4,
			items: () => numbers.map((to) => ({ to })),
			keys: numbers,
			conference: undefined,
			async before(round) {
				this.conference = (await sim.seedConference({ friendlyName: `bulk create ${round}` })).sid;
			},
			node: (conference, options) =>
				engine.twilioNode({
					resource: 'participant',
					operation: 'create',
					conference: engine.byId(conference),
					from: FROM,
					to: '={{ $json.to }}',
					options,
				}),
			http: (conference, batching) =>
				http(
					{
						method: 'POST',
						url: `${account}/Conferences/${conference}/Participants.json`,
						bodyParameters: {
							parameters: [
								{ name: 'From', value: FROM },
								{ name: 'To', value: '={{ $json.to }}' },
							],
						},
					},
					batching,
				),
			direct: (conference, i) => ({
				url: `${account}/Conferences/${conference}/Participants.json`,
				body: new URLSearchParams({ From: FROM, To: numbers[i] }).toString(),
			}),
		},
		{
			label: '1000 Updates',
			n: 1000,
			rounds: quick ? 2 : 3,
			keys: [],
			items() {
				return this.keys.map((callSid) => ({ callSid }));
			},
			conference: undefined,
			async setUp() {
				this.conference = (await sim.seedConference({ friendlyName: 'bulk update' })).sid;
				this.keys = await sim.seedParticipants(this.conference, 1000);
			},
			before() {},
			node: (conference, options) =>
				engine.twilioNode({
					resource: 'participant',
					operation: 'update',
					conference: engine.byId(conference),
					participant: engine.byId('={{ $json.callSid }}'),
					updateFields: { muted: true },
					options,
				}),
			http: (conference, batching) =>
				http(
					{
						method: 'POST',
						url: `=${account}/Conferences/${conference}/Participants/{{ $json.callSid }}.json`,
						bodyParameters: { parameters: [{ name: 'Muted', value: 'true' }] },
					},
					batching,
				),
			direct(conference, i) {
				return { url: `${account}/Conferences/${conference}/Participants/${this.keys[i]}.json`, body: 'Muted=true' };
			},
		},
	];
}

async function bulk({ startSimulator, engine, stats, types, print, quick }) {
	print();
	print('## 3. Bulk work against a limit on requests in flight');
	print();
	print(
		`The simulator lets the account have ${LIMIT} requests in flight (one more gets 429, code 20429, Retry-After: 1, and is not carried out) and holds every answer ${LATENCY_MS} ms; it dials 1 call per second and queues the Creates beyond that (201, status queued), as Twilio does. Work: 250 Creates into one conference (a fresh conference per run, since a conference holds at most 250) in ${quick ? 2 : 4} rounds, and 1000 Updates (Muted=true) of seeded participants in ${quick ? 2 : 3} rounds, after one warm-up each, interleaved. Contenders: ${Object.values(CONTENDERS).join('; ')}. All but the baseline run through WorkflowExecute with On Error stop and no Retry On Fail; the baseline is a plain undici loop keeping exactly ${LIMIT} requests open, run in this process, as a floor for any client. Minimum = requests × ${LATENCY_MS} ms / ${LIMIT} (the account's limit); "own-limit minimum" divides by the node's own limit instead (${NODE_DEFAULT_LIMIT} by default). Failed items: items the simulator did not carry out (no 2xx), summed over the rounds. From the simulator's counters, per run: 429s (median), most in flight (highest of any run), first attempts that arrived before an earlier input item ("out of order", median), and when the first request arrived after the run started (median). Wall and CPU (this process) are medians. Goal: 0 failed items and wall ≤ ${GOAL}× the minimum.`,
	);
	const sim = await startSimulator({
		concurrencyLimit: LIMIT,
		latencyMs: LATENCY_MS,
		callsPerSecond: 1,
		retryAfterSeconds: 1,
	});
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	const rows = [
		[
			'work',
			'contender',
			'failed items',
			'runs failed',
			'429s / run',
			'most in flight',
			'out of order',
			'first request ms',
			'wall ms',
			'CPU ms',
			'wall / minimum',
			'wall / own-limit minimum',
			'wall / baseline',
			'goal',
		],
	];
	const notes = [];
	try {
		const credentials = engine.credentialsFor(sim);
		const authorization = `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`;
		for (const job of jobs(sim, engine, types, quick)) {
			if (job.setUp) await job.setUp();
			const items = job.items();
			const indexOf = new Map(job.keys.map((key, i) => [key, i]));
			let startedAt = 0;
			const runNode = async (nodeParameters) => {
				startedAt = Date.now();
				const r = await engine.runChain({ nodes: [nodeParameters], items, credentials });
				return { runFailed: r.error ? 1 : 0, error: r.error?.message, out: r.items.length };
			};
			const contenders = {
				baseline: async () => {
					startedAt = Date.now();
					let failed = 0;
					await pool(job.n, LIMIT, async (i) => {
						const { url, body } = job.direct(job.conference, i);
						const answer = await request(url, {
							method: 'POST',
							dispatcher: agent,
							headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
							body,
						});
						await answer.body.dump();
						if (answer.statusCode >= 300) failed += 1;
					});
					return { runFailed: failed ? 1 : 0 };
				},
				node: () => runNode(job.node(job.conference, {})),
				node100: () => runNode(job.node(job.conference, { maxRequestsInFlight: LIMIT })),
				nodeOver: () => runNode(job.node(job.conference, { maxRequestsInFlight: 1000 })),
				http: () => runNode(job.http(job.conference, false)),
				httpBatch: () => runNode(job.http(job.conference, true)),
			};
			let round = 0;
			const samples = await stats.interleave(contenders, {
				rounds: job.rounds,
				before: async () => {
					await job.before(round++);
					await drained(sim);
					await sim.resetStats();
					await sim.takeRequests();
				},
				after: async () => {
					await drained(sim);
					const s = await sim.stats();
					const log = await sim.takeRequests({ arrivals: true });
					const ok = (s.byStatus[200] || 0) + (s.byStatus[201] || 0);
					const first = Math.min(...log.arrivals.map((a) => a.at)) - startedAt;
					return {
						ok,
						failed: job.n - ok,
						r429: s.rejectedForConcurrency,
						maxInFlight: s.maxInFlight,
						outOfOrder: outOfOrder(log.arrivals, indexOf),
						first,
						...retries(log.arrivals, LATENCY_MS),
					};
				},
			});
			const minimum = (job.n * LATENCY_MS) / LIMIT;
			const med = (name, key = 'ms') => stats.median(samples[name].map((s) => s[key]));
			const sum = (name, key) => samples[name].reduce((a, s) => a + s[key], 0);
			for (const [name, label] of Object.entries(CONTENDERS)) {
				const failed = sum(name, 'failed');
				const ratio = med(name) / minimum;
				const own = { node: (job.n * LATENCY_MS) / NODE_DEFAULT_LIMIT, node100: minimum }[name];
				const verdict =
					failed === 0 && ratio <= GOAL
						? 'met'
						: `missed (${[failed ? `${failed} failed` : '', ratio > GOAL ? `${stats.ratio(ratio)}×` : ''].filter(Boolean).join(', ')})`;
				rows.push([
					job.label,
					label,
					`${failed} / ${job.n * job.rounds}`,
					`${sum(name, 'runFailed')} / ${job.rounds}`,
					med(name, 'r429'),
					Math.max(...samples[name].map((s) => s.maxInFlight)),
					med(name, 'outOfOrder'),
					stats.ms(med(name, 'first')),
					stats.ms(med(name)),
					stats.ms(med(name, 'cpuMs')),
					stats.ratio(ratio),
					own ? stats.ratio(med(name) / own) : '-',
					stats.ratio(med(name) / med('baseline')),
					name === 'baseline' ? '(reference)' : verdict,
				]);
				const gaps = samples[name].flatMap((s) => s.gaps).sort((a, b) => a - b);
				const most = (key) => Math.max(...samples[name].map((s) => s[key]));
				if (gaps.length) {
					notes.push(
						`${job.label}, ${label}: ${gaps.length} retries after a 429 in ${job.rounds} runs; from the 429 to the retry min ${gaps[0]} ms, median ${stats.median(gaps)} ms, max ${gaps[gaps.length - 1]} ms; at most ${most('burst')} retries arrived within any ${LATENCY_MS} ms; one item took at most ${most('mostAttempts')} attempts`,
					);
				}
				const errors = [...new Set(samples[name].map((s) => s.error).filter(Boolean))];
				if (errors.length)
					notes.push(`${job.label}, ${label}: run errors: ${errors.map((e) => e.slice(0, 160)).join(' | ')}`);
			}
		}
		print();
		print(stats.table(rows));
		if (notes.length) {
			print();
			for (const note of notes) print(`- ${note}`);
		}
	} finally {
		await agent.close();
		await sim.close();
	}
}

module.exports = { bulk };
