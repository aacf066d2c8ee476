import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { imageValue } from '../../images';
import { rejectedInput } from '../problems/problems';
import type { ImageInput } from '../../schema/types.generated';
import { comparisonResult, type FaceComparisonOutcome } from './faceCompare';

export async function idHolding(args: { image: ImageInput }, ctx: GraphQLContext): Promise<FaceComparisonOutcome> {
	const op = OPS.idHolding;
	const name = op.inputs[0].name;
	const image = await imageValue(args.image, name);
	if ('problem' in image) return rejectedInput(image.problem, null);
	return comparisonResult(op, await ctx.vendor.call(op, { [name]: image.value }), ctx);
}
