import type { RetryOptions } from './client/options';

/**
 * Every default of the core, declared once. The client and the checks use these; the n8n options and the
 * GraphQL settings start from them rather than writing the numbers again.
 */

/** How long one request waits for its answer. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Tries for a retryable answer (the first one included), and the backoff between them. */
export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 250, maxDelayMs: 5000 };

/** How long a call keeps waiting out a vendor's rate limit before it fails. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 180_000;

/** The age the holder must have reached for the ageOver check. */
export const DEFAULT_MINIMUM_AGE = 18;
