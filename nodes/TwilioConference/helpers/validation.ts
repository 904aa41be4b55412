import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';

import type { ApiParameter } from './apiParameters';
import { displayNameOf } from './fields';

export type FormValue = string | string[];

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
// Labels and friendly names travel in the URL path; control characters there are never what the user meant.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const sidPatterns = new Map<string, RegExp>();

export function sidPattern(prefix: string): RegExp {
	let pattern = sidPatterns.get(prefix);
	if (!pattern) sidPatterns.set(prefix, (pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`)));
	return pattern;
}

export class InvalidValue extends Error {}

const MAX_LABEL_LENGTH = 128;

/** Twilio's rules for a participant label, which also travels as a path segment: see checkLabel. */
function labelProblem(label: string): string | undefined {
	if (label.length > MAX_LABEL_LENGTH) return `a label has at most ${MAX_LABEL_LENGTH} characters, got ${label.length}`;
	if (label.includes('/') || /%2f/i.test(label)) return 'a label may not contain "/"';
	if (/^CA[0-9a-fA-F]{32}$/.test(label))
		return 'a label may not look like a Call SID ("CA" and 32 hexadecimal characters)';
	if (CONTROL_CHARACTERS.test(label)) return 'control characters (such as line breaks) are not allowed';
	return undefined;
}

/** A label as Twilio accepts it: at most 128 characters, no "/" (not even as %2F), not shaped like a Call SID. */
export function checkLabel(node: INode, field: string, itemIndex: number, label: string): string {
	const problem = labelProblem(label);
	if (problem) throw invalidInput(node, field, itemIndex, problem);
	return label;
}

export function invalidInput(node: INode, field: string, itemIndex: number, problem: string): NodeOperationError {
	return new NodeOperationError(node, `Invalid value for "${field}" in item ${itemIndex}: ${problem}`, {
		itemIndex,
		description: 'Nothing was sent to Twilio for this item.',
	});
}

export function shown(value: unknown): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (typeof value !== 'object' || value === null) text = String(value);
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = Object.prototype.toString.call(value);
		}
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function toBoolean(value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InvalidValue(`expected true or false, got ${shown(value)}`);
}

function toInteger(parameter: ApiParameter, value: unknown): string {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const { min, max } = parameter;
	const range =
		min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : '';
	if (
		typeof number !== 'number' ||
		!Number.isSafeInteger(number) ||
		(min !== undefined && number < min) ||
		(max !== undefined && number > max)
	) {
		throw new InvalidValue(`expected a whole number${range}, got ${shown(value)}`);
	}
	return String(number);
}

function toText(value: unknown): string {
	if (typeof value === 'string') return value;
	// NaN and Infinity come from arithmetic that went wrong, never from a value meant to be sent.
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
	throw new InvalidValue(`expected text, got ${shown(value)}`);
}

/**
 * From and To are addresses (+15558675310, client:alice, sip:…) and must come as text: a number has lost the
 * leading + (and any leading zero) already, and true or NaN is no address at all.
 */
function toAddress(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') {
		throw new InvalidValue(
			Number.isFinite(value)
				? `expected text such as "+15558675310", got the number ${value}: a phone number given as a number has lost its leading +, so put it in quotes or use String()`
				: `expected text such as "+15558675310", got ${value}`,
		);
	}
	throw new InvalidValue(`expected text such as "+15558675310", got ${shown(value)}`);
}

function oneOf(value: string, allowed: string[]): string {
	if (!allowed.includes(value)) {
		throw new InvalidValue(`expected one of ${allowed.join(', ')}, got ${shown(value)}`);
	}
	return value;
}

/** Lists may come from an expression as an array or as text separated by commas or spaces. */
function toList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(toText);
	return toText(value)
		.split(/[\s,]+/)
		.filter((entry) => entry !== '');
}

/**
 * Checks one value against its row and returns it as Twilio reads it, or undefined when the field is empty
 * and so should not be sent at all.
 */
export function normalizeValue(parameter: ApiParameter, value: unknown): FormValue | undefined {
	if (value === '' && parameter.allowEmpty) return '';
	if (value === undefined || value === null || value === '') return undefined;
	switch (parameter.kind) {
		case 'label': {
			const label = toText(value);
			const problem = labelProblem(label);
			if (problem) throw new InvalidValue(problem);
			return label;
		}
		case 'boolean':
			return String(toBoolean(value));
		case 'integer':
			return toInteger(parameter, value);
		case 'method':
			return oneOf(toText(value).toUpperCase(), ['GET', 'POST']);
		case 'options':
			return oneOf(
				toText(value),
				(parameter.values ?? []).map(([, v]) => v),
			);
		case 'multiOptions': {
			const allowed = (parameter.values ?? []).map(([, v]) => v);
			const list = toList(value).map((entry) => oneOf(entry, allowed));
			return list.length ? list : undefined;
		}
		case 'url': {
			const url = toText(value).trim();
			if (!HTTP_URL.test(url)) throw new InvalidValue(`expected an http:// or https:// URL, got ${shown(value)}`);
			return url;
		}
		case 'sid': {
			const sid = toText(value).trim();
			if (!sidPattern(parameter.sidPrefix ?? '').test(sid)) {
				throw new InvalidValue(
					`expected a SID of "${parameter.sidPrefix}" and 32 hexadecimal characters, got ${shown(value)}`,
				);
			}
			return sid;
		}
		default: {
			const text = toText(value);
			if (CONTROL_CHARACTERS.test(text))
				throw new InvalidValue('control characters (such as line breaks) are not allowed');
			if (parameter.minLength !== undefined && text.length < parameter.minLength) {
				throw new InvalidValue(`expected at least ${parameter.minLength} characters, got ${text.length}`);
			}
			if (parameter.maxLength !== undefined && text.length > parameter.maxLength) {
				throw new InvalidValue(`expected at most ${parameter.maxLength} characters, got ${text.length}`);
			}
			const entries = text.split(',').map((entry) => entry.trim());
			if (parameter.maxEntries !== undefined && entries.length > parameter.maxEntries) {
				throw new InvalidValue(`expected at most ${parameter.maxEntries} comma-separated entries`);
			}
			if (parameter.base64 && !entries.every((entry) => BASE64.test(entry))) {
				throw new InvalidValue('expected base64 text (A-Z, a-z, 0-9, +, / and = padding) in every entry');
			}
			return text;
		}
	}
}

