#!/usr/bin/env node
'use strict';
/**
 * npm run bench  (= npm run build && node --expose-gc bench/run.js)
 *
 * Benchmarks of the built package (dist/) run by n8n-core's WorkflowExecute against the local simulator
 * (its own process, 127.0.0.1), as ratios against the physical minimum (request counts, an undici loop,
 * N / rate) and against n8n's own HTTP Request node run by the same engine. Contenders run in the same
 * process, interleaved, several rounds; medians are printed.
 *
 * Options: --only=paging,update,create,editor   --quick (fewer rounds, smaller create runs; not for RESULTS.md)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { parseArgs, promisify } = require('node:util');

const env = require('./lib/env');

const { values: args } = parseArgs({
	options: { only: { type: 'string', default: '' }, quick: { type: 'boolean', default: false } },
	strict: true,
});
const only = args.only.split(',').filter(Boolean);
const QUICK = args.quick;
const wanted = (name) => only.length === 0 || only.includes(name);

const lines = [];
function print(text = '') {
	console.log(text);
	lines.push(text);
}

function check(condition, message) {
	if (!condition) throw new Error(`benchmark run is invalid: ${message}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
	const startedAt = Date.now();
	check(fs.existsSync(path.join(env.ROOT, 'dist', 'nodes', 'TwilioConference', 'TwilioConference.node.js')), 'dist/ is missing: run `npm run build` first');
	// A private copy: others may clean or rebuild dist/ in the shared tree while the bench runs.
	env.snapshotPackage();
	const nodesBase = env.nodesBaseDir(); // installs into bench/.cache when neither copy is there

	const { startSimulator } = require('./lib/sim');
	const engine = require('./lib/engine');
	const stats = require('./lib/stats');
	const types = await engine.loadTypes();

	const info = env.machineInfo(nodesBase);
	print('# n8n-nodes-twilio-conference benchmarks');
	print();
	print(`- machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, ${info.os}, load average at start ${info.loadAverage}`);
	print(`- Node ${info.node}; n8n-core ${info.n8nCore}, n8n-workflow ${info.n8nWorkflow}, n8n-nodes-base ${info.n8nNodesBase}; undici ${info.undici}`);
	print(`- package ${info.package}, dist/ built ${info.distBuilt}; HTTP Request node typeVersion ${types.httpVersion}; gc between runs: ${global.gc ? 'yes' : 'no (run with --expose-gc)'}${QUICK ? '; QUICK MODE' : ''}`);
	print('- simulator: simulator/index.js in a child process on 127.0.0.1 (connectAfterMs 0); times are wall-clock medians in ms');

	const ctx = { startSimulator, engine, stats, types };
	if (wanted('paging')) await paging(ctx);
	if (wanted('update')) await perItem(ctx);
	if (wanted('create')) await rateLimitedCreate(ctx);
	if (wanted('editor')) await editorCost(ctx, nodesBase);

	print();
	print(`Total bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s; load average at the end ${require('node:os').loadavg().map((l) => l.toFixed(2)).join(' ')} (${require('node:os').cpus().length} cores; other work on the machine shows up here)`);
	fs.mkdirSync(env.CACHE_DIR, { recursive: true });
	fs.writeFileSync(path.join(env.CACHE_DIR, 'last-run.md'), `${lines.join('\n')}\n`);
}

/** 1. Get Many with Return All vs ceil(N / 1000) requests, an undici loop and the HTTP Request node's pagination. */
async function paging({ startSimulator, engine, stats, types }) {
	const { Agent, request } = require('undici');
	const SIZES = [50, 250, 1000, 2500];
	const ROUNDS = QUICK ? 3 : 9;
	print();
	print('## 1. Paging: Get Many, Return All');
	print();
	print(`${ROUNDS} interleaved rounds per N after one warm-up. undici: a loop with PageSize=1000 following next_page_uri (JSON parsed, participants collected), the floor for any client. HTTP: n8n's HTTP Request node, Basic Auth credential, query PageSize=1000, pagination "Response Contains Next URL" (next URL \`={{ "<base>" + $response.body.next_page_uri }}\`, complete when \`={{ !$response.body.next_page_uri }}\`); it outputs one item per page, so "HTTP+Split" adds the Split Out node on \`participants\` to get the same N items as our node.`);
	const sim = await startSimulator();
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	try {
		const credentials = engine.credentialsFor(sim);
		const authorization = `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`;
		const rows = [['N', 'min requests', 'node requests', 'HTTP requests', 'undici ms', 'node ms', 'node / undici', 'HTTP ms', 'HTTP+Split ms', 'node / HTTP+Split']];
		for (const n of SIZES) {
			const conference = await sim.seedConference({ friendlyName: `paging ${n}` });
			await sim.seedParticipants(conference.sid, n);
			const listPath = `/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants.json`;
			const nodeWorkflow = [engine.twilioNode({ resource: 'participant', operation: 'getAll', conference: engine.byId(conference.sid), returnAll: true })];
			const http = engine.httpNode(
				{
					method: 'GET',
					url: `${sim.url}${listPath}`,
					sendQuery: true,
					specifyQuery: 'keypair',
					queryParameters: { parameters: [{ name: 'PageSize', value: '1000' }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'responseContainsNextURL',
								nextURL: `={{ "${sim.url}" + $response.body.next_page_uri }}`,
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.next_page_uri }}',
							},
						},
					},
				},
				types.httpVersion,
			);
			const pages = Math.ceil(n / 1000);
			const contenders = {
				node: async () => {
					const r = await engine.runChain({ nodes: nodeWorkflow, credentials });
					check(!r.error && r.items.length === n, `node listed ${r.items.length}/${n} ${r.error?.message ?? ''}`);
				},
				undici: async () => {
					const participants = [];
					let url = `${sim.url}${listPath}?PageSize=1000`;
					for (;;) {
						const { statusCode, body } = await request(url, { dispatcher: agent, headers: { authorization, accept: 'application/json' } });
						const page = await body.json();
						check(statusCode === 200, `undici got ${statusCode}`);
						participants.push(...page.participants);
						if (!page.next_page_uri) break;
						url = `${sim.url}${page.next_page_uri}`;
					}
					check(participants.length === n, `undici listed ${participants.length}/${n}`);
				},
				http: async () => {
					const r = await engine.runChain({ nodes: [http], credentials });
					check(!r.error && r.items.length === pages, `HTTP returned ${r.items.length}/${pages} pages ${r.error?.message ?? ''}`);
				},
				'http+split': async () => {
					const r = await engine.runChain({ nodes: [http, engine.splitOutNode('participants')], credentials });
					check(!r.error && r.items.length === n, `HTTP+Split listed ${r.items.length}/${n} ${r.error?.message ?? ''}`);
				},
			};
			const samples = await stats.interleave(contenders, {
				rounds: ROUNDS,
				before: () => sim.takeRequests(),
				after: async () => ({ requests: (await sim.takeRequests()).count }),
			});
			const med = (name, key = 'ms') => stats.median(samples[name].map((s) => s[key]));
			rows.push([
				n,
				pages,
				med('node', 'requests'),
				med('http', 'requests'),
				stats.ms(med('undici')),
				stats.ms(med('node')),
				stats.ratio(med('node') / med('undici')),
				stats.ms(med('http')),
				stats.ms(med('http+split')),
				stats.ratio(med('node') / med('http+split')),
			]);
		}
		print();
		print(stats.table(rows));
	} finally {
		await agent.close();
		await sim.close();
	}
}

