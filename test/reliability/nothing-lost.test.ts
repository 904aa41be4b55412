/**
 * Nothing lost: with Continue On Fail, every mix of successes and failures gives one output per input, paired
 * with it, in input order; Get Many with Return All returns each participant exactly once even when a page had
 * to be fetched again; a page that cannot be had fails its item as a whole.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { reliability, requestsNumbered } from './harness';

const h = reliability('nothing-lost');
h.summarize(() => {
	const sum = (key: string) => h.figures.reduce((total, row) => total + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0);
	return { case: 'total', in: sum('in'), out: sum('out'), ok: sum('ok'), failed: sum('failed'), requests: sum('requests'), paired: 'every item' };
});

const twilioError = (status: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/** The input index each output item is paired with. */
const pairs = (items: INodeExecutionData[]) => items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

let run = 0;
beforeEach(() => {
	run += 1;
});

interface Case {
	outcome: string;
	/** Message of the failed item, or undefined when it succeeds. */
	message?: RegExp;
	/** Requests that reach the participants API for this item. */
	requests: number;
}

describe('Update, 16 items mixing every outcome', () => {
	const CASES: Case[] = [
		{ outcome: 'ok', requests: 1 },
		{ outcome: 'refused input', message: /^Invalid value for "Muted" in item \d+: expected true or false, got perhaps$/, requests: 0 },
		{ outcome: '404', message: /^Twilio could not find the conference or participant \(404 Not Found\)$/, requests: 1 },
		{ outcome: '500', message: /^Twilio had a problem on its side \(500\)$/, requests: 1 },
		{ outcome: '503 then ok', requests: 2 },
		{ outcome: 'reset', message: /^Could not reach Twilio: the connection was reset/, requests: 1 },
		{ outcome: 'malformed JSON', message: /^Twilio answered with a body that is not JSON/, requests: 1 },
		{ outcome: 'ok (hold)', requests: 1 },
	];
	const N = 16;

	function setUp() {
		const conference = h.sim.seedConference({ friendlyName: `lost update ${run}` });
		h.sim.seedParticipants(conference.sid, N, (i: number) => ({ label: `m${i}` }));
		const items = Array.from({ length: N }, (_, i) => {
			const { outcome } = CASES[i % CASES.length];
			const path = `/Participants/m${i}.json`;
			if (outcome === '500') h.sim.inject({ kind: 'status', status: 500, path });
			if (outcome === '503 then ok') h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, path });
			if (outcome === 'reset') h.sim.inject({ kind: 'reset', path });
			if (outcome === 'malformed JSON') h.sim.inject({ kind: 'malformed-json', path });
			return { who: outcome === '404' ? `ghost ${i}` : `m${i}`, muted: outcome === 'refused input' ? 'perhaps' : true, hold: outcome === 'ok (hold)' };
		});
		return {
			parameters: { resource: 'participant', operation: 'update', conference: conference.sid, participant: '={{ $json.who }}', updateFields: { muted: '={{ $json.muted }}', hold: '={{ $json.hold }}' } },
			items,
			credentials: h.credentials,
		};
	}

	test('Continue On Fail: 16 in, 16 out, each paired with its input, in order, each with its own outcome', async () => {
		const result = await h.run({ ...setUp(), continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(N);
		expect(pairs(result.items)).toEqual(Array.from({ length: N }, (_, i) => i));
		result.items.forEach((item, i) => {
			const { message } = CASES[i % CASES.length];
			if (message) {
				expect(item.error?.message).toMatch(message);
				if (/in item/.test(item.error?.message ?? '')) expect(item.error?.message).toContain(`in item ${i}`);
				expect(Object.keys(item.json).filter((key) => key !== 'error')).toEqual([]);
			} else {
				expect(item.error).toBeUndefined();
				expect(item.json).toMatchObject({ label: `m${i}`, muted: true });
			}
		});
		const expectedRequests = Array.from({ length: N }, (_, i) => CASES[i % CASES.length].requests).reduce((a, b) => a + b, 0);
		expect(h.requests()).toHaveLength(expectedRequests);
		const failed = result.items.filter((item) => item.error).length;
		h.record({ case: 'Update mix, Continue On Fail', in: N, out: result.items.length, ok: N - failed, failed, requests: h.requests().length, paired: 'in order' });
	});

	test('without Continue On Fail the node fails on the first failing item, naming it, and outputs nothing', async () => {
		const result = await h.run(setUp());
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Invalid value for "Muted" in item 1: expected true or false, got perhaps');
		expect(result.error?.name).toMatch(/^Node(Api|Operation)Error$/);
		h.record({ case: 'Update mix, no Continue On Fail', in: N, out: 0, ok: '-', failed: 'node', requests: h.requests().length, paired: '-' });
	});
});

