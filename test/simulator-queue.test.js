'use strict';
// Calls per second in the simulator: creates beyond the rate are accepted and queued, then dialled and
// connected on the simulator's clock. No 429 for call rate. Every request goes to 127.0.0.1 only.

const { createDialQueue } = require('../simulator/limits');
const { base, useSimulators, call, create, participantPath } = require('./helpers/simulator-client');

const start = useSimulators();

/** A simulator on a clock the test moves by hand. */
async function onClock(options) {
	const clock = { t: Date.parse('2026-10-05T10:00:00Z') };
	const sim = await start({ now: () => new Date(clock.t), ...options });
	return { sim, clock };
}

const statusOf = async (sim, p) => (await call(sim, 'GET', participantPath(p.conference_sid, p.call_sid))).json;

describe('calls per second', () => {
	test('creates beyond the rate answer 201 queued, with the wait in queue_time', async () => {
		const { sim, clock } = await onClock({ callsPerSecond: 2, connectAfterMs: 1000 });
		const made = [];
		for (let i = 0; i < 5; i++) made.push(await create(sim, 'busy', { Label: `p${i}` }));
		expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
		expect(made.map((r) => r.json.status)).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
		// Two a second: the first two go now, the next two a second later, the fifth after two seconds.
		expect(made.map((r) => r.json.queue_time)).toEqual(['0', '0', '1000', '1000', '2000']);
		expect(sim.state.participants).toHaveLength(5);
		expect(sim.stats().byStatus).toEqual({ 201: 5 });

		// A create made later waits for what is left of the queue.
		clock.t += 1500;
		expect((await create(sim, 'busy')).json.queue_time).toBe('500');
	});

	test('a participant waits queued, then goes connecting, ringing and connected on the clock', async () => {
		const { sim, clock } = await onClock({ callsPerSecond: 1, connectAfterMs: 1000 });
		const first = (await create(sim, 'clock')).json;
		const second = (await create(sim, 'clock')).json;
		expect(second.queue_time).toBe('1000');
		const conference = `${base}/Conferences/${first.conference_sid}.json`;

		expect((await statusOf(sim, first)).status).toBe('connecting');
		expect((await statusOf(sim, second)).status).toBe('queued');
		expect((await call(sim, 'GET', conference)).json.status).toBe('init');

		clock.t += 500;
		expect((await statusOf(sim, first)).status).toBe('ringing');
		expect((await statusOf(sim, second)).status).toBe('queued');

		clock.t += 500;
		const connected = await statusOf(sim, first);
		expect(connected.status).toBe('connected');
		expect(connected.queue_time).toBeNull();
		expect(Date.parse(connected.date_updated)).toBe(clock.t);
		expect((await statusOf(sim, second)).status).toBe('connecting');
		expect((await call(sim, 'GET', conference)).json.status).toBe('in-progress');

		clock.t += 1000;
		expect((await statusOf(sim, second)).status).toBe('connected');
	});

	test('the list shows queued participants with their current status', async () => {
		const { sim } = await onClock({ callsPerSecond: 1, connectAfterMs: 0 });
		const a = (await create(sim, 'listed')).json;
		await create(sim, 'listed');
		const list = await call(sim, 'GET', `${base}/Conferences/${a.conference_sid}/Participants.json`);
		expect(list.json.participants.map((p) => [p.status, p.queue_time])).toEqual([
			['connected', null],
			['queued', null],
		]);
	});

	test('setCallsPerSecond changes the rate for later creates; 0 and Infinity dial at once', async () => {
		const { sim } = await onClock({ callsPerSecond: 1 });
		await create(sim, 'rate');
		expect((await create(sim, 'rate')).json.queue_time).toBe('1000');
		sim.setCallsPerSecond(0);
		expect((await create(sim, 'rate')).json.queue_time).toBe('0');
		sim.setCallsPerSecond(Infinity);
		expect((await create(sim, 'rate')).json.queue_time).toBe('0');
		sim.setCallsPerSecond(10);
		const times = [];
		for (let i = 0; i < 12; i++) times.push((await create(sim, 'rate')).json.queue_time);
		expect(times).toEqual([...Array(10).fill('0'), '1000', '1000']);
		expect(sim.stats().callsPerSecond).toBe(10);
		expect(() => sim.setCallsPerSecond(-1)).toThrow(/callsPerSecond/);
	});

	test('the default is one call per second', async () => {
		const { sim } = await onClock({ callsPerSecond: undefined });
		await create(sim, 'default');
		expect((await create(sim, 'default')).json.queue_time).toBe('1000');
	});

	test('a create refused for another reason takes no place in the queue', async () => {
		const { sim } = await onClock({ callsPerSecond: 1 });
		await create(sim, 'refused');
		expect((await create(sim, 'refused', { Timeout: '1' })).status).toBe(400);
		expect((await create(sim, 'refused')).json.queue_time).toBe('1000');
	});
});

describe('dial queue', () => {
	test('fractional rates spread one call over a longer window', () => {
		let t = 0;
		const queue = createDialQueue({ callsPerSecond: 0.5, nowMs: () => t });
		expect([queue.schedule(), queue.schedule(), queue.schedule()]).toEqual([0, 2000, 4000]);
		t = 10000;
		expect(queue.schedule()).toBe(10000);
	});

	test('two and a half a second: two per 800 ms', () => {
		const queue = createDialQueue({ callsPerSecond: 2.5, nowMs: () => 0 });
		expect(Array.from({ length: 5 }, () => queue.schedule())).toEqual([0, 0, 800, 800, 1600]);
	});
});
