import { sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { networkCodeOf, networkError, retryHintOf, unreadableAnswerError } from './errors';
import type { RetryHint } from './errors';

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_CALLS_PER_SECOND = 1;
const MAX_PAGE_SIZE = 1000;
const LONGEST_WAIT_MS = 60_000;

/** Operations whose request can be repeated without changing anything at Twilio. */
const READ_ONLY = new Set(['get', 'getAll']);

/**
 * Next free start time for a Create, per account. Items run concurrently, so the slots are shared through
 * this map rather than kept per item.
 */
const nextCreateSlot = new Map<string, number>();

async function waitForCreateSlot(account: string, callsPerSecond: number): Promise<void> {
	// A little slack so that network jitter cannot squeeze two calls into one of Twilio's seconds.
	const spacing = (1000 / callsPerSecond) * 1.05;
	const now = Date.now();
	const slot = Math.max(now, nextCreateSlot.get(account) ?? 0);
	nextCreateSlot.set(account, slot + spacing);
	if (slot > now) await sleep(slot - now);
}

function holdCreates(account: string, waitMs: number): void {
	nextCreateSlot.set(account, Math.max(nextCreateSlot.get(account) ?? 0, Date.now() + waitMs));
}

function backoffMs(attempt: number): number {
	return Math.min(500 * 2 ** attempt, 8000) + Math.floor(Math.random() * 250);
}

export interface RequestSettings {
	maxRetries?: number;
	callsPerSecond?: number;
}

function isRetrySafe(hint: RetryHint, readOnly: boolean): boolean {
	return hint.notActedOn || (readOnly && hint.transient);
}

/** One request, retried while Twilio asks us to wait or a read-only request met a passing fault. */
async function sendWithRetries(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: RequestOptions,
	operation: string,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const maxRetries = settings.maxRetries ?? DEFAULT_MAX_RETRIES;
	const itemIndex = context.getItemIndex();
	const account = `${options.baseURL ?? ''}${String(options.url).split('/Conferences/')[0]}`;
	const signal = context.getExecutionCancelSignal?.();
	for (let attempt = 0; ; attempt++) {
		if (operation === 'create') await waitForCreateSlot(account, settings.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND);
		let failure: unknown;
		try {
			return await context.makeRoutingRequest({ ...requestData, options: { ...options } });
		} catch (error) {
			failure = error;
		}
		const code = retryHintOf(failure) ? undefined : networkCodeOf(failure);
		if (code) failure = networkError(context.getNode(), code, itemIndex);
		const hint = retryHintOf(failure);
		if (!hint || !isRetrySafe(hint, READ_ONLY.has(operation)) || signal?.aborted) throw failure;
		if (attempt >= maxRetries) {
			if (hint.status === 429) (failure as Error).message += ` after ${attempt + 1} attempts`;
			throw failure;
		}
		const waitMs = Math.min(hint.waitMs ?? backoffMs(attempt), LONGEST_WAIT_MS);
		if (operation === 'create' && hint.status === 429) holdCreates(account, waitMs);
		await sleep(waitMs);
	}
}

/** Get Many: follow next_page_uri until it is null or enough participants have come. */
async function allPages(
	context: IExecutePaginationFunctions,
	send: (options: RequestOptions) => Promise<INodeExecutionData[]>,
	first: RequestOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', 50) as number);
	const seen = new Set<string>();
	const participants: INodeExecutionData[] = [];
	// Twilio's largest page for Return All; for a limit, a page no larger than needed.
	let options: RequestOptions = { ...first, qs: { ...first.qs, PageSize: pageSizeFor(returnAll, limit) } };
	for (;;) {
		const [page] = await send(options);
		const body = page?.json as IDataObject | undefined;
		if (!body || !Array.isArray(body.participants)) {
			throw unreadableAnswerError(context.getNode(), 200, JSON.stringify(body ?? ''), context.getItemIndex());
		}
		for (const participant of body.participants as IDataObject[]) {
			const key = String(participant.call_sid ?? participants.length);
			if (seen.has(key)) continue;
			seen.add(key);
			participants.push({ json: participant });
			if (participants.length >= limit) return participants;
		}
		const next = body.next_page_uri;
		// Only a path on the same host: the credentials must never follow a link elsewhere.
		if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return participants;
		options = { ...options, url: next, qs: {} };
	}
}

function pageSizeFor(returnAll: boolean, limit: number): number {
	return returnAll ? MAX_PAGE_SIZE : Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
}

/**
 * Runs every operation's request (declared as its routing `pagination`, the engine's hook for a custom
 * request loop): paces Create, retries what is safe to retry, pages Get Many, pairs output with input.
 */
export async function runRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const operation = this.getNodeParameter('operation') as string;
	const settings = this.getNodeParameter('options', {}) as RequestSettings;
	const send = async (options: RequestOptions) => await sendWithRetries(this, requestData, options, operation, settings);
	const items = operation === 'getAll' ? await allPages(this, send, requestData.options) : await send(requestData.options);
	const pairedItem = { item: this.getItemIndex() };
	return items.map((item) => ({ ...item, pairedItem }));
}
