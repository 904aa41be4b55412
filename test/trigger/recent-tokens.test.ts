import { RecentTokens } from '../../nodes/TwilioConferenceTrigger/helpers/recentTokens';

describe('idempotency token memory', () => {
	it('remembers a token until it expires', () => {
		let now = 1_000;
		const tokens = new RecentTokens(60_000, 10, () => now);
		expect(tokens.checkAndRemember('a')).toBe(false);
		now += 59_999;
		expect(tokens.checkAndRemember('a')).toBe(true);
		now += 1;
		expect(tokens.checkAndRemember('a')).toBe(false);
		expect(tokens.size).toBe(1);
	});

	it('stays within its size, forgetting the oldest first', () => {
		const tokens = new RecentTokens(60_000, 3, () => 0);
		for (const token of ['a', 'b', 'c', 'd']) tokens.checkAndRemember(token);
		expect(tokens.size).toBe(3);
		expect(tokens.checkAndRemember('d')).toBe(true);
		expect(tokens.checkAndRemember('a')).toBe(false);
	});
});
