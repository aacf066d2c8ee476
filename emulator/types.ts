import type { Outcome, VendorId } from '../core/catalog/types';

/** The values the emulator accepts as the vendors' credentials. */
export interface SandboxCredentials {
	/** AI Solution `?token=`. */
	token: string;
	/** AccuAuth `X-DF-API-ID`. */
	apiId: string;
	/** AccuAuth `X-DF-API-SECRET`. */
	apiSecret: string;
}

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
	token: 'sandbox-token',
	apiId: 'sandbox-api-id',
	apiSecret: 'sandbox-api-secret',
};

/**
 * What a faulty answer looks like:
 * - `5xx`: an HTTP 5xx with a non-JSON body, as a gateway in front of the vendor would send;
 * - `RETRY_LATER`: the vendor's own "try again later" (AI Solution RETRY_LATER, AccuAuth 500 INTERNAL_ERROR);
 * - `reset`: the connection is destroyed without an answer;
 * - `timeout`: the answer is held for `holdMs`, then sent as usual (and billed as usual: the vendor did the work).
 */
export type FaultKind = '5xx' | 'RETRY_LATER' | 'reset' | 'timeout';

export const FAULT_KINDS: readonly FaultKind[] = ['5xx', 'RETRY_LATER', 'reset', 'timeout'];

export interface FaultBurst {
	kind: FaultKind;
	/** The next `count` matching requests get the fault; then answers are normal again. */
	count: number;
	/** Only requests to this vendor (default: both). */
	vendor?: VendorId;
	/** Only requests for this operation (default: all). */
	operationId?: string;
	/** For `timeout`: how long the answer is held. Default 30 000 ms. */
	holdMs?: number;
	/** For `5xx`: the HTTP status. Default 503. */
	httpStatus?: number;
}

export interface RandomFaults {
	/** Same seed and same request order → same faults. */
	seed: number;
	/** Per request, the chance of each kind (their sum at most 1). */
	probability: Partial<Record<FaultKind, number>>;
	vendor?: VendorId;
	holdMs?: number;
	httpStatus?: number;
}

export interface Faults {
	/** Added to every answer. */
	latencyMs?: number;
	/** Plus a uniformly random 0…jitterMs (from the seeded generator when `random` is set). */
	jitterMs?: number;
	burst?: FaultBurst;
	/** Requests per second per vendor (token bucket, bursts up to one second's worth). */
	rateLimit?: Partial<Record<VendorId, number>>;
	random?: RandomFaults;
	/** WhatsApp: the service is down. With `servstatus=y` the answer is OK/unavailable, without it RETRY_LATER. */
	whatsappUnavailable?: boolean;
}

/** One request the emulator answered (or refused, or dropped). */
export interface AccountedCall {
	seq: number;
	/** ISO time the request arrived. */
	time: string;
	/** null when the route matched no operation. */
	operationId: string | null;
	vendor: VendorId | null;
	/** HTTP status sent; null when the connection was reset. */
	httpStatus: number | null;
	/** The vendor status in the answer; null when there was no vendor answer (5xx gateway page, reset). */
	status: string | null;
	/** For OK answers with a verdict table: the verdict. */
	verdict: string | null;
	outcome: Outcome;
	charged: boolean;
	/** sha256 (hex) of the image bytes, images joined in input order; null without an image. */
	imageSha256: string | null;
	/** sha256 of what identifies the request for billing (images, or the number, or the person id). */
	inputSha256: string | null;
	/** A charged call whose (operationId, inputSha256) was charged before. */
	duplicateCharge: boolean;
	fault: FaultKind | 'rateLimit' | null;
	/** false when the client had gone before the answer was written (e.g. it timed out). */
	delivered: boolean;
}

export interface CallbackDelivery {
	/** ISO time of the attempt. */
	time: string;
	operationId: string;
	/** The callback URL without its query string. */
	url: string;
	whatsapp: string;
	/** The HTTP status the receiver answered, or null when it could not be reached. */
	httpStatus: number | null;
	error: string | null;
}

export interface Accounting {
	calls: AccountedCall[];
	callbacks: CallbackDelivery[];
	totals: {
		calls: number;
		charged: number;
		duplicateCharged: number;
		/** Charged answers the client never received. */
		undeliveredCharged: number;
		byOperation: Record<string, { calls: number; charged: number; duplicateCharged: number }>;
	};
}

export interface EmulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Loopback only. */
	host?: '127.0.0.1';
	credentials?: Partial<SandboxCredentials>;
	faults?: Faults;
	/** Clock for accounting and WhatsApp "checking" deadlines. */
	now?: () => Date;
	/** How long a "checking" WhatsApp number stays checking. Default 2000 ms. */
	whatsappCheckingMs?: number;
}

export interface Emulator {
	port: number;
	baseUrls: { aisolution: string; accuauth: string };
	credentials: SandboxCredentials;
	accounting(): Accounting;
	setFaults(faults: Faults): void;
	/** Clears accounting, faults, the face store and WhatsApp state. */
	reset(): void;
	close(): Promise<void>;
}
