#!/usr/bin/env node
'use strict';
/**
 * Where does the per-item time go? Runs the Update (mute) workflow of bench 2 under `node --cpu-prof`
 * (the simulator runs in its own, unprofiled process) and summarizes the profile: self time by package,
 * inclusive time of the functions that matter, and the top functions by self time.
 *
 *   node bench/profile.js [node|minimal|fields|floor|http] [items=1000] [runs=8]  (npm run bench:profile -- http 1000 6)
 *     minimal: the minimal declarative node of bench 2 (lib/minimal-node.js), the floor to compare with
 *     fields: the same floor with Conference, Participant and Muted as fields (lib/minimal-node.js)
 *     floor: our node's description without its hooks, Update routed the plain declarative way (lib/minimal-node.js)
 *
 *   node --expose-gc bench/profile.js execute [items=1000] [rounds=7]
 *     no profiler: our node, the HTTP Request node and an execute() prototype of Update (a programmatic node:
 *     each parameter read once per item, no validation, retries or redaction), interleaved; CPU time and
 *     expression evaluations per item. The prototype is a lower bound for a programmatic node, not product code.
 *
 * Profiles are written to bench/.cache/prof/ (git-ignored); open one in Chrome DevTools for the full picture.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { parseArgs } = require('node:util');

const env = require('./lib/env');
const { summarize } = require('./lib/profile-summary');

const PROF_DIR = path.join(env.CACHE_DIR, 'prof');

async function child(which, n, runs) {
	const { startSimulator } = require('./lib/sim');
	const engine = require('./lib/engine');
	const { declarativeBaselines, httpMuteNode, updateParameters } = require('./lib/update-contenders');
	const types = await engine.loadTypes();
	const sim = await startSimulator();
	try {
		const credentials = engine.credentialsFor(sim);
		const conference = await sim.seedConference({ friendlyName: 'profile' });
		const callSids = await sim.seedParticipants(conference.sid, n);
		const items = callSids.map((callSid) => ({ callSid }));
		const base = `${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants`;
		const baselines = declarativeBaselines(types, sim, conference.sid);
		const nodes = [
			baselines[which] ??
				(which === 'http'
					? httpMuteNode(base, types.httpVersion)
					: engine.twilioNode(updateParameters(conference.sid))),
		];
		await engine.runChain({ nodes, items, credentials }); // warm-up
		const t0 = Date.now();
		for (let i = 0; i < runs; i++) {
			const r = await engine.runChain({ nodes, items, credentials });
			if (r.error || r.items.length !== n) throw new Error(`run failed: ${r.error?.message}`);
			await sim.takeRequests();
		}
		console.log(
			`${which}: ${runs} runs x ${n} items in ${Date.now() - t0} ms (${(((Date.now() - t0) / runs / n) * 1000).toFixed(0)} µs/item)`,
		);
	} finally {
		await sim.close();
	}
}

/** Update as a programmatic node would do it: each parameter read once per item, credentials read once. */
async function executePrototype() {
	const { twilioBaseUrl, accountPath } = require(
		path.join(env.packageDir(), 'dist', 'nodes', 'TwilioConference', 'helpers', 'transport.js'),
	);
	const items = this.getInputData();
	const credentials = await this.getCredentials('twilioConferenceApi');
	const baseURL = twilioBaseUrl(credentials);
	const account = accountPath(credentials);
	const output = await Promise.all(
		items.map(async (_, i) => {
			const conference = this.getNodeParameter('conference', i, '', { extractValue: true });
			const participant = this.getNodeParameter('participant', i, '', { extractValue: true });
			const body = new URLSearchParams();
			for (const [key, value] of Object.entries(this.getNodeParameter('updateFields', i, {})))
				body.append(key[0].toUpperCase() + key.slice(1), String(value));
			const json = await this.helpers.httpRequestWithAuthentication.call(this, 'twilioConferenceApi', {
				method: 'POST',
				baseURL,
				url: `${account}/Conferences/${encodeURIComponent(conference)}/Participants/${encodeURIComponent(participant)}.json`,
				body: body.toString(),
				headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
				json: true,
			});
			return { json, pairedItem: { item: i } };
		}),
	);
	return [output];
}

