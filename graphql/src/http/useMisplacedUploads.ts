import {
	getNamedType,
	getOperationAST,
	GraphQLError,
	isInputObjectType,
	isListType,
	isNonNullType,
	typeFromAST,
	type DocumentNode,
	type GraphQLInputType,
	type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * A multipart request may map a file onto any variable. Where the variable's type does not take a file,
 * GraphQL's own coercion error prints the file object whole (its internal buffers included). This check runs
 * first and names the variable, where in it the file is, and the type expected there.
 */
export function useMisplacedUploads(fileScalar = 'File'): Plugin {
	const check = (args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown }) => {
		const variables = args.variableValues as Record<string, unknown> | null | undefined;
		if (!variables) return null;
		const operation = getOperationAST(args.document, args.operationName);
		for (const definition of operation?.variableDefinitions ?? []) {
			const name = definition.variable.name.value;
			const type = typeFromAST(args.schema, definition.type) as GraphQLInputType | undefined;
			const found = type && misplacedFile(variables[name], type, name, fileScalar);
			if (found) return refusal(name, found);
		}
		return null;
	};
	return {
		onExecute({ args, setResultAndStopExecution }) {
			const error = check(args);
			if (error) setResultAndStopExecution({ errors: [error] });
		},
		onSubscribe({ args, setResultAndStopExecution }) {
			const error = check(args);
			if (error) setResultAndStopExecution({ errors: [error] });
		},
	};
}

interface Misplaced {
	/** Where the file is: the variable name, then fields and list positions. */
	path: string;
	/** The type at that place, or null where the type has no such field. */
	expected: string | null;
}

function misplacedFile(value: unknown, type: GraphQLInputType, path: string, fileScalar: string): Misplaced | null {
	if (value === null || typeof value !== 'object') return null;
	if (isFile(value)) return getNamedType(type).name === fileScalar ? null : { path, expected: String(type) };
	const inner = isNonNullType(type) ? type.ofType : type;
	if (isListType(inner)) {
		const items = Array.isArray(value) ? value : [value];
		for (let i = 0; i < items.length; i++) {
			const found = misplacedFile(items[i], inner.ofType, `${path}[${i}]`, fileScalar);
			if (found) return found;
		}
		return null;
	}
	if (!isInputObjectType(inner)) return null;
	const fields = inner.getFields();
	for (const [key, fieldValue] of Object.entries(value)) {
		const field = fields[key];
		if (!field) {
			if (containsFile(fieldValue)) return { path: `${path}.${key}`, expected: null };
			continue;
		}
		const found = misplacedFile(fieldValue, field.type, `${path}.${key}`, fileScalar);
		if (found) return found;
	}
	return null;
}

const isFile = (value: object) => typeof (value as Blob).arrayBuffer === 'function' && typeof (value as Blob).stream === 'function';

const containsFile = (value: unknown): boolean =>
	value !== null && typeof value === 'object' && (isFile(value) || Object.values(value).some(containsFile));

function refusal(variable: string, { path, expected }: Misplaced): GraphQLError {
	const where = path === variable ? '' : ` at "${path}"`;
	const message = expected
		? `Variable "$${variable}" got a file${where}, where the expected type is "${expected}": a file goes only where the type is File (ImageInput.upload).`
		: `Variable "$${variable}" got a file${where}, which is not a field of its type: a file goes only where the type is File (ImageInput.upload).`;
	return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', variable, path, expected, http: { status: 400 } } });
}