/** 2. Update (mute) over 1, 100 and 1000 items: our node vs the HTTP Request node, both run by WorkflowExecute. */
async function perItem({ startSimulator, engine, stats, types }) {
	const { Agent, request } = require('undici');
	const SIZES = [
		[1, QUICK ? 5 : 21],
		[100, QUICK ? 3 : 9],
		[1000, QUICK ? 3 : 5],
	];
	print();
	print('## 2. Per-item cost: Update (Muted=true)');
	print();
	print(
		'Same items ({ callSid }), same account, same form body `Muted=true`, both nodes executed by WorkflowExecute. Ours: Conference by ID, Participant by ID `={{ $json.callSid }}`, Update Fields → Muted on. HTTP: POST `=<base>/2010-04-01/Accounts/AC…/Conferences/CF…/Participants/{{ $json.callSid }}.json`, Basic Auth credential, body "Form Urlencoded" Muted=true. undici: the same POSTs, all at once as both nodes send them (a floor). Both nodes send all items\' requests concurrently, so wall time per item falls with N while CPU time per item does not; on a shared machine CPU time is the steadier measure of per-item cost. Goal: node / HTTP <= 1.0.',
	);
	const sim = await startSimulator();
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	try {
		const credentials = engine.credentialsFor(sim);
		const authorization = `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`;
		const conference = await sim.seedConference({ friendlyName: 'per item' });
		const callSids = await sim.seedParticipants(conference.sid, 1000);
		const base = `${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants`;
		const updateParameters = {
			resource: 'participant',
			operation: 'update',
			conference: engine.byId(conference.sid),
			participant: engine.byId('={{ $json.callSid }}'),
			updateFields: { muted: true },
		};
		const nodeWorkflow = [engine.twilioNode(updateParameters)];
		const httpWorkflow = [
			engine.httpNode(
				{
					method: 'POST',
					url: `=${base}/{{ $json.callSid }}.json`,
					sendBody: true,
					contentType: 'form-urlencoded',
					bodyParameters: { parameters: [{ name: 'Muted', value: 'true' }] },
					options: {},
				},
				types.httpVersion,
			),
		];
		const wall = [['items', 'rounds', 'undici ms', 'HTTP ms', 'node ms', 'node / HTTP', 'node / undici']];
		const cost = [
			[
				'items',
				'CPU µs/item HTTP',
				'CPU µs/item node',
				'CPU node / HTTP',
				'expressions/item HTTP',
				'expressions/item node',
				'credential reads/item HTTP',
				'credential reads/item node',
			],
		];
		for (const [n, rounds] of SIZES) {
			const items = callSids.slice(0, n).map((callSid) => ({ callSid }));
			const valid = (r, who) => {
				check(!r.error && r.items.length === n && r.items.every((i) => i.json.muted === true), `${who} updated ${r.items.length}/${n} ${r.error?.message ?? ''}`);
				return { credReads: r.calls.getDecrypted / n, expressions: r.expressions / n };
			};
			const contenders = {
				node: async () => valid(await engine.runChain({ nodes: nodeWorkflow, items, credentials }), 'node'),
				http: async () => valid(await engine.runChain({ nodes: httpWorkflow, items, credentials }), 'HTTP'),
				undici: async () => {
					const results = await Promise.all(
						items.map(async ({ callSid }) => {
							const { statusCode, body } = await request(`${base}/${callSid}.json`, {
								method: 'POST',
								dispatcher: agent,
								headers: { authorization, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
								body: 'Muted=true',
							});
							const json = await body.json();
							return statusCode === 200 && json.muted === true;
						}),
					);
					check(results.every(Boolean), 'undici update failed');
				},
			};
			const samples = await stats.interleave(contenders, {
				rounds,
				before: () => sim.takeRequests(),
				after: async () => {
					const r = await sim.takeRequests();
					check(r.count === n, `expected ${n} requests, saw ${r.count}`);
					return {};
				},
			});
			const med = (name, key = 'ms') => stats.median(samples[name].map((s) => s[key]));
			const perItemUs = (name, key) => ((med(name, key) * 1000) / n).toFixed(0);
			wall.push([
				n,
				rounds,
				stats.ms(med('undici')),
				stats.ms(med('http')),
				stats.ms(med('node')),
				stats.ratio(med('node') / med('http')),
				stats.ratio(med('node') / med('undici')),
			]);
			cost.push([
				n,
				perItemUs('http', 'cpuMs'),
				perItemUs('node', 'cpuMs'),
				stats.ratio(med('node', 'cpuMs') / med('http', 'cpuMs')),
				+med('http', 'expressions').toFixed(2),
				+med('node', 'expressions').toFixed(2),
				+med('http', 'credReads').toFixed(2),
				+med('node', 'credReads').toFixed(2),
			]);
		}
		print();
		print('Wall time (median ms per run):');
		print();
		print(stats.table(wall));
		print();
		print('Where the cost is (medians; CPU = this process, user + system):');
		print();
		print(stats.table(cost));
	} finally {
		await agent.close();
		await sim.close();
	}
}

/** 3. Create against a simulator that allows `rate` creates per second; node option callsPerSecond = rate. */
async function rateLimitedCreate({ startSimulator, engine, stats, types }) {
	const CASES = QUICK
		? [
				[5, 10, 1],
				[1, 10, 1],
			]
		: [
				[5, 10, 3],
				[5, 30, 3],
				[1, 10, 2],
				[1, 30, 2],
			];
	print();
	print('## 3. Rate-limited Create');
	print();
	print('The simulator admits `rate` participant creates per rolling second and answers 429 (Retry-After: 1) above it. Our node: options.callsPerSecond = rate (default Max Retries 3). For reference, n8n\'s HTTP Request node as a user would pace it: Options → Batching, `rate` items per batch, 1000 ms interval, no retry (Retry On Fail off); a 429 fails its run. Runs are 1.2 s apart so that no run inherits the previous one\'s window. N / rate is the yardstick asked for; the strict floor is (N−1)/rate plus one request (the first create goes at t = 0). 429s and created are summed over all rounds.');
	const sim = await startSimulator({ callsPerSecond: 1 });
	try {
		const credentials = engine.credentialsFor(sim);
		const conference = await sim.seedConference({ friendlyName: 'create bench' });
		const url = `${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants.json`;
		const rows = [['rate/s', 'N', 'rounds', 'N / rate s', '(N−1) / rate s', 'node s', 'node / (N/rate)', 'node / ((N−1)/rate)', 'node 429s', 'node created', 'HTTP s', 'HTTP 429s', 'HTTP created', 'HTTP runs failed']];
		for (const [rate, n, rounds] of CASES) {
			await sim.setCallsPerSecond(rate);
			const items = Array.from({ length: n }, (_, i) => ({ to: `+1555${String(1000000 + i).slice(1)}` }));
			const contenders = {
				node: async () => {
					const r = await engine.runChain({
						nodes: [engine.twilioNode({ resource: 'participant', operation: 'create', conference: engine.byId(conference.sid), from: '+15017122661', to: '={{ $json.to }}', options: { callsPerSecond: rate } })],
						items,
						credentials,
					});
					return { failed: r.error ? 1 : 0 };
				},
			};
			// The HTTP reference is skipped at 30 creates at 1/s to keep the whole bench under ten minutes.
			if (!(rate === 1 && n === 30)) {
				contenders.http = async () => {
					const r = await engine.runChain({
						nodes: [
							engine.httpNode({
								method: 'POST',
								url,
								sendBody: true,
								contentType: 'form-urlencoded',
								bodyParameters: { parameters: [{ name: 'From', value: '+15017122661' }, { name: 'To', value: '={{ $json.to }}' }] },
								options: { batching: { batch: { batchSize: rate, batchInterval: 1000 } } },
							}, types.httpVersion),
						],
						items,
						credentials,
					});
					return { failed: r.error ? 1 : 0 };
				};
			}
			const samples = await stats.interleave(contenders, {
				rounds,
				warmup: 0,
				before: async () => {
					await sleep(1200);
					await sim.takeRequests();
				},
				after: async () => {
					const r = await sim.takeRequests();
					return { r429: r.byStatus[429] || 0, created: (r.byStatus[201] || 0) + (r.byStatus[200] || 0) };
				},
			});
			const med = (name, key = 'ms') => stats.median(samples[name].map((s) => s[key]));
			const sum = (name, key) => samples[name].reduce((a, s) => a + s[key], 0);
			const floor = n / rate;
			rows.push([
				rate,
				n,
				rounds,
				floor.toFixed(1),
				((n - 1) / rate).toFixed(1),
				(med('node') / 1000).toFixed(2),
				stats.ratio(med('node') / 1000 / floor),
				stats.ratio(med('node') / 1000 / ((n - 1) / rate)),
				sum('node', 'r429'),
				`${sum('node', 'created')}/${n * rounds}`,
				...(samples.http
					? [(med('http') / 1000).toFixed(2), sum('http', 'r429'), `${sum('http', 'created')}/${n * rounds}`, `${sum('http', 'failed')}/${rounds}`]
					: ['-', '-', '-', '-']),
			]);
			check(sum('node', 'failed') === 0, `our node failed a create run at ${rate}/s`);
		}
		print();
		print(stats.table(rows));
	} finally {
		await sim.close();
	}
}

/** 4. Loading the node + credential types with PackageDirectoryLoader, fresh process per round; description size. */
async function editorCost({ stats }, nodesBase) {
	const run = promisify(execFile);
	const ROUNDS = QUICK ? 3 : 9;
	print();
	print('## 4. Editor cost: loading the types and the description the editor receives');
	print();
	print(`A fresh \`node\` process per measurement (${ROUNDS} each, interleaved); n8n-core is required before the clock starts (n8n has it loaded). Ours: \`new PackageDirectoryLoader(<package>)\` + \`loadAll()\`. n8n's Twilio: the same loader on n8n-nodes-base, \`loadNodeFromFile('dist/nodes/Twilio/Twilio.node.js')\` + \`loadCredentialFromFile('dist/credentials/TwilioApi.credentials.js')\` + \`inferSupportedNodes()\`, which is what loadAll does per entry. Size: JSON.stringify of loader.types.nodes and loader.types.credentials (what /types/nodes.json and /types/credentials.json carry for them; both nodes are usableAsTool, so n8n also serves a Tool copy of each, roughly doubling both).`);
	const probe = path.join(__dirname, 'lib', 'editor-probe.js');
	const contenders = {
		ours: async () => JSON.parse((await run(process.execPath, [probe, 'ours'])).stdout),
		twilio: async () => JSON.parse((await run(process.execPath, [probe, 'twilio', nodesBase])).stdout),
	};
	const samples = await stats.interleave(contenders, { rounds: ROUNDS });
	const med = (name, key) => stats.median(samples[name].map((s) => s[key]));
	const rows = [['', 'load ms (median)', 'files required', 'node description bytes', 'credential bytes', 'total bytes', 'properties (incl. nested)']];
	for (const [name, label] of [
		['ours', 'Twilio Conference (this package)'],
		['twilio', "n8n's Twilio node (n8n-nodes-base)"],
	]) {
		rows.push([label, stats.ms(med(name, 'loadMs')), med(name, 'requiredFiles'), med(name, 'nodeBytes'), med(name, 'credentialBytes'), med(name, 'nodeBytes') + med(name, 'credentialBytes'), med(name, 'properties')]);
	}
	const total = (name) => med(name, 'nodeBytes') + med(name, 'credentialBytes');
	rows.push(['ratio ours / Twilio', stats.ratio(med('ours', 'loadMs') / med('twilio', 'loadMs')), '', stats.ratio(med('ours', 'nodeBytes') / med('twilio', 'nodeBytes')), stats.ratio(med('ours', 'credentialBytes') / med('twilio', 'credentialBytes')), stats.ratio(total('ours') / total('twilio')), '']);
	print();
	print(stats.table(rows));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
