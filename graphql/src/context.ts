import { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import type { ApiKeyConfig } from './config';
import type { Services } from './services';
import { VendorCalls } from './vendorCalls';

/** What every resolver gets: who is calling, the request's vendor scope, and the server's services. */
export interface GraphQLContext extends YogaInitialContext {
	apiKey: ApiKeyConfig;
	/** One core scope per GraphQL request: identical calls across its fields are sent once. */
	vendor: VendorCalls;
	services: Services;
}

/** What createContext adds to Yoga's initial context. */
export type UserContext = Omit<GraphQLContext, keyof YogaInitialContext>;

export function createContext(services: Services) {
	return ({ request }: YogaInitialContext): UserContext => {
		// The auth plugin has already refused requests without a known key; this is the second lock.
		const apiKey = services.apiKeys.identify(request.headers);
		if (!apiKey)
			throw new GraphQLError('Unauthenticated: send your API key as Authorization: Bearer <key>', {
				extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
			});
		return {
			apiKey,
			vendor: new VendorCalls(services.client.scope(), apiKey, services.budgets, services.log, services.metrics, services.vendorBytes),
			services,
		};
	};
}
