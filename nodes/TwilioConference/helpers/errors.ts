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

/**
 * Errors made here carry their retry hint as a property of their own, not enumerable, so that it stays out of
 * n8n's error output but travels with the error to the request loop (transport/send.ts), which reads it.
 */
const RETRY_HINT = 'retryHint';

export function retryHintOf(error: unknown): RetryHint | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	return (error as { [RETRY_HINT]?: RetryHint })[RETRY_HINT];
}

function withHint<T extends object>(error: T, hint: RetryHint): T {
	Object.defineProperty(error, RETRY_HINT, { value: hint, enumerable: false, configurable: true, writable: true });
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
	participant: [
		'conference or participant',
		'Participants can only be reached while their call is live and the conference is in progress.',
	],
	conference: ['conference', 'Check the conference SID: it must be a conference of the account in the credential.'],
	conferenceRecording: [
		'conference or recording',
		'Check both SIDs: the recording must belong to this conference. A deleted recording is gone for good.',
	],
};
const NOT_FOUND_ELSE: [string, string] = [
	'requested resource',
	'Check the SIDs and the Account SID in the credential.',
];

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
			: (HEADLINES[status] ??
				(status >= 500 ? `Twilio had a problem on its side (${status})` : `Twilio answered with status ${status}`));
	const message = status === 400 && twilio.message ? `${headline}: ${twilio.message}` : headline;
	const details = [
		twilio.message ? `Twilio says: ${twilio.message}` : undefined,
		twilio.code !== undefined ? `Error code ${twilio.code}.` : undefined,
		twilio.moreInfo ? `More: ${twilio.moreInfo}` : undefined,
		status === 404 ? notFoundAdvice : ADVICE[status],
		status >= 500 && twilio.message === undefined && twilio.code === undefined
			? "The answer was not Twilio's error JSON (an HTML page or an empty body): a proxy or gateway between n8n and Twilio may have answered."
			: undefined,
		// Only a 503 says Twilio did not act; after any other 5xx a change may have been made.
		status >= 500 && status !== 503
			? 'Twilio may have carried out the request before failing: for a Create, Update or Delete, check before running it again.'
			: undefined,
	].filter(Boolean);
	const waitMs = retryAfterMs(headers);
	const response: JsonObject =
		typeof body === 'object' && body !== null
			? (body as JsonObject)
			: { status, body: String(body ?? '').slice(0, 500) };
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
	const error = new NodeApiError(
		node,
		{ status, body: String(body ?? '').slice(0, 200) },
		{
			message: `Twilio answered with ${kind} (status ${status})`,
			description:
				'A proxy or gateway between n8n and Twilio may have answered instead of Twilio. For Create and Update the change may still have been made: check before running again.',
			httpCode: String(status),
			itemIndex,
		},
	);
	return withHint(error, { status, notActedOn: false, transient: true });
}

/** Below HTTP: what happened, whether Twilio certainly did not act (nothing reached it), whether to try again. */
interface NetworkFailure {
	message: string;
	notActedOn: boolean;
	transient: boolean;
}

const REACH = 'Could not reach Twilio: ';
const NETWORK_FAILURES: Record<string, NetworkFailure> = {
	ECONNREFUSED: { message: `${REACH}the connection was refused`, notActedOn: true, transient: true },
	ECONNRESET: { message: `${REACH}the connection was reset before an answer came`, notActedOn: false, transient: true },
	ETIMEDOUT: { message: `${REACH}no answer came within the timeout`, notActedOn: false, transient: true },
	ECONNABORTED: { message: `${REACH}no answer came within the timeout`, notActedOn: false, transient: true },
	ENOTFOUND: { message: `${REACH}the host name could not be resolved`, notActedOn: true, transient: true },
	EAI_AGAIN: { message: `${REACH}the host name could not be resolved`, notActedOn: true, transient: true },
	EPIPE: { message: `${REACH}the connection was closed while sending`, notActedOn: false, transient: true },
	ERR_BAD_RESPONSE: {
		message: "Twilio's answer was cut off before it was complete",
		notActedOn: false,
		transient: true,
	},
	ERR_CANCELED: { message: 'The request was stopped with the execution', notActedOn: false, transient: false },
};
// The handshake failed, so no request was sent; trying again meets the same certificate.
const TLS_FAILURE: NetworkFailure = {
	message: `${REACH}the server's TLS certificate was not accepted`,
	notActedOn: true,
	transient: false,
};
const TLS_PROTOCOL_FAILURE: NetworkFailure = {
	message: `${REACH}the TLS connection could not be set up`,
	notActedOn: true,
	transient: false,
};

