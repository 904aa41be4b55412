#!/usr/bin/env node
'use strict';
// Start the Twilio Conference simulator from the command line.
//
//   node simulator/cli.js [--port 3999] [--cps 1] [--connect-ms 1500]
//
// Environment: PORT, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SIM_CPS,
// SIM_CONNECT_MS. Flags win over the environment. The host is always
// 127.0.0.1.

const { createSimulator } = require('./index');

const DEFAULTS = {
	port: 3999,
	accountSid: 'AC00000000000000000000000000c0ffee',
	authToken: 'simulator-auth-token',
	callsPerSecond: 1,
	connectAfterMs: 1500,
};

function readFlags(argv) {
	const flags = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) continue;
		if (m[1] === 'help') flags.help = true;
		else flags[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
	}
	return flags;
}

function num(value, fallback, name) {
	if (value === undefined || value === '') return fallback;
	const n = value === 'Infinity' ? Infinity : Number(value);
	if (!Number.isFinite(n) && n !== Infinity) throw new Error(`${name} must be a number, got '${value}'`);
	return n;
}

async function main() {
	const flags = readFlags(process.argv.slice(2));
	if (flags.help) {
		console.log(
			'Usage: node simulator/cli.js [--port N] [--account-sid AC...] [--auth-token T] [--cps N] [--connect-ms N]',
		);
		return;
	}
	const env = process.env;
	const sim = await createSimulator({
		port: num(flags.port ?? env.PORT, DEFAULTS.port, 'port'),
		accountSid: flags['account-sid'] || env.TWILIO_ACCOUNT_SID || DEFAULTS.accountSid,
		authToken: flags['auth-token'] || env.TWILIO_AUTH_TOKEN || DEFAULTS.authToken,
		callsPerSecond: num(flags.cps ?? env.SIM_CPS, DEFAULTS.callsPerSecond, 'cps'),
		connectAfterMs: num(flags['connect-ms'] ?? env.SIM_CONNECT_MS, DEFAULTS.connectAfterMs, 'connect-ms'),
	});

	console.log(`Twilio Conference simulator listening on ${sim.url}`);
	console.log(`  Account SID: ${sim.accountSid}`);
	console.log(`  Auth Token:  ${sim.authToken}`);
	console.log(`  Try: curl -u ${sim.accountSid}:${sim.authToken} ${sim.url}/2010-04-01/Accounts/${sim.accountSid}.json`);

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

main().catch((err) => {
	console.error(err.message || err);
	process.exit(1);
});
