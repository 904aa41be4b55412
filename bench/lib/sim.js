'use strict';
// Parent side of ./sim-child.js: a simulator on 127.0.0.1 in a child process, with async methods.
const { fork } = require('node:child_process');
const path = require('node:path');

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'bench_token_0f3a_not_a_secret';

async function startSimulator(options = {}) {
	const child = fork(path.join(__dirname, 'sim-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let next = 0;
	const pending = new Map();
	child.on('message', ({ id, result, error }) => {
		const p = pending.get(id);
		if (!p) return;
		pending.delete(id);
		if (error) p.reject(new Error(`simulator: ${error}`));
		else p.resolve(result);
	});
	child.on('exit', (code) => {
		for (const p of pending.values()) p.reject(new Error(`simulator process exited (${code})`));
		pending.clear();
	});
	const call = (method, ...args) =>
		new Promise((resolve, reject) => {
			const id = ++next;
			pending.set(id, { resolve, reject });
			child.send({ id, method, args });
		});
	const info = await call('start', {
		accountSid: ACCOUNT_SID,
		authToken: AUTH_TOKEN,
		callsPerSecond: 0,
		connectAfterMs: 0,
		...options,
	});
	return {
		...info,
		pid: child.pid,
		credentials: { accountSid: info.accountSid, authToken: info.authToken, baseUrl: info.url },
		seedConference: (o) => call('seedConference', o),
		seedParticipants: (sid, n) => call('seedParticipants', sid, n),
		takeRequests: (options) => call('takeRequests', options),
		participantCount: () => call('participantCount'),
		setCallsPerSecond: (n) => call('setCallsPerSecond', n),
		stats: () => call('stats'),
		resetStats: () => call('resetStats'),
		async close() {
			if (!child.connected) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			await call('close').catch(() => {});
			await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
			if (child.exitCode === null) child.kill('SIGTERM');
		},
	};
}

module.exports = { startSimulator, ACCOUNT_SID, AUTH_TOKEN };
