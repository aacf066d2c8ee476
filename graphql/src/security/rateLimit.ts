import type { ApiKeyConfig } from '../config';
import type { Counters } from '../state/counters';

const MINUTE_MS = 60_000;

/** Requests per minute per API key, in fixed one-minute windows (shared through Redis when configured). */
export class RateLimits {
	constructor(
		private readonly counters: Counters,
		private readonly now: () => number = Date.now,
	) {}

	/** null when the request may go on; otherwise the seconds until the next window. */
	async check(key: ApiKeyConfig): Promise<number | null> {
		const now = this.now();
		const window = Math.floor(now / MINUTE_MS);
		const count = await this.counters.hit(`rate:${key.name}:${window}`, MINUTE_MS);
		if (count <= key.ratePerMinute) return null;
		return Math.max(1, Math.ceil(((window + 1) * MINUTE_MS - now) / 1000));
	}
}
