'use strict';
/* What every e2e file does around its stack: its own n8n user folder per run, and stopping what it started. */
const fs = require('node:fs');
const path = require('node:path');

const { host, stopStarted } = require('./lib');
const { pidAlive } = require('../scripts/n8n-host/process');

/**
 * <N8N_HOST_DIR>/<kind>/<pid>: one user folder per run, so that runs in parallel (two checkouts sharing
 * N8N_HOST_DIR) do not collide; folders of earlier runs whose process is gone are removed, so the last run's
 * logs stay until the next one.
 */
function runFolder(kind) {
	const dir = path.join(host.HOST_DIR, kind);
	if (fs.existsSync(dir)) {
		for (const name of fs.readdirSync(dir))
			if (!pidAlive(Number(name))) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
	}
	return path.join(dir, String(process.pid));
}

/** Stops handles with stop(), last started first; a failure is logged and the others still stop. */
const stopAll = stopStarted;

module.exports = { runFolder, stopAll };
