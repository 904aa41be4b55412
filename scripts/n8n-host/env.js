'use strict';
/* The environment of an n8n process, and its user folder. */
const fs = require('node:fs');
const path = require('node:path');

const { ENCRYPTION_KEY, LINE } = require('./config');
const { pathWithNode24 } = require('./runtime');

/**
 * Environment for an n8n process: isolated user folder, loopback only, nothing outbound, plus what the
 * host's line needs (lines.js).
 * userFolder: N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
 * port: N8N_PORT; brokerPort: the task-runner broker port (must differ between concurrent n8n processes)
 */
function n8nEnv({ userFolder, port = 5678, brokerPort, extra = {} } = {}) {
	if (!userFolder) throw new Error('n8nEnv: userFolder is required');
	const env = { ...process.env };
	// Nothing from the caller's proxy or npm settings should leak into n8n.
	for (const k of Object.keys(env)) {
		if (/^(npm_|N8N_|DB_|QUEUE_|EXECUTIONS_|NODE_OPTIONS$)/i.test(k)) delete env[k];
		if (/^(https?_proxy|all_proxy)$/i.test(k)) delete env[k];
	}
	Object.assign(env, {
		PATH: pathWithNode24(),
		NODE_ENV: 'production',
		NO_PROXY: '127.0.0.1,localhost',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort || Number(port) + 1000),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_AI_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		...LINE.env,
	});
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined || v === null) delete env[k];
		else env[k] = String(v);
	}
	return env;
}

/** Fresh user folder (deleted first when reset). */
function makeUserFolder(dir, { reset = true } = {}) {
	if (reset) fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, '.n8n'), { recursive: true });
	return dir;
}

module.exports = { n8nEnv, makeUserFolder };
