/**
 * The faults between n8n and Twilio that the faults-*.test.ts files inject, what the node says for each, and the
 * checks they share.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../helpers/engine';
import { reliability } from './harness';

/** A reliability file of fault injections, whose last row counts the recoveries and the failed items. */
export function faultsFile(name: string) {
	const h = reliability(name);
	h.summarize(() => {
		const count = (outcome: string) => h.figures.filter((row) => row.outcome === outcome).length;
		return {
			operation: 'total',
			fault: `${h.figures.length} injections`,
			requests: '-',
			outcome: `${count('recovered')} recovered, ${count('failed item')} failed item`,
			message: 'no hang, no unhandled error, no half-built item',
			wallMs: '-',
		};
	});
	return h;
}

/**
 * For the hang faults only: short enough that a hanging Twilio costs the suite little (the simulator hangs for
 * longer). Other faults run without it, so that a slow, busy test machine cannot turn a reset into a timeout.
 */
export const HANG_TIMEOUT = { timeout: 300 };
export const isHang = (fault: Record<string, unknown>) => fault.kind === 'hang';

export interface Fault {
	name: string;
	fault: Record<string, unknown>;
	/** Twilio certainly did not act on the request, so even a change may be sent again. */
	notActedOn: boolean;
	/** The message the item fails with when the fault does not pass. */
	message: RegExp;
}

export const FAULTS: Fault[] = [
	{
		name: '500',
		fault: { kind: 'status', status: 500 },
		notActedOn: false,
		message: /^Twilio had a problem on its side \(500\)$/,
	},
	{
		name: '502',
		fault: { kind: 'status', status: 502 },
		notActedOn: false,
		message: /^Twilio had a problem on its side \(502\)$/,
	},
	{
		name: '503',
		fault: { kind: 'status', status: 503 },
		notActedOn: true,
		message: /^Twilio had a problem on its side \(503\)$/,
	},
	{
		name: '503 + Retry-After: 0',
		fault: { kind: 'status', status: 503, headers: { 'Retry-After': '0' } },
		notActedOn: true,
		message: /^Twilio had a problem on its side \(503\)$/,
	},
	{
		name: 'reset connection',
		fault: { kind: 'reset' },
		notActedOn: false,
		message: /^Could not reach Twilio: the connection was reset before an answer came \(ECONNRESET\)$/,
	},
	{
		name: 'timeout (hang)',
		fault: { kind: 'hang', ms: 3000 },
		notActedOn: false,
		message: /^Could not reach Twilio: no answer came within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/,
	},
	{
		name: '200 malformed JSON',
		fault: { kind: 'malformed-json' },
		notActedOn: false,
		message: /^Twilio answered with a body that is not JSON \(status 200\)$/,
	},
	{
		name: '502 HTML page',
		fault: { kind: 'html' },
		notActedOn: false,
		message: /^Twilio had a problem on its side \(502\)$/,
	},
	{
		name: '200 HTML page',
		fault: { kind: 'html', status: 200 },
		notActedOn: false,
		message: /^Twilio answered with a body that is not JSON \(status 200\)$/,
	},
	{
		name: '200 empty body',
		fault: { kind: 'empty' },
		notActedOn: false,
		message: /^Twilio answered with an empty body \(status 200\)$/,
	},
];

/** An output item that is either Twilio's whole participant or an error, never a part of a participant. */
export function expectWholeOrError(
	item: INodeExecutionData,
	participantKeys = ['call_sid', 'conference_sid', 'status'],
) {
	if (item.error) {
		expect(Object.keys(item.json).filter((key) => key !== 'error')).toEqual([]);
	} else {
		for (const key of participantKeys) expect(item.json).toHaveProperty(key);
	}
}

/** The engine turned the failure into a node error with a message: nothing escaped as an unhandled exception. */
export function expectCleanFailure(result: RunResult, message: RegExp) {
	expect(result.items).toEqual([]);
	expect(result.error?.name).toMatch(/^Node(Api|Operation)Error$/);
	expect(result.error?.message).toMatch(message);
	expect(result.run.data.resultData.error?.message).toMatch(message);
}
