'use strict';
// The two limits a Twilio account lives with, modelled separately because
// Twilio treats them differently:
// - calls per second: creates beyond the rate are accepted and wait in a
//   dialling queue (no error);
// - requests in flight: a REST request beyond the account's concurrency
//   limit is refused with 429 / 20429 and not processed.

/** A limit option: a non-negative number, Infinity allowed; 0 means "no limit" where noted. */
function checkLimit(name, value) {
	if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
		throw new Error(`${name} must be a number of 0 or more, got ${String(value)}`);
	}
	return value;
}

/**
 * The dialling queue behind Participant creates. schedule() returns when the
 * next call will be dialled: at most `callsPerSecond` calls start in any
 * window of one second (fractional rates spread one call over a longer
 * window). 0 or Infinity dials at once.
 */
function createDialQueue({ callsPerSecond = 1, nowMs }) {
	let cps = checkLimit('callsPerSecond', callsPerSecond);
	let recent = []; // dial times still inside the window, oldest first

	return {
		get callsPerSecond() {
			return cps;
		},
		setCallsPerSecond(n) {
			cps = checkLimit('callsPerSecond', n);
			recent = [];
		},
		schedule() {
			const t = nowMs();
			if (!cps || cps === Infinity) return t;
			const perWindow = Math.max(1, Math.floor(cps));
			const windowMs = (1000 * perWindow) / cps;
			let at = Math.max(t, recent.length ? recent[recent.length - 1] : t);
			if (recent.length >= perWindow) at = Math.max(at, recent[recent.length - perWindow] + windowMs);
			recent.push(at);
			if (recent.length > perWindow) recent = recent.slice(-perWindow);
			return at;
		},
	};
}

/**
 * Requests in flight per account. enter(account) admits a request or
 * refuses it when the account already has `limit` requests in flight; an
 * admitted request must be released exactly once, when its answer leaves
 * or its client goes away.
 */
function createConcurrencyGate({ limit = Infinity, retryAfterSeconds = 1 } = {}) {
	let max = checkLimit('concurrencyLimit', limit);
	// null leaves Retry-After out of the 429, which Twilio may also do.
	const retryAfter = retryAfterSeconds === null ? null : checkLimit('retryAfterSeconds', retryAfterSeconds);
	const inFlight = new Map(); // account -> count
	let maxInFlight = 0;
	let rejected = 0;

	const count = (account) => inFlight.get(account) || 0;

	return {
		retryAfterSeconds: retryAfter,
		setLimit(n) {
			max = checkLimit('concurrencyLimit', n);
		},
		/** { admitted: true, current, release } or { admitted: false, current }. */
		enter(account) {
			const current = count(account);
			if (current >= max) {
				rejected += 1;
				return { admitted: false, current };
			}
			inFlight.set(account, current + 1);
			maxInFlight = Math.max(maxInFlight, current + 1);
			let released = false;
			return {
				admitted: true,
				current: current + 1,
				release() {
					if (released) return;
					released = true;
					const left = count(account) - 1;
					if (left > 0) inFlight.set(account, left);
					else inFlight.delete(account);
				},
			};
		},
		stats() {
			let now = 0;
			for (const n of inFlight.values()) now += n;
			return { inFlight: now, maxInFlight, rejectedForConcurrency: rejected, concurrencyLimit: max };
		},
		resetStats() {
			maxInFlight = 0;
			for (const n of inFlight.values()) maxInFlight = Math.max(maxInFlight, n);
			rejected = 0;
		},
	};
}

module.exports = { createDialQueue, createConcurrencyGate, checkLimit };
