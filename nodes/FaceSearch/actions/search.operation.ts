import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeResult, routeLocalProblem } from './route';

const image = imageParameterNames();

export const description: INodeProperties[] = [...imageProperties('Image', image, { binaryProperty: 'data' }, { show: { operation: ['search'] } })];

/** Searches the face store; matches come best first. */
export async function route(this: IExecuteFunctions, scope: Scope, itemIndex: number): Promise<Routed> {
	const read = await readImage(this, itemIndex, image, 'img');
	if ('problem' in read) return routeLocalProblem(this, 'search', itemIndex, read.problem);
	const result = await scope.call('faceSearch', { img: read.image });
	const matches = (Array.isArray(result.data) ? (result.data as IDataObject[]) : [])
		.map((m) => ({ personId: m.person_id ?? null, confidence: typeof m.confidence === 'number' ? m.confidence : Number(m.confidence) }))
		.sort((a, b) => b.confidence - a.confidence);
	const fields = result.outcome === 'success' || result.outcome === 'negative' ? { matches, bestMatch: matches[0] ?? null } : {};
	return routeResult(this, 'search', itemIndex, result, { img: read.source }, fields);
}
