#!/usr/bin/env node
/**
 * Lints what the editor receives. Most of the node's fields are generated from tables, which n8n's lint rules
 * cannot see in the source; this writes the built node and credential descriptions out as literal source files and
 * lints them with the same rule sets as the source (eslint.rules.mjs). Run after `npm run build`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { n8nRuleSets } from '../eslint.rules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, '.tmp', 'lint-generated');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** A description as a literal: functions (routing hooks, authenticate) drop out, every string and option stays. */
const literal = (value) =>
	JSON.stringify(value, (_key, v) => (typeof v === 'function' ? undefined : v), '\t')
		// Keys as a person writes them (usableAsTool: true), which is the shape the rules look for.
		.replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, '$1$2:');

function loadClass(file) {
	const exported = require(path.join(root, file));
	const name = path.basename(file).split('.')[0];
	return new exported[name]();
}

rmSync(out, { recursive: true, force: true });
const files = [];
for (const file of pkg.n8n.nodes) {
	const node = loadClass(file);
	const className = path.basename(file).split('.')[0];
	const target = path.join(out, 'nodes', className, `${className}.node.ts`);
	mkdirSync(path.dirname(target), { recursive: true });
	writeFileSync(
		target,
		`import type { INodeType, INodeTypeDescription } from 'n8n-workflow';\n\nexport class ${className} implements INodeType {\n\tdescription: INodeTypeDescription = ${literal(node.description)};\n}\n`,
	);
	files.push(target);
}
for (const file of pkg.n8n.credentials) {
	const credential = loadClass(file);
	const className = path.basename(file).split('.')[0];
	const target = path.join(out, 'credentials', `${className}.credentials.ts`);
	mkdirSync(path.dirname(target), { recursive: true });
	const fields = ['name', 'displayName', 'documentationUrl', 'icon', 'properties', 'test']
		.filter((key) => credential[key] !== undefined)
		.map((key) => `\t${key} = ${literal(credential[key])};\n`)
		.join('\n');
	writeFileSync(
		target,
		`import type { ICredentialType } from 'n8n-workflow';\n\nexport class ${className} implements ICredentialType {\n${fields}}\n`,
	);
	files.push(target);
}

const eslint = new ESLint({ cwd: out, overrideConfigFile: true, overrideConfig: n8nRuleSets() });
const results = await eslint.lintFiles(files);
// Rules about how the source is written (its file name, its icon file beside it, NodeConnectionTypes rather than
// the string it stands for) do not apply to a written-out copy, where the constant is already its value.
const SOURCE_ONLY = new Set([
	'n8n-nodes-base/node-class-description-icon-not-svg',
	'@n8n/community-nodes/icon-validation',
	'n8n-nodes-base/node-filename-against-convention',
	'@n8n/community-nodes/node-connection-type-literal',
	// The copy holds the description only; the class's webhookMethods are linted in the source.
	'@n8n/community-nodes/webhook-lifecycle-complete',
]);
let problems = 0;
for (const result of results) {
	result.messages = result.messages.filter((m) => !SOURCE_ONLY.has(m.ruleId ?? ''));
	problems += result.messages.filter((m) => m.severity === 2).length;
	result.errorCount = result.messages.filter((m) => m.severity === 2).length;
	result.warningCount = result.messages.filter((m) => m.severity === 1).length;
}
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text.trim()) console.log(text);
console.log(`lint-generated: ${files.length} descriptions, ${problems} errors`);
process.exit(problems ? 1 : 0);
