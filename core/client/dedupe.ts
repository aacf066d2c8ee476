import { createHash } from 'crypto';
import type { CallResult } from '../outcome';
import { PreparedImage } from './preparedImage';
import type { PreparedInputs } from './request';

/** The identity of a call: operation plus every input, images by their sha256. */
export function callKey(operationId: string, inputs: PreparedInputs): string {
	const hash = createHash('sha256').update(operationId);
	for (const name of Object.keys(inputs).sort()) {
		const value = inputs[name];
		const digest = value instanceof PreparedImage ? value.sha256() : value;
		hash.update(`\n${name}=${digest}`);
	}
	return hash.digest('hex');
}

/** What two calls must share to be the same call: operation, text inputs and image sizes. Costs no hashing. */
function roughKey(operationId: string, inputs: PreparedInputs): string {
	let key = operationId;
	for (const name of Object.keys(inputs).sort()) {
		const value = inputs[name];
		key += `\n${name}${value instanceof PreparedImage ? `#${value.byteLength}` : `=${value}`}`;
	}
	return key;
}

/** Where a call stands in its scope; `find` makes it, `add` and `remove` take it back. */
export interface ScopeEntry {
	readonly rough: string;
	readonly operationId: string;
	readonly inputs: PreparedInputs;
	/** Set once the call had to be hashed. */
	key?: string;
}

/**
 * The calls of one scope, found again by their inputs. Hashing a 150 KB image costs about 0.1 ms, and most scopes
 * (a GraphQL request) never see two calls that could be the same. So a call is hashed only when another one has
 * the same operation, text inputs and image sizes, or once more than `keepUnhashed` calls wait unhashed (an n8n
 * execution of many items): no scope holds more than that many images for later.
 */
export class ScopeCalls<T> {
	private readonly byKey = new Map<string, T>();
	/** How many hashed calls have each rough key. */
	private readonly hashedRough = new Map<string, number>();
	/** At most one call per rough key, oldest first. */
	private readonly unhashed = new Map<string, { entry: ScopeEntry; value: T }>();

	constructor(
		/** Hash every call at once (a cache across scopes needs every key). */
		private readonly hashAll = false,
		private readonly keepUnhashed = 16,
	) {}

	/** The earlier call with the same inputs, if there is one. */
	find(operationId: string, inputs: PreparedInputs): { earlier?: T; entry: ScopeEntry } {
		const entry: ScopeEntry = { rough: roughKey(operationId, inputs), operationId, inputs };
		const twin = this.unhashed.get(entry.rough);
		if (twin) this.hash(twin.entry, twin.value);
		if (this.hashAll || this.hashedRough.has(entry.rough)) {
			entry.key = callKey(operationId, inputs);
			return { earlier: this.byKey.get(entry.key), entry };
		}
		return { entry };
	}

	add(entry: ScopeEntry, value: T): void {
		if (entry.key !== undefined) return this.keep(entry.key, entry.rough, value);
		this.unhashed.set(entry.rough, { entry, value });
		if (this.unhashed.size > this.keepUnhashed) {
			const oldest = this.unhashed.values().next().value!;
			this.hash(oldest.entry, oldest.value);
		}
	}

	/** Forgets the call, wherever it is kept now. */
	remove(entry: ScopeEntry, value: T): void {
		if (this.unhashed.get(entry.rough)?.value === value) {
			this.unhashed.delete(entry.rough);
			return;
		}
		const key = (entry.key ??= callKey(entry.operationId, entry.inputs));
		if (this.byKey.get(key) !== value) return;
		this.byKey.delete(key);
		const left = (this.hashedRough.get(entry.rough) ?? 1) - 1;
		if (left > 0) this.hashedRough.set(entry.rough, left);
		else this.hashedRough.delete(entry.rough);
	}

	private hash(entry: ScopeEntry, value: T): void {
		this.unhashed.delete(entry.rough);
		entry.key ??= callKey(entry.operationId, entry.inputs);
		this.keep(entry.key, entry.rough, value);
	}

	private keep(key: string, rough: string, value: T): void {
		if (!this.byKey.has(key)) this.hashedRough.set(rough, (this.hashedRough.get(rough) ?? 0) + 1);
		this.byKey.set(key, value);
	}
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
