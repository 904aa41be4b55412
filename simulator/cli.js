#!/usr/bin/env node
'use strict';
// Start the Twilio Conference simulator from the command line; --help lists the flags.
// The host is always 127.0.0.1. Flags win over the environment.

const { parseArgs } = require('util');
const { createSimulator } = require('./index');

const USAGE = `Usage: node simulator/cli.js [flags]

  --port N            port to listen on (env PORT, default 3999; 0 picks a free one)
  --account-sid AC..  account SID (env TWILIO_ACCOUNT_SID)
  --auth-token T      auth token (env TWILIO_AUTH_TOKEN)
  --api-key SK..:S    accept a Standard API key SID and secret (repeatable)
  --cps N             calls dialled per second, beyond it creates queue (env SIM_CPS, default 1; 0 = no queue)
  --connect-ms N      from dialling to connected, in ms (env SIM_CONNECT_MS, default 1500)
  --concurrency N     requests in flight per account before 429 (env SIM_CONCURRENCY, default: no limit)
  --latency-ms N      hold every answer this long (env SIM_LATENCY_MS, default 0)
  --retry-after N     Retry-After seconds on a concurrency 429 (default 1)
  --seed CxP          start with C live conferences of P connected participants each, e.g. --seed 2x3
  --quiet             do not print each request served
  --help              this text`;

const DEFAULTS = {
	port: 3999,
	accountSid: 'AC00000000000000000000000000c0ffee',
	authToken: 'simulator-auth-token',
};

function num(value, name, fallback) {
	if (value === undefined || value === '') return fallback;
	const n = value === 'Infinity' ? Infinity : Number(value);
	if (Number.isNaN(n) || n < 0) throw new Error(`--${name} must be a number of 0 or more, got '${value}'`);
	return n;
}

/** "2x3" -> { conferences: 2, participants: 3 }. */
function parseSeed(text) {
	if (text === undefined) return { conferences: 0, participants: 0 };
	const m = /^(\d+)x(\d+)$/.exec(text);
	if (!m) throw new Error(`--seed takes CONFERENCESxPARTICIPANTS, e.g. 2x3; got '${text}'`);
	return { conferences: +m[1], participants: +m[2] };
}

function parseApiKey(text) {
	const colon = text.indexOf(':');
	if (!/^SK/.test(text) || colon === -1) throw new Error(`--api-key takes SK...:secret, got '${text.split(':')[0]}:…'`);
	return { sid: text.slice(0, colon), secret: text.slice(colon + 1) };
}

function readOptions(argv, env) {
	const { values } = parseArgs({
		args: argv,
		options: {
			port: { type: 'string' },
			'account-sid': { type: 'string' },
			'auth-token': { type: 'string' },
			'api-key': { type: 'string', multiple: true },
			cps: { type: 'string' },
			'connect-ms': { type: 'string' },
			concurrency: { type: 'string' },
			'latency-ms': { type: 'string' },
			'retry-after': { type: 'string' },
			seed: { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	return {
		help: Boolean(values.help),
		quiet: Boolean(values.quiet),
		seed: parseSeed(values.seed),
		simulator: {
			port: num(values.port ?? env.PORT, 'port', DEFAULTS.port),
			accountSid: values['account-sid'] || env.TWILIO_ACCOUNT_SID || DEFAULTS.accountSid,
			authToken: values['auth-token'] || env.TWILIO_AUTH_TOKEN || DEFAULTS.authToken,
			apiKeys: (values['api-key'] || []).map(parseApiKey),
			callsPerSecond: num(values.cps ?? env.SIM_CPS, 'cps', 1),
			connectAfterMs: num(values['connect-ms'] ?? env.SIM_CONNECT_MS, 'connect-ms', 1500),
			concurrencyLimit: num(values.concurrency ?? env.SIM_CONCURRENCY, 'concurrency', Infinity),
			latencyMs: num(values['latency-ms'] ?? env.SIM_LATENCY_MS, 'latency-ms', 0),
			retryAfterSeconds: num(values['retry-after'], 'retry-after', 1),
		},
	};
}

/** Live conferences with connected participants, so pickers and lists have something to show. */
function seed(sim, { conferences, participants }) {
	const made = [];
	for (let c = 1; c <= conferences; c++) {
		const conf = sim.seedConference({ friendlyName: `Demo room ${c}` });
		sim.seedParticipants(conf.sid, participants, (i) => ({
			label: `guest ${i + 1}`,
			// 555-0100 to 555-0199 are set aside for fiction.
			to: `+120255501${String(((c - 1) * participants + i) % 99).padStart(2, '0')}`,
			from: '+12025550199',
		}));
		made.push(conf);
	}
	return made;
}

function logLine(entry) {
	const path = entry.rawQuery ? `${entry.path}?${entry.rawQuery}` : entry.path;
	const status = entry.status ?? (entry.fault ? `(${entry.fault})` : '(dropped)');
	return `${entry.method} ${path} ${status} ${entry.ms}ms`;
}

async function main() {
	const opts = readOptions(process.argv.slice(2), process.env);
	if (opts.help) {
		console.log(USAGE);
		return;
	}
	const sim = await createSimulator({
		...opts.simulator,
		onResponse: opts.quiet ? undefined : (entry) => console.log(logLine(entry)),
	});
	const seeded = seed(sim, opts.seed);

	console.log(`Twilio Conference simulator listening on ${sim.url}`);
	console.log(`  Account SID: ${sim.accountSid}`);
	console.log(`  Auth Token:  ${sim.authToken}`);
	for (const c of seeded)
		console.log(`  Seeded: ${c.friendly_name} (${c.sid}), ${opts.seed.participants} participants`);
	console.log(
		`  Try: curl -u ${sim.accountSid}:${sim.authToken} ${sim.url}/2010-04-01/Accounts/${sim.accountSid}.json`,
	);

	let closing = false;
	const shutdown = async (signal) => {
		if (closing) return;
		closing = true;
		console.log(`\n${signal} received, shutting down (${sim.stats().total} requests served)`);
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((err) => {
		console.error(err.message || err);
		process.exit(1);
	});
}

module.exports = { readOptions, parseSeed, seed, logLine };
