/**
 * Checks logged requests against Twilio's published OpenAPI description (the part in test/fixtures; see the README
 * there): the operation exists, every path, query and body parameter is declared, and values keep to the declared
 * types, enums and patterns.
 * Twilio reads a repeated form key as a list, so repetition is allowed exactly where the schema says array.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { LoggedRequest } from './twilio';

type Schema = {
	type?: string;
	format?: string;
	enum?: string[];
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	items?: Schema;
	$ref?: string;
	properties?: Record<string, Schema>;
	required?: string[];
};
type Parameter = { name: string; in: 'path' | 'query'; schema: Schema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const SPEC_PATH = path.resolve(__dirname, '..', 'fixtures', 'twilio_api_v2010.subset.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Schema> };
};

/** Create parameters that Twilio's newest helper library sends but this OpenAPI snapshot does not list yet. */
export const NEWER_CREATE_PARAMETERS = [
	'RecordingConfigurationId',
	'Passports',
	'EmergencyCallerPosition',
	'EmergencyCallerLocation',
	'EmergencyName',
	'EmergencyAddress',
	'EmergencyZipCode',
	'EmergencyCity',
	'EmergencyState',
	'EmergencyCountry',
];

function resolve(schema: Schema): Schema {
	if (!schema.$ref) return schema;
	return spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

function checkScalar(where: string, schema: Schema, value: string): string[] {
	const s = resolve(schema);
	const problems: string[] = [];
	if (s.type === 'integer') {
		if (!/^-?\d+$/.test(value)) problems.push(`${where}: "${value}" is not an integer`);
		else {
			const n = Number(value);
			if (s.minimum !== undefined && n < s.minimum) problems.push(`${where}: ${n} < minimum ${s.minimum}`);
			if (s.maximum !== undefined && n > s.maximum) problems.push(`${where}: ${n} > maximum ${s.maximum}`);
		}
	}
	if (s.type === 'boolean' && value !== 'true' && value !== 'false')
		problems.push(`${where}: "${value}" is not true/false`);
	if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
		problems.push(`${where}: "${value}" is not a date as YYYY-MM-DD`);
	// Twilio reads an empty URL as "none" (WaitUrl: play nothing).
	if (s.format === 'uri' && value !== '' && !/^https?:\/\/\S+$/.test(value))
		problems.push(`${where}: "${value}" is not a URL`);
	if (s.enum && !s.enum.includes(value)) problems.push(`${where}: "${value}" not in enum ${s.enum.join('|')}`);
	if (s.pattern && !new RegExp(s.pattern).test(value))
		problems.push(`${where}: "${value}" does not match ${s.pattern}`);
	if (s.minLength !== undefined && value.length < s.minLength) problems.push(`${where}: shorter than ${s.minLength}`);
	if (s.maxLength !== undefined && value.length > s.maxLength) problems.push(`${where}: longer than ${s.maxLength}`);
	return problems;
}

function checkValues(where: string, schema: Schema, raw: string | string[]): string[] {
	const values = Array.isArray(raw) ? raw : [raw];
	const s = resolve(schema);
	if (s.type !== 'array' && values.length > 1) return [`${where}: repeated, but the schema does not take a list`];
	const itemSchema = s.type === 'array' ? (s.items ?? {}) : s;
	return values.flatMap((value) => checkScalar(where, itemSchema, value));
}

function matchPath(rawPath: string): { template: string; params: Record<string, string> } | undefined {
	const segments = rawPath.split('/');
	for (const template of Object.keys(spec.paths)) {
		const parts = template.split('/');
		if (parts.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const ok = parts.every((part, i) => {
			const m = /^\{(\w+)\}(.*)$/.exec(part);
			if (!m) return part === segments[i];
			if (!segments[i].endsWith(m[2]) || segments[i].length === m[2].length) return false;
			params[m[1]] = decodeURIComponent(segments[i].slice(0, segments[i].length - m[2].length));
			return true;
		});
		if (ok) return { template, params };
	}
	return undefined;
}

export function contractViolations(
	request: Pick<LoggedRequest, 'method' | 'path' | 'query' | 'body' | 'contentType' | 'rawBody'>,
): string[] {
	const label = `${request.method} ${request.path}`;
	const match = matchPath(request.path);
	if (!match) return [`${label}: no such path in the OpenAPI description`];
	const operation = spec.paths[match.template][request.method.toLowerCase()];
	if (!operation) return [`${label}: ${request.method} is not an operation of ${match.template}`];
	const problems: string[] = [];
	const declared = operation.parameters ?? [];
	for (const [name, value] of Object.entries(match.params)) {
		const parameter = declared.find((p) => p.in === 'path' && p.name === name);
		if (!parameter) problems.push(`${label}: path parameter ${name} not declared`);
		else problems.push(...checkValues(`${label} path ${name}`, parameter.schema, value));
	}
	for (const [name, value] of Object.entries(request.query ?? {})) {
		const parameter = declared.find((p) => p.in === 'query' && p.name === name);
		if (!parameter) problems.push(`${label}: query parameter ${name} not declared`);
		else problems.push(...checkValues(`${label} query ${name}`, parameter.schema, value));
	}
	const bodyKeys = Object.keys(request.body ?? {});
	const form = operation.requestBody?.content['application/x-www-form-urlencoded']?.schema;
	if (!form) {
		if (bodyKeys.length || request.rawBody) problems.push(`${label}: sends a body the operation does not take`);
		return problems;
	}
	if (!String(request.contentType).startsWith('application/x-www-form-urlencoded')) {
		problems.push(`${label}: body is ${request.contentType}, not form-encoded`);
	}
	const newer = match.template.endsWith('/Participants.json') ? NEWER_CREATE_PARAMETERS : [];
	for (const name of bodyKeys) {
		const schema = form.properties?.[name] ?? (newer.includes(name) ? { type: 'string' } : undefined);
		if (!schema) problems.push(`${label}: body parameter ${name} not declared`);
		else problems.push(...checkValues(`${label} body ${name}`, schema, request.body[name]));
	}
	for (const name of form.required ?? []) {
		if (!bodyKeys.includes(name)) problems.push(`${label}: required body parameter ${name} missing`);
	}
	return problems;
}
