import type { Plugin } from 'graphql-yoga';
import type { Services } from '../services';

/** Counts and times every request to the GraphQL endpoint, and logs one line for it (no body, no headers). */
export function useRequestMetrics(services: Services): Plugin {
	const started = new WeakMap<Request, number>();
	return {
		onRequest({ request, url }) {
			if (url.pathname === services.config.graphqlPath) started.set(request, performance.now());
		},
		onResponse({ request, response }) {
			const start = started.get(request);
			if (start === undefined) return;
			const seconds = (performance.now() - start) / 1000;
			services.metrics.observeRequest(response.status, seconds);
			services.log.debug('graphql request', { method: request.method, status: response.status, durationMs: Math.round(seconds * 1000) });
		},
	};
}
