/**
 * No secret is reachable from anything the node hands back, whatever went wrong: every failure class (TLS,
 * DNS, reset, timeout, redirect, bad bodies) on the operation's own request, on the friendly-name look-up
 * before it, and in both pickers. "Reachable" is taken literally: the walk follows every own property,
 * enumerable or not, every getter, `cause` chains, Buffers and Maps, and looks for each secret in eleven
 * encodings. Each failure must also read as what it is.
 */
import type { IDataObject } from 'n8n-workflow';
import { runListSearch } from '../helpers/engine';
import type { RunOptions } from '../helpers/engine';
import { walkForSecrets } from '../helpers/leaks';
import { answer, startLoopback } from '../helpers/loopback';
import { reliability } from '../reliability/harness';
import {
	FAILURE_CLASSES,
	SECRETS,
	answerInvalidNamesLocally,
	apiKeyCredentials,
	authTokenCredentials,
} from './classes';
import type { FailureClass } from './classes';

const h = reliability('safety-leaks');
answerInvalidNamesLocally();

const CF = 'CF0123456789abcdef0123456789abcdef';
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

function parametersFor(operation: string, failure: FailureClass, conference: unknown = CF): IDataObject {
	return {
		resource: 'participant',
		operation,
		conference: (operation === 'create' && conference === CF ? 'leak room' : conference) as IDataObject | string,
		participant: 'agent',
		from: '+15017122661',
		to: '+15558675310',
		returnAll: true,
		updateFields: { muted: true },
		// No retries and no pacing: each failure is met once, quickly.
		options: { maxRetries: 0, callsPerSecond: 30 },
		...(failure.timeout ? { requestOptions: { timeout: failure.timeout } } : {}),
	};
}

/** Nothing reachable from `value` carries a secret; the walk saw something (a walk of nothing proves nothing). */
function expectNoSecrets(value: unknown) {
	const walk = walkForSecrets(value, SECRETS);
	expect(walk.hits).toEqual([]);
	expect(walk.strings).toBeGreaterThan(0);
}

let logStart = 0;
beforeEach(() => {
	logStart = h.logs.length;
});

async function withFailure(failure: FailureClass, body: (baseUrl: string) => Promise<void>) {
	const { baseUrl, servers } = await failure.start();
	try {
		await body(baseUrl);
	} finally {
		await Promise.all(servers.map(async (server) => await server.close()));
	}
	expectNoSecrets({ logs: h.logs.slice(logStart), marker: 'logs' });
}

const runFailing = async (options: RunOptions) => {
	const result = await h.run(options);
	const error = options.continueOnFail ? result.items[0]?.error : result.error;
	return { result, error };
};

describe.each(FAILURE_CLASSES.map((failure) => [failure.name, failure] as const))('%s', (_name, failure) => {
	test("the operation's own request: a clear error for every operation, no secret anywhere", async () => {
		await withFailure(failure, async (baseUrl) => {
			for (const operation of ['create', 'get', 'getAll', 'update', 'delete']) {
				const { result, error } = await runFailing({
					parameters: parametersFor(operation, failure),
					credentials: authTokenCredentials(baseUrl),
					continueOnFail: true,
				});
				expect([operation, error?.message]).toEqual([operation, expect.stringMatching(failure.message)]);
				expect(result.items).toHaveLength(1);
				expectNoSecrets(result);
			}
		});
	});

	test("the run's error when the node stops the workflow, with the Auth Token and with an API key", async () => {
		await withFailure(failure, async (baseUrl) => {
			for (const credentials of [authTokenCredentials(baseUrl), apiKeyCredentials(baseUrl)]) {
				const { result, error } = await runFailing({ parameters: parametersFor('get', failure), credentials });
				expect(error?.message).toMatch(failure.message);
				expectNoSecrets(result);
			}
		});
	});

	test('the friendly-name look-up before the request fails the same way, the item paired, nothing leaked', async () => {
		await withFailure(failure, async (baseUrl) => {
			for (const continueOnFail of [true, false]) {
				const { result, error } = await runFailing({
					parameters: parametersFor('update', failure, rl('name', 'Sales Standup')),
					credentials: authTokenCredentials(baseUrl),
					continueOnFail,
				});
				expect(error?.message).toMatch(failure.message);
				if (continueOnFail) expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
				expectNoSecrets(result);
			}
		});
	});

	test('both pickers: a message that says what happened, nothing leaked', async () => {
		const inPicker = new RegExp(`^Could not load the list: ${failure.message.source.replace(/^\^/, '')}`);
		await withFailure(failure, async (baseUrl) => {
			const requestOptions = failure.timeout ? { requestOptions: { timeout: failure.timeout } } : {};
			const searches: Array<[string, Record<string, unknown>]> = [
				['searchConferences', requestOptions],
				['searchParticipants', { ...requestOptions, conference: rl('list', CF) }],
				['searchParticipants', { ...requestOptions, conference: rl('name', 'Sales Standup') }],
			];
			for (const [method, parameters] of searches) {
				for (const credentials of [authTokenCredentials(baseUrl), apiKeyCredentials(baseUrl)]) {
					const thrown = await runListSearch(method, { parameters: parameters as IDataObject, credentials }).then(
						() => new Error('the list loaded'),
						(error: Error) => error,
					);
					expect([method, thrown.message]).toEqual([method, expect.stringMatching(inPicker)]);
					expectNoSecrets(thrown);
				}
			}
		});
	});
});

test('the walk finds a secret where an HTTP client keeps it (so a clean walk means something)', () => {
	const request = {
		_header: `GET / HTTP/1.1\r\nAuthorization: Basic ${Buffer.from(`AC0123456789abcdef0123456789abcdef:${'tok/3f+9a=s3cr3t&do not "leak"%7c'}`).toString('base64')}\r\n`,
	};
	const cause = new Error('socket hang up');
	Object.defineProperty(cause, 'request', { get: () => request, enumerable: false });
	const error = new Error('wrapped', { cause });
	expect(walkForSecrets({ error }, SECRETS).hits).toEqual([
		'$.error.cause.request<get>._header: Basic header for Auth Token',
		'$.error.cause.request<get>._header: base64 of user:Auth Token',
	]);
	class Headers {
		get authorization() {
			return Buffer.from(`token=${encodeURIComponent('key:9d1e/never+shown?#x')}`);
		}
	}
	expect(walkForSecrets(new Map([['h', new Headers()]]), SECRETS).hits).toEqual([
		'$<h>.authorization<inherited get><utf8>: API Key Secret (percent-encoded)',
		'$<h>.authorization<inherited get><latin1>: API Key Secret (percent-encoded)',
	]);
});

// Nothing reached Twilio, but the same handshake would fail again: only passing faults are retried.
test('a refused certificate is tried once, not retried', async () => {
	const server = await startLoopback(answer(200, '{}'), { tls: true });
	try {
		const { error } = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: CF,
				participant: 'agent',
				updateFields: { muted: true },
			},
			credentials: authTokenCredentials(server.url),
		});
		expect(error?.message).toMatch(/TLS certificate was not accepted/);
		expect(server.connections).toBe(1);
	} finally {
		await server.close();
	}
});
