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
	404: 'Twilio could not find the conference or participant (404 Not Found)',
	405: 'Twilio does not allow this method here (405)',
	429: "Twilio's rate limit was reached (429 Too Many Requests)",
};

const ADVICE: Record<number, string> = {
	401: 'Check the Account SID and Auth Token (or API Key) in the Twilio Conference credential.',
	404: 'Participants can only be reached while their call is live and the conference is in progress.',
	429: "Lower Calls Per Second in the node's options, or ask Twilio to raise the account's limit (up to 30 calls per second).",
};

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
): NodeApiError {
	const twilio = readTwilioBody(body);
	const headline =
		HEADLINES[status] ?? (status >= 500 ? `Twilio had a problem on its side (${status})` : `Twilio answered with status ${status}`);
	const message = status === 400 && twilio.message ? `${headline}: ${twilio.message}` : headline;
	const details = [
		twilio.message ? `Twilio says: ${twilio.message}` : undefined,
		twilio.code !== undefined ? `Error code ${twilio.code}.` : undefined,
		twilio.moreInfo ? `More: ${twilio.moreInfo}` : undefined,
		ADVICE[status],
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
	const error = new NodeApiError(node, { code }, {
		message: `Could not reach Twilio: ${NETWORK_MESSAGES[code] ?? 'the request failed'} (${code})`,
		description: 'Check the API Base URL in the credential and the network between n8n and Twilio.',
		httpCode: code,
		itemIndex,
	});
	return withHint(error, {
		notActedOn: code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN',
		transient: true,
	});
}
