'use strict';
// Small helpers shared by the simulator: form parsing, Twilio-style errors,
// SIDs and RFC 2822 dates.

const crypto = require('crypto');

/** Decode one percent-encoded component; on malformed input return null. */
function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/**
 * Parse an application/x-www-form-urlencoded string the way Twilio reads it:
 * `+` means space, each key and value is percent-decoded once, a key given
 * once maps to a string and a key given several times maps to an array of
 * strings (in the order received). Keys are kept verbatim, so a bracketed key
 * such as `StatusCallbackEvent[]` stays distinct from `StatusCallbackEvent`.
 */
function parseTwilioForm(text) {
	const out = Object.create(null);
	if (typeof text !== 'string' || text === '') return out;
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const rawKey = eq === -1 ? pair : pair.slice(0, eq);
		const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
		const key = decodeFormPart(rawKey);
		const value = decodeFormPart(rawValue);
		if (key in out) {
			const prev = out[key];
			out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
		} else {
			out[key] = value;
		}
	}
	// Hand back a plain object so callers can use it freely (JSON, jest matchers).
	return { ...out };
}

function decodeFormPart(part) {
	const spaced = part.replace(/\+/g, ' ');
	const decoded = safeDecode(spaced);
	return decoded === null ? spaced : decoded;
}

const ERROR_INFO = 'https://www.twilio.com/docs/errors/';

/**
 * Build a Twilio error body. Call as twilioError(status, code, message) or
 * twilioError({ status, code, message }).
 */
function twilioError(status, code, message) {
	if (status && typeof status === 'object') ({ status, code, message } = status);
	const c = code ?? defaultCodeFor(status);
	return {
		code: c,
		message: message ?? defaultMessageFor(status),
		more_info: ERROR_INFO + c,
		status,
	};
}

function defaultCodeFor(status) {
	const known = { 400: 20001, 401: 20003, 403: 20403, 404: 20404, 405: 20004, 429: 20429, 503: 20503 };
	if (known[status]) return known[status];
	if (status >= 500) return 20500;
	return 20001;
}

function defaultMessageFor(status) {
	const messages = {
		400: 'Bad request',
		401: 'Authenticate',
		403: 'Forbidden',
		404: 'The requested resource was not found',
		405: 'Method not allowed',
		429: 'Too Many Requests',
		500: 'Internal Server Error',
		502: 'Bad Gateway',
		503: 'Service Unavailable',
		504: 'Gateway Timeout',
	};
	return messages[status] || 'Error';
}

/** A Twilio SID: two-letter prefix followed by 32 lowercase hex digits. */
function makeSid(prefix) {
	return prefix + crypto.randomBytes(16).toString('hex');
}

/** RFC 2822 date as Twilio prints it, e.g. "Sat, 21 Nov 2026 21:10:46 +0000". */
function rfc2822(ms) {
	return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/** Build a query string in the given key order, skipping undefined values. */
function buildQuery(pairs) {
	const parts = [];
	for (const [key, value] of pairs) {
		if (value === undefined || value === null) continue;
		parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value)));
	}
	return parts.length ? '?' + parts.join('&') : '';
}

/** A form value as a list: repeated keys are one already, a single value becomes one, nothing gives `fallback`. */
const asList = (value, fallback) => (Array.isArray(value) && value.length ? value : value ? [value] : fallback);

module.exports = { parseTwilioForm, twilioError, makeSid, rfc2822, safeDecode, buildQuery, asList };
