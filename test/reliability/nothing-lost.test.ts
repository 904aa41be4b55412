/**
 * Nothing lost: with Continue On Fail, every mix of successes and failures of Update and Create gives one output
 * per input, paired with it, in input order (Get Many with Return All: nothing-lost-return-all.test.ts).
 */
import { COUNTED, pairs, reliability, totalOf } from './harness';

const h = reliability('nothing-lost');
h.summarize(() => ({ case: 'total', ...totalOf(h.figures, COUNTED), paired: 'every item' }));

const twilioError = (status: number, code: number, message: string) => ({
	code,
	message,
	more_info: `https://www.twilio.com/docs/errors/${code}`,
	status,
});

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
		{
			outcome: 'refused input',
			message: /^Invalid value for "Muted" in item \d+: expected true or false, got perhaps$/,
			requests: 0,
		},
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
			if (outcome === '503 then ok')
				h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, path });
			if (outcome === 'reset') h.sim.inject({ kind: 'reset', path });
			if (outcome === 'malformed JSON') h.sim.inject({ kind: 'malformed-json', path });
			return {
				who: outcome === '404' ? `ghost ${i}` : `m${i}`,
				muted: outcome === 'refused input' ? 'perhaps' : true,
				hold: outcome === 'ok (hold)',
			};
		});
		return {
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: '={{ $json.who }}',
				updateFields: { muted: '={{ $json.muted }}', hold: '={{ $json.hold }}' },
			},
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
		const expectedRequests = Array.from({ length: N }, (_, i) => CASES[i % CASES.length].requests).reduce(
			(a, b) => a + b,
			0,
		);
		expect(h.requests()).toHaveLength(expectedRequests);
		const failed = result.items.filter((item) => item.error).length;
		h.record({
			case: 'Update mix, Continue On Fail',
			in: N,
			out: result.items.length,
			ok: N - failed,
			failed,
			requests: h.requests().length,
			paired: 'in order',
		});
	});

	test('without Continue On Fail the node fails on the first failing item, naming it, and outputs nothing', async () => {
		const result = await h.run(setUp());
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Invalid value for "Muted" in item 1: expected true or false, got perhaps');
		expect(result.error?.name).toMatch(/^Node(Api|Operation)Error$/);
		h.record({
			case: 'Update mix, no Continue On Fail',
			in: N,
			out: 0,
			ok: '-',
			failed: 'node',
			requests: h.requests().length,
			paired: '-',
		});
	});
});

test('Create, 12 items mixing outcomes under the rate limit: 12 out in order, each participant made at most once', async () => {
	const CASES: Case[] = [
		{ outcome: 'ok', requests: 1 },
		{
			outcome: 'refused input',
			message: /^Invalid value for "Timeout" in item \d+: expected a whole number from 5 to 600, got 3$/,
			requests: 0,
		},
		{
			outcome: 'Twilio 400',
			message: /^Twilio rejected the request: Phone number is not a valid phone number$/,
			requests: 1,
		},
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
			if (outcome === 'Twilio 400')
				h.sim.inject({
					kind: 'status',
					status: 400,
					path,
					body: twilioError(400, 21217, 'Phone number is not a valid phone number'),
				});
			if (outcome === '500') h.sim.inject({ kind: 'status', status: 500, path });
			if (outcome === '503 then ok')
				h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, path });
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
			items: rooms.map((room, i) => ({
				room,
				label: `c${i}`,
				timeout: CASES[i % CASES.length].outcome === 'refused input' ? 3 : 30,
			})),
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
		const expectedRequests = Array.from({ length: N }, (_, i) => CASES[i % CASES.length].requests).reduce(
			(a, b) => a + b,
			0,
		);
		// Every 429 was sent again; nothing else was sent more than the table says.
		expect(sent).toHaveLength(expectedRequests + rateLimited);
		const failed = result.items.filter((item) => item.error).length;
		h.record({
			case: `Create mix, account limited to 4/s (${rateLimited} 429s retried)`,
			in: N,
			out: result.items.length,
			ok: N - failed,
			failed,
			requests: sent.length,
			paired: 'in order',
		});
	} finally {
		h.sim.setCallsPerSecond(0);
	}
});
