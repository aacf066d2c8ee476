import { getOperation, ownEntry } from '../../catalog';
import type { FieldKey } from '../../catalog/types';
import type { CallResult } from '../../outcome';
import { numberOf, recordOf } from '../../results/read';
import type { faceCompare } from './entry';

/** The judgment on two faces, in our words; the vendor's own words stay in `vendorVerdict`. */
export type FaceVerdict = 'samePerson' | 'notSamePerson' | 'notSure';

const VERDICT_OF: Record<string, FaceVerdict> = { 'SAME PERSON': 'samePerson', 'NOT SAME PERSON': 'notSamePerson', 'NOT SURE': 'notSure' };

/** Face compare and hand-held ID answer with the same keys. */
const SIMILARITY: FieldKey<typeof faceCompare> = 'similarity';

export interface FaceMatchResult {
	verdict: FaceVerdict;
	/** The verdict in the user's words: Same person, Not same person, Not sure. */
	label: string;
	/** The vendor's judgment as it wrote it (SAME PERSON …). */
	vendorVerdict: string;
	/** 0–100, as the vendor scores it; null when it gave none. */
	similarity: number | null;
	/** `threshold` when the caller's own similarity threshold decided instead of the vendor. */
	judgedBy: 'vendor' | 'threshold';
	threshold: number | null;
}

/** Face compare and hand-held-ID answers (the same shape). null unless the vendor judged. */
export function faceMatchResult(call: CallResult): FaceMatchResult | null {
	if (call.status !== 'OK') return null;
	// The call's own entry: face compare and hand-held ID each have their verdict table.
	const op = getOperation(call.operationId);
	const vendorVerdict = op.verdicts?.of(call.data) ?? '';
	const verdict = VERDICT_OF[vendorVerdict];
	const rule = ownEntry(op.verdicts?.values, vendorVerdict);
	if (!verdict || !rule) return null;
	const similarity = numberOf(recordOf(call.data)[SIMILARITY]);
	return { verdict, label: rule.label, vendorVerdict, similarity, judgedBy: 'vendor', threshold: null };
}

/**
 * The caller's own threshold replaces the vendor's judgment: same person at or above it, not the same below.
 * Without a similarity score the vendor's judgment stands (and `threshold` says what was asked).
 */
export function judgeBySimilarity(match: FaceMatchResult, threshold: number): FaceMatchResult {
	if (match.similarity === null) return { ...match, threshold };
	const verdict: FaceVerdict = match.similarity >= threshold ? 'samePerson' : 'notSamePerson';
	const label = verdict === 'samePerson' ? 'Same person' : 'Not same person';
	return { ...match, verdict, label, judgedBy: 'threshold', threshold };
}
