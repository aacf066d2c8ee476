import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeResult, routeLocalProblem } from './route';

const image = imageParameterNames();

export const description: INodeProperties[] = [...imageProperties('Image', image, { binaryProperty: 'data' }, { show: { operation: ['add'] } })];

/** Adds the face to the account's face store; the item carries the person id to keep. */
export async function route(this: IExecuteFunctions, scope: Scope, itemIndex: number): Promise<Routed> {
	const read = await readImage(this, itemIndex, image, 'img');
	if ('problem' in read) return routeLocalProblem(this, 'add', itemIndex, read.problem);
	const result = await scope.call('faceAdd', { img: read.image });
	const data = (result.data ?? {}) as IDataObject;
	return routeResult(this, 'add', itemIndex, result, { img: read.source }, result.outcome === 'success' ? { personId: data.person_id ?? null, groupId: data.group_id ?? null, personCount: data.person_count ?? null } : {});
}
