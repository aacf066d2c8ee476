import { OPERATIONS } from '../core/catalog';
import type { VendorId } from '../core/catalog/types';
import { DEFAULT_READINGS, FAULT_KINDS, type FaultKind, type Faults } from './types';

export interface FaultDecision {
	/** null: answer normally (after the delay). */
	kind: FaultKind | 'rateLimit' | null;
	/** Latency plus jitter, before anything is sent. */
	delayMs: number;
	/** For `timeout`: how much longer the answer is held; for `stallBody`: how long the body stalls. */
	holdMs: number;
	/** For `5xx`. */
	httpStatus: number;
	/** For `cutBody` / `stallBody`: body bytes written before the cut; undefined = half the body. */
	bodyBytes?: number;
	/** For `rateLimit`: how long until the bucket holds a token again. */
	retryAfterMs: number;
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
		const decision: FaultDecision = { kind: null, delayMs, holdMs: 0, httpStatus: DEFAULT_5XX, retryAfterMs: 0 };
		const waitMs = this.takeToken(vendor);
		if (waitMs > 0) return { ...decision, kind: 'rateLimit', retryAfterMs: waitMs };
		const burst = f.burst;
		if (
			burst &&
			this.burstLeft > 0 &&
			(!burst.vendor || burst.vendor === vendor) &&
			(!burst.operationId || operationIds.includes(burst.operationId))
		) {
			this.burstLeft--;
			return { ...decision, kind: burst.kind, ...details(burst) };
		}
		const random = f.random;
		if (random && (!random.vendor || random.vendor === vendor)) {
			let draw = this.random();
			for (const kind of FAULT_KINDS) {
				draw -= random.probability[kind] ?? 0;
				if (draw < 0) return { ...decision, kind, ...details(random) };
			}
		}
		return decision;
	}

	/**
	 * Token bucket: `limit` tokens (at least one, so a limit below 1/s still lets a request through now and then),
	 * refilled at `limit` per second. Returns 0 when a token was taken, else the milliseconds until there is one.
	 */
	private takeToken(vendor: VendorId): number {
		const limit = this.faults.rateLimit?.[vendor];
		if (!limit) return 0;
		const capacity = Math.max(1, limit);
		const now = this.clockMs();
		const bucket = this.buckets.get(vendor) ?? { tokens: capacity, at: now };
		bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * limit);
		bucket.at = now;
		this.buckets.set(vendor, bucket);
		if (bucket.tokens < 1) return ((1 - bucket.tokens) / limit) * 1000;
		bucket.tokens -= 1;
		return 0;
	}
}

function details(source: {
	holdMs?: number;
	httpStatus?: number;
	bodyBytes?: number;
}): Pick<FaultDecision, 'holdMs' | 'httpStatus' | 'bodyBytes'> {
	return { holdMs: source.holdMs ?? DEFAULT_HOLD_MS, httpStatus: source.httpStatus ?? DEFAULT_5XX, bodyBytes: source.bodyBytes };
}

const VENDOR_IDS: readonly VendorId[] = ['aisolution', 'accuauth'];

