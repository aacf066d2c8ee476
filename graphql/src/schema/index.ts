import { makeExecutableSchema } from '@graphql-tools/schema';
import { resolvers } from '../resolvers';
import { buildSdl } from './sdl';

/** The executable schema: the published SDL (built from the catalog) with the typed resolvers. */
export function createSchema() {
	return makeExecutableSchema({ typeDefs: buildSdl(), resolvers });
}