test('Create, 12 items mixing outcomes under the rate limit: 12 out in order, each participant made at most once', async () => {
	const CASES: Case[] = [
		{ outcome: 'ok', requests: 1 },
		{ outcome: 'refused input', message: /^Invalid value for "Timeout" in item \d+: expected a whole number from 5 to 600, got 3$/, requests: 0 },
		{ outcome: 'Twilio 400', message: /^Twilio rejected the request: Phone number is not a valid phone number$/, requests: 1 },
		{ outcome: '500', message: /^Twilio had a problem on its side \(500\)$/, requests: 1 },
		{ outcome: '503 then ok', requests: 2 },
		{ outcome: 'ok', requests: 1 },
	];
	const N = 12;
	h.sim.setCallsPerSecond(4);
	try {
		const rooms = Array.from({ length: N }, (_, i) => `lost create ${run} room ${i}`);
		rooms.forEach((room, i) => {
			const path = `/Conferences/${encodeURIComponent(room)}/Participants.json`;
			const { outcome } = CASES[i % CASES.length];
			if (outcome === 'Twilio 400') h.sim.inject({ kind: 'status', status: 400, path, body: twilioError(400, 21217, 'Phone number is not a valid phone number') });
			if (outcome === '500') h.sim.inject({ kind: 'status', status: 500, path });
			if (outcome === '503 then ok') h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, path });
		});
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: '={{ $json.room }}',
				from: '+15017122661',
				to: '+15558675310',
				additionalFields: { timeout: '={{ $json.timeout }}', label: '={{ $json.label }}' },
			},
			items: rooms.map((room, i) => ({ room, label: `c${i}`, timeout: CASES[i % CASES.length].outcome === 'refused input' ? 3 : 30 })),
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(N);
		expect(pairs(result.items)).toEqual(Array.from({ length: N }, (_, i) => i));
		const { conferences, participants } = h.sim.state;
		rooms.forEach((room, i) => {
			const { message } = CASES[i % CASES.length];
			const item = result.items[i];
			const conference = conferences.find((c) => c.friendly_name === room);
			const made = participants.filter((p) => p.conference_sid === conference?.sid);
			if (message) {
				expect(item.error?.message).toMatch(message);
				expect(made).toHaveLength(0);
			} else {
				expect(item.error).toBeUndefined();
				expect(item.json).toMatchObject({ label: `c${i}`, conference_sid: conference?.sid });
				expect(made.map((p) => p.label)).toEqual([`c${i}`]);
			}
		});
		const sent = h.requests();
		const rateLimited = sent.filter((r) => r.status === 429).length;
		const expectedRequests = Array.from({ length: N }, (_, i) => CASES[i % CASES.length].requests).reduce((a, b) => a + b, 0);
		// Every 429 was sent again; nothing else was sent more than the table says.
		expect(sent).toHaveLength(expectedRequests + rateLimited);
		const failed = result.items.filter((item) => item.error).length;
		h.record({ case: `Create mix, account limited to 4/s (${rateLimited} 429s retried)`, in: N, out: result.items.length, ok: N - failed, failed, requests: sent.length, paired: 'in order' });
	} finally {
		h.sim.setCallsPerSecond(0);
	}
});