const EXECUTE_PROTOTYPE_TYPE = 'n8n-nodes-twilio-conference.twilioConferenceExecutePrototype';

/**
 * `node --expose-gc bench/profile.js execute [items] [rounds]`: our node, the HTTP Request node and the
 * execute() prototype (our node's description and credential, executePrototype as its execute method, which
 * WorkflowExecute then runs instead of the declarative routing), interleaved; CPU time and expressions per item.
 */
async function compareExecute(n, rounds) {
	const { startSimulator } = require('./lib/sim');
	const engine = require('./lib/engine');
	const { httpMuteNode, updateParameters } = require('./lib/update-contenders');
	const stats = require('./lib/stats');
	const types = await engine.loadTypes();
	const nodeType = types.nodeTypes.getByName(engine.NODE_TYPE);
	types.nodeTypes.types[EXECUTE_PROTOTYPE_TYPE] = { description: nodeType.description, execute: executePrototype };
	const sim = await startSimulator();
	try {
		const credentials = engine.credentialsFor(sim);
		const conference = await sim.seedConference({ friendlyName: 'execute' });
		const items = (await sim.seedParticipants(conference.sid, n)).map((callSid) => ({ callSid }));
		const base = `${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Conferences/${conference.sid}/Participants`;
		const run = async (nodes) => {
			const r = await engine.runChain({ nodes, items, credentials });
			if (r.error || r.items.length !== n || !r.items.every((i) => i.json.muted === true))
				throw new Error(`run failed: ${r.error?.message}`);
			return { expressions: r.expressions / n };
		};
		const contenders = {
			HTTP: () => run([httpMuteNode(base, types.httpVersion)]),
			node: () => run([engine.twilioNode(updateParameters(conference.sid))]),
			'execute() prototype': () => run([engine.twilioNode(updateParameters(conference.sid), EXECUTE_PROTOTYPE_TYPE)]),
		};
		const samples = await stats.interleave(contenders, { rounds, after: () => sim.takeRequests() });
		const med = (name, key) => stats.median(samples[name].map((s) => s[key]));
		const rows = [['contender', 'CPU µs/item', 'vs HTTP', 'vs node', 'wall ms', 'expressions/item']];
		for (const name of Object.keys(contenders)) {
			rows.push([
				name,
				((med(name, 'cpuMs') * 1000) / n).toFixed(0),
				stats.ratio(med(name, 'cpuMs') / med('HTTP', 'cpuMs')),
				stats.ratio(med(name, 'cpuMs') / med('node', 'cpuMs')),
				stats.ms(med(name, 'ms')),
				med(name, 'expressions'),
			]);
		}
		console.log(`Update (Muted=true) over ${n} items, ${rounds} interleaved rounds, medians:\n`);
		console.log(stats.table(rows));
	} finally {
		await sim.close();
	}
}

async function main() {
	const { values: flags, positionals } = parseArgs({
		options: { summarize: { type: 'boolean', default: false }, child: { type: 'boolean', default: false } },
		allowPositionals: true,
		strict: true,
	});
	const [which = 'node', items = '1000', runs] = positionals;
	if (flags.summarize) return console.log(summarize(which)); // which = a .cpuprofile file
	if (flags.child) return await child(which, Number(items), Number(runs));
	if (!['node', 'minimal', 'fields', 'floor', 'http', 'execute'].includes(which))
		throw new Error(`unknown mode "${which}": node, minimal, fields, floor, http or execute`);
	if (!process.env.BENCH_PACKAGE_DIR) env.snapshotPackage();
	if (which === 'execute') return await compareExecute(Number(items), Number(runs ?? 7));
	fs.mkdirSync(PROF_DIR, { recursive: true });
	const name = `${which}-${items}-${Date.now()}.cpuprofile`;
	const result = spawnSync(
		process.execPath,
		[
			'--expose-gc',
			'--cpu-prof',
			`--cpu-prof-dir=${PROF_DIR}`,
			`--cpu-prof-name=${name}`,
			__filename,
			which,
			items,
			runs ?? '8',
			'--child',
		],
		{ stdio: 'inherit' },
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
	console.log(summarize(path.join(PROF_DIR, name)));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
