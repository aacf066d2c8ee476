/** Throughput controls: at most N requests in flight, and a per-vendor pace that learns the vendor's limit. */

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

/** Below this the governor never goes: one start every five seconds still finds out when the limit lifts. */
const MIN_RATE = 0.2;
/** After a rate-limit answer the pace grows back this much per second while it is below the last known limit … */
const FAST_GROWTH = 0.25;
/** … and this much once it is near it, probing gently for a higher limit. */
const SLOW_GROWTH = 0.04;
const WINDOW_MS = 1000;
/**
 * Overshooting a limit gets many calls refused at once; a server having a bad moment refuses a few. An ambiguous
 * refusal (RETRY_LATER) reads as a limit only when at least this share of the last second's answers were refusals.
 */
const LIMIT_SHARE = 0.2;
/** A vendor that accepted a call this recently is serving: its refusals are about pace. */
const SERVING_MS = 5000;

/**
 * One per vendor host (a client holds one set of credentials). Vendors don't publish their rate limits, so it
 * learns them (AIMD):
 * - until the first rate-limit answer it does not pace at all (or paces at the user's cap);
 * - a rate-limit answer sets the pace to what the vendor accepted over the last second, and at most 90 % of the
 *   pace that was just refused; answers to requests started before that cut are not counted again;
 * - `Retry-After` pauses every start until then;
 * - while answers are accepted, the pace grows, fast up to the last limit seen and slowly past it.
 * Starts are spaced evenly (1/rate apart) rather than in bursts, so a vendor that counts per second never sees more.
 */
export class RateGovernor {
	private rate: number | undefined;
	private ceiling = Infinity;
	private nextStart = 0;
	private pausedUntil = 0;
	private lastCutAt = -Infinity;
	private grownAt = 0;
	private readonly accepted: number[] = [];
	private readonly refusals: number[] = [];
	/** Rate-limit answers seen, for reports. */
	limited = 0;

	constructor(
		private readonly sleep: Sleep,
		/** The user's own "requests per second": never exceeded. */
		private readonly cap?: number,
		private readonly now: () => number = Date.now,
	) {
		if (cap !== undefined && !(cap > 0)) throw new RangeError(`requests per second must be above 0, got ${cap}`);
	}

	/** The pace in requests per second, or undefined while nothing limits it. */
	get pace(): number | undefined {
		if (this.rate === undefined) return this.cap;
		return this.cap === undefined ? this.rate : Math.min(this.rate, this.cap);
	}

	/** Waits for this request's turn; returns its start time, to hand back with the answer. */
	async acquire(): Promise<number> {
		const now = this.now();
		const pace = this.pace;
		let start = Math.max(now, this.pausedUntil);
		if (pace !== undefined) {
			// A little slack so clock jitter never puts rate+1 starts in one vendor second.
			start = Math.max(start, this.nextStart);
			this.nextStart = start + (1000 / pace) * 1.02;
		}
		if (start > now) await this.sleep(start - now);
		return start;
	}

	/**
	 * Whether a refusal that may mean "slow down" or "server trouble" (RETRY_LATER) is about pace: the vendor is still
	 * accepting calls, and either many recent answers were refusals or a limit has been learned already.
	 */
	soundsLikeALimit(): boolean {
		const now = this.now();
		this.refusals.push(now);
		prune(this.refusals, now - WINDOW_MS);
		if (!this.serving()) return false;
		if (this.rate !== undefined) return true;
		const accepted = this.accepted.filter((at) => at > now - WINDOW_MS).length;
		return this.refusals.length / (this.refusals.length + accepted) >= LIMIT_SHARE;
	}

	/** Whether the vendor accepted any call lately: refusals then mean a limit, not an outage. */
	serving(): boolean {
		const last = this.accepted[this.accepted.length - 1];
		return last !== undefined && last > this.now() - SERVING_MS;
	}

	/** The vendor took a request (any answer but a rate-limit one). */
	accept(): void {
		const now = this.now();
		this.accepted.push(now);
		prune(this.accepted, now - WINDOW_MS);
		if (this.rate === undefined) return;
		const seconds = Math.min(1, (now - this.grownAt) / 1000);
		this.grownAt = now;
		const growth = this.rate < this.ceiling * 0.95 ? FAST_GROWTH : SLOW_GROWTH;
		this.rate *= 1 + growth * seconds;
	}

	/** The vendor refused a request started at `startedAt` for its rate. */
	refuse(startedAt: number, retryAfterMs?: number): void {
		const now = this.now();
		this.limited++;
		if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
		if (startedAt < this.lastCutAt) return;
		const taken = this.accepted.filter((at) => at > now - WINDOW_MS).length * (1000 / WINDOW_MS);
		const refused = this.pace ?? Infinity;
		const next = Math.min(taken > 0 ? taken : refused / 2, refused * 0.9);
		// The first refusal comes in a burst, whose answers arrive together: what was taken is a poor measure yet.
		this.ceiling = this.rate === undefined || !Number.isFinite(refused) ? Infinity : Math.max(next, taken);
		this.rate = Math.max(MIN_RATE, Number.isFinite(next) ? next : 1);
		this.lastCutAt = now;
		this.grownAt = now;
		this.nextStart = Math.max(this.nextStart, now);
	}
}

/** Drops the times at or before `until` from the front of an ascending list. */
function prune(times: number[], until: number): void {
	let drop = 0;
	while (drop < times.length && times[drop] <= until) drop++;
	if (drop > 0) times.splice(0, drop);
}
