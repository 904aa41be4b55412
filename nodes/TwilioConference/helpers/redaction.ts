/**
 * Keeping the credential's secrets out of everything the node hands back. Two means, for two kinds of content:
 * - Errors lose what n8n never shows but an HTTP client keeps: the request configuration, headers, sockets and
 *   the client's own error (its `config` holds the password, its `request` the Authorization header). What is
 *   left is text and plain data: Twilio's code, message and more_info, the HTTP status, the error's context.
 * - Text that Twilio or a proxy sends back may echo the request: every form a secret can take there is replaced.
 */

const REDACTED = '[redacted]';

/**
 * A secret this long is looked for on its own wherever text comes back. A shorter one would also match ordinary
 * text (a 1-character secret would blank that character everywhere, SIDs and phone numbers included), so it
 * is looked for only where it sits beside its user name: in the Basic header, as `user:secret`.
 */
export const MIN_STANDALONE_SECRET = 6;

const unpadded = (text: string) => text.replace(/=+$/, '');

function standaloneForms(secret: string): string[] {
	const percent = encodeURIComponent(secret);
	return [
		secret,
		percent,
		percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ s: secret }).toString().slice(2),
		JSON.stringify(secret).slice(1, -1),
		unpadded(Buffer.from(secret).toString('base64')),
	];
}

/**
 * The forms in which a secret can come back from Twilio or a proxy echoing the request: inside the Basic
 * authorization header (base64 and base64url, with or without padding) and, long enough, as is, percent- and
 * form-encoded, JSON-escaped and in base64. Values with stray spaces are covered as typed and as trimmed.
 */
