import type { VendorId } from '../catalog/types';
import type { Charged } from '../outcome';
import type { NormalizeOptions } from '../normalize/types';
import type { Sleep } from './limiter';
import type { Transport } from './transport';

export interface RetryOptions {
	/** Total tries for a retryable answer, the first one included. Default 3. */
	attempts: number;
	/** First backoff; it doubles each time, with full jitter. Default 250 ms. */
	baseDelayMs: number;
	maxDelayMs: number;
}

export interface ClientOptions {
	transport: Transport;
	/**
	 * Waits between retries and rate-limited starts. Passed in because n8n's package rules ban timers in package
	 * code: n8n nodes give n8n-workflow's `sleep`; elsewhere `setTimeout` from `timers/promises` does.
	 */
	sleep: Sleep;
	/** Base URLs. AccuAuth's holds `{country}` for the host (indonesia, ecuador). Default: the vendors'. */
	baseUrls?: Partial<Record<VendorId, string>>;
	/** Values that must never reach an error, a log or a result (tokens, secrets). */
	secrets?: string[];
	retry?: Partial<RetryOptions>;
	/** Per request. Default 30 s. */
	timeoutMs?: number;
	/**
	 * Send a request again when its answer was lost after sending (a reset, a timeout, a cut body). Off by default:
	 * the vendor may have processed and billed it, so this may pay twice, and may add a face twice.
	 */
	resendLostAnswers?: boolean;
	/** How long one call keeps waiting out a vendor's rate limit (rate-limit answers are free). Default 180 s. */
	rateLimitWaitMs?: number;
	/** Requests in flight at once across the client. Default 10. */
	concurrency?: number;
	/**
	 * A cap on requests started per second, per vendor. Default: none. Under it (or without it) the client learns
	 * each vendor host's own limit from its rate-limit answers.
	 */
	ratePerSecond?: Partial<Record<VendorId, number>>;
	/** A cache of final answers across scopes; off by default. */
	cache?: { ttlMs: number; maxEntries?: number };
	normalize?: NormalizeOptions;
	/** Called after every request and every local rejection: for metrics and logs. Carries no personal data. */
	onEvent?: (event: CallEvent) => void;
}

export interface CallEvent {
	operationId: string;
	vendor: VendorId;
	outcome: string;
	status: string | null;
	charged: Charged;
	attempt: number;
	durationMs: number;
	/** true when no request was sent (local check or reuse within the scope). */
	local: boolean;
}
