import type { CallInput, CallResult, Operation } from '../../../../core';
import { flagValue } from '../../../../core';
import { documentOperation, documentOptions, isFlag } from './catalog';
import type { GraphQLContext } from '../../context';
import { imageValue } from '../../images';
import { documentOf, type DocumentResult } from './result';
import { budgetExceeded, failureOf, notRecognized, rejectedInput, type Failure, type Refused } from '../problems/problems';
import type { Typed } from '../problems/typed';
import type { NotRecognized, QueryReadDocumentArgs } from '../../schema/types.generated';
import type { BudgetRefusal } from '../../security/budget';
import { isBudgetRefusal } from '../../vendorCalls';

export type ReadDocumentOutcome = DocumentResult | Typed<NotRecognized, 'NotRecognized'> | Failure | Refused;

export async function readDocument(args: QueryReadDocumentArgs, ctx: GraphQLContext): Promise<ReadDocumentOutcome> {
	const op = documentOperation(args.document);
	const imageSpec = op.inputs.find((spec) => spec.type === 'image')!;
	const image = await imageValue(args.image, imageSpec.name);
	if ('problem' in image) return rejectedInput(image.problem, null);
	const input: CallInput = { [imageSpec.name]: image.value, ...options(op, args) };
	return documentResult(op, await ctx.vendor.call(op, input), ctx.services.config.includeRaw);
}

/** readDocument's options for the operations that take them (detectFace → detect_face=1). */
function options(op: Operation, args: QueryReadDocumentArgs): CallInput {
	const input: CallInput = {};
	for (const { spec, arg } of documentOptions()) {
		const value = (args as Record<string, unknown>)[arg];
		if (value === undefined || value === null) continue;
		// An option the document does not take: harmless when off, refused by the core when on.
		if (!op.inputs.includes(spec) && value === false) continue;
		input[spec.name] = isFlag(spec) ? flagValue(value)! : (value as string | number);
	}
	return input;
}

export function documentResult(op: Operation, result: CallResult | BudgetRefusal, includeRaw: boolean): ReadDocumentOutcome {
	if (isBudgetRefusal(result)) return budgetExceeded(result);
	if (result.outcome === 'success') return documentOf(op, result, includeRaw);
	if (result.outcome === 'negative') return notRecognized(op, result);
	return failureOf(op, result);
}