export function secretForms(user: string, secret: string): string[] {
	const forms = new Set<string>();
	for (const name of new Set([user, user.trim()])) {
		for (const value of new Set([secret, secret.trim()])) {
			if (!value || (!name && value.length < MIN_STANDALONE_SECRET)) continue;
			const pair = Buffer.from(`${name}:${value}`);
			// Padded first (longer forms are replaced first), so no stray "==" is left behind.
			forms
				.add(pair.toString('base64'))
				.add(unpadded(pair.toString('base64')))
				.add(pair.toString('base64url'));
			if (value.length >= MIN_STANDALONE_SECRET) for (const form of standaloneForms(value)) forms.add(form);
			else forms.add(`${name}:${value}`).add(`${name}:${encodeURIComponent(value)}`);
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The secret forms of a Twilio Conference credential: the Auth Token's and the API Key Secret's. */
export function credentialSecrets(credentials: Record<string, unknown>): string[] {
	const text = (key: string) =>
		typeof credentials[key] === 'string' ? (credentials[key] as string) : String(credentials[key] ?? '');
	const forms = new Set([
		...secretForms(text('accountSid'), text('authToken')),
		...secretForms(text('apiKeySid'), text('apiKeySecret')),
		// Webhook signing secrets are never sent anywhere, but an echo of the credential must not show them either.
		...secretForms(text('accountSid'), text('webhookAuthToken')),
		...secretForms(text('accountSid'), text('webhookSharedKeySecret')),
	]);
	return [...forms].sort((a, b) => b.length - a.length);
}

export function scrub(text: string, secrets: string[]): string {
	return secrets.reduce(
		(result, secret) => (result.includes(secret) ? result.split(secret).join(REDACTED) : result),
		text,
	);
}

/** Replaces every secret in a JSON value (an output item, an echoed body), in place where it is an object. */
export function redact<T>(value: T, secrets: string[], seen = new WeakSet<object>()): T {
	if (typeof value === 'string') return scrub(value, secrets) as T;
	if (typeof value !== 'object' || value === null || seen.has(value) || !secrets.length) return value;
	seen.add(value);
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		try {
			record[key] = redact(record[key], secrets, seen);
		} catch {
			// A read-only property: leave it.
		}
	}
	return value;
}

/** Where HTTP clients keep the request they sent (configuration, headers, auth, sockets): never needed in an error. */
const REQUEST_INTERNALS = new Set([
	'config',
	'request',
	'response',
	'req',
	'res',
	'socket',
	'connection',
	'agent',
	'headers',
	'auth',
	'options',
	'_options',
	'_header',
	'_currentUrl',
	'responseUrl',
]);
const MAX_DEPTH = 20;

function isPlain(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null || Array.isArray(value);
}

/** A plain, secret-free copy of a value inside an error; undefined where the value is to go. */
function cleanValue(value: unknown, secrets: string[], seen: WeakSet<object>, depth: number): unknown {
	if (typeof value === 'string') return scrub(value, secrets);
	if (typeof value === 'function' || typeof value === 'symbol') return undefined;
	if (typeof value !== 'object' || value === null) return value;
	if (value instanceof Date) return value;
	if (seen.has(value) || depth > MAX_DEPTH) return undefined;
	if (value instanceof Error) return summary(value, secrets, seen, depth + 1);
	if (!isPlain(value)) return undefined;
	seen.add(value);
	if (Array.isArray(value)) return value.map((entry) => cleanValue(entry, secrets, seen, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		if (REQUEST_INTERNALS.has(key) && typeof entry === 'object' && entry !== null) continue;
		const cleaned = cleanValue(entry, secrets, seen, depth + 1);
		if (cleaned !== undefined) copy[key] = cleaned;
	}
	return copy;
}

/** What is worth keeping of an error the node did not make (an HTTP client's): its name, message and code. */
function summary(error: Error, secrets: string[], seen: WeakSet<object>, depth: number): Error {
	if (seen.has(error)) return new Error(scrub(error.message, secrets));
	seen.add(error);
	const { code } = error as { code?: unknown };
	const kept = new Error(scrub(String(error.message), secrets));
	kept.name = String(error.name);
	kept.stack = `${kept.name}: ${kept.message}`;
	if (typeof code === 'string' || typeof code === 'number')
		Object.assign(kept, { code: typeof code === 'string' ? scrub(code, secrets) : code });
	if (error.cause !== undefined && depth < MAX_DEPTH) setCause(kept, cleanCause(error.cause, secrets, seen, depth + 1));
	return kept;
}

function cleanCause(cause: unknown, secrets: string[], seen: WeakSet<object>, depth: number): unknown {
	return cause instanceof Error ? summary(cause, secrets, seen, depth) : cleanValue(cause, secrets, seen, depth);
}

function setCause(error: object, cause: unknown): void {
	if (cause === undefined) delete (error as { cause?: unknown }).cause;
	// Where the language puts it: an own property that JSON and loops over keys do not show.
	else Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
}

/** n8n's own error classes carry the node and its parameters, which are the workflow's and hold no secret. */
const LEFT_AS_IS = new Set(['retryHint', 'node']);

/**
 * Makes an error safe to hand to n8n, in place: every own property (enumerable or not) is replaced by a plain,
 * secret-free copy, objects from HTTP clients are dropped, a `cause` is cut down to name, message and code.
 * Runs whether or not there are secrets to look for: the objects it drops carry the credentials themselves.
 */
export function redactError(error: unknown, secrets: string[]): unknown {
	if (typeof error === 'string') return scrub(error, secrets);
	if (typeof error !== 'object' || error === null) return error;
	const seen = new WeakSet<object>([error]);
	const target = error as Record<PropertyKey, unknown>;
	for (const key of Reflect.ownKeys(target)) {
		if (typeof key === 'symbol') {
			delete target[key];
			continue;
		}
		if (LEFT_AS_IS.has(key)) continue;
		const descriptor = Object.getOwnPropertyDescriptor(target, key);
		if (!descriptor?.configurable && !descriptor?.writable) continue;
		if (key === 'cause') {
			setCause(target, cleanCause(target.cause, secrets, seen, 1));
			continue;
		}
		const value = descriptor && 'value' in descriptor ? descriptor.value : readSafely(target, key);
		const cleaned =
			REQUEST_INTERNALS.has(key) && typeof value === 'object' && value !== null
				? undefined
				: cleanValue(value, secrets, seen, 1);
		if (cleaned === undefined && value !== undefined) delete target[key];
		else
			Object.defineProperty(target, key, {
				value: cleaned,
				writable: true,
				configurable: true,
				enumerable: descriptor?.enumerable ?? true,
			});
	}
	return error;
}

function readSafely(target: Record<string, unknown>, key: string): unknown {
	try {
		return target[key];
	} catch {
		return undefined;
	}
}
