import type { Plugin } from 'graphql-yoga';
import {
	GraphQLError,
	Kind,
	type OperationDefinitionNode,
	type SelectionSetNode,
	type ValidationContext,
	type ValidationRule,
} from 'graphql';

/**
 * A request's cost is the vendor calls it can make, and nothing else: selections inside a result type cost
 * nothing, so a client may select every field of every document type. Checked before anything runs.
 *
 * The count follows how GraphQL executes the root selection set, fragments expanded: each distinct
 * response key of a paid root field runs once, with its weight (`verification` may make 4 calls).
 * So `{ a: readDocument … b: readDocument … }` counts twice, while a fragment spread twice, or the same
 * field selected twice under one key, runs once and counts once. `@skip`/`@include` are not evaluated:
 * a field counts as if it ran.
 */
export function vendorCallLimitRule(maxCalls: number, weights: Readonly<Record<string, number>>): ValidationRule {
	return (context: ValidationContext) => ({
		OperationDefinition(operation: OperationDefinitionNode) {
			const root = context.getSchema().getRootType(operation.operation);
			if (!root) return;
			const calls = vendorCalls(operation.selectionSet, root.name, weights, context);
			if (calls <= maxCalls) return;
			context.reportError(
				new GraphQLError(
					`This request could make ${calls} vendor calls; the limit is ${maxCalls} per request. Split it into several requests.`,
					{
						nodes: [operation],
						extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCalls, value: calls },
					},
				),
			);
		},
	});
}

/** The vendor calls a root selection set can make: the weights of its paid response keys. */
function vendorCalls(
	rootSelections: SelectionSetNode,
	rootType: string,
	weights: Readonly<Record<string, number>>,
	context: ValidationContext,
): number {
	const paidKeys = new Map<string, number>();
	// As GraphQL's field collection does, each named fragment is expanded once: a repeat adds no field.
	const expanded = new Set<string>();
	const collect = (selections: SelectionSetNode) => {
		for (const selection of selections.selections) {
			if (selection.kind === Kind.FIELD) {
				const weight = weights[`${rootType}.${selection.name.value}`] ?? 0;
				const key = selection.alias?.value ?? selection.name.value;
				if (weight > 0) paidKeys.set(key, Math.max(weight, paidKeys.get(key) ?? 0));
			} else if (selection.kind === Kind.INLINE_FRAGMENT) {
				collect(selection.selectionSet);
			} else if (!expanded.has(selection.name.value)) {
				expanded.add(selection.name.value);
				const fragment = context.getFragment(selection.name.value);
				if (fragment) collect(fragment.selectionSet);
			}
		}
	};
	collect(rootSelections);
	let total = 0;
	for (const weight of paidKeys.values()) total += weight;
	return total;
}

/** The rule as a plugin: runs with the other validation rules, before execution and so before any call. */
export function useVendorCallLimit(maxCalls: number, weights: Readonly<Record<string, number>>): Plugin {
	const rule = vendorCallLimitRule(maxCalls, weights);
	return {
		onValidate({ addValidationRule }) {
			addValidationRule(rule);
		},
	};
}
