import type { Redis } from 'ioredis';

/**
 * The counters behind rate limits and budgets. In memory for one instance; in Redis when several
 * instances behind a load balancer must count as one. Both give the same answers for the same calls.
 */
export interface Counters {
	/** Adds 1 to a counter that expires after ttlMs (from its first hit); returns the count after the hit. */
	hit(key: string, ttlMs: number): Promise<number>;
	/** Adds 1 unless the counter has reached `limit`; returns the new count, or null when refused. */
	reserve(key: string, limit: number, ttlMs: number): Promise<number | null>;
	/** Gives back one reserved unit (the call was not charged after all). */
	release(key: string): Promise<void>;
	get(key: string): Promise<number>;
}

export class MemoryCounters implements Counters {
	private readonly entries = new Map<string, { value: number; expires: number }>();

	constructor(private readonly now: () => number = Date.now) {}

	private entry(key: string, ttlMs: number) {
		const now = this.now();
		let entry = this.entries.get(key);
		if (!entry || entry.expires <= now) {
			entry = { value: 0, expires: now + ttlMs };
			this.entries.set(key, entry);
			this.sweep(now);
		}
		return entry;
	}

	async hit(key: string, ttlMs: number): Promise<number> {
		return ++this.entry(key, ttlMs).value;
	}

	async reserve(key: string, limit: number, ttlMs: number): Promise<number | null> {
		const entry = this.entry(key, ttlMs);
		if (entry.value >= limit) return null;
		return ++entry.value;
	}

	async release(key: string): Promise<void> {
		const entry = this.entries.get(key);
		if (entry && entry.value > 0) entry.value--;
	}

	async get(key: string): Promise<number> {
		const entry = this.entries.get(key);
		return entry && entry.expires > this.now() ? entry.value : 0;
	}

	/** Expired windows go, so memory does not grow with time. */
	private sweep(now: number) {
		if (this.entries.size < 1000) return;
		for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
	}
}

// One round trip each, atomic on the Redis server.
const HIT = `local v = redis.call('INCR', KEYS[1]) if v == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return v`;
const RESERVE = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v >= tonumber(ARGV[1]) then return -1 end
v = redis.call('INCR', KEYS[1])
if v == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;
const RELEASE = `local v = tonumber(redis.call('GET', KEYS[1]) or '0') if v > 0 then redis.call('DECR', KEYS[1]) end return 0`;

export class RedisCounters implements Counters {
	constructor(
		private readonly redis: Redis,
		private readonly prefix = 'idverify:',
	) {}

	async hit(key: string, ttlMs: number): Promise<number> {
		return Number(await this.redis.eval(HIT, 1, this.prefix + key, ttlMs));
	}

	async reserve(key: string, limit: number, ttlMs: number): Promise<number | null> {
		const value = Number(await this.redis.eval(RESERVE, 1, this.prefix + key, limit, ttlMs));
		return value < 0 ? null : value;
	}

	async release(key: string): Promise<void> {
		await this.redis.eval(RELEASE, 1, this.prefix + key);
	}

	async get(key: string): Promise<number> {
		return Number((await this.redis.get(this.prefix + key)) ?? 0);
	}
}
