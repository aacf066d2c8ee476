import { readFileSync } from 'fs';
import { join } from 'path';

/** Where the schema's files live: the graphql/ folder, from the sources (ts-jest) or from dist/graphql/src/schema. */
export const GRAPHQL_DIR = __dirname.includes(`${join('dist', 'graphql')}`) ? join(__dirname, '..', '..', '..', '..', 'graphql') : join(__dirname, '..', '..');
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
