'use strict';

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Lets the event loop drain and, with --expose-gc, collects garbage so that one contender's garbage is not billed to the next. */
async function settle(ms = 20) {
	await new Promise((resolve) => setTimeout(resolve, ms));
	if (global.gc) global.gc();
	// V8 sweeps and compiles on helper threads after a full GC; process.cpuUsage() would bill that to the next run.
	await new Promise((resolve) => setTimeout(resolve, 3 * ms));
}

/** A plain-text table: rows of arrays; the first row is the header. */
function table(rows) {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
	const line = (r) =>
		`| ${r.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join(' | ')} |`;
	return [
		line(rows[0]),
		`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
		...rows.slice(1).map(line),
	].join('\n');
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const ratio = (v) => (Number.isFinite(v) ? v.toFixed(2) : '-');

/**
 * Runs each contender `rounds` times, interleaved (the order rotates every round), after one unmeasured
 * warm-up each. A contender is async () => extra (an object merged into its sample). Returns samples per name.
 */
async function interleave(contenders, { rounds, warmup = 1, before, after }) {
	const names = Object.keys(contenders);
	const samples = Object.fromEntries(names.map((n) => [n, []]));
	for (let r = -warmup; r < rounds; r++) {
		const order = names.map((_, i) => names[(i + Math.max(r, 0)) % names.length]);
		for (const name of order) {
			if (before) await before(name);
			await settle();
			const cpu0 = process.cpuUsage();
			const t0 = now();
			const extra = (await contenders[name]()) || {};
			const elapsed = now() - t0;
			const cpu = process.cpuUsage(cpu0);
			const more = after ? await after(name) : {};
			if (r >= 0)
				samples[name].push({
					ms: elapsed,
					cpuMs: (cpu.user + cpu.system) / 1000,
					userMs: cpu.user / 1000,
					systemMs: cpu.system / 1000,
					...extra,
					...more,
				});
		}
	}
	return samples;
}

module.exports = { median, now, settle, table, ms, ratio, interleave };
