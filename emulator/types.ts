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
 * What a faulty answer looks like. Where the fault strikes decides what a client can know afterwards:
 * - `5xx`: an HTTP 5xx with a non-JSON body, as a gateway in front of the vendor would send (not billed);
 * - `RETRY_LATER`: the vendor's own "try again later" (AI Solution RETRY_LATER, AccuAuth 500 INTERNAL_ERROR; not billed);
 * - `resetBeforeBody`: the connection is dropped as soon as the request headers arrive, before the body is read
 *   (not billed);
 * - `reset`: the request is read, then the connection is dropped before the vendor processed it (not billed);
 * - `resetAfterBilled`: the vendor processes and bills the request, then the connection is dropped with nothing written;
 * - `timeout`: the answer is held for `holdMs`, then sent as usual (billed: the vendor did the work);
 * - `cutBody`: the answer's status line and headers (with the full Content-Length) and `bodyBytes` of the body are
 *   written, then the connection is dropped (billed);
 * - `stallBody`: as `cutBody`, but then nothing for `holdMs` before the connection is dropped (billed).
 */
export type FaultKind = '5xx' | 'RETRY_LATER' | 'reset' | 'timeout' | 'resetAfterBilled' | 'resetBeforeBody' | 'cutBody' | 'stallBody';

/** Random draws walk this order: new kinds go last, so an old seed keeps giving the old faults. */
export const FAULT_KINDS: readonly FaultKind[] = [
	'5xx',
	'RETRY_LATER',
	'reset',
	'timeout',
	'resetAfterBilled',
	'resetBeforeBody',
	'cutBody',
	'stallBody',
];

export interface FaultBurst {
	kind: FaultKind;
	/** The next `count` matching requests get the fault; then answers are normal again. */
	count: number;
	/** Only requests to this vendor (default: both). */
	vendor?: VendorId;
	/**
	 * Only requests for this operation (default: all). Faults are decided when the request headers arrive, before
	 * the body says which card it is, so on a shared path (th_ocr/general) either Thai operation matches the path.
	 */
	operationId?: string;
	/** For `timeout`: how long the answer is held; for `stallBody`: how long the body stalls. Default 30 000 ms. */
	holdMs?: number;
	/** For `5xx`: the HTTP status. Default 503. */
	httpStatus?: number;
	/** For `cutBody` / `stallBody`: how many body bytes are written first. Default half the body; at most all but one. */
	bodyBytes?: number;
}

export interface RandomFaults {
	/** Same seed and same request order → same faults. */
	seed: number;
	/** Per request, the chance of each kind (their sum at most 1). */
	probability: Partial<Record<FaultKind, number>>;
	vendor?: VendorId;
	holdMs?: number;
	httpStatus?: number;
	bodyBytes?: number;
}

export interface Faults {
	/** Added to every answer. */
	latencyMs?: number;
	/** Plus a uniformly random 0…jitterMs (from the seeded generator when `random` is set). */
	jitterMs?: number;
	burst?: FaultBurst;
	/**
	 * Requests per second per vendor (token bucket, bursts up to one second's worth, at least one request).
	 * How a refusal looks (status, body, Retry-After) is a reading: see `Readings`.
	 */
	rateLimit?: Partial<Record<VendorId, number>>;
	random?: RandomFaults;
	/** WhatsApp: the service is down. With `servstatus=y` the answer is OK/unavailable, without it RETRY_LATER. */
	whatsappUnavailable?: boolean;
}

/**
 * How AI Solution answers a missing or wrong `?token=`. Its docs never say, so each plausible reading is offered:
 * - `http401` (default, the emulator's first choice): HTTP 401 `{status: 'UNAUTHORIZED', message: 'invalid token'}`;
 * - `http403`: HTTP 403 `{status: 'FORBIDDEN', message: 'access denied'}` (the body does not name the token);
 * - `invalidRequest`: HTTP 200 `{status: 'INVALID_REQUEST', message: 'check request params'}` on every route, exactly
 *   the documented bad-input answer (a token check in front of every endpoint, using the docs' generic refusal);
 * - `invalidRequestNamingToken`: HTTP 200 `{status: 'INVALID_REQUEST', message: 'invalid token'}`;
 * - `invalidToken`: HTTP 200 `{status: 'INVALID_TOKEN', message: 'invalid token'}`;
 * - `operationBadInput`: HTTP 200 with the operation's own documented bad-input answer, as a missing parameter gets
 *   (OCR INVALID_REQUEST, WhatsApp INVALID_INPUT, addface/searchface FACE_DETECT_FAILED, delface PERSON_ID_NOT_EXIST).
 */
