/** Throughput controls: at most N requests in flight, and at most R request starts per second per vendor. */

export type Sleep = (ms: number) => Promise<void>;

export class Semaphore {
	private active = 0;
	private readonly waiting: (() => void)[] = [];

	constructor(private readonly limit: number) {
		if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1, got ${limit}`);
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.active++;
		try {
			return await task();
		} finally {
			this.active--;
			this.waiting.shift()?.();
		}
	}
}

/**
 * Spaces request starts evenly (1/rate apart) rather than in bursts: a vendor that counts
 * requests per second then never sees more than the rate, whatever its window alignment.
 */
export class RateLimiter {
	private nextStart = 0;
	private readonly intervalMs: number;

	constructor(
		perSecond: number,
		private readonly sleep: Sleep,
		private readonly now: () => number = Date.now,
	) {
		if (!(perSecond > 0)) throw new RangeError(`requests per second must be above 0, got ${perSecond}`);
		// A little slack so clock jitter never puts rate+1 starts in one vendor second.
		this.intervalMs = (1000 / perSecond) * 1.02;
	}

	async acquire(): Promise<void> {
		const now = this.now();
		const start = Math.max(now, this.nextStart);
		this.nextStart = start + this.intervalMs;
		if (start > now) await this.sleep(start - now);
	}
}