// An operation's rows are fixed: index them once, not once per item.
const indexes = new WeakMap<ApiParameter[], Map<string, ApiParameter>>();

function rowsByName(parameters: ApiParameter[]): Map<string, ApiParameter> {
	let byName = indexes.get(parameters);
	if (!byName) indexes.set(parameters, (byName = new Map(parameters.map((parameter) => [parameter.api, parameter]))));
	return byName;
}

/**
 * Turns the body that routing collected (keyed by Twilio's names) into checked form values. Keys without a
 * row (From, To) are checked by the caller.
 */
export function normalizeBody(
	this: IExecuteSingleFunctions,
	body: Record<string, unknown>,
	parameters: ApiParameter[],
): Record<string, FormValue> {
	const byName = rowsByName(parameters);
	const form: Record<string, FormValue> = {};
	for (const [key, raw] of Object.entries(body)) {
		const parameter = byName.get(key) ?? { api: key, kind: 'string', description: '' };
		try {
			const value = normalizeValue(parameter, raw);
			if (value !== undefined) form[key] = value;
		} catch (error) {
			const label =
				'displayName' in parameter && typeof parameter.displayName === 'string'
					? parameter.displayName
					: displayNameOf(key);
			throw invalidInput(this.getNode(), label, this.getItemIndex(), (error as Error).message);
		}
	}
	if (form.Coaching === 'true' && form.CallSidToCoach === undefined) {
		throw invalidInput(this.getNode(), 'Call SID To Coach', this.getItemIndex(), 'it is required when Coaching is on');
	}
	return form;
}

/** A check's result, or the problem it found, for callers that name the field themselves. */
export function checked<T>(check: () => T): T | InvalidValue {
	try {
		return check();
	} catch (error) {
		return error instanceof InvalidValue ? error : new InvalidValue(String((error as Error)?.message ?? error));
	}
}

/** Text that travels as is (a name, a label, a filter): no control characters. */
export function plainText(value: unknown): string {
	const text = toText(value);
	if (CONTROL_CHARACTERS.test(text)) throw new InvalidValue('control characters (such as line breaks) are not allowed');
	return text;
}

/**
 * A required piece of text: a conference or participant identifier, a Custom Parameter's name, or (`address`)
 * From and To, which take text only.
 */
export function requiredText(
	this: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	kind: 'text' | 'address' = 'text',
): string {
	const itemIndex = this.getItemIndex();
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw invalidInput(this.getNode(), field, itemIndex, 'it is required and was empty');
	}
	try {
		const text = kind === 'address' ? toAddress(value) : toText(value);
		if (CONTROL_CHARACTERS.test(text))
			throw new InvalidValue('control characters (such as line breaks) are not allowed');
		return text;
	} catch (error) {
		throw invalidInput(this.getNode(), field, itemIndex, (error as Error).message);
	}
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * A date as Twilio's list filters take it: YYYY-MM-DD. The calendar date is taken as written (the editor's date
 * picker gives `2026-11-01T00:00:00`, an expression may give any ISO date or a Luxon DateTime); a JavaScript Date,
 * which has no zone of its own, gives its UTC day. Twilio compares it with UTC days.
 */
export function twilioDay(value: unknown): string {
	let text: string | undefined;
	if (value instanceof Date) text = Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	else if (typeof value === 'string') text = value.trim();
	else if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	}
	const match = text === undefined ? null : DAY.exec(text);
	const day = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
	const ms = Date.UTC(Number(match?.[1]), Number(match?.[2]) - 1, Number(match?.[3]));
	if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
		throw new InvalidValue(`expected a date such as 2026-11-01, got ${shown(value)}`);
	}
	return day;
}
