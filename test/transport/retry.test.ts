import { LONGEST_WAIT_MS, mayRetry, retryDelayMs } from '../../nodes/TwilioConference/transport/retry';

describe('what is retried', () => {
	test.each([
		[{ status: 429, notActedOn: true, transient: true }, false, true],
		[{ status: 503, notActedOn: true, transient: true }, false, true],
		[{ status: 500, notActedOn: false, transient: true }, false, false],
		[{ status: 500, notActedOn: false, transient: true }, true, true],
		[{ status: 400, notActedOn: false, transient: false }, true, false],
	])('%j, read only %s: %s', (hint, readOnly, expected) => {
		expect(mayRetry(hint, readOnly)).toBe(expected);
	});

	test('an error without a hint is never retried', () => {
		expect(mayRetry(undefined, true)).toBe(false);
	});
});

describe('how long to wait', () => {
	const hint = (waitMs?: number) => ({ status: 429, notActedOn: true, transient: true, waitMs });

	test('Retry-After is a floor, with a random share on top so refused items do not return together', () => {
		expect(retryDelayMs(hint(1000), 0, () => 0)).toBe(1000);
		expect(retryDelayMs(hint(1000), 0, () => 0.5)).toBe(1500);
		expect(retryDelayMs(hint(1000), 0, () => 0.999)).toBeLessThan(2000);
		const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(hint(1000), 0)));
		expect(spread.size).toBeGreaterThan(25);
	});

	test('without Retry-After, exponential backoff with jitter', () => {
		expect(retryDelayMs(hint(), 0, () => 0)).toBe(250);
		expect(retryDelayMs(hint(), 1, () => 0)).toBe(500);
		expect(retryDelayMs(hint(), 3, () => 0.999)).toBeLessThan(12_000);
		expect(retryDelayMs(hint(), 20, () => 0)).toBe(4000);
	});

	test('no wait is longer than a minute, whatever Retry-After says', () => {
		expect(retryDelayMs(hint(3_600_000), 0, () => 0.5)).toBe(LONGEST_WAIT_MS);
	});
});
