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
	/**
	 * The output that takes failures under "Continue (regular output)". Nodes of version 2 have no Failed output:
	 * there, as in n8n's own multi-output nodes, failures leave on the first output, marked by `error`.
	 */
	failedBranch: number | null;
	/** Requests in flight at once (the core enforces it). */
	concurrency: number;
	/** Turns one input item into its routing. May throw: the error becomes that item's failure. */
	route: (itemIndex: number) => Promise<Routed>;
}

/**
 * Runs every input item and puts each into exactly one output, keeping input order within each output.
 * A failure follows the node's "On Error" setting: Stop ends the run with its error; "Continue (using error
 * output)" sends the item to n8n's Error output; "Continue (regular output)" to the Failed output.
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
		const binary = result.binary ? { binary: result.binary } : {};
		if ('failure' in result) {
			if (!continueOnFail) throw result.failure;
			const json = toErrorOutput ? errorOutputJson(result.failure) : failureJson(result);
			outputs[plan.failedBranch ?? 0].push({ json, ...binary, pairedItem: { item: itemIndex } });
			continue;
		}
		outputs[result.branch].push({ json: result.json, ...binary, pairedItem: { item: itemIndex } });
	}
	return outputs;
}

/** A failed item on a regular output keeps every field of its result plus the reason. */
function failureJson(result: Extract<Routed, { failure: unknown }>): IDataObject {
	const description = result.failure.description ? { errorDescription: result.failure.description } : {};
	return { ...result.json, verdict: 'Failed', error: result.failure.message, ...description };
}

/**
 * For n8n's Error output: exactly `{ error, message }`. That is the one shape every supported n8n version (1.x,
 * and 2.x before and after 2.35) moves to the Error output and then merges with the input item's fields. An
 * item carrying the error object itself would be moved too, but its json is then replaced by the message alone,
 * and the input fields are lost.
 */
function errorOutputJson(failure: NodeApiError | NodeOperationError): IDataObject {
	return { error: failure.message, message: failure.description || failure.message };
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The error for a call that did not give a usable answer: the vendor status, the reason and the item,
 * never a secret (the core has already removed them from every message).
 */
export function callError(
	context: IExecuteFunctions,
	result: CallResult,
	itemIndex: number,
	what: string,
): NodeApiError | NodeOperationError {
	const problem: Problem = result.problem ?? {
		code: result.status ?? 'UNKNOWN',
		message: result.message ?? result.verdict,
		retryable: result.retryable,
		vendorStatus: result.status,
	};
	const vendor = VENDORS[result.vendor].name;
	if (result.outcome === 'rejectedInput' || result.status === null) {
		const message =
			result.status === null && result.outcome !== 'rejectedInput'
				? `${what} failed for item ${itemIndex}: ${problem.message}`
				: `${what}: item ${itemIndex} was rejected (${problem.code}): ${problem.message}`;
		if (result.outcome === 'rejectedInput')
			return new NodeOperationError(context.getNode(), message, { itemIndex, description: describe(problem) });
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
	return {
		code: problem.code,
		message: problem.message,
		status: result.status,
		httpStatus: result.httpStatus,
		retryable: problem.retryable,
	};
}

function describe(problem: Problem): string {
	const parts = [`Code: ${problem.code}`];
	if (problem.vendorStatus) parts.push(`vendor status: ${problem.vendorStatus}`);
	if (problem.limit) parts.push(`limit: ${problem.limit}`);
	if (problem.value) parts.push(`value: ${problem.value}`);
	parts.push(problem.retryable ? 'it may work if tried again later' : 'trying again will not help');
	return parts.join('; ');
}
