import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeFaceMatch, routeLocalProblem, type FaceMatchRun } from './judge';

const selfie = imageParameterNames();
const show = { show: { operation: ['handHeldId'] } };

export const description: INodeProperties[] = [...imageProperties('Image', selfie, { binaryProperty: 'data' }, show)];

/** Compares the face of a person holding their ID card with the photo on the card (catalog operation idHolding). */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceMatchRun, itemIndex: number): Promise<Routed> {
	const img = await readImage(this, itemIndex, selfie, 'img');
	if ('problem' in img) return routeLocalProblem(this, run, itemIndex, 'idHolding', img.problem);
	const result = await scope.call('idHolding', { img: img.image });
	return routeFaceMatch(this, run, itemIndex, result, { img: img.source });
}
