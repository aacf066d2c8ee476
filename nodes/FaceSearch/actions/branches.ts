import { getOperation } from '../../../core/catalog';
import type { Operation, Outcome } from '../../../core/catalog/types';

/** The catalog operation behind each of the node's operations. */
export const OPERATION_IDS = { add: 'faceAdd', search: 'faceSearch', delete: 'faceDelete' } as const;
export type FaceSearchOperation = keyof typeof OPERATION_IDS;

const label = (op: Operation, outcome: Outcome, verdictOutcome = outcome) =>
	Object.values(op.verdicts?.values ?? {}).find((v) => v.outcome === verdictOutcome)?.label ?? op.labels?.[outcome];

const add = getOperation(OPERATION_IDS.add);
const search = getOperation(OPERATION_IDS.search);
const del = getOperation(OPERATION_IDS.delete);

/**
 * Each operation's outputs, named with the catalog's labels:
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
	delete: { outcomes: ['success', 'negative', 'failed'], names: [label(del, 'success') ?? 'Deleted', label(del, 'negative') ?? 'Not found', 'Failed'] },
};

const names = Object.fromEntries(Object.entries(BRANCHES).map(([operation, branches]) => [operation, branches.names]));

/** The outputs follow the chosen operation (evaluated by n8n from the node's parameters, as the Switch node does). */
export const outputsExpression = `={{(${JSON.stringify(names)})[$parameter.operation || "search"].map((name) => ({ type: "main", displayName: name }))}}` as const;
