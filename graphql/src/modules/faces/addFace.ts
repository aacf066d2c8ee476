import { faceAddedResult } from '../../../../core';
import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { imageValue } from '../../images';
import { faceAddedOf } from './result';
import { failureOf, rejectedInput, type Failure } from '../problems/problems';
import type { Typed } from '../problems/typed';
import type { FaceAdded, ImageInput } from '../../schema/types.generated';
import { callFree } from '../../vendorCalls';

export async function addFace(args: { image: ImageInput }, ctx: GraphQLContext): Promise<Typed<FaceAdded, 'FaceAdded'> | Failure> {
	const op = OPS.faceAdd;
	const name = op.inputs[0].name;
	const image = await imageValue(args.image, name);
	if ('problem' in image) return rejectedInput(image.problem, null);
	const result = await callFree(ctx.vendor, op, { [name]: image.value });
	const added = result.outcome === 'success' ? faceAddedResult(result) : null;
	if (added) return faceAddedOf(added, result);
	return failureOf(op, result);
}
