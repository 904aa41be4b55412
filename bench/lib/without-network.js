'use strict';
/**
 * The declarative contenders again, with n8n's request function (RoutingNode.rawRoutingRequest, the one all four
 * share) answering from memory with a participant as the simulator returns it, one event-loop turn later. The
 * network costs each of them the same, and its noise is the largest on a shared machine; without it, what is left is
 * the engine's routing and the node's own code.
 */
async function withoutNetwork({
	engine,
	stats,
	print,
	check,
	quick,
	sizes,
	contenders,
	callSids,
	credentials,
	answerFrom,
	authorization,
	only,
	exactRounds = false,
}) {
	const { RoutingNode } = require('n8n-core');
	const answer = await (await fetch(answerFrom, { headers: { authorization, accept: 'application/json' } })).json();
	const original = RoutingNode.prototype.rawRoutingRequest;
	RoutingNode.prototype.rawRoutingRequest = async function (_context, requestData) {
		requestData.options.returnFullResponse = true;
		await new Promise((resolve) => setImmediate(resolve));
		return {
			body: { ...answer, muted: true },
			headers: { 'content-type': 'application/json' },
			statusCode: 200,
			statusMessage: 'OK',
		};
	};
	const names = only ?? ['minimal', 'fields', 'floor', 'node'];
	const others = names.filter((name) => name !== 'node');
	const rows = [
		['items', 'rounds', ...names.map((name) => `CPU µs/item ${name}`), ...others.map((name) => `node / ${name}`)],
	];
	try {
		for (const [n, rounds] of sizes) {
			const items = callSids.slice(0, n).map((callSid) => ({ callSid }));
			const run = (nodes, who) => async () => {
				const r = await engine.runChain({ nodes, items, credentials });
				check(
					!r.error && r.items.length === n,
					`${who} (no network) updated ${r.items.length}/${n} ${r.error?.message ?? ''}`,
				);
			};
			const runs = Object.fromEntries(names.map((name) => [name, run(contenders[`${name}Workflow`], name)]));
			const samples = await stats.interleave(runs, { rounds: exactRounds ? rounds : quick ? 3 : rounds * 2 + 1 });
			const cpu = (name) => stats.median(samples[name].map((s) => s.cpuMs));
			const us = (name) => ((cpu(name) * 1000) / n).toFixed(0);
			rows.push([
				n,
				samples.node.length,
				...names.map(us),
				...others.map((name) => stats.ratio(cpu('node') / cpu(name))),
			]);
		}
	} finally {
		RoutingNode.prototype.rawRoutingRequest = original;
	}
	print();
	print(
		"Without the network (n8n's request function answering from memory; medians, CPU = this process, user + system):",
	);
	print();
	print(stats.table(rows));
}

module.exports = { withoutNetwork };
