'use strict';
/* Messages and timing for scripts/n8n-host. */

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

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

module.exports = { log, fmtMs, stage, sleep };
