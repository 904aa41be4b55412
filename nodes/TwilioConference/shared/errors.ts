import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** What the request loop needs to know about a failure: whether a retry is safe and how long to wait. */
export interface RetryHint {
	status?: number;
	/** Twilio certainly did not act on the request (429, 503, connection refused). */
	notActedOn: boolean;
	/** A transient fault worth retrying where repeating the request is harmless. */
	transient: boolean;
	waitMs?: number;
}

const hints = new WeakMap<object, RetryHint>();

/**
 * What preparing a request (preSend) leaves for the request loop, keyed by the request options object:
 * - failure: held back, because n8n's routing would output a preSend failure without pairedItem; the loop
 *   outputs it paired with its input instead.
 * - secrets: the credential's secrets, so the loop need not read the credential again to redact outputs.
 */
export interface RequestNotes {
	failure?: unknown;
	secrets?: string[];
}

const requestNotes = new WeakMap<object, RequestNotes>();

export function noteOn(requestOptions: object, notes: RequestNotes): void {
	requestNotes.set(requestOptions, { ...requestNotes.get(requestOptions), ...notes });
}

export function notesOf(requestOptions: object): RequestNotes {
	return requestNotes.get(requestOptions) ?? {};
}

export function retryHintOf(error: unknown): RetryHint | undefined {
	return typeof error === 'object' && error !== null ? hints.get(error) : undefined;
}

function withHint<T extends object>(error: T, hint: RetryHint): T {
	hints.set(error, hint);
	return error;
}

const HEADLINES: Record<number, string> = {
	400: 'Twilio rejected the request',
	401: 'Twilio did not accept the credentials (401 Unauthorized)',
	403: 'Twilio refused access (403 Forbidden)',
	405: 'Twilio does not allow this method here (405)',
	429: 'Twilio refused the request: too many requests are open for this account (429 Too Many Requests)',
};

const ADVICE: Record<number, string> = {
	401: 'Check the Account SID and Auth Token (or API Key) in the Twilio Conference credential.',
	429: "Twilio did not act on it. Twilio limits how many requests an account may have open at once (commonly about 100), counting everything that uses the account: lower Max Requests In Flight in the node's options, or make room elsewhere.",
};

/** What a 404 means, by the node's resource: what Twilio could not find, and what to check. */
const NOT_FOUND: Record<string, [subject: string, advice: string]> = {
	participant: ['conference or participant', 'Participants can only be reached while their call is live and the conference is in progress.'],
	conference: ['conference', 'Check the conference SID: it must be a conference of the account in the credential.'],
	conferenceRecording: [
		'conference or recording',
		'Check both SIDs: the recording must belong to this conference. A deleted recording is gone for good.',
	],
};
const NOT_FOUND_ELSE: [string, string] = ['requested resource', 'Check the SIDs and the Account SID in the credential.'];

export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function readTwilioBody(body: unknown): { code?: number; message?: string; moreInfo?: string } {
	if (typeof body !== 'object' || body === null) return {};
	const { code, message, more_info: moreInfo } = body as Record<string, unknown>;
	return {
		code: typeof code === 'number' ? code : undefined,
		message: typeof message === 'string' ? message : undefined,
		moreInfo: typeof moreInfo === 'string' ? moreInfo : undefined,
	};
}

/** Twilio's error JSON (code, message, more_info) as an n8n API error with a plain-words headline. */
export function twilioHttpError(
	node: INode,
	status: number,
	body: unknown,
	headers: Record<string, unknown> | undefined,
	itemIndex: number,
	/** The node's resource (participant, conference, conferenceRecording): it says what a 404 could not find. */
	resource?: string,
): NodeApiError {
	const twilio = readTwilioBody(body);
	const [missing, notFoundAdvice] = NOT_FOUND[resource ?? ''] ?? NOT_FOUND_ELSE;
	const headline =
		status === 404
			? `Twilio could not find the ${missing} (404 Not Found)`
			: (HEADLINES[status] ?? (status >= 500 ? `Twilio had a problem on its side (${status})` : `Twilio answered with status ${status}`));
	const message = status === 400 && twilio.message ? `${headline}: ${twilio.message}` : headline;
	const details = [
		twilio.message ? `Twilio says: ${twilio.message}` : undefined,
		twilio.code !== undefined ? `Error code ${twilio.code}.` : undefined,
		twilio.moreInfo ? `More: ${twilio.moreInfo}` : undefined,
		status === 404 ? notFoundAdvice : ADVICE[status],
		status >= 500 && twilio.message === undefined && twilio.code === undefined
			? 'The answer was not Twilio\'s error JSON (an HTML page or an empty body): a proxy or gateway between n8n and Twilio may have answered.'
			: undefined,
		// Only a 503 says Twilio did not act; after any other 5xx a change may have been made.
		status >= 500 && status !== 503
			? 'Twilio may have carried out the request before failing: for a Create, Update or Delete, check before running it again.'
			: undefined,
	].filter(Boolean);
	const waitMs = retryAfterMs(headers);
	const response: JsonObject =
		typeof body === 'object' && body !== null ? (body as JsonObject) : { status, body: String(body ?? '').slice(0, 500) };
	const error = new NodeApiError(node, response, {
		message,
		description: details.join(' ') || undefined,
		httpCode: String(status),
		itemIndex,
	});
	return withHint(error, {
		status,
		notActedOn: status === 429 || status === 503,
		transient: status === 429 || status >= 500,
		waitMs,
	});
}

