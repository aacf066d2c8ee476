import type { FieldKey } from '../../catalog/types';
import type { CallResult } from '../../outcome';
import { numberOf, recordOf, textOf } from '../../results/read';
import type { faceAdd } from './entry';

type Key = FieldKey<typeof faceAdd>;

/** The vendor's `group_id` is left out on purpose: its docs say it is the account's access key. */
export interface FaceAddedResult {
	personId: string;
	/** How many times this face has been added. */
	personCount: number | null;
}

export function faceAddedResult(call: CallResult): FaceAddedResult | null {
	if (call.status !== 'OK') return null;
	const data = recordOf(call.data);
	const field = (key: Key) => data[key];
	return { personId: textOf(field('person_id')) ?? '', personCount: numberOf(field('person_count')) };
}
