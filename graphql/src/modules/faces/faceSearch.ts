import { faceSearchResult } from '../../../../core';
import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { imageValue } from '../../images';
import { faceSearchOf } from './result';
import { budgetExceeded, failureOf, rejectedInput, type Failure, type Refused } from '../problems/problems';
import type { Typed } from '../problems/typed';
import type { FaceSearchMatches, ImageInput } from '../../schema/types.generated';
import { isBudgetRefusal, rawAnswer } from '../../vendorCalls';

export async function faceSearch(
	args: { image: ImageInput },
	ctx: GraphQLContext,
): Promise<Typed<FaceSearchMatches, 'FaceSearchMatches'> | Failure | Refused> {
	const op = OPS.faceSearch;
	const name = op.inputs[0].name;
	const image = await imageValue(args.image, name);
	if ('problem' in image) return rejectedInput(image.problem, null);
	const result = await ctx.vendor.call(op, { [name]: image.value });
	if (isBudgetRefusal(result)) return budgetExceeded(result);
	// No match is an answer (found: false), not a problem.
	const search = result.outcome === 'success' || result.outcome === 'negative' ? faceSearchResult(result) : null;
	if (search) return faceSearchOf(search, result, rawAnswer(result, ctx));
	return failureOf(op, result);
}