/** A 2xx answer whose body is not the JSON Twilio sends (an HTML page from a proxy, a cut-off body). */
export function unreadableAnswerError(node: INode, status: number, body: unknown, itemIndex: number): NodeApiError {
	const kind = body === undefined || body === null || body === '' ? 'an empty body' : 'a body that is not JSON';
	const error = new NodeApiError(node, { status, body: String(body ?? '').slice(0, 200) }, {
		message: `Twilio answered with ${kind} (status ${status})`,
		description:
			'A proxy or gateway between n8n and Twilio may have answered instead of Twilio. For Create and Update the change may still have been made: check before running again.',
		httpCode: String(status),
		itemIndex,
	});
	return withHint(error, { status, notActedOn: false, transient: true });
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset before an answer came',
	ETIMEDOUT: 'no answer came within the timeout',
	ECONNABORTED: 'no answer came within the timeout',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed while sending',
};

/** The network error code (ECONNRESET, ...) somewhere in an error's cause chain, if any. */
export function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		if (typeof message === 'string' && /timeout of \d+ms exceeded|socket hang up/i.test(message)) {
			return /timeout/i.test(message) ? 'ETIMEDOUT' : 'ECONNRESET';
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * A fresh error for a failure below HTTP. The original is dropped on purpose: its request configuration
 * carries the Authorization header.
 */
export function networkError(node: INode, code: string, itemIndex: number): NodeApiError {
	const notActedOn = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const message = `Could not reach Twilio: ${NETWORK_MESSAGES[code] ?? 'the request failed'} (${code})`;
	const error = new NodeApiError(node, { code }, {
		message,
		description: notActedOn
			? 'Check the API Base URL in the credential and the network between n8n and Twilio.'
			: 'Check the API Base URL in the credential and the network between n8n and Twilio. The request may have reached Twilio: a Create, Update or Delete may have been carried out, so check before running it again.',
		httpCode: code,
		itemIndex,
	});
	// NodeApiError swaps a message that names a network code (ECONNRESET, ...) for n8n's generic text, which
	// calls a timeout "aborted, perhaps the server is offline"; keep the message that says what happened.
	error.message = message;
	return withHint(error, { notActedOn, transient: true });
}

const REDACTED = '[redacted]';

/**
 * The forms in which a secret can come back from Twilio or a proxy echoing the request: as is, percent-encoded,
 * and inside the Basic authorization header. Secrets too short to be told apart from ordinary text are left out.
 */
export function secretForms(user: string, secret: string): string[] {
	if (secret.length < 6) return [];
	const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(`${user}:${secret}`).toString('base64')]);
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The secret forms of a Twilio Conference credential: the Auth Token's and the API Key Secret's. */
export function credentialSecrets(credentials: Record<string, unknown>): string[] {
	const text = (key: string) => String(credentials[key] ?? '');
	return [
		...secretForms(text('accountSid'), text('authToken')),
		...secretForms(text('apiKeySid'), text('apiKeySecret')),
		// Webhook signing secrets are never sent anywhere, but an echo of the credential must not show them either.
		...secretForms(text('accountSid'), text('webhookAuthToken')),
		...secretForms(text('accountSid'), text('webhookSharedKeySecret')),
	].sort(
		(a, b) => b.length - a.length,
	);
}

function scrub(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => (result.includes(secret) ? result.split(secret).join(REDACTED) : result), text);
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

/** Removes secrets from everything an error shows or logs: message, description, echoed body, stack, cause. */
export function redactError(error: unknown, secrets: string[]): unknown {
	if (!secrets.length || typeof error !== 'object' || error === null) return error;
	const target = error as Error & { description?: unknown; messages?: unknown; errorResponse?: unknown; context?: unknown };
	if (typeof target.message === 'string') target.message = scrub(target.message, secrets);
	if (typeof target.stack === 'string') target.stack = scrub(target.stack, secrets);
	if (typeof target.description === 'string') target.description = scrub(target.description, secrets);
	if (Array.isArray(target.messages)) target.messages = redact(target.messages, secrets);
	if (target.errorResponse !== undefined) target.errorResponse = redact(target.errorResponse, secrets);
	if (target.context !== undefined) target.context = redact(target.context, secrets);
	const { cause } = target;
	if (cause instanceof Error) {
		cause.message = scrub(cause.message, secrets);
		if (typeof cause.stack === 'string') cause.stack = scrub(cause.stack, secrets);
	}
	return error;
}
