import { faceMatchResult, type CallResult, type Operation } from '../../../../core';
import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { imageValue } from '../../images';
import { faceComparisonOf } from './result';
import { budgetExceeded, failureOf, rejectedInput, type Failure, type Refused } from '../problems/problems';
import type { Typed } from '../problems/typed';
import type { FaceComparison, ImageInput } from '../../schema/types.generated';
import type { BudgetRefusal } from '../../security/budget';
import { isBudgetRefusal, rawAnswer } from '../../vendorCalls';

export type FaceComparisonOutcome = Typed<FaceComparison, 'FaceComparison'> | Failure | Refused;

export async function faceCompare(args: { image1: ImageInput; image2: ImageInput }, ctx: GraphQLContext): Promise<FaceComparisonOutcome> {
	const op = OPS.faceCompare;
	const [first, second] = op.inputs;
	const [image1, image2] = await Promise.all([imageValue(args.image1, first.name), imageValue(args.image2, second.name)]);
	if ('problem' in image1) return rejectedInput(image1.problem, null);
	if ('problem' in image2) return rejectedInput(image2.problem, null);
	return comparisonResult(op, await ctx.vendor.call(op, { [first.name]: image1.value, [second.name]: image2.value }), ctx);
}

/** faceCompare and idHolding: a judgment (same, not same, not sure) is an answer, not a problem. */
export function comparisonResult(op: Operation, result: CallResult | BudgetRefusal, ctx: GraphQLContext): FaceComparisonOutcome {
	if (isBudgetRefusal(result)) return budgetExceeded(result);
	const match = result.outcome === 'success' || result.outcome === 'negative' ? faceMatchResult(result) : null;
	if (match) return faceComparisonOf(match, result, rawAnswer(result, ctx));
	return failureOf(op, result);
}
