import type { Plugin } from 'graphql-yoga';
import { errorResponse } from './errorResponse';
import type { Services } from '../services';

/** /health (readiness, with the shared state) and /metrics (Prometheus; behind a token when one is configured). */
export function useEndpoints(services: Services, mode: string): Plugin {
	return {
		// Synchronous for every other path: GraphQL requests pay no promise here.
		onRequest({ url, request, endResponse, fetchAPI }) {
			if (url.pathname === '/health') {
				return services.ready().then((ready) =>
					endResponse(
						fetchAPI.Response.json(
							{
								status: ready ? 'ok' : 'degraded',
								mode,
								sharedState: services.config.redisUrl ? (ready ? 'redis' : 'redis unreachable') : 'memory',
							},
							{ status: ready ? 200 : 503 },
						),
					),
				);
			}
			if (url.pathname === '/metrics') {
				const token = services.config.metricsToken;
				if (token && request.headers.get('authorization') !== `Bearer ${token}`) {
					endResponse(errorResponse(fetchAPI.Response, 401, 'UNAUTHENTICATED', 'Metrics need "Authorization: Bearer <metrics token>"'));
					return undefined;
				}
				return services.metrics.registry
					.metrics()
					.then((body) => endResponse(new fetchAPI.Response(body, { headers: { 'content-type': services.metrics.registry.contentType } })));
			}
			return undefined;
		},
	};
}
