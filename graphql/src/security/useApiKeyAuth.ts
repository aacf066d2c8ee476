import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../http/errorResponse';
import type { Services } from '../services';

/**
 * Every GraphQL request needs a known API key, and stays within the key's rate. Checked as the request
 * arrives, before its body is read or parsed, so refused requests cost nothing.
 */
export function useApiKeyAuth(services: Services): Plugin {
	return {
		async onRequest({ url, request, endResponse, fetchAPI }) {
			if (url.pathname !== services.config.graphqlPath) return;
			const key = services.apiKeys.identify(request.headers);
			if (!key) {
				services.metrics.refusals.inc({ reason: 'unauthenticated' });
				endResponse(
					errorResponse(
						fetchAPI.Response,
						401,
						'UNAUTHENTICATED',
						'Unauthenticated: send your API key as "Authorization: Bearer <key>" or "X-API-Key: <key>"',
						{
							'www-authenticate': 'Bearer realm="idverify"',
						},
					),
				);
				return;
			}
			let retryAfter: number | null;
			try {
				retryAfter = await services.rateLimits.check(key);
			} catch (error) {
				// Fail closed: without the shared counters a key's rate cannot be known.
				services.log.error('rate limit store unavailable', { error: (error as Error).message });
				endResponse(
					errorResponse(fetchAPI.Response, 503, 'SERVICE_UNAVAILABLE', 'The rate-limit store is unavailable; retry shortly', {
						'retry-after': '5',
					}),
				);
				return;
			}
			if (retryAfter !== null) {
				services.metrics.refusals.inc({ reason: 'rate_limited' });
				services.log.info('rate limited', { key: key.name, limitPerMinute: key.ratePerMinute });
				endResponse(
					errorResponse(
						fetchAPI.Response,
						429,
						'RATE_LIMITED',
						`Rate limit of ${key.ratePerMinute} requests per minute reached for this API key; retry in ${retryAfter} s`,
						{
							'retry-after': String(retryAfter),
						},
					),
				);
			}
		},
	};
}