describe('Get Many with Return All', () => {
	let big: { sid: string };
	let bigSids: string[];
	beforeAll(() => {
		big = h.sim.seedConference({ friendlyName: 'lost big room' });
		bigSids = h.sim.seedParticipants(big.sid, 2500).map((p) => p.call_sid);
	});
	const listPath = () => `/Conferences/${big.sid}/Participants.json`;

	test.each([
		['503 with Retry-After: 0', { kind: 'status', status: 503, headers: { 'Retry-After': '0' } }],
		['429 with Retry-After: 0', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } }],
		['500', { kind: 'status', status: 500 }],
		['a reset connection', { kind: 'reset' }],
		['a 200 with malformed JSON', { kind: 'malformed-json' }],
		['an empty 200', { kind: 'empty' }],
	])('page 2 of 3 met %s and was fetched again: each of the 2500 participants exactly once, in order', async (name, fault) => {
		h.sim.inject({ ...fault, path: requestsNumbered(listPath(), 2) });
		const result = await h.run({ parameters: { resource: 'participant', operation: 'getAll', conference: big.sid, returnAll: true }, credentials: h.credentials });
		expect(result.error).toBeUndefined();
		const sids = result.items.map((item) => item.json.call_sid);
		expect(sids).toEqual(bigSids);
		expect(new Set(sids).size).toBe(2500);
		const sent = h.requests();
		expect(sent.map((r) => r.fault)).toEqual([null, fault.kind, null, null]);
		// The retry asked for the same page, not the next one.
		expect(sent[2].query).toEqual(sent[1].query);
		h.record({ case: `Return All, page 2 retried after ${name}`, in: 1, out: result.items.length, ok: result.items.length, failed: 0, requests: sent.length, paired: 'item 0' });
	});

	test('a page that cannot be had fails the item as a whole: no part of the list comes out', async () => {
		h.sim.inject({ kind: 'status', status: 500, path: requestsNumbered(listPath(), 3, 4), times: 2 });
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'getAll', conference: big.sid, returnAll: true, options: { maxRetries: 1 } },
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].error?.message).toBe('Twilio had a problem on its side (500)');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.requests()).toHaveLength(4);
		h.record({ case: 'Return All, page 3 fails for good', in: 1, out: 1, ok: 0, failed: 1, requests: 4, paired: 'item 0' });
	});

	test('several inputs: each input\'s participants come out together, paired with it, in input order; failures too', async () => {
		const small = h.sim.seedConference({ friendlyName: `lost small ${run}` });
		const smallSids = h.sim.seedParticipants(small.sid, 3).map((p) => p.call_sid);
		const empty = h.sim.seedConference({ friendlyName: `lost empty ${run}` });
		const unknown = 'CF00000000000000000000000000000000';
		h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, path: requestsNumbered(listPath(), 2) });
		const inputs = [
			{ conference: small.sid },
			{ conference: unknown },
			{ conference: big.sid },
			{ conference: empty.sid },
			{ conference: small.sid, maxRetries: 'lots' },
			{ conference: small.sid },
		];
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'getAll', conference: '={{ $json.conference }}', returnAll: true, options: { maxRetries: '={{ $json.maxRetries ?? 3 }}' } },
			items: inputs,
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		// Input 3 is an empty conference: no participant, so no output for it.
		const expectedPairs = [...smallSids.map(() => 0), 1, ...bigSids.map(() => 2), 4, ...smallSids.map(() => 5)];
		expect(pairs(result.items)).toEqual(expectedPairs);
		const of = (input: number) => result.items.filter((item) => (item.pairedItem as { item: number }).item === input);
		expect(of(0).map((item) => item.json.call_sid)).toEqual(smallSids);
		expect(of(2).map((item) => item.json.call_sid)).toEqual(bigSids);
		expect(of(5).map((item) => item.json.call_sid)).toEqual(smallSids);
		expect(of(1).map((item) => item.error?.message)).toEqual(['Twilio could not find the conference or participant (404 Not Found)']);
		expect(of(4).map((item) => item.error?.message)).toEqual(['Invalid value for "Max Retries" in item 4: expected a whole number from 0 to 10, got lots']);
		h.record({ case: 'Get Many, 6 inputs (one empty conference)', in: inputs.length, out: result.items.length, ok: result.items.length - 2, failed: 2, requests: h.requests().length, paired: 'grouped, in order' });
	});

	// A refusal made before sending happens inside n8n's routing (preSend), which would output it unpaired whenever
	// outputs and inputs differ in number; the request loop outputs it instead, paired.
	test('Get Many: an input refused before sending is still paired with its input', async () => {
		const small = h.sim.seedConference({ friendlyName: `lost refused ${run}` });
		h.sim.seedParticipants(small.sid, 2);
		const result = await h.run({
			parameters: { resource: 'participant', operation: 'getAll', conference: '={{ $json.conference }}', returnAll: true },
			items: [{ conference: small.sid }, { conference: 'CFnope' }],
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[2].error?.message).toContain('Invalid value for "Conference" in item 1');
		expect(pairs(result.items)).toEqual([0, 0, 1]);
	});
});
