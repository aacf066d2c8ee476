import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** With introspection off, "Did you mean …?" hints would still reveal the schema: drop them. */
export function useNoSuggestions(): Plugin {
	return {
		onValidate() {
			return ({ result, setResult }) => {
				if (result.length === 0) return;
				setResult(
					result.map((error) =>
						/Did you mean/.test(error.message)
							? new GraphQLError(error.message.replace(/\s*Did you mean[^?]*\?/, ''), { nodes: error.nodes, extensions: error.extensions })
							: error,
					),
				);
			};
		},
	};
}
