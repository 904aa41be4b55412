import { InFlightLimiter, limiterFor } from '../../nodes/TwilioConference/transport/limiter';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('InFlightLimiter', () => {
	test('lets out at most its limit at once, the rest in the order they asked', async () => {
		const limiter = new InFlightLimiter(2);
		const started: number[] = [];
		const releases: Array<() => void> = [];
		const turns = [0, 1, 2, 3, 4].map(async (n) => {
			const release = await limiter.acquire();
			started.push(n);
			releases.push(release);
		});
		await tick();
		expect(started).toEqual([0, 1]);
		expect(limiter.active).toBe(2);
		expect(limiter.queued).toBe(3);
		releases[1]();
		await tick();
		expect(started).toEqual([0, 1, 2]);
		releases[0]();
		releases[2]();
		await tick();
		expect(started).toEqual([0, 1, 2, 3, 4]);
		releases.forEach((release) => release());
		await Promise.all(turns);
		expect(limiter.active).toBe(0);
	});

	test('a turn given back twice counts once', async () => {
		const limiter = new InFlightLimiter(1);
		const release = await limiter.acquire();
		release();
		release();
		expect(limiter.active).toBe(0);
		const again = await limiter.acquire();
		expect(limiter.active).toBe(1);
		again();
	});

	test('a stopped execution leaves the queue without ever getting a turn', async () => {
		const limiter = new InFlightLimiter(1);
		const first = await limiter.acquire();
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal, () => new Error('stopped'));
		const behind = limiter.acquire();
		controller.abort();
		await expect(waiting).rejects.toThrow('stopped');
		first();
		const next = await behind;
		expect(limiter.active).toBe(1);
		next();
		await expect(limiter.acquire(controller.signal, () => new Error('already stopped'))).rejects.toThrow(
			'already stopped',
		);
		expect(limiter.queued).toBe(0);
	});

	test('a 429 halves the ceiling once per burst; it grows back by one per ceiling of answers', async () => {
		const limiter = new InFlightLimiter(8);
		const held = await Promise.all(Array.from({ length: 8 }, async () => await limiter.acquire()));
		held[0]();
		limiter.slowDown();
		expect(limiter.limit).toBe(4);
		// More refusals of the same burst do not halve it again.
		held[1]();
		limiter.slowDown();
		expect(limiter.limit).toBe(4);
		for (let i = 0; i < 3; i++) limiter.speedUp();
		expect(limiter.limit).toBe(4);
		limiter.speedUp();
		expect(limiter.limit).toBe(5);
		for (let i = 0; i < 5 + 6 + 7; i++) limiter.speedUp();
		expect(limiter.limit).toBe(8);
		for (let i = 0; i < 20; i++) limiter.speedUp();
		expect(limiter.limit).toBe(8);
		held.slice(2).forEach((release) => release());
	});

	test('never goes below one request in flight', () => {
		const limiter = new InFlightLimiter(1);
		limiter.slowDown();
		expect(limiter.limit).toBe(1);
	});

	test('one limiter per account, shared, taking the latest most', () => {
		const a = limiterFor('https://api.twilio.com/2010-04-01/Accounts/ACa', 5);
		expect(limiterFor('https://api.twilio.com/2010-04-01/Accounts/ACa', 7)).toBe(a);
		expect(a.limit).toBe(7);
		expect(limiterFor('https://api.twilio.com/2010-04-01/Accounts/ACb', 5)).not.toBe(a);
	});
});
