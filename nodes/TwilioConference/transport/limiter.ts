/**
 * Requests in flight per Twilio account. Twilio answers 429 (code 20429) when an account has too many REST
 * requests open at once, counting everything that uses the account, so the node keeps its own share below a
 * ceiling. Waiting requests leave strictly in the order they asked (first come, first served), which keeps
 * input order. After a 429 the ceiling halves, since something else is using the account's share, and it grows
 * back by one for every ceiling's worth of answers that are not 429s: slowly, so that it settles just under what
 * the account allows instead of climbing back into the limit at once.
 */
export class InFlightLimiter {
	private inFlight = 0;

	private ceiling: number;

	/** Answers since the last halving: one burst of 429s halves the ceiling once, not once per refused request. */
	private sinceSlowDown = Infinity;

	/** Answers since the ceiling last grew. */
	private sinceGrowth = 0;

	private readonly waiting: Array<{ start: () => void; cancel: (error: Error) => void }> = [];

	constructor(private max: number) {
		this.ceiling = max;
	}

	/** The most requests this limiter lets out at once right now. */
	get limit(): number {
		return Math.min(this.ceiling, this.max);
	}

	get active(): number {
		return this.inFlight;
	}

	get queued(): number {
		return this.waiting.length;
	}

	/** A later run may ask for another most; the adaptive ceiling starts again from it. */
	setMax(max: number): void {
		if (max === this.max) return;
		this.max = max;
		this.ceiling = max;
		this.sinceSlowDown = Infinity;
		this.drain();
	}

	/**
	 * Waits for a turn. Resolves with the function that gives the turn back; rejects with `whenAborted()` if the
	 * signal fires first, in which case the request must not be sent.
	 */
	async acquire(signal?: AbortSignal, whenAborted: () => Error = () => new Error('aborted')): Promise<() => void> {
		if (signal?.aborted) throw whenAborted();
		if (this.inFlight < this.limit && this.waiting.length === 0) return this.grant();
		return await new Promise<() => void>((resolve, reject) => {
			const entry = {
				start: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve(this.grant());
				},
				cancel: reject,
			};
			const onAbort = () => {
				const at = this.waiting.indexOf(entry);
				if (at >= 0) this.waiting.splice(at, 1);
				reject(whenAborted());
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(entry);
		});
	}

	/** Twilio said the account has too many requests open: leave room for whatever else uses it. */
	slowDown(): void {
		if (this.sinceSlowDown < this.ceiling) return;
		this.ceiling = Math.max(1, Math.floor(Math.min(this.ceiling, this.inFlight + 1) / 2));
		this.sinceSlowDown = 0;
	}

	/** An answer that was not a 429: the ceiling creeps back towards the most allowed. */
	speedUp(): void {
		this.sinceSlowDown += 1;
		this.sinceGrowth += 1;
		if (this.ceiling < this.max && this.sinceGrowth >= this.ceiling) {
			this.ceiling += 1;
			this.sinceGrowth = 0;
		}
		this.drain();
	}

	private grant(): () => void {
		this.inFlight += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight -= 1;
			this.drain();
		};
	}

	private drain(): void {
		while (this.waiting.length > 0 && this.inFlight < this.limit) this.waiting.shift()!.start();
	}
}

const MAX_ACCOUNTS = 1000;

/**
 * One limiter per account (API host and Account SID), shared by every item and every execution of this n8n
 * process: Twilio counts the account's open requests, not one execution's. On queue-mode workers each worker
 * keeps its own count.
 */
const limiters = new Map<string, InFlightLimiter>();

export function limiterFor(account: string, max: number): InFlightLimiter {
	let limiter = limiters.get(account);
	if (!limiter) {
		// Idle limiters of accounts no longer used would pile up in a long-running n8n.
		if (limiters.size >= MAX_ACCOUNTS) {
			for (const [key, idle] of limiters) if (idle.active === 0 && idle.queued === 0) limiters.delete(key);
		}
		limiter = new InFlightLimiter(max);
		limiters.set(account, limiter);
	} else {
		limiter.setMax(max);
	}
	return limiter;
}
