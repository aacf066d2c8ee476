import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { faceDeletedOf } from './result';
import { failureOf, personNotFound, type Failure } from '../problems/problems';
import type { Typed } from '../problems/typed';
import type { FaceDeleted, PersonNotFound } from '../../schema/types.generated';
import { callFree } from '../../vendorCalls';

export async function deleteFace(
	args: { personId: string },
	ctx: GraphQLContext,
): Promise<Typed<FaceDeleted, 'FaceDeleted'> | Typed<PersonNotFound, 'PersonNotFound'> | Failure> {
	const op = OPS.faceDelete;
	const result = await callFree(ctx.vendor, op, { [op.inputs[0].name]: args.personId });
	if (result.outcome === 'success') return faceDeletedOf(result, args.personId);
	if (result.outcome === 'negative') return personNotFound(result, args.personId);
	return failureOf(op, result);
}