/** OpenSSL's names for a certificate it refuses (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ...) and Node's. */
const CERTIFICATE_CODE =
	/^(?:[A-Z0-9]+_)*(?:CERT|CERTS|SIGNATURE|ISSUER|CA|HOSTNAME_MISMATCH)(?:_[A-Z0-9]+)*$|^UNABLE_TO_[A-Z_]+$|^ERR_TLS_CERT_[A-Z_]+$/;

function failureOf(code: string): NetworkFailure {
	if (CERTIFICATE_CODE.test(code)) return TLS_FAILURE;
	if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return TLS_PROTOCOL_FAILURE;
	return NETWORK_FAILURES[code] ?? { message: `${REACH}the request failed`, notActedOn: false, transient: true };
}

/** The network or TLS error code (ECONNRESET, DEPTH_ZERO_SELF_SIGNED_CERT, ...) in an error's cause chain, if any. */
export function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && (/^E[A-Z_]+$/.test(code) || CERTIFICATE_CODE.test(code))) return code;
		if (typeof message === 'string' && /timeout of \d+ms exceeded|socket hang up/i.test(message)) {
			return /timeout/i.test(message) ? 'ETIMEDOUT' : 'ECONNRESET';
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function networkDescription(code: string, failure: NetworkFailure): string {
	if (failure === TLS_FAILURE) {
		return 'Nothing was sent: the server at the API Base URL showed a certificate that n8n does not trust (self-signed, expired, or made out to another name). Check the API Base URL in the credential; a proxy with its own certificate authority needs that authority trusted by n8n.';
	}
	if (failure === TLS_PROTOCOL_FAILURE) {
		return 'Nothing was sent. Check the API Base URL in the credential: an https:// address whose server does not speak TLS (or only http://) fails this way.';
	}
	if (code === 'ERR_CANCELED')
		return 'The execution was stopped while the request was on its way. For a Create, Update or Delete, check whether it was carried out.';
	return failure.notActedOn
		? 'Check the API Base URL in the credential and the network between n8n and Twilio.'
		: 'Check the API Base URL in the credential and the network between n8n and Twilio. The request may have reached Twilio: a Create, Update or Delete may have been carried out, so check before running it again.';
}

/**
 * A fresh error for a failure below HTTP. The original is dropped on purpose: its request configuration
 * carries the Authorization header.
 */
export function networkError(node: INode, code: string, itemIndex: number): NodeApiError {
	const failure = failureOf(code);
	const message = `${failure.message} (${code})`;
	const error = new NodeApiError(
		node,
		{ code },
		{ message, description: networkDescription(code, failure), httpCode: code, itemIndex },
	);
	// NodeApiError swaps a message that names a network code (ECONNRESET, ...) for n8n's generic text, which
	// calls a timeout "aborted, perhaps the server is offline"; keep the message that says what happened.
	error.message = message;
	return withHint(error, { notActedOn: failure.notActedOn, transient: failure.transient });
}

/** A failed request as the node reports it: below HTTP as a fresh network error, anything else as it came. */
export function requestFailure(node: INode, error: unknown, itemIndex: number): unknown {
	if (retryHintOf(error)) return error;
	const code = networkCodeOf(error);
	return code ? networkError(node, code, itemIndex) : error;
}

/** Where a redirect pointed, without the query or user name that may carry a token. */
function redirectTarget(location: unknown): string | undefined {
	if (typeof location !== 'string' || location === '') return undefined;
	try {
		const url = new URL(location, 'http://relative.invalid');
		return url.origin === 'http://relative.invalid' ? url.pathname : `${url.origin}${url.pathname}`;
	} catch {
		return undefined;
	}
}

/**
 * A 3xx answer. The node never follows one: a redirect may point anywhere, and following it would send the
 * credentials there.
 */
export function redirectError(
	node: INode,
	status: number,
	headers: Record<string, unknown> | undefined,
	itemIndex: number,
): NodeApiError {
	const target = redirectTarget(headers?.location ?? headers?.Location);
	const error = new NodeApiError(
		node,
		{ status },
		{
			message: target
				? `Twilio answered with a redirect (${status}) to ${target}, which the node does not follow`
				: `Twilio answered with a redirect (${status}), which the node does not follow`,
			description:
				"Following it would send the credentials to another address, so nothing more was sent. Check the API Base URL in the credential: it should be Twilio's API host, or a proxy that forwards requests instead of redirecting them.",
			httpCode: String(status),
			itemIndex,
		},
	);
	return withHint(error, { status, notActedOn: false, transient: false });
}

export { credentialSecrets, redact, redactError, secretForms } from './redaction';
