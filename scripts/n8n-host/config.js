'use strict';
/* Where the host lives, which n8n line and Node it installs, and small file helpers. */
const fs = require('node:fs');
const path = require('node:path');

const { selectLine } = require('./lines');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/* N8N_HOST_VERSION picks the line (1 or 2, or an exact version); 2 when unset. See lines.js. */
const LINE = selectLine(process.env.N8N_HOST_VERSION);
const N8N_VERSION = LINE.version;
const HOST_DIR = process.env.N8N_HOST_DIR
	? path.resolve(process.env.N8N_HOST_DIR)
	: path.join(REPO_ROOT, LINE.defaultDir);
/* Node 24 from the npm registry (the binary ships inside the package), when the line needs a newer Node. */
const NODE24_RANGE = process.env.N8N_HOST_NODE_RANGE || '24';
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
	LINE,
	HOST_DIR,
	N8N_VERSION,
	NODE24_RANGE,
	ENCRYPTION_KEY,
	NODE24_DIR,
	N8N_DIR,
	MARKER,
	rel,
	readJson,
	writeJson,
};
