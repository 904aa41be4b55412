'use strict';
/* Running n8n processes (one-shot and long-running), stopping them with their parent, and ports. */
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');

const { HOST_DIR, rel } = require('./config');
const { log, fmtMs, sleep } = require('./log');
const { nodeBinary, n8nBin } = require('./runtime');
const { n8nEnv } = require('./env');

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
			reject(
				new Error(
					`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
				),
			);
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
		throw new Error(
			`n8n ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`,
		);
	}
	return r;
}

/** Whether a process with this pid exists (false for 0 and for a pid that is gone). */
function pidAlive(pid) {
	try {
		return pid > 0 && process.kill(pid, 0);
	} catch {
		return false;
	}
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
	// until the unauthenticated GET /rest/settings answers 200 with JSON (the routes are registered by then;
	// for a moment before, n8n answers every path 200 text/html "n8n is starting up. Please wait").
	if (healthUrl === undefined && args[0] === 'start') healthUrl = `${url}/rest/settings`;
	const wantJson = !!healthUrl && /\/rest\//.test(healthUrl);
	if (healthUrl) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			if (exitInfo) {
				throw new Error(
					`${label} exited (${JSON.stringify(exitInfo)}) before ready; log ${logFile}:\n${handle.output().slice(-4000)}`,
				);
			}
			if (Date.now() > end) {
				await handle.stop();
				throw new Error(`${label} not ready after ${timeoutMs} ms; log ${logFile}:\n${handle.output().slice(-4000)}`);
			}
			try {
				const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
				if (res.ok && (!wantJson || /json/.test(res.headers.get('content-type') || ''))) break;
			} catch {
				/* not yet */
			}
			await sleep(250);
		}
		log(
			`${label} ready at ${healthUrl.replace(/\/(healthz|rest\/settings).*$/, '')} in ${fmtMs(Date.now() - t0)} (log ${rel(logFile)})`,
		);
	}
	return handle;
}

module.exports = {
	runN8n,
	runN8nOk,
	pidAlive,
	killGroup,
	killChildrenOnSignals,
	trackPid,
	freePort,
	waitForPort,
	startN8n,
};