/** Checks a Faults object (it may come from the control API as JSON); throws with what is wrong. */
export function validateFaults(input: unknown): Faults {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error('faults must be a JSON object');
	const f = input as Record<string, unknown>;
	const known = ['latencyMs', 'jitterMs', 'burst', 'rateLimit', 'random', 'whatsappUnavailable'];
	const readings = Object.keys(DEFAULT_READINGS);
	for (const key of Object.keys(f)) {
		if (readings.includes(key))
			throw new Error(`"${key}" is a reading, not a fault: set it with setReadings() or POST /__emulator/readings`);
		if (!known.includes(key)) throw new Error(`unknown fault setting "${key}" (known: ${known.join(', ')})`);
	}
	nonNegative(f.latencyMs, 'latencyMs');
	nonNegative(f.jitterMs, 'jitterMs');
	if (f.burst !== undefined) {
		const b = object(f.burst, 'burst');
		onlyKeys(b, 'burst', ['kind', 'count', 'vendor', 'operationId', 'holdMs', 'httpStatus', 'bodyBytes']);
		kind(b.kind, 'burst.kind');
		if (typeof b.count !== 'number' || !Number.isInteger(b.count) || b.count < 0)
			throw new Error(`burst.count must be a whole number ≥ 0, got ${JSON.stringify(b.count)}`);
		vendor(b.vendor, 'burst.vendor');
		if (b.operationId !== undefined && !OPERATIONS.some((op) => op.id === b.operationId)) {
			throw new Error(`burst.operationId must be a catalog operation id (e.g. deIdCard, faceAdd), got ${JSON.stringify(b.operationId)}`);
		}
		nonNegative(b.holdMs, 'burst.holdMs');
		httpStatus(b.httpStatus, 'burst.httpStatus');
		wholeNumber(b.bodyBytes, 'burst.bodyBytes');
	}
	if (f.rateLimit !== undefined) {
		const r = object(f.rateLimit, 'rateLimit');
		for (const [key, value] of Object.entries(r)) {
			vendor(key, 'rateLimit key');
			if (typeof value !== 'number' || !(value > 0))
				throw new Error(`rateLimit.${key} must be requests per second > 0, got ${JSON.stringify(value)}`);
		}
	}
	if (f.random !== undefined) {
		const r = object(f.random, 'random');
		onlyKeys(r, 'random', ['seed', 'probability', 'vendor', 'holdMs', 'httpStatus', 'bodyBytes']);
		if (typeof r.seed !== 'number' || !Number.isFinite(r.seed)) throw new Error('random.seed must be a number');
		const p = object(r.probability, 'random.probability');
		let sum = 0;
		for (const [key, value] of Object.entries(p)) {
			kind(key, 'random.probability key');
			if (typeof value !== 'number' || value < 0 || value > 1)
				throw new Error(`random.probability.${key} must be between 0 and 1, got ${JSON.stringify(value)}`);
			sum += value;
		}
		if (sum > 1) throw new Error(`random.probability values add up to ${sum}, more than 1`);
		vendor(r.vendor, 'random.vendor');
		nonNegative(r.holdMs, 'random.holdMs');
		httpStatus(r.httpStatus, 'random.httpStatus');
		wholeNumber(r.bodyBytes, 'random.bodyBytes');
	}
	if (f.whatsappUnavailable !== undefined && typeof f.whatsappUnavailable !== 'boolean')
		throw new Error('whatsappUnavailable must be true or false');
	return structuredClone(f) as Faults;
}

function object(value: unknown, name: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${name} must be an object`);
	return value as Record<string, unknown>;
}

function nonNegative(value: unknown, name: string): void {
	if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)))
		throw new Error(`${name} must be a number ≥ 0, got ${JSON.stringify(value)}`);
}

function onlyKeys(value: Record<string, unknown>, name: string, known: string[]): void {
	for (const key of Object.keys(value))
		if (!known.includes(key)) throw new Error(`unknown ${name} setting "${key}" (known: ${known.join(', ')})`);
}

function wholeNumber(value: unknown, name: string): void {
	if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0))
		throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
}

function kind(value: unknown, name: string): void {
	if (!FAULT_KINDS.includes(value as FaultKind))
		throw new Error(`${name} must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(value)}`);
}

function vendor(value: unknown, name: string): void {
	if (value !== undefined && !VENDOR_IDS.includes(value as VendorId))
		throw new Error(`${name} must be one of ${VENDOR_IDS.join(', ')}, got ${JSON.stringify(value)}`);
}

function httpStatus(value: unknown, name: string): void {
	if (value !== undefined && (typeof value !== 'number' || value < 500 || value > 599))
		throw new Error(`${name} must be a 5xx status, got ${JSON.stringify(value)}`);
}