export const WRONG_TOKEN_READINGS = [
	'http401',
	'http403',
	'invalidRequest',
	'invalidRequestNamingToken',
	'invalidToken',
	'operationBadInput',
] as const;

export type WrongTokenReading = (typeof WRONG_TOKEN_READINGS)[number];

/**
 * How a request over the rate limit is refused:
 * - `vendor` (default): the vendor's own words, HTTP status included: AI Solution HTTP 200 RETRY_LATER (its docs
 *   publish no rate limit; RETRY_LATER is its only "not now"), AccuAuth HTTP 403 RATE_LIMIT_EXCEEDED (documented);
 * - `http429`: HTTP 429 with the same vendor JSON body;
 * - `http429NoBody`: HTTP 429 with a plain-text "Too Many Requests" (a gateway in front of the vendor).
 */
export type RateLimitAnswer = 'vendor' | 'http429' | 'http429NoBody';

export const RATE_LIMIT_ANSWERS: readonly RateLimitAnswer[] = ['vendor', 'http429', 'http429NoBody'];

/**
 * Whether a rate-limit refusal carries `Retry-After` (neither vendor documents one):
 * `none` (default); `seconds`: whole seconds until the bucket holds a token again, rounded up;
 * `date`: the same moment as an HTTP-date (the other form the header may take).
 */
export type RetryAfterReading = 'none' | 'seconds' | 'date';

export const RETRY_AFTER_READINGS: readonly RetryAfterReading[] = ['none', 'seconds', 'date'];

/**
 * How a dropped connection ends (faults `reset*`, `cutBody`, `stallBody`): `fin` (default) closes it, the peer reads
 * end-of-stream ("other side closed"); `rst` aborts it, the peer reads ECONNRESET. Real networks do both.
 */
export type DropStyle = 'fin' | 'rst';

export const DROP_STYLES: readonly DropStyle[] = ['fin', 'rst'];

/**
 * Readings of what the vendors' docs leave open. Unlike faults they describe the vendor, not an accident; they stay
 * in force across `setFaults` and return to their defaults on `reset()`.
 */
export interface Readings {
	wrongToken: WrongTokenReading;
	rateLimitAnswer: RateLimitAnswer;
	retryAfter: RetryAfterReading;
	dropStyle: DropStyle;
}

export const DEFAULT_READINGS: Readings = { wrongToken: 'http401', rateLimitAnswer: 'vendor', retryAfter: 'none', dropStyle: 'fin' };

/** One request the emulator answered (or refused, or dropped). */
export interface AccountedCall {
	seq: number;
	/** ISO time the request arrived. */
	time: string;
	/** null when the route matched no operation. */
	operationId: string | null;
	vendor: VendorId | null;
	/** HTTP status of the vendor's answer (see `delivered` for whether it arrived); null when there was none (a reset before processing). */
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
	/** A state-changing call (addface) applied again for an (operationId, inputSha256) applied before: a face added twice. */
	duplicateApplied: boolean;
	fault: FaultKind | 'rateLimit' | null;
	/** false when the client did not get the whole answer: it had gone (e.g. timed out), or a fault cut or dropped it. */
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
		/** State-changing calls applied twice for the same input (free, but the vendor's state changed twice). */
		duplicateApplied: number;
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
	/** Readings of the docs' open points; what is left out takes its default (`DEFAULT_READINGS`). */
	readings?: Partial<Readings>;
}

export interface Emulator {
	port: number;
	baseUrls: { aisolution: string; accuauth: string };
	credentials: SandboxCredentials;
	accounting(): Accounting;
	setFaults(faults: Faults): void;
	/** Replaces the readings; what is left out takes its default. */
	setReadings(readings: Partial<Readings>): void;
	readings(): Readings;
	/** Clears accounting, faults, the face store and WhatsApp state, and restores the default readings. */
	reset(): void;
	close(): Promise<void>;
}
