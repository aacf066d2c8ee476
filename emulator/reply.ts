import type { Operation, Outcome } from '../core/catalog/types';
import type { Markers } from './markers';

/** One call after its request was read: what the vendor answer will be built from. */
export interface ParsedCall {
	op: Operation;
	/** Image inputs, decoded, in input order. */
	images: Buffer[];
	/** Text inputs as sent. */
	fields: Record<string, string>;
	markers: Markers;
	imageSha256: string | null;
	inputSha256: string | null;
}

/** A vendor answer, with what the accounting needs to know about it. */
export interface VendorReply {
	httpStatus: number;
	body: unknown;
	op: Operation | null;
	status: string | null;
	verdict: string | null;
	outcome: Outcome;
	charged: boolean;
	imageSha256: string | null;
	inputSha256: string | null;
	/** Why a request was refused, in the emulator's words (sent as the X-Emulator-Detail header). */
	detail?: string;
	/** Sent instead of the JSON `body`: a page that is not JSON (a gateway's). */
	page?: { contentType: string; text: string };
	/** More response headers (Retry-After). */
	headers?: Record<string, string>;
	/** Runs once the answer has been written (WhatsApp callbacks). */
	afterSend?: () => void;
}

export interface Judgment {
	outcome: Outcome;
	charged: boolean;
	verdict: string | null;
}

/**
 * What the catalog says this answer means. A status or verdict the docs never mention is a failed outcome;
 * an OK answer is billed as OK is, whatever its verdict.
 */
export function judge(op: Operation | null, status: string | null, message: unknown): Judgment {
	const rule = op && status !== null ? op.statuses[status] : undefined;
	if (!op || !rule) return { outcome: 'failed', charged: false, verdict: null };
	const override = typeof message === 'string' ? op.messageOverrides?.[status as string]?.[message] : undefined;
	if (override) return { outcome: override.outcome, charged: override.charged, verdict: null };
	if (status === 'OK' && op.verdicts) {
		const verdict = op.verdicts.of(message);
		const verdictRule = op.verdicts.values[verdict];
		return verdictRule
			? { outcome: verdictRule.outcome, charged: verdictRule.charged, verdict }
			: { outcome: 'failed', charged: rule.charged, verdict };
	}
	return { outcome: rule.outcome, charged: rule.charged, verdict: null };
}

/** A reply whose meaning comes from the catalog. */
export function vendorReply(
	op: Operation | null,
	httpStatus: number,
	status: string,
	verdictSource: unknown,
	body: unknown,
	call: Pick<ParsedCall, 'imageSha256' | 'inputSha256'> | null,
): VendorReply {
	const { outcome, charged, verdict } = judge(op, status, verdictSource);
	return {
		httpStatus,
		body,
		op,
		status,
		verdict,
		outcome,
		charged,
		imageSha256: call?.imageSha256 ?? null,
		inputSha256: call?.inputSha256 ?? null,
	};
}
