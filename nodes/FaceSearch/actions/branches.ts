import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { getOperation } from '../../../core/catalog';
import type { Operation, Outcome } from '../../../core/catalog/types';
import { rejectedInput } from '../../../core/client/response';
import type { CallResult, Problem } from '../../../core/outcome';
import { callFields, problemFields, problemOf } from '../../shared/result';
import { callError, type Routed } from '../../shared/routing';

/** The catalog operation behind each of the node's operations. */
export const OPERATION_IDS = { add: 'faceAdd', search: 'faceSearch', delete: 'faceDelete' } as const;
export type FaceSearchOperation = keyof typeof OPERATION_IDS;

const label = (op: Operation, outcome: Outcome, verdictOutcome = outcome) =>
	Object.values(op.verdicts?.values ?? {}).find((v) => v.outcome === verdictOutcome)?.label ?? op.labels?.[outcome];

const add = getOperation(OPERATION_IDS.add);
const search = getOperation(OPERATION_IDS.search);
const del = getOperation(OPERATION_IDS.delete);

/**
 * Each operation's outputs, named with the catalog's labels (Failed only in version 1):
 *   add:    Added · Rejected input · Failed
 *   search: Match found · No match · Rejected input · Failed
 *   delete: Deleted · Person not found · Failed
 */
export const BRANCHES: Record<FaceSearchOperation, { outcomes: Outcome[]; names: string[] }> = {
	add: { outcomes: ['success', 'rejectedInput', 'failed'], names: [label(add, 'success') ?? 'Added', 'Rejected input', 'Failed'] },
	search: {
		outcomes: ['success', 'negative', 'rejectedInput', 'failed'],
		names: [label(search, 'success') ?? 'Match found', label(search, 'negative') ?? 'No match', 'Rejected input', 'Failed'],
	},
	delete: {
		outcomes: ['success', 'negative', 'failed'],
		names: [label(del, 'success') ?? 'Deleted', label(del, 'negative') ?? 'Not found', 'Failed'],
	},
};

const names = Object.fromEntries(Object.entries(BRANCHES).map(([operation, branches]) => [operation, branches.names]));

/**
 * The outputs follow the chosen operation and the node's version (evaluated by n8n from the node, as the Switch node
 * does); version 2 leaves Failed out.
 */
export const outputsExpression =
	`={{(${JSON.stringify(names)})[$parameter.operation || "search"].filter((name) => $nodeVersion < 2 || name !== "Failed").map((name) => ({ type: "main", displayName: name }))}}` as const;

/** What every operation of a run shares. */
export interface FaceSearchRun {
	operation: FaceSearchOperation;
	keepImage: boolean;
	includeRaw: boolean;
}

/** Puts a result on the output of its outcome; outcomes without an output of their own are failures. */
export function routeResult(
	context: IExecuteFunctions,
	run: FaceSearchRun,
	itemIndex: number,
	result: CallResult,
	sources: Record<string, string>,
	fields: IDataObject,
): Routed {
	const json: IDataObject = {
		...callFields(result),
		...fields,
		...problemFields(problemOf(result), itemIndex, sources),
		...(run.includeRaw ? { raw: (result.data ?? null) as IDataObject } : {}),
	};
	const branch = BRANCHES[run.operation].outcomes.indexOf(result.outcome);
	const binary = run.keepImage ? context.getInputData()[itemIndex].binary : undefined;
	const routed: Routed =
		result.outcome === 'failed' || branch < 0
			? { failure: callError(context, result, itemIndex, getOperation(OPERATION_IDS[run.operation]).title), json }
			: { branch, json };
	return binary ? { ...routed, binary: binary as IBinaryKeyData } : routed;
}

/** A missing or unreadable image found before any call: nothing sent, nothing charged. */
export function routeLocalProblem(context: IExecuteFunctions, run: FaceSearchRun, itemIndex: number, problem: Problem): Routed {
	return routeResult(context, run, itemIndex, rejectedInput(getOperation(OPERATION_IDS[run.operation]), problem), {}, {});
}
