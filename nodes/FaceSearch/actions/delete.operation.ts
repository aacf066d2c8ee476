import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
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

/** Deletes a person, and the biometric data stored with it, from the face store (free). */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceSearchRun, itemIndex: number): Promise<Routed> {
	const personId = String(this.getNodeParameter('personId', itemIndex, '') ?? '').trim();
	if (!personId) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: the person ID is empty`, { itemIndex });
	const result = await scope.call('faceDelete', { person_id: personId });
	return routeResult(this, run, itemIndex, result, {}, { personId, deleted: result.outcome === 'success' });
}
