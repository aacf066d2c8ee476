import type { IDataObject } from 'n8n-workflow';
import type { CallResult } from '../../../core/outcome';

/** The node's outputs, in order. */
export const FACE_BRANCHES = ['Same person', 'Not same person', 'Not sure', 'Failed'] as const;
export const [SAME, NOT_SAME, NOT_SURE, FAILED] = [0, 1, 2, 3];

export interface Judgment {
	branch: number;
	json: IDataObject;
}

/**
 * The vendor's judgment (SAME PERSON / NOT SAME PERSON / NOT SURE), or, when the workflow sets its own
 * similarity threshold, that threshold's: the item then says so (judgedBy, threshold, vendorVerdict).
 */
export function judge(result: CallResult, threshold: number | undefined): Judgment {
	const data = (result.data ?? {}) as { similarity?: unknown; result?: unknown };
	const similarity = typeof data.similarity === 'number' ? data.similarity : Number.isFinite(Number(data.similarity)) ? Number(data.similarity) : null;
	const vendorBranch = FACE_BRANCHES.indexOf(result.verdict as (typeof FACE_BRANCHES)[number]);
	const fromVendor = vendorBranch >= 0 && vendorBranch !== FAILED ? vendorBranch : result.outcome === 'success' ? SAME : NOT_SAME;
	const common: IDataObject = { similarity, vendorVerdict: result.verdict };
	if (threshold === undefined || similarity === null) {
		return { branch: fromVendor, json: { ...common, judgedBy: 'vendor', ...(threshold !== undefined ? { threshold, note: 'The vendor gave no similarity score, so its own judgment was kept' } : {}) } };
	}
	const same = similarity >= threshold;
	return {
		branch: same ? SAME : NOT_SAME,
		json: { ...common, verdict: FACE_BRANCHES[same ? SAME : NOT_SAME], judgedBy: 'threshold', threshold },
	};
}
