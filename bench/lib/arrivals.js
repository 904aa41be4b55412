'use strict';
/**
 * What bench section 3 (./bulk.js) reads from the simulator's log of arrivals, and the pool its baseline runs in.
 */

/** Runs fn(0..n-1) with at most `width` calls open at once, in order. */
async function pool(n, width, fn) {
	let next = 0;
	const worker = async () => {
		while (next < n) await fn(next++);
	};
	await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}

/** Places where a request arrived before one that came earlier in the input (first attempts only). */
function outOfOrder(arrivals, indexOf) {
	const seen = new Set();
	let last = -1;
	let count = 0;
	for (const { key } of arrivals) {
		if (seen.has(key) || !indexOf.has(key)) continue;
		seen.add(key);
		const index = indexOf.get(key);
		if (index < last) count += 1;
		last = Math.max(last, index);
	}
	return count;
}

/**
 * Retries after a 429: ms from the 429 to the next attempt, and the most retries arriving within any `windowMs`
 * (one answer's time), which shows whether they come back together.
 */
function retries(arrivals, windowMs) {
	const refusedAt = new Map();
	const attempts = new Map();
	const gaps = [];
	const times = [];
	for (const { key, status, at } of arrivals) {
		attempts.set(key, (attempts.get(key) || 0) + 1);
		if (refusedAt.has(key)) {
			gaps.push(at - refusedAt.get(key));
			times.push(at);
			refusedAt.delete(key);
		}
		if (status === 429) refusedAt.set(key, at);
	}
	let burst = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (times[i] - times[j] >= windowMs) j++;
		burst = Math.max(burst, i - j + 1);
	}
	return { gaps, burst, mostAttempts: Math.max(0, ...attempts.values()) };
}

async function drained(sim) {
	for (let i = 0; i < 40; i++) {
		if ((await sim.stats()).inFlight === 0) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('benchmark run is invalid: the simulator still has requests in flight');
}

module.exports = { drained, outOfOrder, pool, retries };
