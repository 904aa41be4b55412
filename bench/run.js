#!/usr/bin/env node
'use strict';
/**
 * npm run bench  (= npm run build && node --expose-gc bench/run.js)
 *
 * Benchmarks of the built package (dist/) run by n8n-core's WorkflowExecute against the local simulator
 * (its own process, 127.0.0.1), as ratios against the physical minimum (request counts, an undici loop,
 * requests × latency / allowed concurrency) and against n8n's own HTTP Request node run by the same engine. Contenders run in the same
 * process, interleaved, several rounds; medians are printed.
 *
 * Options: --only=paging,update,bulk,editor (or --only bulk)   --quick (fewer rounds; not for RESULTS.md)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { parseArgs, promisify } = require('node:util');

const env = require('./lib/env');

const { values: args } = parseArgs({
	options: {
		only: { type: 'string', default: '' },
		quick: { type: 'boolean', default: false },
		// Section 2 without the network only: floor against node, 1000 items, this many rounds.
		'floor-rounds': { type: 'string', default: '' },
	},
	strict: true,
});
const only = args.only.split(',').filter(Boolean);
const QUICK = args.quick;
const SECTIONS = ['paging', 'update', 'bulk', 'editor'];
const wanted = (name) => only.length === 0 || only.includes(name);

const lines = [];
function print(text = '') {
	console.log(text);
	lines.push(text);
}

function check(condition, message) {
	if (!condition) throw new Error(`benchmark run is invalid: ${message}`);
}

async function main() {
	const startedAt = Date.now();
	check(
		only.every((name) => SECTIONS.includes(name)),
		`--only takes ${SECTIONS.join(',')}`,
	);
	check(
		fs.existsSync(path.join(env.ROOT, 'dist', 'nodes', 'TwilioConference', 'TwilioConference.node.js')),
		'dist/ is missing: run `npm run build` first',
	);
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
	print(
		`- machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, ${info.os}, load average at start ${info.loadAverage}`,
	);
	print(
		`- Node ${info.node}; n8n-core ${info.n8nCore}, n8n-workflow ${info.n8nWorkflow}, n8n-nodes-base ${info.n8nNodesBase}; undici ${info.undici}`,
	);
	print(
		`- package ${info.package}, dist/ built ${info.distBuilt}; HTTP Request node typeVersion ${types.httpVersion}; gc between runs: ${global.gc ? 'yes' : 'no (run with --expose-gc)'}${QUICK ? '; QUICK MODE' : ''}`,
	);
	print(
		'- simulator: simulator/index.js in a child process on 127.0.0.1 (connectAfterMs 0); times are wall-clock medians in ms',
	);

	const ctx = {
		startSimulator,
		engine,
		stats,
		types,
		print,
		check,
		quick: QUICK,
		floorRounds: Number(args['floor-rounds']) || 0,
	};
	if (wanted('paging')) await paging(ctx);
	if (wanted('update')) await require('./lib/per-item').perItem(ctx);
	if (wanted('bulk')) await require('./lib/bulk').bulk(ctx);
	if (wanted('editor')) await require('./lib/editor-cost').editorCost(ctx, nodesBase);

	print();
	print(
		`Total bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s; load average at the end ${require('node:os')
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')} (${require('node:os').cpus().length} cores; other work on the machine shows up here)`,
	);
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
	print(
		`${ROUNDS} interleaved rounds per N after one warm-up. undici: a loop with PageSize=1000 following next_page_uri (JSON parsed, participants collected), the floor for any client. HTTP: n8n's HTTP Request node, Basic Auth credential, query PageSize=1000, pagination "Response Contains Next URL" (next URL \`={{ "<base>" + $response.body.next_page_uri }}\`, complete when \`={{ !$response.body.next_page_uri }}\`); it outputs one item per page, so "HTTP+Split" adds the Split Out node on \`participants\` to get the same N items as our node.`,
	);
	const sim = await startSimulator();
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	try {
		const credentials = engine.credentialsFor(sim);
		const authorization = `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`;
		const rows = [
			[
				'N',
				'min requests',
				'node requests',
				'HTTP requests',
				'undici ms',
				'node ms',
				'node / undici',
				'HTTP ms',
				'HTTP+Split ms',
				'node / HTTP+Split',
			],
		];
		for (const n of SIZES) {
			const conference = await sim.seedConference({ friendlyName: `paging ${n}` });
			await sim.seedParticipants(conference.sid, n);
			const listPath = `/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants.json`;
			const nodeWorkflow = [
				engine.twilioNode({
					resource: 'participant',
					operation: 'getAll',
					conference: engine.byId(conference.sid),
					returnAll: true,
				}),
			];
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
						const { statusCode, body } = await request(url, {
							dispatcher: agent,
							headers: { authorization, accept: 'application/json' },
						});
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
					check(
						!r.error && r.items.length === pages,
						`HTTP returned ${r.items.length}/${pages} pages ${r.error?.message ?? ''}`,
					);
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

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
