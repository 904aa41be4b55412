'use strict';
// Where things are, which versions run, and n8n-nodes-base (not a project dependency): found or installed.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = path.join(ROOT, 'bench', '.cache');
const N8N_HOST_NODES_BASE = path.join(ROOT, '.n8n-host', 'n8n', 'node_modules', 'n8n-nodes-base');

/**
 * The package the bench loads: a private copy of package.json + dist/ made by snapshotPackage() (others may
 * rebuild or clean dist/ in the shared tree while the bench runs), or the working tree itself.
 */
const packageDir = () => process.env.BENCH_PACKAGE_DIR || ROOT;

/** Copies package.json and dist/ to bench/.cache/package-snapshot and makes it the package for this process and its children. */
function snapshotPackage() {
	const target = path.join(CACHE_DIR, 'package-snapshot');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	process.env.BENCH_PACKAGE_DIR = target;
	return target;
}

/** Newest file time under dist/nodes and dist/credentials (tsc leaves unchanged files alone). */
function distBuiltAt(dir = packageDir()) {
	let newest = 0;
	const walk = (d) => {
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else newest = Math.max(newest, fs.statSync(full).mtimeMs);
		}
	};
	try {
		walk(path.join(dir, 'dist', 'nodes'));
		walk(path.join(dir, 'dist', 'credentials'));
	} catch {
		return '?';
	}
	return new Date(newest).toISOString();
}

const versionOf = (pkgDir) => JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const projectModule = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));

/** n8n@2.41.1 ships n8n-core 2.41.1 with n8n-nodes-base 2.41.1: the same number as the project's n8n-core. */
const NODES_BASE_VERSION = process.env.BENCH_NODES_BASE_VERSION || versionOf(projectModule('n8n-core'));

let redirected = false;
/**
 * Every `require('n8n-workflow' | 'n8n-core')` resolves to the project's copy, as n8n does for the packages it
 * loads: one n8n-workflow in the process, so NodeApiError & co. are the same classes everywhere.
 */
function redirectN8nModules() {
	if (redirected) return;
	redirected = true;
	const original = Module._resolveFilename;
	const rootParent = { id: ROOT, filename: path.join(ROOT, 'index.js'), paths: Module._nodeModulePaths(ROOT) };
	Module._resolveFilename = function (request, parent, ...rest) {
		if (/^n8n-(workflow|core)(\/|$)/.test(request)) return original.call(this, request, rootParent, ...rest);
		return original.call(this, request, parent, ...rest);
	};
}

function usable(dir) {
	try {
		return (
			fs.existsSync(path.join(dir, 'dist', 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js')) &&
			versionOf(dir) === NODES_BASE_VERSION
		);
	} catch {
		return false;
	}
}

/**
 * n8n-nodes-base, in this order: $N8N_NODES_BASE_DIR; bench/.cache (installed there when missing: ours, pinned,
 * git-ignored); and only if that install fails, the real n8n's copy under .n8n-host/ (another tool owns it and
 * may reinstall it at any time, so it is not the first choice).
 */
function nodesBaseDir() {
	const cached = path.join(CACHE_DIR, 'node_modules', 'n8n-nodes-base');
	for (const dir of [process.env.N8N_NODES_BASE_DIR, cached]) if (dir && usable(dir)) return dir;
	try {
		fs.mkdirSync(CACHE_DIR, { recursive: true });
		fs.writeFileSync(
			path.join(CACHE_DIR, 'package.json'),
			`${JSON.stringify({ name: 'bench-cache', private: true, dependencies: { 'n8n-nodes-base': NODES_BASE_VERSION } }, null, 2)}\n`,
		);
		console.log(
			`[setup] installing n8n-nodes-base@${NODES_BASE_VERSION} into bench/.cache (git-ignored; about 1.5 min and 0.8 GB the first time)...`,
		);
		const started = Date.now();
		// --ignore-scripts: isolated-vm's install script needs Node >= 24; nothing the bench loads needs a build.
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: CACHE_DIR,
			stdio: 'inherit',
		});
		console.log(`[setup] n8n-nodes-base installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
		if (usable(cached)) return cached;
		throw new Error('the install did not produce a usable n8n-nodes-base');
	} catch (error) {
		if (usable(N8N_HOST_NODES_BASE)) {
			console.log(`[setup] ${error.message}; using ${path.relative(ROOT, N8N_HOST_NODES_BASE)} instead`);
			return N8N_HOST_NODES_BASE;
		}
		throw error;
	}
}

function git(args) {
	try {
		return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return '?';
	}
}

function machineInfo(nodesBase) {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model ?? '?',
		cores: cpus.length,
		memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		n8nCore: versionOf(projectModule('n8n-core')),
		n8nWorkflow: versionOf(projectModule('n8n-workflow')),
		n8nNodesBase: nodesBase ? `${versionOf(nodesBase)} (${path.relative(ROOT, nodesBase)})` : '-',
		undici: versionOf(projectModule('undici')),
		package: `${versionOf(ROOT)} @ ${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'nodes', 'credentials']) ? ' (+ uncommitted node changes)' : ''}`,
		loadAverage: os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' '),
		distBuilt: distBuiltAt(),
	};
}

module.exports = {
	packageDir,
	snapshotPackage,
	distBuiltAt,
	ROOT,
	CACHE_DIR,
	NODES_BASE_VERSION,
	redirectN8nModules,
	nodesBaseDir,
	machineInfo,
	versionOf,
};
