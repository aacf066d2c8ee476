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
 * The shape limits of an operation, fragments expanded: how deep its fields nest (TOO_DEEP) and how many
 * aliases it has (TOO_MANY_ALIASES). They bound the work and the size of an answer; what a request costs in
 * vendor calls is the vendor-call limit's job. Fragments add no depth of their own (they add no level to the
 * answer); an alias inside a fragment counts at each spread. Introspection (`__schema`, `__type`) is exempt.
 * Each fragment is measured once and remembered, so a fragment spread many times costs no more to check.
 */
export function structuralLimitsRule(limits: { maxDepth: number; maxAliases: number }): ValidationRule {
	return (context: ValidationContext) => ({
		OperationDefinition(operation: OperationDefinitionNode) {
			const { depth, aliases } = measure(operation.selectionSet, context);
			if (depth > limits.maxDepth) {
				context.reportError(
					refusal(
						'TOO_DEEP',
						`This query nests fields ${depth} levels deep; the limit is ${limits.maxDepth}.`,
						limits.maxDepth,
						depth,
						operation,
					),
				);
			}
			if (aliases > limits.maxAliases) {
				context.reportError(
					refusal(
						'TOO_MANY_ALIASES',
						`This query has ${aliases} aliases; the limit is ${limits.maxAliases}.`,
						limits.maxAliases,
						aliases,
						operation,
					),
				);
			}
		},
	});
}

interface Shape {
	depth: number;
	aliases: number;
}

const INTROSPECTION = new Set(['__schema', '__type']);

function measure(root: SelectionSetNode, context: ValidationContext): Shape {
	// null while a fragment is being measured: a cycle (refused by the standard rules anyway) then counts nothing.
	const fragments = new Map<string, Shape | null>();
	const walk = (selections: SelectionSetNode): Shape => {
		const shape: Shape = { depth: 0, aliases: 0 };
		const add = (inner: Shape, levels: number) => {
			shape.depth = Math.max(shape.depth, inner.depth + levels);
			shape.aliases += inner.aliases;
		};
		for (const selection of selections.selections) {
			if (selection.kind === Kind.FIELD) {
				if (INTROSPECTION.has(selection.name.value)) continue;
				if (selection.alias) shape.aliases += 1;
				add(selection.selectionSet ? walk(selection.selectionSet) : { depth: 0, aliases: 0 }, 1);
			} else if (selection.kind === Kind.INLINE_FRAGMENT) {
				add(walk(selection.selectionSet), 0);
			} else {
				const name = selection.name.value;
				if (!fragments.has(name)) {
					fragments.set(name, null);
					const fragment = context.getFragment(name);
					fragments.set(name, fragment ? walk(fragment.selectionSet) : { depth: 0, aliases: 0 });
				}
				add(fragments.get(name) ?? { depth: 0, aliases: 0 }, 0);
			}
		}
		return shape;
	};
	return walk(root);
}

const refusal = (code: string, message: string, limit: number, value: number, operation: OperationDefinitionNode) =>
	new GraphQLError(message, { nodes: [operation], extensions: { code, limit, value } });

/** The rule as a plugin, checked with the other validation rules before anything runs. */
export function useStructuralLimits(limits: { maxDepth: number; maxAliases: number }): Plugin {
	const rule = structuralLimitsRule(limits);
	return {
		onValidate({ addValidationRule }) {
			addValidationRule(rule);
		},
	};
}
