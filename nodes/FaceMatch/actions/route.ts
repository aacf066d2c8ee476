import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { getOperation } from '../../../core/catalog';
import type { CallResult, Problem } from '../../../core/outcome';
import { callFields, problemFields } from '../../shared/result';
import { callError, type Routed } from '../../shared/routing';
import { judge } from './judgment';

/**
 * Same person / Not same person / Not sure by the vendor's judgment or the own threshold. An input the
 * vendor cannot judge (no face, too large, missing file) is a failure of this node: it has no
 * "Rejected input" output, so the item stops the run or, when the node continues on fail, goes to Failed.
 */
export function faceResultRouting(
	context: IExecuteFunctions,
	itemIndex: number,
	operationId: string,
	result: CallResult | null,
	localProblem: Problem | null,
	threshold: number | undefined,
	sources: Record<string, string>,
): Routed {
	const binary = context.getInputData()[itemIndex].binary;
	const passBinary = (context.getNodeParameter('options', 0, {}) as IDataObject).includeInputBinary !== false;
	if (!result) {
		const problem = localProblem as Problem;
		const json = { verdict: 'Rejected input', outcome: 'rejectedInput', status: null, charged: false, operation: operationId, ...problemFields(problem, itemIndex, sources) };
		return { failure: new NodeOperationError(context.getNode(), `${getOperation(operationId).title}: ${problem.message}`, { itemIndex }), json, ...(passBinary && binary ? { binary } : {}) };
	}
	const json: IDataObject = { ...callFields(result), ...problemFields(result.problem, itemIndex, sources), raw: (result.data ?? null) as IDataObject };
	if (result.outcome === 'failed' || result.outcome === 'rejectedInput') {
		return { failure: callError(context, result, itemIndex, getOperation(operationId).title), json, ...(passBinary && binary ? { binary } : {}) };
	}
	const judgment = judge(result, threshold);
	return { branch: judgment.branch, json: { ...json, ...judgment.json }, ...(passBinary && binary ? { binary } : {}) };
}
