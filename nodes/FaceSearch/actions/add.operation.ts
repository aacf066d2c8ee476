import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { faceAddedResult, type Scope } from '../../../core';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import type { Routed } from '../../shared/routing';
import { routeLocalProblem, routeResult, type FaceSearchRun } from './branches';

const image = imageParameterNames();

export const description: INodeProperties[] = [
	...imageProperties('Image', image, { binaryProperty: 'data' }, { show: { operation: ['add'] } }),
];

/**
 * Adds the face to the account's face store; the item carries the person id to keep. The vendor's group id is
 * left out: its docs say it is the account's access key.
 */
export async function execute(this: IExecuteFunctions, scope: Scope, run: FaceSearchRun, itemIndex: number): Promise<Routed> {
	const read = await readImage(this, itemIndex, image, 'img');
	if ('problem' in read) return routeLocalProblem(this, run, itemIndex, read.problem);
	const result = await scope.call('faceAdd', { img: read.image });
	const added = faceAddedResult(result);
	return routeResult(
		this,
		run,
		itemIndex,
		result,
		{ img: read.source },
		added ? { personId: added.personId, personCount: added.personCount } : {},
	);
}
