import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import type { Routed } from '../../shared/routing';
import { routeResult } from './route';

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

/** Deletes a person from the face store (free). */
export async function route(this: IExecuteFunctions, scope: Scope, itemIndex: number): Promise<Routed> {
	const personId = String(this.getNodeParameter('personId', itemIndex, '') ?? '').trim();
	if (!personId) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: the person ID is empty`, { itemIndex });
	const result = await scope.call('faceDelete', { person_id: personId });
	return routeResult(this, 'delete', itemIndex, result, {}, { personId, deleted: result.outcome === 'success' });
}
