import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { faceSearchResult, type Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeLocalProblem, routeResult, type FaceSearchRun } from './branches';

const image = imageParameterNames();

export const description: INodeProperties[] = [
	...imageProperties('Image', image, { binaryProperty: 'data' }, { show: { operation: ['search'] } }),
];

/** Searches the face store; matches come best first. */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceSearchRun, itemIndex: number): Promise<Routed> {
	const read = await readImage(this, itemIndex, image, 'img');
	if ('problem' in read) return routeLocalProblem(this, run, itemIndex, read.problem);
	const result = await scope.call('faceSearch', { img: read.image });
	const found = faceSearchResult(result);
	const matches = [...(found?.matches ?? [])].sort((a, b) => (b.confidence ?? -1) - (a.confidence ?? -1));
	const fields = result.outcome === 'success' || result.outcome === 'negative' ? { matches, bestMatch: matches[0] ?? null } : {};
	return routeResult(this, run, itemIndex, result, { img: read.source }, fields);
}
