import type { CallResult, FaceAddedResult, FaceMatchResult, FaceSearchResult } from '../../../../core';
import { enumValueName } from '../../schema/names';
import type { FaceAdded, FaceComparison, FaceDeleted, FaceSearchMatches, FaceVerdict } from '../../schema/types.generated';
import { callInfo } from '../problems/call';
import type { Typed } from '../problems/typed';

/** Face answers: the core's typed results as GraphQL types. `raw` is the vendor's answer, or null when left out. */

/** faceCompare and idHolding (same answer shape: similarity and the judgment). */
export function faceComparisonOf(match: FaceMatchResult, result: CallResult, raw: unknown): Typed<FaceComparison, 'FaceComparison'> {
	return {
		__typename: 'FaceComparison',
		similarity: match.similarity,
		// The enum keeps the vendor's judgment (SAME_PERSON …), as the schema has always published it.
		verdict: enumValueName(match.vendorVerdict) as FaceVerdict,
		samePerson: match.verdict === 'samePerson',
		raw,
		call: callInfo(result),
	};
}

export function faceSearchOf(search: FaceSearchResult, result: CallResult, raw: unknown): Typed<FaceSearchMatches, 'FaceSearchMatches'> {
	return { __typename: 'FaceSearchMatches', found: search.found, matches: search.matches, raw, call: callInfo(result) };
}

export function faceAddedOf(added: FaceAddedResult, result: CallResult): Typed<FaceAdded, 'FaceAdded'> {
	return { __typename: 'FaceAdded', personId: added.personId, personCount: added.personCount, call: callInfo(result) };
}

export function faceDeletedOf(result: CallResult, personId: string): Typed<FaceDeleted, 'FaceDeleted'> {
	return { __typename: 'FaceDeleted', personId, call: callInfo(result) };
}
