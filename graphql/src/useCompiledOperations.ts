import {
	Kind,
	getOperationAST,
	getVariableValues,
	locatedError,
	type DocumentNode,
	type ExecutionArgs,
	type ExecutionResult,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLError,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { makeExecute, type Plugin } from 'graphql-yoga';

interface Compiled {
	query: CompiledQuery;
	operation: OperationDefinitionNode;
	fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * Runs queries and mutations as JavaScript compiled for each operation (graphql-jit) instead of through Yoga's
 * interpreting executor: about 0.07 ms less CPU per readDocument request, a tenth of what the GraphQL layer adds
 * to a vendor call (docs/benchmarks.md). The answers are the executor's (test/graphql/compiledOperations.test.ts).
 *
 * - Compiled on an operation's second run, once per document and operation name. Compiling costs about three times
 *   validating (1.5 ms for the bench's query), so a document sent once never pays it. A document may hold several
 *   operations and each request names one, so the name is part of the key (@envelop/graphql-jit keys by document
 *   alone, and ran the first operation asked for in place of every later one).
 * - Forgotten with the document: Yoga's parse cache holds the documents, at most 1,000.
 * - Yoga's executor still runs what graphql-jit does not compile (it also gives the spec's error for it), variables
 *   that do not coerce (graphql-jit's messages name the wrong variable, "$base64" for `$i.base64`, and lose the
 *   location), and subscriptions (few and long-lived; graphql-jit's subscribe broke the whatsappResults stream).
 */
export function useCompiledOperations(): Plugin {
	// `once`: seen one time, not compiled yet.
	const cache = new WeakMap<DocumentNode, Map<string, Compiled | null | 'once'>>();
	const compiledFor = (args: ExecutionArgs): Compiled | null => {
		let byName = cache.get(args.document);
		if (!byName) cache.set(args.document, (byName = new Map()));
		const name = args.operationName ?? '';
		const known = byName.get(name);
		if (known === undefined) {
			byName.set(name, 'once');
			return null;
		}
		if (known !== 'once') return known;
		const compiled = compile(args);
		byName.set(name, compiled);
		return compiled;
	};
	return {
		onExecute({ args, setExecuteFn }) {
			const compiled = compiledFor(args);
			if (!compiled || getVariableValues(args.schema, compiled.operation.variableDefinitions ?? [], args.variableValues ?? {}).errors)
				return;
			setExecuteFn(
				makeExecute((run) => {
					const answer = compiled.query.query(run.rootValue, run.contextValue, run.variableValues);
					return answer instanceof Promise
						? answer.then((result) => asExecutorAnswers(result, compiled))
						: asExecutorAnswers(answer, compiled);
				}),
			);
		},
	};
}

function compile(args: ExecutionArgs): Compiled | null {
	const operation = getOperationAST(args.document, args.operationName);
	const query = compileQuery(args.schema, args.document, args.operationName ?? undefined, {
		// @skip and @include read per field path, as graphql-js does, also inside fragment spreads.
		useExperimentalPathBasedSkipInclude: true,
	});
	if (!operation || !isCompiledQuery(query)) return null;
	const fragments: Record<string, FragmentDefinitionNode> = {};
	for (const definition of args.document.definitions) {
		if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
	}
	return { query, operation, fragments };
}

/**
 * graphql-jit's field errors carry no AST nodes, so Yoga's masking would drop their locations, and it reports a null
 * in a non-null field as a GraphQLError of its own, which Yoga would not mask. Each is made again as the executor
 * makes it: located at its field, a plain Error inside unless a resolver threw a GraphQLError.
 */
function asExecutorAnswers(result: ExecutionResult, compiled: Compiled): ExecutionResult {
	if (!result.errors?.length) return result;
	const errors = result.errors.map((error: GraphQLError) =>
		error.nodes || !error.path
			? error
			: locatedError(error.originalError ?? new Error(error.message), fieldNodesAt(compiled, error.path), error.path),
	);
	return { ...result, errors };
}

/** The field nodes a response path names (list indexes skipped), through inline fragments and fragment spreads. */
function fieldNodesAt({ operation, fragments }: Compiled, path: readonly (string | number)[]): FieldNode[] {
	let nodes: FieldNode[] = [];
	let sets: SelectionSetNode[] = [operation.selectionSet];
	for (const key of path) {
		if (typeof key === 'number') continue;
		nodes = [];
		const visit = (set: SelectionSetNode) => {
			for (const selection of set.selections) {
				if (selection.kind === Kind.FIELD) {
					if ((selection.alias ?? selection.name).value === key) nodes.push(selection);
				} else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
				else if (fragments[selection.name.value]) visit(fragments[selection.name.value].selectionSet);
			}
		};
		sets.forEach(visit);
		sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
	}
	return nodes;
}
