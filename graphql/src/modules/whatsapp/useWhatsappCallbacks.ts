import type { Plugin } from 'graphql-yoga';
import { readWhatsapp } from '../../../../core';
import { errorResponse } from '../../http/errorResponse';
import { whatsappOf } from './result';
import type { Services } from '../../services';
import { CALLBACK_PATH, numberKey } from './callbacks';

/**
 * The endpoint the vendor calls back: GET /callbacks/whatsapp/<signature>?number=…&whatsapp=…
 * A result with a valid signature is published to whatsappResults(number) on every instance.
 */
export function useWhatsappCallbacks(services: Services): Plugin {
	return {
		onRequest({ url, endResponse, fetchAPI, request }) {
			if (!url.pathname.startsWith(CALLBACK_PATH)) return;
			if (request.method !== 'GET') {
				endResponse(errorResponse(fetchAPI.Response, 405, 'METHOD_NOT_ALLOWED', 'The vendor calls back with GET', { allow: 'GET' }));
				return;
			}
			const signature = url.pathname.slice(CALLBACK_PATH.length).replace(/\/+$/, '');
			const message = Object.fromEntries(url.searchParams);
			const number = message.number ?? '';
			if (!number || !services.callbacks.verify(signature, number)) {
				services.log.warn('whatsapp callback refused', { reason: number ? 'signature does not match the number' : 'no number' });
				endResponse(errorResponse(fetchAPI.Response, 403, 'FORBIDDEN', 'Unknown callback'));
				return;
			}
			const result = readWhatsapp(message);
			if (!result) {
				services.log.warn('whatsapp callback refused', { reason: 'undocumented conclusion' });
				endResponse(errorResponse(fetchAPI.Response, 400, 'BAD_REQUEST', 'Undocumented whatsapp value'));
				return;
			}
			const check = whatsappOf(result, services.config.includeRaw ? message : null, null);
			services.pubsub.publish('whatsapp', numberKey(number), check);
			services.log.info('whatsapp callback', { status: check.status });
			endResponse(new fetchAPI.Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } }));
		},
	};
}
