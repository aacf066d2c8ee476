import type { CallResult, Operation } from '../../../core';
import { enumValueName } from '../schema/names';
import type { FaceAdded, FaceComparison, FaceDeleted, FaceSearchMatches, FaceVerdict } from '../schema/types.generated';
import { callInfo } from './call';
import type { Typed } from './typed';

/** Face answers: the vendor's `message` read into typed fields; the raw answer kept beside them. */

const record = (data: unknown): Record<string, unknown> => (data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {});
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && value !== '' && !isNaN(Number(value)) ? Number(value) : null);

/** faceCompare and idHolding (same answer shape: similarity and the judgment). */
export function faceComparisonOf(op: Operation, result: CallResult): Typed<FaceComparison, 'FaceComparison'> {
	const judgment = op.verdicts!.of(result.data);
	return {
		__typename: 'FaceComparison',
		similarity: numberOrNull(record(result.data).similarity),
		verdict: enumValueName(judgment) as FaceVerdict,
		samePerson: op.verdicts!.values[judgment]?.outcome === 'success',
		raw: result.data,
		call: callInfo(result),
	};
}

export function faceSearchOf(result: CallResult): Typed<FaceSearchMatches, 'FaceSearchMatches'> {
	const found = Array.isArray(result.data) ? result.data.map(record) : [];
	return {
		__typename: 'FaceSearchMatches',
		found: found.length > 0,
		matches: found.map((match) => ({ personId: String(match.person_id ?? ''), confidence: numberOrNull(match.confidence) })),
		raw: result.data,
		call: callInfo(result),
	};
}

/** group_id is left out on purpose: the vendor's docs say it is the account's access key. */
export function faceAddedOf(result: CallResult): Typed<FaceAdded, 'FaceAdded'> {
	const data = record(result.data);
	return {
		__typename: 'FaceAdded',
		personId: String(data.person_id ?? ''),
		personCount: numberOrNull(data.person_count),
		call: callInfo(result),
	};
}

export function faceDeletedOf(result: CallResult, personId: string): Typed<FaceDeleted, 'FaceDeleted'> {
	return { __typename: 'FaceDeleted', personId, call: callInfo(result) };
}
