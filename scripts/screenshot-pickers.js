#!/usr/bin/env node
'use strict';
/*
 * docs/pickers.png for the README: the Conference and Participant pickers (From List) of the Update
 * operation, in the real n8n editor (headless Chromium), against the simulator holding a few live
 * conferences. Uses the same stack and browser steps as the e2e tests.
 *
 *   node scripts/screenshot-pickers.js                # build, pack, install, start, shoot, stop
 *   node scripts/screenshot-pickers.js --skip-build   # use the existing dist/
 *   node scripts/screenshot-pickers.js --out FILE     # another destination
 *
 * N8N_HOST_DIR: where n8n is installed (default <repo>/.n8n-host). CHROMIUM_PATH (default /usr/bin/chromium).
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const host = require('./n8n-host');
const { OWNER, prepareStack, startServer, freshCanvas, seedPickerData } = require('./stack');
const { runEditorCheck } = require('./stack/editor');

const USAGE = 'usage: node scripts/screenshot-pickers.js [--skip-build] [--out FILE]';
let args;
try {
	({ values: args } = parseArgs({
		options: {
			'skip-build': { type: 'boolean', default: false },
			out: { type: 'string', default: path.join(host.REPO_ROOT, 'docs', 'pickers.png') },
		},
		strict: true,
	}));
} catch (e) {
	console.error(`${e.message}\n${USAGE}`);
	process.exit(1);
}
const OUT = path.resolve(args.out);
const USER_FOLDER = path.join(host.HOST_DIR, 'screenshot-user');
const MAX_BYTES = 300 * 1024;

async function main() {
	host.killChildrenOnSignals();
	const started = [];
	try {
		const { sim } = await prepareStack({
			userFolder: USER_FOLDER,
			skipBuild: args['skip-build'],
			workflows: [],
			started,
		});
		seedPickerData(sim);
		const { server, client } = await startServer({
			userFolder: USER_FOLDER,
			logFile: path.join(USER_FOLDER, 'n8n.log'),
			started,
		});
		const wf = await freshCanvas(client, 'Pickers screenshot');
		fs.mkdirSync(path.dirname(OUT), { recursive: true });
		const result = await host.stage('editor: node settings and pickers', () =>
			runEditorCheck({
				baseUrl: server.url,
				owner: OWNER,
				workflowId: wf.id,
				artifactsDir: path.join(host.REPO_ROOT, 'artifacts', 'pickers'),
				pickConference: 'Support queue',
				pickersFile: OUT,
				deviceScaleFactor: 2,
			}),
		);
		if (result.skipped) throw new Error(result.skipped);
		const bytes = fs.statSync(OUT).size;
		host.log(`conferences: ${result.conferences.join(', ')}`);
		host.log(`participants of ${result.chosenConference}: ${result.participants.join(', ')}`);
		host.log(`wrote ${path.relative(host.REPO_ROOT, OUT)} (${Math.round(bytes / 1024)} KB)`);
		if (!result.conferences.length || !result.participants.length) throw new Error('a picker list was empty');
		if (bytes > MAX_BYTES) throw new Error(`${OUT} is ${bytes} bytes, more than ${MAX_BYTES}`);
	} finally {
		for (const h of started.reverse()) await h.stop();
	}
}

main().catch((e) => {
	console.error(e && e.stack ? e.stack : e);
	process.exit(1);
});
