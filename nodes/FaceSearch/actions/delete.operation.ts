import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { getOperation, type Scope } from '../../../core';
import type { Routed } from '../../shared/routing';
import { routeResult, type FaceSearchRun } from './branches';

export const description: INodeProperties[] = [
	{
		displayName: 'Person ID',
		name: 'personId',
		type: 'string',
		required: true,
		default: '',
		description: 'The person ID that adding the face returned',
		displayOptions: { show: { operation: ['delete'] } },
	},
];

/** Delete face's one input (the vendor's person id), named by the catalog. */
const PERSON_ID_INPUT = getOperation('faceDelete').inputs[0].name;

/** Deletes a person, and the biometric data stored with it, from the face store (free). */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceSearchRun, itemIndex: number): Promise<Routed> {
	const personId = String(this.getNodeParameter('personId', itemIndex, '') ?? '').trim();
	if (!personId) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: the person ID is empty`, { itemIndex });
	const result = await scope.call('faceDelete', { [PERSON_ID_INPUT]: personId });
	return routeResult(this, run, itemIndex, result, {}, { personId, deleted: result.outcome === 'success' });
}
