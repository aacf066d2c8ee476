import { createHash } from 'crypto';
import type { CallResult } from '../outcome';
import type { PreparedInputs } from './request';

/** The identity of a call: operation plus every input, images by their sha256. */
export function callKey(operationId: string, inputs: PreparedInputs): string {
	const hash = createHash('sha256').update(operationId);
	for (const name of Object.keys(inputs).sort()) {
		const value = inputs[name];
		const digest = value instanceof Uint8Array ? createHash('sha256').update(value).digest('hex') : value;
		hash.update(`\n${name}=${digest}`);
	}
	return hash.digest('hex');
}

/** Only final answers are worth keeping: a failure, or a "still checking", is asked again by the next caller. */
export const isFinal = (result: CallResult) => result.outcome !== 'failed' && !result.pending;

/** A later caller's copy: nothing was sent or paid for it. */
export const reusedCopy = (result: CallResult): CallResult => ({ ...result, reused: true, attempts: 0, charged: false });

/** Final answers across scopes, for a while; off unless configured. */
export class ResultCache {
	private readonly entries = new Map<string, { result: CallResult; expires: number }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries = 10_000,
		private readonly now: () => number = Date.now,
	) {}

	get(key: string): CallResult | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expires <= this.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.result;
	}

	set(key: string, result: CallResult): void {
		this.entries.delete(key);
		this.entries.set(key, { result, expires: this.now() + this.ttlMs });
		// Maps iterate in insertion order: the first key is the oldest.
		if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
	}
}
