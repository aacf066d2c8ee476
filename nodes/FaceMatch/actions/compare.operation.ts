import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeFaceMatch, routeLocalProblem, type FaceMatchRun } from './judge';

const first = imageParameterNames('image1');
const second = imageParameterNames('image2');
const show = { show: { operation: ['compare'] } };

export const description: INodeProperties[] = [
	...imageProperties('First Image', first, { binaryProperty: 'data' }, show),
	...imageProperties('Second Image', second, { binaryProperty: 'data2' }, show),
];

/** Compares the faces in two images (catalog operation faceCompare). */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceMatchRun, itemIndex: number): Promise<Routed> {
	const img1 = await readImage(this, itemIndex, first, 'img1');
	if ('problem' in img1) return routeLocalProblem(this, run, itemIndex, 'faceCompare', img1.problem);
	const img2 = await readImage(this, itemIndex, second, 'img2');
	if ('problem' in img2) return routeLocalProblem(this, run, itemIndex, 'faceCompare', img2.problem);
	const result = await scope.call('faceCompare', { img1: img1.image, img2: img2.image });
	return routeFaceMatch(this, run, itemIndex, result, { img1: img1.source, img2: img2.source });
}
