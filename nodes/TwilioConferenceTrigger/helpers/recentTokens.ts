/**
 * Idempotency tokens seen recently. Twilio retries a callback it thinks failed, with the same
 * I-Twilio-Idempotency-Token; a token seen before starts nothing. The memory is per n8n process (each main or
 * webhook process remembers its own), bounded in size and in time.
 */
export class RecentTokens {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Records the token; true when it was already recorded and has not expired. */
	checkAndRemember(token: string): boolean {
		const now = this.now();
		this.evict(now);
		const expiresAt = this.seen.get(token);
		if (expiresAt !== undefined && expiresAt > now) return true;
		this.seen.delete(token);
		this.seen.set(token, now + this.ttlMs);
		while (this.seen.size > this.maxEntries) {
			const oldest = this.seen.keys().next().value as string;
			this.seen.delete(oldest);
		}
		return false;
	}

	get size(): number {
		return this.seen.size;
	}

	clear(): void {
		this.seen.clear();
	}

	// Entries are kept in insertion order with one TTL, so the expired ones are at the front.
	private evict(now: number): void {
		for (const [token, expiresAt] of this.seen) {
			if (expiresAt > now) break;
			this.seen.delete(token);
		}
	}
}

/** Twilio retries within minutes; a day covers its retry schedule with room. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const IDEMPOTENCY_MAX_ENTRIES = 50_000;

export const recentTokens = new RecentTokens(IDEMPOTENCY_TTL_MS, IDEMPOTENCY_MAX_ENTRIES);
