/**
 * The fixtures stand in for Twilio's full OpenAPI description and the parameter facts; these tests keep them
 * whole: nothing referenced is missing, and the OpenAPI subset is exactly what its script makes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createReference, updateReference } from './helpers/reference';

const { subset, refsIn, pointer, KEEP } = require('../scripts/make-openapi-subset.js') as {
	subset: (doc: object) => object;
	refsIn: (value: unknown) => Set<string>;
	pointer: (doc: object, ref: string) => unknown;
	KEEP: Record<string, string[]>;
};

const FIXTURES = path.join(__dirname, 'fixtures');
const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'twilio_api_v2010.subset.json'), 'utf8')) as {
	paths: Record<string, Record<string, unknown>>;
};

describe('the OpenAPI subset', () => {
	test('holds every operation the script keeps, and only those', () => {
		const operations = Object.entries(spec.paths).flatMap(([template, item]) =>
			Object.keys(item)
				.filter((key) => ['get', 'post', 'delete', 'put', 'patch'].includes(key))
				.map((method) => `${method} ${template}`),
		);
		const kept = Object.entries(KEEP).flatMap(([template, methods]) =>
			methods.map((method) => `${method} ${template}`),
		);
		expect(operations.sort()).toEqual(kept.sort());
	});

	test('every $ref in it resolves inside it', () => {
		const refs = [...refsIn(spec)];
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) expect(() => pointer(spec, ref)).not.toThrow();
	});

	test('is what the script makes: cutting it again changes nothing', () => {
		expect(subset(spec)).toEqual(spec);
	});

	test('the script refuses a description that lacks a kept operation', () => {
		const paths = { ...spec.paths };
		delete paths[Object.keys(KEEP)[0]];
		expect(() => subset({ ...spec, paths })).toThrow(/is not in the description/);
	});
});

describe('the parameter facts', () => {
	test('both tables read, with the rows the tests rely on', () => {
		const create = createReference();
		const update = updateReference();
		expect(create.map((row) => row.name)).toEqual(
			expect.arrayContaining(['From', 'To', 'Label', 'TimeLimit', 'WaitUrl']),
		);
		expect(create.find((row) => row.name === 'TimeLimit')).toMatchObject({ type: 'integer', range: '1..86400' });
		expect(update.map((row) => row.name)).toEqual(
			expect.arrayContaining(['Muted', 'Hold', 'WaitUrl', 'CallSidToCoach']),
		);
		expect(create.filter((row) => row.required).map((row) => row.name)).toEqual(['From', 'To']);
	});
});
