import type { VendorId } from '../core/catalog/types';
import { FAULT_KINDS, type FaultKind, type Faults } from './types';

export interface FaultDecision {
	/** null: answer normally (after the delay). */
	kind: FaultKind | 'rateLimit' | null;
	/** Latency plus jitter, before anything is sent. */
	delayMs: number;
	/** For `timeout`: how much longer the answer is held. */
	holdMs: number;
	/** For `5xx`. */
	httpStatus: number;
}

const DEFAULT_HOLD_MS = 30_000;
const DEFAULT_5XX = 503;

/** mulberry32: small, fast and good enough to make fault runs repeatable from a seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Bucket {
	tokens: number;
	at: number;
}

/** Decides, request by request, which fault (if any) the answer carries. */
export class FaultInjector {
	private faults: Faults = {};
	private burstLeft = 0;
	private random: () => number = Math.random;
	private buckets = new Map<VendorId, Bucket>();

	constructor(private readonly clockMs: () => number = () => performance.now()) {}

	set(faults: Faults): void {
		this.faults = validateFaults(faults);
		this.burstLeft = this.faults.burst?.count ?? 0;
		this.random = this.faults.random ? seededRandom(this.faults.random.seed) : Math.random;
		this.buckets.clear();
	}

	current(): Faults {
		return { ...this.faults, burst: this.faults.burst && { ...this.faults.burst, count: this.burstLeft } };
	}

	get whatsappUnavailable(): boolean {
		return this.faults.whatsappUnavailable === true;
	}

	/** `operationIds`: the operations the route can stand for (one, except for shared paths). */
	decide(vendor: VendorId, operationIds: readonly string[]): FaultDecision {
		const f = this.faults;
		const delayMs = (f.latencyMs ?? 0) + (f.jitterMs ? this.random() * f.jitterMs : 0);
		const decision: FaultDecision = { kind: null, delayMs, holdMs: 0, httpStatus: DEFAULT_5XX };
		if (!this.takeToken(vendor)) return { ...decision, kind: 'rateLimit' };
		const burst = f.burst;
		if (burst && this.burstLeft > 0 && (!burst.vendor || burst.vendor === vendor) && (!burst.operationId || operationIds.includes(burst.operationId))) {
			this.burstLeft--;
			return { ...decision, kind: burst.kind, holdMs: burst.holdMs ?? DEFAULT_HOLD_MS, httpStatus: burst.httpStatus ?? DEFAULT_5XX };
		}
		const random = f.random;
		if (random && (!random.vendor || random.vendor === vendor)) {
			let draw = this.random();
			for (const kind of FAULT_KINDS) {
				draw -= random.probability[kind] ?? 0;
				if (draw < 0) return { ...decision, kind, holdMs: random.holdMs ?? DEFAULT_HOLD_MS, httpStatus: random.httpStatus ?? DEFAULT_5XX };
			}
		}
		return decision;
	}

	/** Token bucket: `limit` tokens, refilled at `limit` per second; a request without a token is over the limit. */
	private takeToken(vendor: VendorId): boolean {
		const limit = this.faults.rateLimit?.[vendor];
		if (!limit) return true;
		const now = this.clockMs();
		const bucket = this.buckets.get(vendor) ?? { tokens: limit, at: now };
		bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) / 1000) * limit);
		bucket.at = now;
		this.buckets.set(vendor, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}
}

const VENDOR_IDS: readonly VendorId[] = ['aisolution', 'accuauth'];

/** Checks a Faults object (it may come from the control API as JSON); throws with what is wrong. */
export function validateFaults(input: unknown): Faults {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error('faults must be a JSON object');
	const f = input as Record<string, unknown>;
	const known = ['latencyMs', 'jitterMs', 'burst', 'rateLimit', 'random', 'whatsappUnavailable'];
	for (const key of Object.keys(f)) if (!known.includes(key)) throw new Error(`unknown fault setting "${key}" (known: ${known.join(', ')})`);
	nonNegative(f.latencyMs, 'latencyMs');
	nonNegative(f.jitterMs, 'jitterMs');
	if (f.burst !== undefined) {
		const b = object(f.burst, 'burst');
		kind(b.kind, 'burst.kind');
		if (typeof b.count !== 'number' || !Number.isInteger(b.count) || b.count < 0) throw new Error(`burst.count must be a whole number ≥ 0, got ${JSON.stringify(b.count)}`);
		vendor(b.vendor, 'burst.vendor');
		nonNegative(b.holdMs, 'burst.holdMs');
		httpStatus(b.httpStatus, 'burst.httpStatus');
	}
	if (f.rateLimit !== undefined) {
		const r = object(f.rateLimit, 'rateLimit');
		for (const [key, value] of Object.entries(r)) {
			vendor(key, 'rateLimit key');
			if (typeof value !== 'number' || !(value > 0)) throw new Error(`rateLimit.${key} must be requests per second > 0, got ${JSON.stringify(value)}`);
		}
	}
	if (f.random !== undefined) {
		const r = object(f.random, 'random');
		if (typeof r.seed !== 'number' || !Number.isFinite(r.seed)) throw new Error('random.seed must be a number');
		const p = object(r.probability, 'random.probability');
		let sum = 0;
		for (const [key, value] of Object.entries(p)) {
			kind(key, 'random.probability key');
			if (typeof value !== 'number' || value < 0 || value > 1) throw new Error(`random.probability.${key} must be between 0 and 1, got ${JSON.stringify(value)}`);
			sum += value;
		}
		if (sum > 1) throw new Error(`random.probability values add up to ${sum}, more than 1`);
		vendor(r.vendor, 'random.vendor');
		nonNegative(r.holdMs, 'random.holdMs');
		httpStatus(r.httpStatus, 'random.httpStatus');
	}
	if (f.whatsappUnavailable !== undefined && typeof f.whatsappUnavailable !== 'boolean') throw new Error('whatsappUnavailable must be true or false');
	return structuredClone(f) as Faults;
}

function object(value: unknown, name: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${name} must be an object`);
	return value as Record<string, unknown>;
}

function nonNegative(value: unknown, name: string): void {
	if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))) throw new Error(`${name} must be a number ≥ 0, got ${JSON.stringify(value)}`);
}

function kind(value: unknown, name: string): void {
	if (!FAULT_KINDS.includes(value as FaultKind)) throw new Error(`${name} must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(value)}`);
}

function vendor(value: unknown, name: string): void {
	if (value !== undefined && !VENDOR_IDS.includes(value as VendorId)) throw new Error(`${name} must be one of ${VENDOR_IDS.join(', ')}, got ${JSON.stringify(value)}`);
}

function httpStatus(value: unknown, name: string): void {
	if (value !== undefined && (typeof value !== 'number' || value < 500 || value > 599)) throw new Error(`${name} must be a 5xx status, got ${JSON.stringify(value)}`);
}
