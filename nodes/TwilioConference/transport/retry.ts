/**
 * When a failed request may be sent again, and after how long.
 *
 * - A 429 (too many requests in flight) and a 503 mean Twilio did not process the request: any operation may
 *   be retried, Create included.
 * - A refused connection or an unresolvable host name means nothing reached Twilio: likewise.
 * - Other server errors, timeouts and dropped connections may come after Twilio acted: only reads (Get, Get Many,
 *   look-ups) are retried then, so a participant is never dialled, changed or removed twice.
 */
import type { RetryHint } from '../helpers/errors';

export type { RetryHint };

export const DEFAULT_MAX_RETRIES = 3;
/** No single wait is longer than this, whatever Retry-After says: a run should not sit silent for minutes. */
export const LONGEST_WAIT_MS = 60_000;

export function mayRetry(hint: RetryHint | undefined, readOnly: boolean): boolean {
	return !!hint && hint.transient && (hint.notActedOn || readOnly);
}

/**
 * The wait before attempt `attempt + 1`. Retry-After is a floor, never shortened; on top of it, and in place of
 * it when Twilio gave none, a random share of an exponential backoff, so that the many items refused by one
 * burst do not all come back in the same instant and get refused again.
 */
export function retryDelayMs(hint: RetryHint, attempt: number, random: () => number = Math.random): number {
	const backoff = Math.min(500 * 2 ** attempt, 8_000);
	const floor = hint.waitMs ?? 0;
	const jitter = Math.floor(random() * (hint.waitMs === undefined ? backoff : Math.max(backoff, floor)));
	return Math.min(floor + (hint.waitMs === undefined ? backoff / 2 : 0) + jitter, LONGEST_WAIT_MS);
}
