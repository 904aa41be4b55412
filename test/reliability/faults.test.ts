/**
 * Faults between n8n and Twilio: 5xx with and without Retry-After, a reset connection, a request that times
 * out, malformed JSON, an HTML page, an empty body. The node either recovers (retrying only Get, Get Many, and
 * what Twilio certainly did not act on) or fails that item with a clear message. It never hangs, never throws
 * past the engine, never emits a half-built item, and never makes a participant twice.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../helpers/engine';
import { reliability, targetOf } from './harness';

const h = reliability('faults');
h.summarize(() => {
	const count = (outcome: string) => h.figures.filter((row) => row.outcome === outcome).length;
	return { operation: 'total', fault: `${h.figures.length} injections`, requests: '-', outcome: `${count('recovered')} recovered, ${count('failed item')} failed item`, message: 'no hang, no unhandled error, no half-built item', wallMs: '-' };
});

/**
 * For the hang faults only: short enough that a hanging Twilio costs the suite little (the simulator hangs for
 * longer). Other faults run without it, so that a slow, busy test machine cannot turn a reset into a timeout.
 */
const HANG_TIMEOUT = { timeout: 300 };
const isHang = (fault: Record<string, unknown>) => fault.kind === 'hang';

interface Fault {
	name: string;
	fault: Record<string, unknown>;
	/** Twilio certainly did not act on the request, so even a change may be sent again. */
	notActedOn: boolean;
	/** The message the item fails with when the fault does not pass. */
	message: RegExp;
}

const FAULTS: Fault[] = [
	{ name: '500', fault: { kind: 'status', status: 500 }, notActedOn: false, message: /^Twilio had a problem on its side \(500\)$/ },
	{ name: '502', fault: { kind: 'status', status: 502 }, notActedOn: false, message: /^Twilio had a problem on its side \(502\)$/ },
	{ name: '503', fault: { kind: 'status', status: 503 }, notActedOn: true, message: /^Twilio had a problem on its side \(503\)$/ },
	{ name: '503 + Retry-After: 0', fault: { kind: 'status', status: 503, headers: { 'Retry-After': '0' } }, notActedOn: true, message: /^Twilio had a problem on its side \(503\)$/ },
	{ name: 'reset connection', fault: { kind: 'reset' }, notActedOn: false, message: /^Could not reach Twilio: the connection was reset before an answer came \(ECONNRESET\)$/ },
	{ name: 'timeout (hang)', fault: { kind: 'hang', ms: 3000 }, notActedOn: false, message: /^Could not reach Twilio: no answer came within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/ },
	{ name: '200 malformed JSON', fault: { kind: 'malformed-json' }, notActedOn: false, message: /^Twilio answered with a body that is not JSON \(status 200\)$/ },
	{ name: '502 HTML page', fault: { kind: 'html' }, notActedOn: false, message: /^Twilio had a problem on its side \(502\)$/ },
	{ name: '200 HTML page', fault: { kind: 'html', status: 200 }, notActedOn: false, message: /^Twilio answered with a body that is not JSON \(status 200\)$/ },
	{ name: '200 empty body', fault: { kind: 'empty' }, notActedOn: false, message: /^Twilio answered with an empty body \(status 200\)$/ },
];

/** An output item that is either Twilio's whole participant or an error, never a part of a participant. */
function expectWholeOrError(item: INodeExecutionData, participantKeys = ['call_sid', 'conference_sid', 'status']) {
	if (item.error) {
		expect(Object.keys(item.json).filter((key) => key !== 'error')).toEqual([]);
	} else {
		for (const key of participantKeys) expect(item.json).toHaveProperty(key);
	}
}

/** The engine turned the failure into a node error with a message: nothing escaped as an unhandled exception. */
function expectCleanFailure(result: RunResult, message: RegExp) {
	expect(result.items).toEqual([]);
	expect(result.error?.name).toMatch(/^Node(Api|Operation)Error$/);
	expect(result.error?.message).toMatch(message);
	expect(result.run.data.resultData.error?.message).toMatch(message);
}

