import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { getOperation } from '../../../core/catalog';
import type { CallResult, Problem } from '../../../core/outcome';
import { callFields, problemFields } from '../../shared/result';
import { callError, type Routed } from '../../shared/routing';
import { BRANCHES, OPERATION_IDS, type FaceSearchOperation } from './branches';

/** Puts a result on the output of its outcome; outcomes without an output of their own are failures. */
export function routeResult(
	context: IExecuteFunctions,
	operation: FaceSearchOperation,
	itemIndex: number,
	result: CallResult,
	sources: Record<string, string>,
	fields: IDataObject,
): Routed {
	const json: IDataObject = { ...callFields(result), ...fields, ...problemFields(result.problem, itemIndex, sources), raw: (result.data ?? null) as IDataObject };
	const branch = BRANCHES[operation].outcomes.indexOf(result.outcome);
	if (result.outcome === 'failed' || branch < 0) return { failure: callError(context, result, itemIndex, getOperation(OPERATION_IDS[operation]).title), json };
	return { branch, json };
}

/** A missing or unreadable image found before any call. */
export function routeLocalProblem(context: IExecuteFunctions, operation: FaceSearchOperation, itemIndex: number, problem: Problem): Routed {
	const json: IDataObject = { verdict: 'Rejected input', outcome: 'rejectedInput', status: null, charged: false, operation: OPERATION_IDS[operation], ...problemFields(problem, itemIndex) };
	const branch = BRANCHES[operation].outcomes.indexOf('rejectedInput');
	if (branch < 0) return { failure: new NodeOperationError(context.getNode(), problem.message, { itemIndex }), json };
	return { branch, json };
}
