'use strict';
/** Reads a .cpuprofile written by bench/profile.js: self time by package, inclusive time of the functions that matter. */
const fs = require('node:fs');
const path = require('node:path');

const env = require('./env');

function packageOf(url) {
	if (!url) return '(native/V8)';
	if (url.startsWith('node:')) return 'node internals';
	if (url.includes('/package-snapshot/dist/') || url.includes(`${env.ROOT}/dist/`)) return 'this package (dist)';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
		url.split('node_modules/').length > 2 ? url.slice(url.lastIndexOf('node_modules/')) : url,
	);
	return m ? m[1] : url.includes('/bench/') || url.includes('/test/helpers/') ? 'bench harness' : url;
}

/** Self and inclusive times (ms) per function and per package from a .cpuprofile. */
function summarize(file, top = 25) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
	const key = (n) => {
		const { functionName, url, lineNumber } = n.callFrame;
		return `${functionName || '(anonymous)'} ${url ? `${url.replace(/^file:\/\//, '').replace(`${env.ROOT}/`, '')}:${lineNumber + 1}` : ''}`.trim();
	};
	const self = new Map();
	const inclusive = new Map();
	const packages = new Map();
	let total = 0;
	profile.samples.forEach((id, i) => {
		const dt = (profile.timeDeltas[i] || 0) / 1000;
		total += dt;
		const node = byId.get(id);
		const k = key(node);
		self.set(k, (self.get(k) || 0) + dt);
		const pkg = ['(idle)', '(garbage collector)', '(program)'].includes(node.callFrame.functionName)
			? node.callFrame.functionName
			: packageOf(node.callFrame.url);
		packages.set(pkg, (packages.get(pkg) || 0) + dt);
		const seen = new Set();
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
			const ck = key(byId.get(cur));
			if (seen.has(ck)) continue;
			seen.add(ck);
			inclusive.set(ck, (inclusive.get(ck) || 0) + dt);
		}
	});
	const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
	const out = [`profile ${path.relative(env.ROOT, file)}: ${total.toFixed(0)} ms sampled`, '', 'self time by package:'];
	for (const [k, v] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 14))
		out.push(`  ${pct(v)} ${v.toFixed(0).padStart(6)} ms  ${k}`);
	out.push('', 'inclusive time of selected functions:');
	const interesting =
		/RoutingNode\.|routing-node|getRequestOptionsFromParameters|resolveBaseUrl|runNode|makeRequest|prepareRequest|runRequest|sendWithRetries|participantsUrl|accountSid|normalizeBody|getCredentials|getParameterValue|getNodeParameter|displayParameter|httpRequestWithAuthentication|requestWithAuthentication|authenticate|invokeAxios|proxyRequestToAxios|execute |getAllowedDomains|getCredentialAllowedDomains|checkTwilioResponse|ExecuteSingleContext|cleanupParameterData|validateValueAgainstSchema/;
	for (const [k, v] of [...inclusive]
		.filter(([k]) => interesting.test(k))
		.sort((a, b) => b[1] - a[1])
		.slice(0, 30))
		out.push(`  ${pct(v)} ${v.toFixed(0).padStart(6)} ms  ${k}`);
	out.push('', `top ${top} functions by self time:`);
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
		out.push(`  ${pct(v)} ${v.toFixed(0).padStart(6)} ms  ${k}`);
	return out.join('\n');
}

module.exports = { summarize };
