import { readFileSync } from 'fs';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { ConfigError, type PersistedOperationsMode } from '../config';

/**
 * Registered operations: a frontend's build writes the operations it sends as a JSON map of id → document
 * (GraphQL codegen's client preset with persistedDocuments on writes persisted-documents.json), and clients
 * send the id instead of the text. In `only-persisted` mode nothing else runs; in `allow-also-arbitrary` mode
 * other documents run too (e.g. while a frontend moves over). The map is read and parsed once, at start.
 */
export function registeredOperations(mode: PersistedOperationsMode, file: string | null): Plugin | null {
	if (mode === 'off') return null;
	if (!file) throw new ConfigError(`Persisted operations (${mode}) need a file of registered operations`);
	const documents = readRegistered(file);
	return usePersistedOperations({
		allowArbitraryOperations: mode === 'allow-also-arbitrary',
		extractPersistedOperationId: operationId,
		getPersistedOperation: (id) => documents.get(id) ?? documents.get(id.replace(/^sha256:/, '')) ?? null,
		customErrors: {
			persistedQueryOnly: () =>
				refusal(
					'PERSISTED_OPERATION_REQUIRED',
					'This server runs only registered operations: send the operation\'s "documentId" (or extensions.persistedQuery.sha256Hash), not its text.',
				),
			keyNotFound: () =>
				refusal(
					'PERSISTED_OPERATION_REQUIRED',
					'Send a registered operation\'s "documentId" (or extensions.persistedQuery.sha256Hash), or a query.',
				),
			notFound: ({ params, request }) =>
				refusal(
					'PERSISTED_OPERATION_NOT_FOUND',
					`No registered operation has the id ${JSON.stringify(operationId(params, request)?.slice(0, 100))}.`,
				),
		},
	});
}

/**
 * The id a client sends: `documentId` (the GraphQL-over-HTTP persisted documents form, in the body or the URL),
 * or `extensions.persistedQuery.sha256Hash` (the automatic persisted queries form many clients use).
 */
function operationId(params: GraphQLParams, request: Request): string | null {
	const documentId = (params as { documentId?: unknown }).documentId ?? new URL(request.url).searchParams.get('documentId');
	if (typeof documentId === 'string' && documentId !== '') return documentId;
	const persisted = (params.extensions as { persistedQuery?: { version?: number; sha256Hash?: unknown } } | undefined)?.persistedQuery;
	return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

function readRegistered(file: string): Map<string, DocumentNode> {
	let map: unknown;
	try {
		map = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError(`Cannot read the registered operations PERSISTED_OPERATIONS_FILE=${file}: ${(error as Error).message}`);
	}
	if (!map || typeof map !== 'object' || Array.isArray(map))
		throw new ConfigError(`${file} must be a JSON object of id → GraphQL document`);
	const documents = new Map<string, DocumentNode>();
	for (const [id, text] of Object.entries(map)) {
		if (typeof text !== 'string') throw new ConfigError(`${file}: the operation "${id}" is not a string of GraphQL`);
		try {
			documents.set(id, parse(text));
		} catch (error) {
			throw new ConfigError(`${file}: the operation "${id}" does not parse: ${(error as Error).message}`);
		}
	}
	return documents;
}

const refusal = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
