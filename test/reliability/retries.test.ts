/**
 * What is sent again after a failure, and when: a 429 or 503 on any operation (Twilio did not act), after
 * Retry-After or a growing, jittered backoff; a Create is never repeated once Twilio may have acted.
 */
import { reliability } from './harness';
import type { LoggedRequest } from '../helpers/twilio';

const h = reliability('retries');
const at = (request: LoggedRequest) => (request as LoggedRequest & { at: number }).at;
const TOO_MANY = {
	code: 20429,
	message: 'Too Many Requests',
	more_info: 'https://www.twilio.com/docs/errors/20429',
	status: 429,
};
let rooms = 0;
const newRoom = (what: string) => `retries ${what} ${++rooms}`;

test('without Retry-After the retries back off, growing, with jitter', async () => {
	const conference = h.sim.seedConference({ friendlyName: newRoom('backoff') });
	h.sim.seedParticipants(conference.sid, 6, (i: number) => ({ label: `b${i}` }));
	// Two 429s without Retry-After for each of six reads.
	h.sim.inject({ kind: 'status', status: 429, times: 12, body: TOO_MANY });
	const result = await h.run({
		parameters: {
			resource: 'participant',
			operation: 'get',
			conference: conference.sid,
			participant: '={{ $json.who }}',
		},
		items: Array.from({ length: 6 }, (_, i) => ({ who: `b${i}` })),
		credentials: h.credentials,
	});
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.label)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
	const firstGaps: number[] = [];
	for (let i = 0; i < 6; i++) {
		const times = h
			.requests()
			.filter((r) => r.path.endsWith(`/b${i}.json`))
			.map(at);
		expect(times).toHaveLength(3);
		firstGaps.push(times[1] - times[0]);
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(240);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(490);
	}
	// Jitter: six waits that all fell within 5 ms of each other would mean none.
	expect(Math.max(...firstGaps) - Math.min(...firstGaps)).toBeGreaterThan(5);
	h.record({ case: 'get x6, 2x 429 each, no Retry-After', requests: h.requests().length, '429s': 12 });
});

test.each(['create', 'update', 'delete'])(
	'%s: a 429 with Retry-After: 1 is waited out and sent again, once',
	async (operation) => {
		const room = newRoom(operation);
		const conference = h.sim.seedConference({ friendlyName: room });
		h.sim.seedParticipants(conference.sid, 1, { label: 'ra' });
		h.sim.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '1' }, body: TOO_MANY });
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation,
				conference: operation === 'create' ? room : conference.sid,
				participant: 'ra',
				from: '+15017122661',
				to: '+15558675310',
				updateFields: { hold: true },
			},
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		const [refused, accepted, ...more] = h.requests();
		expect([refused.status, accepted.status]).toEqual([
			429,
			operation === 'create' ? 201 : operation === 'delete' ? 204 : 200,
		]);
		expect(more).toEqual([]);
		expect(at(accepted) - at(refused)).toBeGreaterThanOrEqual(950);
		h.record({ case: `${operation}: one 429 with Retry-After: 1`, requests: 2, '429s': 1 });
	},
);

test.each([
	[500, 'create'],
	[502, 'update'],
	[504, 'delete'],
])('a %s on %s is not sent again: Twilio may have acted', async (status, operation) => {
	const room = newRoom(`${status}`);
	const conference = h.sim.seedConference({ friendlyName: room });
	h.sim.seedParticipants(conference.sid, 1, { label: 'once' });
	h.sim.inject({ kind: 'status', status });
	const result = await h.run({
		parameters: {
			resource: 'participant',
			operation,
			conference: operation === 'create' ? room : conference.sid,
			participant: 'once',
			from: '+15017122661',
			to: '+15558675310',
			updateFields: { muted: true },
		},
		credentials: h.credentials,
	});
	expect(h.requests()).toHaveLength(1);
	expect(result.error?.description).toContain('check before running it again');
	h.record({ case: `${operation}: ${status}`, requests: 1, '429s': 0 });
});
