/** The parameter tables of test/fixtures/participant-parameters.md, read independently of the node's own table. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ReferenceParameter {
	name: string;
	type: string;
	required: boolean;
	allowed: string[];
	range: string;
	/** Twilio's default as the reference gives it, e.g. "60", "start end", "14400 (Twilio docs)"; empty when none. */
	default: string;
	pattern: string;
}

const REFERENCE = path.resolve(__dirname, '..', 'fixtures', 'participant-parameters.md');

function table(heading: string): ReferenceParameter[] {
	const text = readFileSync(REFERENCE, 'utf8');
	const start = text.indexOf(heading);
	if (start < 0) throw new Error(`no section ${heading}`);
	const lines = text.slice(start).split('\n').slice(1);
	const rows: ReferenceParameter[] = [];
	for (const line of lines.slice(lines.findIndex((l) => l.startsWith('|---')) + 1)) {
		if (!line.startsWith('|')) break;
		const [name, type, required, allowed, range, defaultValue, pattern] = line
			.split('|')
			.slice(1)
			.map((cell) => cell.trim());
		rows.push({
			name,
			type,
			required: required === 'yes',
			allowed: allowed ? allowed.split(/\s+/) : [],
			range,
			default: defaultValue,
			pattern,
		});
	}
	return rows;
}

export const createReference = () => table('## Create:');
export const updateReference = () => table('## Update:');

/** The field name in workflow JSON: Twilio's name with a lower-case first letter. */
export const fieldName = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** A valid value for a reference row, and how it must look on the wire. */
export function sampleFor(row: ReferenceParameter): { value: unknown; wire: string | string[] } {
	const range = /^(\d+)\.\.(\d+)$/.exec(row.range);
	if (row.type.startsWith('array')) return { value: row.allowed, wire: row.allowed };
	if (row.type === 'boolean') return { value: true, wire: 'true' };
	if (row.type === 'integer') {
		const n = range ? Number(range[2]) : 42;
		return { value: n, wire: String(n) };
	}
	if (row.type.includes('http-method')) return { value: 'GET', wire: 'GET' };
	if (row.type.includes('uri'))
		return { value: `https://example.com/${row.name}?a=1&b=two`, wire: `https://example.com/${row.name}?a=1&b=two` };
	if (row.pattern) {
		const sid = `${row.pattern.slice(1, 3)}0123456789abcdef0123456789abcdef`;
		return { value: sid, wire: sid };
	}
	if (row.allowed.length) {
		const last = row.allowed[row.allowed.length - 1];
		return { value: last, wire: last };
	}
	if (/US or CA/.test(row.range)) return { value: 'CA', wire: 'CA' };
	if (/base64/.test(row.range)) return { value: 'cGFzc3BvcnQ=,c2Vjb25k', wire: 'cGFzc3BvcnQ=,c2Vjb25k' };
	const text = `${row.name} value & more + 50% #1`;
	return { value: text, wire: text };
}
