import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { faceResultRouting } from './route';

const first = imageParameterNames('image1');
const second = imageParameterNames('image2');
const show = { show: { operation: ['compare'] } };

export const description: INodeProperties[] = [
	...imageProperties('First Image', first, { binaryProperty: 'data' }, show),
	...imageProperties('Second Image', second, { binaryProperty: 'data2' }, show),
];

/** Compares the faces in two images (catalog operation faceCompare). */
export async function route(this: IExecuteFunctions, scope: Scope, itemIndex: number, threshold: number | undefined): Promise<Routed> {
	const img1 = await readImage(this, itemIndex, first, 'img1');
	const img2 = await readImage(this, itemIndex, second, 'img2');
	const sources = { img1: 'image' in img1 ? img1.source : '', img2: 'image' in img2 ? img2.source : '' };
	const problem = 'problem' in img1 ? img1.problem : 'problem' in img2 ? img2.problem : null;
	if (problem || !('image' in img1) || !('image' in img2)) return faceResultRouting(this, itemIndex, 'faceCompare', null, problem, threshold, sources);
	const result = await scope.call('faceCompare', { img1: img1.image, img2: img2.image });
	return faceResultRouting(this, itemIndex, 'faceCompare', result, null, threshold, sources);
}
