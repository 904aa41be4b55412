/**
 * Nothing lost in Get Many with Return All: each participant comes out exactly once even when a page had to be
 * fetched again, a page that cannot be had fails its item as a whole, and several inputs come out grouped and
 * paired, in input order.
 */
import { COUNTED, pairs, reliability, requestsNumbered, totalOf } from './harness';

const h = reliability('nothing-lost-return-all');
h.summarize(() => ({ case: 'total', ...totalOf(h.figures, COUNTED), paired: 'every item' }));

let run = 0;
beforeEach(() => {
	run += 1;
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
	])(
		'page 2 of 3 met %s and was fetched again: each of the 2500 participants exactly once, in order',
		async (name, fault) => {
			h.sim.inject({ ...fault, path: requestsNumbered(listPath(), 2) });
			const result = await h.run({
				parameters: { resource: 'participant', operation: 'getAll', conference: big.sid, returnAll: true },
				credentials: h.credentials,
			});
			expect(result.error).toBeUndefined();
			const sids = result.items.map((item) => item.json.call_sid);
			expect(sids).toEqual(bigSids);
			expect(new Set(sids).size).toBe(2500);
			const sent = h.requests();
			expect(sent.map((r) => r.fault)).toEqual([null, fault.kind, null, null]);
			// The retry asked for the same page, not the next one.
			expect(sent[2].query).toEqual(sent[1].query);
			h.record({
				case: `Return All, page 2 retried after ${name}`,
				in: 1,
				out: result.items.length,
				ok: result.items.length,
				failed: 0,
				requests: sent.length,
				paired: 'item 0',
			});
		},
	);

	test('a page that cannot be had fails the item as a whole: no part of the list comes out', async () => {
		h.sim.inject({ kind: 'status', status: 500, path: requestsNumbered(listPath(), 3, 4), times: 2 });
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: big.sid,
				returnAll: true,
				options: { maxRetries: 1 },
			},
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].error?.message).toBe('Twilio had a problem on its side (500)');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.requests()).toHaveLength(4);
		h.record({
			case: 'Return All, page 3 fails for good',
			in: 1,
			out: 1,
			ok: 0,
			failed: 1,
			requests: 4,
			paired: 'item 0',
		});
	});

	test("several inputs: each input's participants come out together, paired with it, in input order; failures too", async () => {
		const small = h.sim.seedConference({ friendlyName: `lost small ${run}` });
		const smallSids = h.sim.seedParticipants(small.sid, 3).map((p) => p.call_sid);
		const empty = h.sim.seedConference({ friendlyName: `lost empty ${run}` });
		const unknown = 'CF00000000000000000000000000000000';
		h.sim.inject({
			kind: 'status',
			status: 503,
			headers: { 'Retry-After': '0' },
			path: requestsNumbered(listPath(), 2),
		});
		const inputs = [
			{ conference: small.sid },
			{ conference: unknown },
			{ conference: big.sid },
			{ conference: empty.sid },
			{ conference: small.sid, maxRetries: 'lots' },
			{ conference: small.sid },
		];
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: '={{ $json.conference }}',
				returnAll: true,
				options: { maxRetries: '={{ $json.maxRetries ?? 3 }}' },
			},
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
		expect(of(1).map((item) => item.error?.message)).toEqual([
			'Twilio could not find the conference or participant (404 Not Found)',
		]);
		expect(of(4).map((item) => item.error?.message)).toEqual([
			'Invalid value for "Max Retries" in item 4: expected a whole number from 0 to 10, got lots',
		]);
		h.record({
			case: 'Get Many, 6 inputs (one empty conference)',
			in: inputs.length,
			out: result.items.length,
			ok: result.items.length - 2,
			failed: 2,
			requests: h.requests().length,
			paired: 'grouped, in order',
		});
	});

	// A refusal made before sending happens inside n8n's routing (preSend), which would output it unpaired whenever
	// outputs and inputs differ in number; the request loop outputs it instead, paired.
	test('Get Many: an input refused before sending is still paired with its input', async () => {
		const small = h.sim.seedConference({ friendlyName: `lost refused ${run}` });
		h.sim.seedParticipants(small.sid, 2);
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'getAll',
				conference: '={{ $json.conference }}',
				returnAll: true,
			},
			items: [{ conference: small.sid }, { conference: 'CFnope' }],
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[2].error?.message).toContain('Invalid value for "Conference" in item 1');
		expect(pairs(result.items)).toEqual([0, 0, 1]);
	});
});