describe.each(['create', 'update', 'delete'])('%s: a change is only sent again when Twilio certainly did not act', (operation) => {
	test.each(FAULTS)('$name', async ({ name, fault, notActedOn, message }) => {
		const { conference, parameters } = targetOf(h.sim, `faults ${operation} ${name} ${Date.now()}`, operation, {
			additionalFields: { label: 'added' },
			updateFields: { muted: true },
			...(isHang(fault) ? { requestOptions: HANG_TIMEOUT } : {}),
		});
		h.sim.inject({ ...fault, method: operation === 'delete' ? 'DELETE' : 'POST', times: 1 });
		const started = Date.now();
		const result = await h.run({
			parameters,
			credentials: h.credentials,
		});
		const wallMs = Date.now() - started;
		const sent = h.requests();
		const after = h.sim.state.participants.filter((p) => p.conference_sid === conference.sid);
		h.record({ operation, fault: name, requests: sent.length, outcome: result.error ? 'failed item' : 'recovered', message: result.error?.message ?? '', wallMs });

		if (notActedOn) {
			// Retried once, and the one retry did the work exactly once.
			expect(result.error).toBeUndefined();
			expect(sent.map((r) => r.fault)).toEqual([(fault as { kind: string }).kind, null]);
			expect(result.items).toHaveLength(1);
			expectWholeOrError(result.items[0], operation === 'delete' ? ['deleted'] : undefined);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		} else {
			// Twilio may have acted: sent once, failed with a clear message, nothing made twice.
			expect(sent).toHaveLength(1);
			expectCleanFailure(result, message);
			// The description says the change may have been made, so that running again is a choice, not a reflex.
			expect(result.error?.description).toMatch(/check before running (it )?again/);
		}
		const expectedCount = { create: notActedOn ? 2 : 1, update: 1, delete: notActedOn ? 0 : 1 }[operation];
		expect(after).toHaveLength(expectedCount ?? -1);
		expect(wallMs).toBeLessThan(5000);
	});

	test('a fault that does not pass: 503 every time fails after the retries, with the status', async () => {
		const conference = h.sim.seedConference({ friendlyName: `faults ${operation} persistent ${Date.now()}` });
		h.sim.seedParticipants(conference.sid, 1, { label: 'target' });
		h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, times: 10 });
		const result = await h.run({
			parameters: { resource: 'participant', operation, conference: operation === 'create' ? conference.friendly_name : conference.sid, participant: 'target', from: '+15017122661', to: '+15558675310', updateFields: { muted: true }, options: { maxRetries: 2 } },
			credentials: h.credentials,
		});
		expect(h.requests()).toHaveLength(3);
		expectCleanFailure(result, /^Twilio had a problem on its side \(503\)$/);
		h.record({ operation, fault: '503 + Retry-After: 0, every time', requests: 3, outcome: 'failed item', message: result.error?.message ?? '', wallMs: '-' });
	});
});

