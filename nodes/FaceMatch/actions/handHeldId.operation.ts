import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { faceResultRouting } from './route';

const selfie = imageParameterNames();
const show = { show: { operation: ['handHeldId'] } };

export const description: INodeProperties[] = [...imageProperties('Image', selfie, { binaryProperty: 'data' }, show)];

/** Compares the face of a person holding their ID card with the photo on the card (catalog operation idHolding). */
export async function route(this: IExecuteFunctions, scope: Scope, itemIndex: number, threshold: number | undefined): Promise<Routed> {
	const img = await readImage(this, itemIndex, selfie, 'img');
	if ('problem' in img) return faceResultRouting(this, itemIndex, 'idHolding', null, img.problem, threshold, {});
	const result = await scope.call('idHolding', { img: img.image });
	return faceResultRouting(this, itemIndex, 'idHolding', result, null, threshold, { img: img.source });
}
