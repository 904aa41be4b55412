'use strict';
/**
 * 2. Update (mute) over 1, 100 and 1000 items: our node against three declarative baselines (./minimal-node.js),
 * n8n's HTTP Request node, all run by WorkflowExecute, and an undici loop; then the declarative ones without the
 * network (./without-network.js).
 */
const { declarativeBaselines, httpMuteNode, updateParameters: updateOf } = require('./update-contenders');
const { withoutNetwork } = require('./without-network');

async function perItem({ startSimulator, engine, stats, types, print, check, quick, floorRounds = 0 }) {
	const { Agent, request } = require('undici');
	const SIZES = [
		[1, quick ? 5 : 21],
		[100, quick ? 3 : 9],
		[1000, quick ? 3 : 5],
	];
	print();
	print('## 2. Per-item cost: Update (Muted=true)');
	print();
	print(
		"Same items ({ callSid }), same account, same form body `Muted=true`, every node executed by WorkflowExecute. Ours: Conference by ID, Participant by ID `={{ $json.callSid }}`, Update Fields → Muted on, node version 2. Three declarative baselines (bench/lib/minimal-node.js): *minimal*, one property (Operation) whose routing POSTs to `…/Participants/{{ $json.callSid }}.json` with `send` Muted=true, the least a declarative node can be; *fields*, the same with Conference, Participant and Muted as fields, the URL built with `$parameter` as n8n's starter builds it; *floor*, our own description (every property n8n walks per item) with our hooks taken out and Update routed like *fields*: n8n's floor for a node of our size. HTTP: POST `=<base>/…/Participants/{{ $json.callSid }}.json`, Basic Auth credential, body \"Form Urlencoded\" Muted=true. undici: the same POSTs, all at once as the HTTP node sends them (a floor for any client); our node keeps at most 50 open (its default Max Requests In Flight), which costs little here since the simulator answers at once. Requests overlap, so wall time per item falls with N while CPU time per item does not; on a shared machine CPU time is the steadier measure of per-item cost. *node, 1000 in flight*: our node with Max Requests In Flight 1000, so that its limit never holds a request back (the simulator has no concurrency limit here): what pacing to the account's limit costs in CPU. Goal: node / floor <= 1.0 in CPU per item.",
	);
	const sim = await startSimulator();
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	try {
		const credentials = engine.credentialsFor(sim);
		const authorization = `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`;
		const conference = await sim.seedConference({ friendlyName: 'per item' });
		const callSids = await sim.seedParticipants(conference.sid, 1000);
		const participantsPath = `/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants`;
		const base = `${sim.url}${participantsPath}`;
		const baselines = declarativeBaselines(types, sim, conference.sid);
		const updateParameters = updateOf(conference.sid);
		const nodeWorkflow = [engine.twilioNode(updateParameters)];
		// The same node without its limit on requests in flight in effect: what keeping to the account's limit costs.
		const unpacedWorkflow = [engine.twilioNode({ ...updateParameters, options: { maxRequestsInFlight: 1000 } })];
		const minimalWorkflow = [baselines.minimal];
		const fieldsWorkflow = [baselines.fields];
		const floorWorkflow = [baselines.floor];
		const httpWorkflow = [httpMuteNode(base, types.httpVersion)];
		const wall = [
			[
				'items',
				'rounds',
				'undici ms',
				'minimal ms',
				'fields ms',
				'floor ms',
				'HTTP ms',
				'node ms',
				'node / minimal',
				'node / fields',
				'node / floor',
				'node / HTTP',
				'node / undici',
			],
		];
		const cost = [
			[
				'items',
				'CPU µs/item minimal',
				'CPU µs/item fields',
				'CPU µs/item floor',
				'CPU µs/item HTTP',
				'CPU µs/item node',
				'CPU µs/item node, 1000 in flight',
				'CPU node / minimal',
				'CPU node / fields',
				'CPU node / floor',
				'CPU node, 1000 in flight / floor',
				'CPU HTTP / minimal',
				'expressions/item minimal',
				'expressions/item fields',
				'expressions/item floor',
				'expressions/item HTTP',
				'expressions/item node',
				'credential reads/item minimal',
				'credential reads/item HTTP',
				'credential reads/item node',
			],
		];
		for (const [n, rounds] of floorRounds ? [] : SIZES) {
			const items = callSids.slice(0, n).map((callSid) => ({ callSid }));
			const valid = (r, who) => {
				check(
					!r.error && r.items.length === n && r.items.every((i) => i.json.muted === true),
					`${who} updated ${r.items.length}/${n} ${r.error?.message ?? ''}`,
				);
				return { credReads: r.calls.getDecrypted / n, expressions: r.expressions / n };
			};
			const contenders = {
				node: async () => valid(await engine.runChain({ nodes: nodeWorkflow, items, credentials }), 'node'),
				unpaced: async () =>
					valid(await engine.runChain({ nodes: unpacedWorkflow, items, credentials }), 'node, 1000 in flight'),
				minimal: async () => valid(await engine.runChain({ nodes: minimalWorkflow, items, credentials }), 'minimal'),
				fields: async () => valid(await engine.runChain({ nodes: fieldsWorkflow, items, credentials }), 'fields'),
				floor: async () => valid(await engine.runChain({ nodes: floorWorkflow, items, credentials }), 'floor'),
				http: async () => valid(await engine.runChain({ nodes: httpWorkflow, items, credentials }), 'HTTP'),
				undici: async () => {
					const results = await Promise.all(
						items.map(async ({ callSid }) => {
							const { statusCode, body } = await request(`${base}/${callSid}.json`, {
								method: 'POST',
								dispatcher: agent,
								headers: {
									authorization,
									accept: 'application/json',
									'content-type': 'application/x-www-form-urlencoded',
								},
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
				stats.ms(med('minimal')),
				stats.ms(med('fields')),
				stats.ms(med('floor')),
				stats.ms(med('http')),
				stats.ms(med('node')),
				stats.ratio(med('node') / med('minimal')),
				stats.ratio(med('node') / med('fields')),
				stats.ratio(med('node') / med('floor')),
				stats.ratio(med('node') / med('http')),
				stats.ratio(med('node') / med('undici')),
			]);
			cost.push([
				n,
				perItemUs('minimal', 'cpuMs'),
				perItemUs('fields', 'cpuMs'),
				perItemUs('floor', 'cpuMs'),
				perItemUs('http', 'cpuMs'),
				perItemUs('node', 'cpuMs'),
				perItemUs('unpaced', 'cpuMs'),
				stats.ratio(med('node', 'cpuMs') / med('minimal', 'cpuMs')),
				stats.ratio(med('node', 'cpuMs') / med('fields', 'cpuMs')),
				stats.ratio(med('node', 'cpuMs') / med('floor', 'cpuMs')),
				stats.ratio(med('unpaced', 'cpuMs') / med('floor', 'cpuMs')),
				stats.ratio(med('http', 'cpuMs') / med('minimal', 'cpuMs')),
				+med('minimal', 'expressions').toFixed(2),
				+med('fields', 'expressions').toFixed(2),
				+med('floor', 'expressions').toFixed(2),
				+med('http', 'expressions').toFixed(2),
				+med('node', 'expressions').toFixed(2),
				+med('minimal', 'credReads').toFixed(2),
				+med('http', 'credReads').toFixed(2),
				+med('node', 'credReads').toFixed(2),
			]);
		}
		if (!floorRounds) {
			print();
			print('Wall time (median ms per run):');
			print();
			print(stats.table(wall));
			print();
			print('Where the cost is (medians; CPU = this process, user + system):');
			print();
			print(stats.table(cost));
		}
		await withoutNetwork({
			engine,
			stats,
			print,
			check,
			quick,
			sizes: floorRounds ? [[1000, floorRounds]] : SIZES.slice(1),
			only: floorRounds ? ['floor', 'node'] : undefined,
			exactRounds: floorRounds > 0,
			contenders: { minimalWorkflow, fieldsWorkflow, floorWorkflow, nodeWorkflow },
			callSids,
			credentials,
			answerFrom: `${base}/${callSids[0]}.json`,
			authorization,
		});
	} finally {
		await agent.close();
		await sim.close();
	}
}

module.exports = { perItem };
