import { sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { ApiParameter } from './apiParameters';
import {
	credentialSecrets,
	networkCodeOf,
	networkError,
	notesOf,
	redact,
	redactError,
	retryHintOf,
	unreadableAnswerError,
} from './errors';
import type { RetryHint } from './errors';
import { CREDENTIAL_NAME } from './transport';
import { invalidInput, normalizeValue, toBoolean } from './validation';

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_CALLS_PER_SECOND = 1;
const MAX_PAGE_SIZE = 1000;
const LONGEST_WAIT_MS = 60_000;

/** Operations whose request can be repeated without changing anything at Twilio. */
const READ_ONLY = new Set(['get', 'getAll']);

/** One Create sent to Twilio: when its answer (or failure) came back, or still on its way. */
interface SentCreate {
	settledAt?: number;
	settled: Promise<void>;
}

/** The pace of Creates for one account, shared by all items (they run concurrently) and all executions. */
interface CreatePace {
	/** Earliest start of the next Create: one every 1 / Calls Per Second, or later after a 429. */
	nextStart: number;
	/** The latest Creates, oldest first, as many as the largest Calls Per Second. */
	recent: SentCreate[];
	/** Creates take their turns one after another, in the order they asked. */
	queue: Promise<void>;
}

const MAX_CALLS_PER_SECOND = 30;
const paces = new Map<string, CreatePace>();

function paceOf(account: string): CreatePace {
	let pace = paces.get(account);
	if (!pace) {
		pace = { nextStart: 0, recent: [], queue: Promise.resolve() };
		paces.set(account, pace);
	}
	return pace;
}

/**
 * Waits for a Create's turn and returns the function to call once its answer is in.
 *
 * Twilio counts a call when it reaches Twilio, which n8n cannot see: evenly spaced starts can still reach Twilio
 * bunched together when the network or a busy n8n holds some back. But a call reaches Twilio after it was sent
 * and before its answer comes back. So a Create is sent only once a second has passed since the answer to the
 * Create `callsPerSecond` places before it: then no second at Twilio ever holds more than `callsPerSecond`.
 */
async function takeCreateTurn(account: string, callsPerSecond: number): Promise<() => void> {
	const pace = paceOf(account);
	let endTurn!: () => void;
	const turn = new Promise<void>((resolve) => (endTurn = resolve));
	const before = pace.queue;
	pace.queue = before.then(async () => await turn);
	await before;
	try {
		for (;;) {
			const back = pace.recent.length >= callsPerSecond ? pace.recent[pace.recent.length - callsPerSecond] : undefined;
			if (back && back.settledAt === undefined) {
				await back.settled;
				continue;
			}
			const readyAt = Math.max(pace.nextStart, back?.settledAt === undefined ? 0 : back.settledAt + 1001);
			if (readyAt <= Date.now()) break;
			// Looks again after the wait: a 429 meanwhile may have moved nextStart on.
			await sleep(readyAt - Date.now());
		}
		let settle!: () => void;
		const sent: SentCreate = { settled: new Promise<void>((resolve) => (settle = resolve)) };
		pace.recent.push(sent);
		if (pace.recent.length > MAX_CALLS_PER_SECOND) pace.recent.shift();
		pace.nextStart = Date.now() + 1000 / callsPerSecond;
		return () => {
			sent.settledAt ??= Date.now();
			settle();
		};
	} finally {
		endTurn();
	}
}

/** After a 429 the account's Creates wait as Twilio asked, not only the one that was refused. */
function holdCreates(account: string, waitMs: number): void {
	const pace = paceOf(account);
	pace.nextStart = Math.max(pace.nextStart, Date.now() + waitMs);
}

function backoffMs(attempt: number): number {
	return Math.min(500 * 2 ** attempt, 8000) + Math.floor(Math.random() * 250);
}

export interface RequestSettings {
	maxRetries?: number;
	callsPerSecond?: number;
}

/** The node's own numbers, checked like Twilio's: an expression can hand them anything. */
const CALLS_PER_SECOND: ApiParameter = { api: 'Calls Per Second', kind: 'integer', min: 1, max: 30, description: '' };
const MAX_RETRIES: ApiParameter = { api: 'Max Retries', kind: 'integer', min: 0, max: 10, description: '' };
const LIMIT: ApiParameter = { api: 'Limit', kind: 'integer', min: 1, description: '' };

function checkedNumber(context: IExecutePaginationFunctions, parameter: ApiParameter, value: unknown, fallback: number): number {
	try {
		const checked = normalizeValue(parameter, value);
		return checked === undefined ? fallback : Number(checked);
	} catch (error) {
		throw invalidInput(context.getNode(), parameter.api, context.getItemIndex(), (error as Error).message);
	}
}

/**
 * Options checked before anything is sent: a Calls Per Second of 0 or "fast" would stop pacing altogether and a
 * Max Retries that is not a number would retry for ever.
 */
function requestSettings(context: IExecutePaginationFunctions, operation: string): Required<RequestSettings> {
	const options = (context.getNodeParameter('options', {}) ?? {}) as Record<string, unknown>;
	return {
		callsPerSecond:
			operation === 'create'
				? checkedNumber(context, CALLS_PER_SECOND, options.callsPerSecond, DEFAULT_CALLS_PER_SECOND)
				: DEFAULT_CALLS_PER_SECOND,
		maxRetries: checkedNumber(context, MAX_RETRIES, options.maxRetries, DEFAULT_MAX_RETRIES),
	};
}

async function secretsOf(context: IExecutePaginationFunctions): Promise<string[]> {
	try {
		return credentialSecrets(await context.getCredentials(CREDENTIAL_NAME));
	} catch {
		return [];
	}
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
	settings: Required<RequestSettings>,
): Promise<INodeExecutionData[]> {
	const { maxRetries } = settings;
	const itemIndex = context.getItemIndex();
	const account = `${options.baseURL ?? ''}${String(options.url).split('/Conferences/')[0]}`;
	const signal = context.getExecutionCancelSignal?.();
	for (let attempt = 0; ; attempt++) {
		const answered =
			operation === 'create' ? await takeCreateTurn(account, settings.callsPerSecond) : undefined;
		let failure: unknown;
		try {
			return await context.makeRoutingRequest({ ...requestData, options: { ...options } });
		} catch (error) {
			failure = error;
		} finally {
			answered?.();
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
	let returnAll: boolean;
	try {
		returnAll = toBoolean(context.getNodeParameter('returnAll', false) ?? false);
	} catch (error) {
		throw invalidInput(context.getNode(), 'Return All', context.getItemIndex(), (error as Error).message);
	}
	const limit = returnAll ? Infinity : checkedNumber(context, LIMIT, context.getNodeParameter('limit', 50), 50);
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

/** What Simplify keeps of a participant. */
const SIMPLE_FIELDS = ['call_sid', 'label', 'status', 'muted', 'hold', 'coaching', 'conference_sid', 'date_created', 'date_updated'];
const SIMPLIFIABLE = new Set(['create', 'get', 'getAll', 'update']);

function simplified(item: INodeExecutionData): INodeExecutionData {
	const json: IDataObject = {};
	for (const key of SIMPLE_FIELDS) if (key in item.json) json[key] = item.json[key];
	return { ...item, json };
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
	const pairedItem = { item: this.getItemIndex() };
	// Twilio or a proxy may echo the request, Authorization header included: no output or error may carry it.
	const notes = notesOf(requestData.options);
	const secrets = notes.secrets ?? (await secretsOf(this));
	try {
		if (notes.failure) throw notes.failure;
		const settings = requestSettings(this, operation);
		const send = async (options: RequestOptions) => await sendWithRetries(this, requestData, options, operation, settings);
		let items = operation === 'getAll' ? await allPages(this, send, requestData.options) : await send(requestData.options);
		if (SIMPLIFIABLE.has(operation) && this.getNodeParameter('simplify', false)) items = items.map(simplified);
		return items.map((item) => ({ ...redact(item, secrets), pairedItem }));
	} catch (error) {
		const failure = redactError(error, secrets) as NodeApiError | NodeOperationError;
		// n8n pairs a failed item with its input only when inputs and outputs are as many, which Get Many breaks:
		// with Continue On Fail the failure is output here, paired like any other item.
		if (this.continueOnFail()) return [{ json: {}, error: failure, pairedItem }];
		throw failure;
	}
}
