/**
 * Shared by the reliability files: one simulator per file, every run recorded, n8n's logs captured, and after the
 * file a scan of everything the node produced (items, errors, run data, logs) for the secrets, plus a table of
 * the file's figures (printed once and written to artifacts/reliability/<file>.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { encodingsOf, walkForSecrets } from '../helpers/leaks';
import type { RunOptions, RunResult } from '../helpers/engine';
import { ACCOUNT_SID, AUTH_TOKEN, participantRequests, useSimulator } from '../helpers/twilio';
import type { LoggedRequest, Simulator } from '../helpers/twilio';

export const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
export const API_KEY_SECRET = 'sk_secret_9d1e_never_shown_4b7a';

/**
 * Every form in which a secret could leak: as is, percent- and form-encoded, JSON-escaped, in base64, and inside
 * a Basic authorization header (with and without padding, base64url too).
 */
export const SECRET_FORMS: Array<[string, string]> = [
	...encodingsOf('Auth Token', ACCOUNT_SID, AUTH_TOKEN),
	...encodingsOf('API Key Secret', API_KEY_SID, API_KEY_SECRET),
];

export type Figure = Record<string, string | number | boolean>;

/**
 * Which secret forms are reachable from the value, and where: the walk follows every own property (enumerable
 * or not), getters, `cause` chains and Buffers (see helpers/leaks).
 */
export function secretHits(value: unknown): string[] {
	return walkForSecrets(value, SECRET_FORMS).hits;
}

export interface Reliability {
	readonly sim: Simulator;
	readonly credentials: ICredentialDataDecryptedObject;
	/** runNode, with the result kept for the secret scan. */
	run(options: RunOptions): Promise<RunResult>;
	/** What n8n logged during the file (LoggerProxy, n8n's Logger, console). */
	logs: unknown[];
	figures: Figure[];
	record(figure: Figure): void;
	/** A last row, computed when the file is done. */
	summarize(row: () => Figure): void;
	/** Requests to the participants API since the last test began. */
	requests(): LoggedRequest[];
}

function printTable(title: string, figures: Figure[]): string {
	if (!figures.length) return `${title}: no figures`;
	const columns = [...new Set(figures.flatMap((f) => Object.keys(f)))];
	const cell = (f: Figure, c: string) => (f[c] === undefined ? '' : String(f[c]));
	const widths = columns.map((c) => Math.max(c.length, ...figures.map((f) => cell(f, c).length)));
	const line = (cells: string[]) => cells.map((text, i) => text.padEnd(widths[i])).join(' | ');
	return [
		title,
		line(columns),
		widths.map((w) => '-'.repeat(w)).join('-|-'),
		...figures.map((f) => line(columns.map((c) => cell(f, c)))),
	].join('\n');
}

/**
 * Sets up a reliability file. `name` names its figures. The checks after the file: no secret in anything
 * produced, no unhandled promise rejection.
 */
export function reliability(name: string, simulatorOptions: Record<string, unknown> = {}): Reliability {
	const env = useSimulator(simulatorOptions);
	const produced: unknown[] = [];
	const logs: unknown[] = [];
	const figures: Figure[] = [];
	const summaries: Array<() => Figure> = [];
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	const spies: jest.SpyInstance[] = [];
	const print = console.log.bind(console);

	beforeAll(() => {
		// n8n's Logger sets itself as LoggerProxy's target when first made; make it now, then take both over.
		const logger = Container.get(Logger) as unknown as { setInternalLogger(internal: unknown): void };
		const internal = {
			log: (level: string, message: unknown, meta: unknown) => logs.push({ via: 'Logger', level, message, meta }),
			child: () => internal,
		};
		logger.setInternalLogger(internal);
		const capture = (level: string) => (message: string, meta?: unknown) =>
			logs.push({ via: 'LoggerProxy', level, message, meta });
		LoggerProxy.init({
			error: capture('error'),
			warn: capture('warn'),
			info: capture('info'),
			debug: capture('debug'),
		} as never);
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(
				jest
					.spyOn(console, method)
					.mockImplementation((...args: unknown[]) => void logs.push({ via: `console.${method}`, args })),
			);
		}
		process.on('unhandledRejection', onUnhandled);
	});

	afterAll(() => {
		for (const summary of summaries) figures.push(summary());
		process.off('unhandledRejection', onUnhandled);
		for (const spy of spies) spy.mockRestore();
		const directory = path.resolve(__dirname, '..', '..', 'artifacts', 'reliability');
		mkdirSync(directory, { recursive: true });
		writeFileSync(
			path.join(directory, `${name}.json`),
			`${JSON.stringify({ name, figures, runs: produced.length, logLines: logs.length }, null, 2)}\n`,
		);
		// The table goes to artifacts/reliability/; printed too when asked (RELIABILITY_REPORT=1).
		if (process.env.RELIABILITY_REPORT)
			print(printTable(`reliability: ${name} (${produced.length} runs, ${logs.length} log lines captured)`, figures));
		// The scan covers every run of the file and every log line, whatever the test that made it.
		expect(secretHits({ produced, logs })).toEqual([]);
		expect(unhandled).toEqual([]);
	});

	return {
		get sim() {
			return env.sim;
		},
		get credentials() {
			return env.credentials;
		},
		async run(options: RunOptions) {
			const result = await runNode(options);
			produced.push(result);
			return result;
		},
		logs,
		figures,
		record(figure: Figure) {
			figures.push(figure);
		},
		summarize(row: () => Figure) {
			summaries.push(row);
		},
		requests() {
			return participantRequests(env.sim);
		},
	};
}

/**
 * A path matcher for sim.inject that matches only the `from`-th to `to`-th requests (1-based, inclusive) whose raw
 * path contains `fragment`: e.g. only the second page of a list. Give the fault `times` to match. It counts the
 * requests the simulator asks it about: a request that a fault queued before it takes is not counted.
 */
export function requestsNumbered(fragment: string, from: number, to = from): RegExp {
	let seen = 0;
	const matcher = /./;
	matcher.test = (candidate: string) => {
		if (!candidate.includes(fragment)) return false;
		seen += 1;
		return seen >= from && seen <= to;
	};
	return matcher;
}

/** The input index each output item is paired with. */
export const pairs = (items: INodeExecutionData[]) =>
	items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

/** The columns of the nothing-lost tables that add up. */
export const COUNTED = ['in', 'out', 'ok', 'failed', 'requests'];

/** Each of `keys` summed over the figures (a row without a number there counts 0). */
export function totalOf(figures: Figure[], keys: string[]): Figure {
	return Object.fromEntries(
		keys.map((key) => [
			key,
			figures.reduce((total, row) => total + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0),
		]),
	);
}

/** What an output item or run error says, for assertions and tables. */
export function outcome(item: { json: Record<string, unknown>; error?: Error } | undefined): string {
	if (!item) return 'missing';
	return item.error ? `error: ${item.error.message}` : 'ok';
}

/**
 * A live conference holding one participant labelled "target", and the parameters any operation needs to act on
 * it (Create by friendly name, the others by SID); `extra` adds the fields under test.
 */
export function targetOf(sim: Simulator, name: string, operation: string, extra: Record<string, unknown> = {}) {
	const conference = sim.seedConference({ friendlyName: name });
	sim.seedParticipants(conference.sid, 1, { label: 'target' });
	const parameters = {
		resource: 'participant',
		operation,
		conference: operation === 'create' ? conference.friendly_name : conference.sid,
		participant: 'target',
		from: '+15017122661',
		to: '+15558675310',
		...extra,
	};
	return { conference, parameters };
}
