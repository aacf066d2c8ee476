import type { Operation, VendorId } from '../core/catalog/types';
import { notFound, statusReply as accuAuthStatus } from './accuauth';
import { statusAnswer as aiSolutionStatus, type AiSolutionState } from './aisolution';
import type { ParsedCall, VendorReply } from './reply';
import type { RateLimitAnswer, RetryAfterReading } from './types';

/** The vendors' "not now" answers: nothing was processed, nothing is billed. */

/** The vendor's own "try again later": AI Solution RETRY_LATER; AccuAuth 500 INTERNAL_ERROR. */
export function retryLaterReply(
	vendor: VendorId,
	op: Operation | undefined,
	call: ParsedCall | null,
	aiState: AiSolutionState,
): VendorReply {
	if (!op) return vendor === 'accuauth' ? notFound() : unknownAiSolutionPath();
	if (vendor === 'accuauth') return accuAuthStatus(op, 'INTERNAL_ERROR', null, call);
	return aiSolutionStatus(
		{ op, markers: {}, imageSha256: call?.imageSha256 ?? null, inputSha256: call?.inputSha256 ?? null },
		'RETRY_LATER',
		aiState,
	);
}

export interface RateLimitReadings {
	answer: RateLimitAnswer;
	retryAfter: RetryAfterReading;
	/** How long until the bucket holds a token again. */
	waitMs: number;
}

/**
 * Over the rate limit. AccuAuth documents 403 RATE_LIMIT_EXCEEDED; AI Solution documents no limit at all, and
 * RETRY_LATER (HTTP 200) is its only "not now". A gateway in front of either may answer 429 instead, with the
 * vendor's body or with none. Free whatever the shape: the vendor refused the work.
 */
export function rateLimitReply(
	vendor: VendorId,
	op: Operation | undefined,
	call: ParsedCall | null,
	aiState: AiSolutionState,
	readings: RateLimitReadings,
): VendorReply {
	let reply: VendorReply;
	if (!op) reply = vendor === 'accuauth' ? notFound() : unknownAiSolutionPath();
	else if (vendor === 'accuauth') reply = accuAuthStatus(op, 'RATE_LIMIT_EXCEEDED', null, call);
	else reply = retryLaterReply(vendor, op, call, aiState);
	reply = { ...reply, outcome: 'failed', charged: false, detail: 'rate limit exceeded' };
	if (readings.answer === 'http429') reply = { ...reply, httpStatus: 429 };
	if (readings.answer === 'http429NoBody') {
		const page = { contentType: 'text/plain; charset=utf-8', text: 'Too Many Requests' };
		reply = { ...reply, httpStatus: 429, status: null, verdict: null, body: null, page };
	}
	const retryAfter = retryAfterValue(readings.retryAfter, readings.waitMs);
	return retryAfter === null ? reply : { ...reply, headers: { ...reply.headers, 'Retry-After': retryAfter } };
}

/** Whole seconds, rounded up (never 0: there was no token now); or that moment as an HTTP-date, also rounded up. */
export function retryAfterValue(reading: RetryAfterReading, waitMs: number, nowMs = Date.now()): string | null {
	if (reading === 'none') return null;
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	if (reading === 'seconds') return String(seconds);
	return new Date(Math.ceil(nowMs / 1000) * 1000 + seconds * 1000).toUTCString();
}

/** Undocumented: AI Solution's docs never show an unknown path. */
export function unknownAiSolutionPath(): VendorReply {
	const body = { status: 'NOT_FOUND', message: 'no such API' };
	return {
		httpStatus: 404,
		body,
		op: null,
		status: 'NOT_FOUND',
		verdict: null,
		outcome: 'failed',
		charged: false,
		imageSha256: null,
		inputSha256: null,
	};
}
