import { NodeOperationError, sleep } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { networkCodeOf, networkError, retryHintOf } from '../helpers/errors';
import type { InFlightLimiter } from './limiter';
import { mayRetry, retryDelayMs } from './retry';

/** How one request is sent: through the account's limiter, retried only where that is safe. */
export interface SendPolicy {
	node: INode;
	itemIndex: number;
	limiter: InFlightLimiter;
	/** Repeating the request changes nothing at Twilio (Get, Get Many, look-ups). */
	readOnly: boolean;
	maxRetries: number;
	/** Fires when the execution is stopped. */
	signal?: AbortSignal;
	/** An error when the run has stopped for another reason and this request must not leave. */
	stopped?: () => Error | undefined;
	/** Called once the first attempt has its place in the limiter's queue. */
	queued?: () => void;
	/**
	 * Called with a failure that will not be retried, before the request's place in the limiter is given back:
	 * the next request in the queue then already knows of it.
	 */
	failed?: (error: Error) => void;
}

export function stoppedByUser(node: INode, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `The execution was stopped before item ${itemIndex}'s request was sent`, {
		itemIndex,
		description: 'Nothing was sent to Twilio for this item.',
	});
}

/** A wait that ends early, with `whenAborted()`, if the execution is stopped meanwhile. */
export async function pause(ms: number, signal: AbortSignal | undefined, whenAborted: () => Error): Promise<void> {
	if (signal?.aborted) throw whenAborted();
	if (!signal) return await sleep(ms);
	let onAbort!: () => void;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(whenAborted());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

export async function sendWithRetries<T>(policy: SendPolicy, send: () => Promise<T>): Promise<T> {
	const { node, itemIndex, limiter, signal } = policy;
	const aborted = () => stoppedByUser(node, itemIndex);
	for (let attempt = 0; ; attempt++) {
		const turn = limiter.acquire(signal, aborted);
		if (attempt === 0) policy.queued?.();
		const release = await turn;
		const stop = policy.stopped?.();
		if (stop) {
			release();
			throw stop;
		}
		let failure: unknown;
		try {
			const result = await send();
			release();
			limiter.speedUp();
			return result;
		} catch (error) {
			failure = error;
		}
		const code = retryHintOf(failure) ? undefined : networkCodeOf(failure);
		if (code) failure = networkError(node, code, itemIndex);
		const hint = retryHintOf(failure);
		const final = !hint || !mayRetry(hint, policy.readOnly) || !!signal?.aborted || attempt >= policy.maxRetries;
		if (final) {
			if (hint?.status === 429 && attempt > 0) (failure as Error).message += ` after ${attempt + 1} attempts`;
			policy.failed?.(failure as Error);
		}
		release();
		if (hint?.status === 429) limiter.slowDown();
		else limiter.speedUp();
		if (final) throw failure;
		await pause(retryDelayMs(hint, attempt), signal, aborted);
	}
}