describe.each(['get', 'getAll'])('%s: a read is retried after any passing fault', (operation) => {
	/**
	 * One item per fault, each reading its own participant (Get) or conference (Get Many), all in one run; the
	 * hang fault in a run of its own, with the short request timeout.
	 */
	async function readEach(faults: Fault[], times: number, maxRetries: number) {
		const conferences = faults.map((f, i) => h.sim.seedConference({ friendlyName: `faults ${operation} ${f.name} ${i} ${Date.now()}` }));
		const one = conferences[0];
		const participants = faults.map((_, i) => h.sim.seedParticipants(operation === 'get' ? one.sid : conferences[i].sid, 2, (j: number) => ({ label: `reader ${i}-${j}` }))[0]);
		faults.forEach(({ fault }, i) => {
			const path = operation === 'get' ? `/Participants/reader%20${i}-0.json` : `/Conferences/${conferences[i].sid}/Participants.json`;
			h.sim.inject({ ...fault, path, times });
		});
		const started = Date.now();
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation,
				conference: operation === 'get' ? one.sid : '={{ $json.conference }}',
				participant: '={{ $json.participant }}',
				returnAll: true,
				options: { maxRetries },
				...(faults.some((f) => isHang(f.fault)) ? { requestOptions: HANG_TIMEOUT } : {}),
			},
			items: faults.map((_, i) => ({ conference: conferences[i].sid, participant: `reader ${i}-0` })),
			credentials: h.credentials,
			continueOnFail: true,
		});
		return { result, participants, conferences, wallMs: Date.now() - started };
	}

	const groups = [FAULTS.filter((f) => !isHang(f.fault)), FAULTS.filter((f) => isHang(f.fault))];

	test.each(groups.map((faults) => [faults.map((f) => f.name).join(', '), faults] as const))(
		'once each (%s): each item recovers on the retry and comes out whole, in order',
		async (_names, faults) => {
			const { result, participants, wallMs } = await readEach(faults, 1, 3);
			const perItem = operation === 'get' ? 1 : 2;
			expect(result.items).toHaveLength(faults.length * perItem);
			faults.forEach(({ name }, i) => {
				const out = result.items.slice(i * perItem, (i + 1) * perItem);
				const sent = h.requests().filter((r) => (operation === 'get' ? r.path.endsWith(`/reader%20${i}-0.json`) : r.path.includes(String(out[0]?.json.conference_sid))));
				h.record({ operation, fault: name, requests: sent.length, outcome: out.every((item) => !item.error) ? 'recovered' : 'failed item', message: out[0]?.error?.message ?? '', wallMs });
				for (const item of out) {
					expect(item.error).toBeUndefined();
					expect(item.pairedItem).toEqual({ item: i });
					expectWholeOrError(item);
				}
				expect(out[0].json.call_sid).toBe(participants[i].call_sid);
				expect(sent.map((r) => r.fault)).toEqual([expect.any(String), null]);
			});
			expect(wallMs).toBeLessThan(5000);
		},
	);

	test.each(groups.map((faults) => [faults.map((f) => f.name).join(', '), faults] as const))(
		'every time (%s): each item fails with its clear message after the retries, and no part of a list comes out',
		async (_names, faults) => {
			const { result, wallMs } = await readEach(faults, 10, 1);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(faults.length);
			faults.forEach(({ name, message }, i) => {
				const item = result.items[i];
				h.record({ operation, fault: `${name}, every time`, requests: 2, outcome: 'failed item', message: item.error?.message ?? '', wallMs });
				expect(item.pairedItem).toEqual({ item: i });
				expect(item.error?.message).toMatch(message);
				expectWholeOrError(item);
			});
			// One try and one retry per item, never more.
			expect(h.requests()).toHaveLength(faults.length * 2);
			expect(wallMs).toBeLessThan(5000);
		},
	);
});

test('a hanging Twilio without a timeout of its own does not hold the node past the request timeout', async () => {
	const conference = h.sim.seedConference({ friendlyName: `hang ${Date.now()}` });
	h.sim.seedParticipants(conference.sid, 1, { label: 'slow' });
	h.sim.inject({ kind: 'hang', ms: 20_000, times: 10 });
	const started = Date.now();
	const result = await h.run({
		parameters: { resource: 'participant', operation: 'get', conference: conference.sid, participant: 'slow', options: { maxRetries: 1 }, requestOptions: HANG_TIMEOUT },
		credentials: h.credentials,
	});
	const wallMs = Date.now() - started;
	expectCleanFailure(result, /no answer came within the timeout/);
	expect(h.requests()).toHaveLength(2);
	// Two tries of 300 ms and one back-off of at most 750 ms.
	expect(wallMs).toBeLessThan(3000);
});
