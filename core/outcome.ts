import type { Outcome, VendorId } from './catalog/types';
import type { CanonicalDocument, Checks } from './normalize/types';

export type { Outcome };

/**
 * Whether the vendor bills a call: as its docs say for the answer it gave, or `unknown` when the request may have
 * been processed but its answer was lost (a reset or a timeout after sending). Budgets count `unknown` as charged.
 */
export type Charged = boolean | 'unknown';

/** True unless the vendor certainly did not bill: what budgets and metrics must count. */
export const mayHaveCharged = (charged: Charged): boolean => charged !== false;

/**
 * What a person needs to act on a call that did not give a usable answer.
 * Shared by both surfaces (the GraphQL `Problem` interface, the n8n error items).
 */
export interface Problem {
	/** Machine-readable: the vendor status (INVALID_REQUEST …) or ours (IMAGE_TOO_LARGE, NETWORK_ERROR …). */
	code: string;
	/**
	 * A sentence a person can act on. Never contains a secret or image bytes. A local input problem may quote what
	 * the user typed (a phone number, so they can see what to fix): surfaces log the code, never the message.
	 */
	message: string;
	retryable: boolean;
	/** The vendor's status when the vendor answered. */
	vendorStatus: string | null;
	/** For local input checks: the limit that was broken and the value that broke it. */
	limit?: string;
	value?: string;
	/** Which input the problem is about (img, img1, number …). */
	input?: string;
}

export interface CallResult {
	operationId: string;
	vendor: VendorId;
	outcome: Outcome;
	/** The answer in the user's words: "Recognized", "Same person", "Checking", "Rejected input" … */
	verdict: string;
	/** The vendor's status, or null when no vendor answer was read (local check, network error). */
	status: string | null;
	/** The vendor has not decided yet (WhatsApp "checking"): not final, never reused. */
	pending: boolean;
	/** Whether the vendor bills this answer, as its docs say; `unknown` when the answer was lost after sending. */
	charged: Charged;
	retryable: boolean;
	/** The vendor's message or reason when it is text. */
	message: string | null;
	httpStatus: number | null;
	/** AccuAuth's request_id. */
	requestId: string | null;
	/** The vendor's payload on OK: AI Solution's `message`, AccuAuth's first `results` entry. */
	data: unknown;
	problem: Problem | null;
	/** How many requests this call sent (0 when checked locally or served from the scope). */
	attempts: number;
	/** Served from an earlier identical call in the same scope (or the cache): nothing new was paid. */
	reused: boolean;
	/** OCR only, on a recognized document. */
	document?: CanonicalDocument;
	checks?: Checks;
}
