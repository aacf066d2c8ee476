import {
	NodeApiError,
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import type { CallResult, Problem } from '../../core/outcome';
import { VENDORS } from '../../core/catalog';
import { forEachItem } from './pool';

/** Where one input item goes. */
export type Routed =
	| { branch: number; json: IDataObject; binary?: IBinaryKeyData }
	| { failure: NodeApiError | NodeOperationError; json: IDataObject; binary?: IBinaryKeyData };

export interface RunPlan {
	/** How many named outputs the node has. */
	branches: number;
	/** The output that takes failures when the node's "On Error" setting continues. */
	failedBranch: number;
	/** Requests in flight at once (the core enforces it). */
	concurrency: number;
	/** Turns one input item into its routing. May throw: the error becomes that item's failure. */
	route: (itemIndex: number) => Promise<Routed>;
}

/**
 * Runs every input item and puts each into exactly one output, keeping input order within each output.
 * A failure stops the run with its error unless the node continues on fail: then the item goes to the
 * Failed output, or n8n's error output under "Continue (using error output)".
 */
export async function runItems(context: IExecuteFunctions, plan: RunPlan): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const toErrorOutput = context.getNode().onError === 'continueErrorOutput';
	// Twice the request concurrency: while some items wait for an answer, the next ones read their
	// files, so the core always has a request ready; items in memory stay bounded.
	const routed = await forEachItem(
		items.length,
		plan.concurrency * 2,
		async (itemIndex): Promise<Routed> => {
			try {
				return await plan.route(itemIndex);
			} catch (error) {
				return { failure: asNodeError(context, error, itemIndex), json: {} };
			}
		},
		(result) => 'failure' in result && !continueOnFail,
	);

	const outputs: INodeExecutionData[][] = Array.from({ length: plan.branches }, () => []);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = routed[itemIndex];
		// Not started: an earlier item failed and is thrown below, before any output is returned.
		if (!result) continue;
		if ('failure' in result) {
			if (!continueOnFail) throw result.failure;
			outputs[plan.failedBranch].push({ json: failureJson(result, toErrorOutput), ...(result.binary ? { binary: result.binary } : {}), pairedItem: { item: itemIndex } });
			continue;
		}
		outputs[result.branch].push({ json: result.json, ...(result.binary ? { binary: result.binary } : {}), pairedItem: { item: itemIndex } });
	}
	return outputs;
}

/**
 * A failed item's json. On the Failed output it keeps every field plus `error`. Under "Continue (using
 * error output)" it takes the shape n8n moves to the error output: `error` and `details` (the fields) only.
 */
function failureJson(result: Extract<Routed, { failure: unknown }>, toErrorOutput: boolean): IDataObject {
	const error = result.failure.message;
	const description = result.failure.description ? { errorDescription: result.failure.description } : {};
	return toErrorOutput ? { error, details: { ...result.json, ...description } } : { ...result.json, error, ...description };
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The error for a call that did not give a usable answer: the vendor status, the reason and the item,
 * never a secret (the core has already removed them from every message).
 */
export function callError(context: IExecuteFunctions, result: CallResult, itemIndex: number, what: string): NodeApiError | NodeOperationError {
	const problem: Problem = result.problem ?? { code: result.status ?? 'UNKNOWN', message: result.message ?? result.verdict, retryable: result.retryable, vendorStatus: result.status };
	const vendor = VENDORS[result.vendor].name;
	if (result.outcome === 'rejectedInput' || result.status === null) {
		const message = result.status === null && result.outcome !== 'rejectedInput'
			? `${what} failed for item ${itemIndex}: ${problem.message}`
			: `${what}: item ${itemIndex} was rejected (${problem.code}): ${problem.message}`;
		if (result.outcome === 'rejectedInput') return new NodeOperationError(context.getNode(), message, { itemIndex, description: describe(problem) });
		return new NodeApiError(context.getNode(), problemJson(problem, result), { message, description: describe(problem), itemIndex });
	}
	return new NodeApiError(context.getNode(), problemJson(problem, result), {
		message: `${vendor} answered ${result.status} for item ${itemIndex}: ${problem.message}`,
		description: describe(problem),
		itemIndex,
		...(result.httpStatus ? { httpCode: String(result.httpStatus) } : {}),
	});
}

function problemJson(problem: Problem, result: CallResult): JsonObject {
	return { code: problem.code, message: problem.message, status: result.status, httpStatus: result.httpStatus, retryable: problem.retryable };
}

function describe(problem: Problem): string {
	const parts = [`Code: ${problem.code}`];
	if (problem.vendorStatus) parts.push(`vendor status: ${problem.vendorStatus}`);
	if (problem.limit) parts.push(`limit: ${problem.limit}`);
	if (problem.value) parts.push(`value: ${problem.value}`);
	parts.push(problem.retryable ? 'it may work if tried again later' : 'trying again will not help');
	return parts.join('; ');
}
