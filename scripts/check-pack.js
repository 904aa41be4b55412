#!/usr/bin/env node
'use strict';
/**
 * Packs the package as `npm pack` (and so `npm publish`) would from a fresh clone and checks the tarball's files:
 *
 * - every node and credential that package.json's "n8n" section names is in it, with every icon it refers to
 *   (`file:…` in the built code);
 * - package.json, README.md and LICENSE are in it;
 * - nothing else outside dist/, and nothing in dist/ but build output (no TypeScript sources, no tests).
 *
 * dist/ is removed first, so the tarball only holds code if the pack itself built it (prepack).
 *
 *   node scripts/check-pack.js
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const TOP_LEVEL = ['package.json', 'README.md', 'LICENSE'];
const BUILD_OUTPUT = /\.(js|js\.map|d\.ts|json|svg|png)$/;

/** File paths in a .tgz, without npm's leading `package/`. */
function tarballFiles(tgz) {
	const tar = zlib.gunzipSync(fs.readFileSync(tgz));
	const files = new Map();
	let longName;
	for (let at = 0; at + 512 <= tar.length; ) {
		const header = tar.subarray(at, at + 512);
		if (header.every((byte) => byte === 0)) break;
		const text = (from, length) => header.toString('utf8', from, from + length).replace(/\0.*$/s, '');
		const size = parseInt(text(124, 12).trim() || '0', 8);
		const type = text(156, 1) || '0';
		const body = tar.subarray(at + 512, at + 512 + size);
		const prefix = text(345, 155);
		const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
		longName = undefined;
		if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
		else if (type === '0') files.set(name.replace(/^package\//, ''), body);
		at += 512 + Math.ceil(size / 512) * 512;
	}
	return files;
}

function pack() {
	fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'check-pack-'));
	const run = spawnSync('npm', ['pack', '--pack-destination', destination, '--loglevel=warn'], {
		cwd: ROOT,
		encoding: 'utf8',
		shell: process.platform === 'win32',
	});
	const tgz = fs.readdirSync(destination).find((name) => name.endsWith('.tgz'));
	if (run.status !== 0 || !tgz) {
		process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
		throw new Error(`npm pack failed (exit ${run.status})`);
	}
	return { tgz: path.join(destination, tgz), cleanup: () => fs.rmSync(destination, { recursive: true, force: true }) };
}

function problemsWith(files, manifest) {
	const problems = [];
	const entries = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (!manifest.n8n?.nodes?.length) problems.push('package.json names no node in n8n.nodes');
	for (const entry of entries) {
		const file = path.posix.normalize(entry);
		const code = files.get(file);
		if (!code) {
			problems.push(`missing ${file} (named in package.json's n8n section)`);
			continue;
		}
		const icons = [...code.toString('utf8').matchAll(/['"`]file:([^'"`]+)['"`]/g)].map((m) =>
			path.posix.join(path.posix.dirname(file), m[1]),
		);
		if (!icons.length && manifest.n8n.nodes.includes(entry)) problems.push(`${file} refers to no icon file`);
		for (const icon of icons) if (!files.has(icon)) problems.push(`missing ${icon} (the icon ${file} refers to)`);
	}
	for (const name of TOP_LEVEL) if (!files.has(name)) problems.push(`missing ${name}`);
	for (const name of files.keys()) {
		if (TOP_LEVEL.includes(name)) continue;
		if (!name.startsWith('dist/'))
			problems.push(`unexpected ${name}: only dist/ and ${TOP_LEVEL.join(', ')} belong in the package`);
		else if (!BUILD_OUTPUT.test(name) || /\/(test|tests|__tests__)\//.test(name) || /\.test\./.test(name)) {
			problems.push(`unexpected ${name}: not build output`);
		}
	}
	return problems;
}

function main() {
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const { tgz, cleanup } = pack();
	try {
		const files = tarballFiles(tgz);
		const names = [...files.keys()].sort();
		console.log(`[check-pack] ${path.basename(tgz)}: ${names.length} files`);
		for (const name of names) console.log(`  ${name}`);
		const problems = problemsWith(files, manifest);
		if (problems.length) {
			for (const problem of problems) console.error(`[check-pack] ${problem}`);
			process.exitCode = 1;
		} else console.log('[check-pack] ok: the built nodes, credentials and icons are packed, nothing else');
	} finally {
		cleanup();
	}
}

if (require.main === module) main();

module.exports = { tarballFiles, problemsWith };
