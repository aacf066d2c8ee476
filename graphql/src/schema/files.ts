import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The graphql/ folder of the sources, found from wherever this file runs: the sources (ts-jest), the root build
 * (dist/graphql/src/schema) or the package's own (graphql/dist/graphql/src/schema). The .graphql files stay there.
 */
function graphqlDir(): string {
	for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, 'graphql', 'src', 'modules', 'common', 'common.graphql'))) return join(dir, 'graphql');
	}
	throw new Error(`Cannot find graphql/src/modules above ${__dirname}`);
}

export const GRAPHQL_DIR = graphqlDir();
export const SCHEMA_FILE = join(GRAPHQL_DIR, 'schema.graphql');
export const TYPES_FILE = join(GRAPHQL_DIR, 'src', 'schema', 'types.generated.ts');

/** The feature modules, in the order their root fields appear in the published schema. */
export const MODULES = ['common', 'problems', 'documents', 'faces', 'whatsapp', 'verification'] as const;
export type ModuleName = (typeof MODULES)[number];

export const moduleFile = (module: ModuleName, kind: 'own' | 'generated') =>
	join(GRAPHQL_DIR, 'src', 'modules', module, `${module}${kind === 'generated' ? '.generated' : ''}.graphql`);

/** A module's SDL as committed: its hand-written file and, when it has one, its generated file. */
export function moduleSdl(module: ModuleName): string[] {
	const own = readFileSync(moduleFile(module, 'own'), 'utf8');
	try {
		return [own, readFileSync(moduleFile(module, 'generated'), 'utf8')];
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [own];
		throw error;
	}
}
