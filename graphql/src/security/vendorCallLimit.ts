import type { Plugin } from 'graphql-yoga';
import {
	GraphQLError,
	Kind,
	type FragmentDefinitionNode,
	type OperationDefinitionNode,
	type SelectionSetNode,
	type ValidationContext,
	type ValidationRule,
} from 'graphql';

/**
 * Refuses, before anything runs, a request that could make more vendor calls than allowed: every root
 * field that calls a vendor counts with its weight, however it is reached (aliases, fragments, repeats).
 * `@skip`/`@include` are not evaluated: a field counts as if it ran. Aliases alone are not the measure:
 * `{ a: readDocument … b: readDocument … }` and two spreads of one fragment both count twice.
 */
export function vendorCallLimitRule(maxCalls: number, weights: Readonly<Record<string, number>>): ValidationRule {
	return (context: ValidationContext) => {
		const fragments = new Map<string, FragmentDefinitionNode>();
		for (const definition of context.getDocument().definitions) {
			if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
		}
		return {
			OperationDefinition(operation: OperationDefinitionNode) {
				const root = context.getSchema().getRootType(operation.operation);
				if (!root) return;
				const calls = count(operation.selectionSet, root.name, weights, fragments, new Set());
				if (calls > maxCalls) {
					context.reportError(
						new GraphQLError(`This request could make ${calls} vendor calls; the limit is ${maxCalls} per request. Split it into several requests.`, {
							nodes: [operation],
							extensions: { code: 'VENDOR_CALL_LIMIT', limit: maxCalls, value: calls },
						}),
					);
				}
			},
		};
	};
}

function count(
	selections: SelectionSetNode,
	rootType: string,
	weights: Readonly<Record<string, number>>,
	fragments: Map<string, FragmentDefinitionNode>,
	seen: Set<string>,
): number {
	let total = 0;
	for (const selection of selections.selections) {
		if (selection.kind === Kind.FIELD) {
			total += weights[`${rootType}.${selection.name.value}`] ?? 0;
		} else if (selection.kind === Kind.INLINE_FRAGMENT) {
			total += count(selection.selectionSet, rootType, weights, fragments, seen);
		} else {
			const fragment = fragments.get(selection.name.value);
			// A fragment spread twice counts twice; a cycle (invalid anyway) is cut.
			if (!fragment || seen.has(fragment.name.value)) continue;
			seen.add(fragment.name.value);
			total += count(fragment.selectionSet, rootType, weights, fragments, seen);
			seen.delete(fragment.name.value);
		}
	}
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
