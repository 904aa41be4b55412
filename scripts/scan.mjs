#!/usr/bin/env node
/**
 * n8n's community package scanner (@n8n/scan-community-package), run offline: on the source as its provenance
 * check does, and on the files `npm pack` would publish, unpacked, as its tarball check does. Run after a build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'scan-'));
let failed = false;
try {
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	console.log(`scan source: ${source.passed ? 'passed' : `FAILED: ${source.message}`}`);
	if (!source.passed) console.log(source.details ?? source.error ?? '');
	// The tarball as npm would publish it (dist/ must already be built: prepack is skipped here).
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const unpacked = path.join(work, 'unpacked');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', unpacked]);
	const tarball = await analyzePackage(path.join(unpacked, 'package'), ['**/*.js', 'package.json']);
	console.log(
		`scan tarball (${packed.files.length} files): ${tarball.passed ? 'passed' : `FAILED: ${tarball.message}`}`,
	);
	if (!tarball.passed) console.log(tarball.details ?? tarball.error ?? '');
	failed = !source.passed || !tarball.passed;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
