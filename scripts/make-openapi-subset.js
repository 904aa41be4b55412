#!/usr/bin/env node
'use strict';
/**
 * Cuts test/fixtures/twilio_api_v2010.subset.json out of Twilio's OpenAPI description of the 2010-04-01 API
 * (spec/json/twilio_api_v2010.json in github.com/twilio/twilio-oai; see test/fixtures/README.md for the commit).
 *
 *   node scripts/make-openapi-subset.js <path to twilio_api_v2010.json>
 *
 * Keeps, for the operations in KEEP below: the operation objects unchanged, their path-level fields, every
 * component they reference (followed transitively, so nothing dangles), the tags they name, and the document's
 * openapi, info, servers and security. Everything else (about 110 other paths) is dropped. Fails if a
 * listed operation or a referenced component is missing, so a newer description cannot be cut short silently.
 */
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'twilio_api_v2010.subset.json');
const ACCOUNT = '/2010-04-01/Accounts/{AccountSid}';
const CONFERENCE = `${ACCOUNT}/Conferences/{ConferenceSid}`;

/** Path template → the HTTP methods kept. */
const KEEP = {
	'/2010-04-01/Accounts/{Sid}.json': ['get'], // fetch account (credential test)
	[`${ACCOUNT}/Calls/{Sid}.json`]: ['get'], // fetch call
	[`${ACCOUNT}/Conferences.json`]: ['get'], // list conferences
	[`${ACCOUNT}/Conferences/{Sid}.json`]: ['get', 'post'], // fetch, update conference
	[`${CONFERENCE}/Participants.json`]: ['get', 'post'], // list, create participants
	[`${CONFERENCE}/Participants/{CallSid}.json`]: ['get', 'post', 'delete'], // fetch, update, delete participant
	[`${CONFERENCE}/Recordings.json`]: ['get'], // list conference recordings
	[`${CONFERENCE}/Recordings/{Sid}.json`]: ['get', 'post', 'delete'], // fetch, update, delete recording
};
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The value a local JSON pointer ($ref "#/...") names; throws when it names nothing. */
function pointer(doc, ref) {
	if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
	const keys = ref
		.slice(2)
		.split('/')
		.map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
	let node = doc;
	for (const key of keys) {
		if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
			throw new Error(`$ref ${ref} does not resolve`);
		}
		node = node[key];
	}
	return node;
}

/** Every $ref string anywhere inside value. */
function refsIn(value, found = new Set()) {
	if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
	else if (value && typeof value === 'object') {
		for (const [key, v] of Object.entries(value)) {
			if (key === '$ref' && typeof v === 'string') found.add(v);
			else refsIn(v, found);
		}
	}
	return found;
}

function subset(doc) {
	for (const [template, methods] of Object.entries(KEEP)) {
		for (const method of methods)
			if (!doc.paths[template]?.[method]) throw new Error(`${method} ${template} is not in the description`);
	}
	// The description's own order is kept throughout, so the subset reads like the original with parts cut out.
	const paths = {};
	for (const [template, item] of Object.entries(doc.paths)) {
		const methods = KEEP[template];
		if (methods)
			paths[template] = Object.fromEntries(
				Object.entries(item).filter(([key]) => !METHODS.has(key) || methods.includes(key)),
			);
	}
	const needed = new Set();
	const queue = [...refsIn(paths)];
	while (queue.length) {
		const ref = queue.shift();
		if (needed.has(ref)) continue;
		needed.add(ref);
		queue.push(...refsIn(pointer(doc, ref)));
	}
	const schemes = new Set((doc.security ?? []).flatMap((s) => Object.keys(s)));
	for (const name of schemes) needed.add(`#/components/securitySchemes/${name}`);
	const components = {};
	for (const [group, entries] of Object.entries(doc.components ?? {})) {
		const kept = Object.entries(entries).filter(([name]) => needed.has(`#/components/${group}/${name}`));
		if (kept.length) components[group] = Object.fromEntries(kept);
	}
	for (const ref of needed)
		if (!/^#\/components\/[^/]+\/[^/]+$/.test(ref)) throw new Error(`$ref ${ref} is not a component`);

	const tagNames = new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op?.tags ?? [])));
	const out = {};
	for (const key of Object.keys(doc)) {
		if (key === 'paths') out.paths = paths;
		else if (key === 'components') out.components = components;
		else if (key === 'tags') out.tags = doc.tags.filter((tag) => tagNames.has(tag.name));
		else if (['openapi', 'info', 'servers', 'security'].includes(key)) out[key] = doc[key];
		else throw new Error(`top-level ${key} is not handled; decide whether the subset needs it`);
	}
	return out;
}

if (require.main === module) {
	const source = process.argv[2];
	if (!source) {
		console.error('usage: node scripts/make-openapi-subset.js <path to twilio_api_v2010.json>');
		process.exit(2);
	}
	const result = subset(JSON.parse(fs.readFileSync(source, 'utf8')));
	fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
	const count = (o) => Object.keys(o ?? {}).length;
	console.log(
		`${path.relative(process.cwd(), OUT)}: ${count(result.paths)} paths, ${count(result.components.schemas)} schemas`,
	);
}

module.exports = { subset, refsIn, pointer, KEEP };
