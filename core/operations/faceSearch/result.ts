import type { FieldKey } from '../../catalog/types';
import type { CallResult } from '../../outcome';
import { numberOf, recordOf, textOf } from '../../results/read';
import type { faceSearch } from './entry';

type Key = FieldKey<typeof faceSearch>;
const field = (match: Record<string, unknown>, key: Key) => match[key];

export interface FaceSearchResult {
	found: boolean;
	matches: { personId: string; confidence: number | null }[];
}

export function faceSearchResult(call: CallResult): FaceSearchResult | null {
	if (call.status !== 'OK') return null;
	const matches = (Array.isArray(call.data) ? call.data : []).map(recordOf).map((match) => ({
		personId: textOf(field(match, 'person_id')) ?? '',
		confidence: numberOf(field(match, 'confidence')),
	}));
	return { found: matches.length > 0, matches };
}
