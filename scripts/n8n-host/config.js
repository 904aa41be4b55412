'use strict';
/* Where the host lives, which n8n and Node it installs, and small file helpers. */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
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

module.exports = {
	REPO_ROOT,
	HOST_DIR,
	N8N_VERSION,
	N8N_PROBE_CANDIDATES,
	NODE24_RANGE,
	OVERRIDES,
	ENCRYPTION_KEY,
	NODE24_DIR,
	N8N_DIR,
	MARKER,
	rel,
	readJson,
	writeJson,
};
