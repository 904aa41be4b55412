'use strict';
// `npm run simulator`: flags, seeding and the request log. The simulator it starts listens on 127.0.0.1 only.

const { spawn } = require('child_process');
const path = require('path');
const { readOptions, parseSeed } = require('../simulator/cli');
const { basic } = require('./helpers/simulator-client');

const CLI = path.join(__dirname, '..', 'simulator', 'cli.js');
const ACCOUNT = 'AC00000000000000000000000000c0ffee';
const AUTH = basic(ACCOUNT, 'simulator-auth-token');

describe('flags', () => {
	test('each flag reaches its simulator option', () => {
		const o = readOptions(
			[
				'--port',
				'0',
				'--cps',
				'5',
				'--connect-ms',
				'200',
				'--concurrency',
				'100',
				'--latency-ms',
				'100',
				'--retry-after',
				'2',
				'--seed',
				'2x3',
				'--api-key',
				`SK${'a'.repeat(32)}:s3cr:et`,
				'--quiet',
			],
			{},
		);
		expect(o).toEqual({
			help: false,
			quiet: true,
			seed: { conferences: 2, participants: 3 },
			simulator: {
				port: 0,
				accountSid: ACCOUNT,
				authToken: 'simulator-auth-token',
				apiKeys: [{ sid: `SK${'a'.repeat(32)}`, secret: 's3cr:et' }],
				callsPerSecond: 5,
				connectAfterMs: 200,
				concurrencyLimit: 100,
				latencyMs: 100,
				retryAfterSeconds: 2,
			},
		});
	});

	test('defaults, and the environment where a flag is not given', () => {
		const o = readOptions(['--cps', '3'], { PORT: '4100', SIM_CPS: '9', SIM_CONCURRENCY: '7', SIM_LATENCY_MS: '5' });
		expect(o.simulator).toMatchObject({
			port: 4100,
			callsPerSecond: 3,
			concurrencyLimit: 7,
			latencyMs: 5,
			connectAfterMs: 1500,
		});
		expect(readOptions([], {}).simulator).toMatchObject({
			port: 3999,
			callsPerSecond: 1,
			concurrencyLimit: Infinity,
			latencyMs: 0,
		});
		expect(readOptions([], {}).seed).toEqual({ conferences: 0, participants: 0 });
	});

	test.each([
		[['--seed', '2'], /--seed/],
		[['--seed', '2x'], /--seed/],
		[['--concurrency', 'lots'], /--concurrency/],
		[['--latency-ms', '-1'], /--latency-ms/],
		[['--api-key', 'nokey'], /--api-key/],
		[['--unknown'], /unknown/i],
	])('%j is refused', (argv, message) => {
		expect(() => readOptions(argv, {})).toThrow(message);
	});

	test('parseSeed reads CxP', () => {
		expect(parseSeed('10x0')).toEqual({ conferences: 10, participants: 0 });
	});
});

/** Run the CLI until it says where it listens; stop() ends it and gives everything it printed. */
async function run(args) {
	const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (c) => (out += c));
	child.stderr.on('data', (c) => (out += c));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 10000);
		child.stdout.on('data', () => {
			const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (m && /Try:/.test(out)) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
	});
	return {
		url,
		output: () => out,
		async stop() {
			child.kill('SIGTERM');
			await exited;
			return out;
		},
	};
}

const get = (url, p) => fetch(url + p, { headers: { Authorization: AUTH } });

describe('npm run simulator', () => {
	test('seeds live conferences with connected participants and logs each request', async () => {
		const cli = await run(['--seed', '2x3', '--cps', '0']);
		try {
			expect(cli.output()).toMatch(/Seeded: Demo room 1 \(CF[0-9a-f]{32}\), 3 participants/);
			const list = await (await get(cli.url, `/2010-04-01/Accounts/${ACCOUNT}/Conferences.json`)).json();
			expect(list.conferences.map((c) => [c.friendly_name, c.status])).toEqual([
				['Demo room 2', 'in-progress'],
				['Demo room 1', 'in-progress'],
			]);
			const sid = list.conferences[1].sid;
			const people = await (
				await get(cli.url, `/2010-04-01/Accounts/${ACCOUNT}/Conferences/${sid}/Participants.json`)
			).json();
			expect(people.participants.map((p) => [p.label, p.status])).toEqual([
				['guest 1', 'connected'],
				['guest 2', 'connected'],
				['guest 3', 'connected'],
			]);
			await get(cli.url, '/nowhere?x=1');
		} finally {
			const out = await cli.stop();
			expect(out).toMatch(new RegExp(`^GET /2010-04-01/Accounts/${ACCOUNT}/Conferences\\.json 200 \\d+ms$`, 'm'));
			expect(out).toMatch(/^GET \/nowhere\?x=1 404 \d+ms$/m);
			expect(out).toMatch(/SIGTERM received, shutting down \(3 requests served\)/);
		}
	});

	test('--quiet serves without logging; --concurrency and --latency-ms shape the answers', async () => {
		const cli = await run(['--quiet', '--concurrency', '1', '--latency-ms', '1500']);
		try {
			const first = get(cli.url, `/2010-04-01/Accounts/${ACCOUNT}.json`);
			await new Promise((resolve) => setTimeout(resolve, 300));
			const second = await get(cli.url, `/2010-04-01/Accounts/${ACCOUNT}.json`);
			expect(second.status).toBe(429);
			expect(second.headers.get('retry-after')).toBe('1');
			expect((await first).status).toBe(200);
		} finally {
			const out = await cli.stop();
			expect(out).not.toMatch(/^GET /m);
		}
	});
});
