import type { IncomingMessage } from 'http';
import type { Plugin } from 'graphql-yoga';

/**
 * A request answered before its body was read to the end (a file over the size limit, too many files, no API
 * key) leaves the rest of its body on the connection. Left there, the connection stalls and is reset, and the
 * client's next request on it fails with ECONNRESET. So the rest is read and dropped, and the connection stays
 * usable, when the body declares a length within `maxBytes`. A larger or undeclared (chunked) body is not worth
 * reading: the answer says `Connection: close` and Node closes the connection once the answer is sent.
 */
export function useUnreadBodyDrain(maxBytes: number): Plugin {
	return {
		onResponse({ serverContext, response }) {
			const request = (serverContext as { req?: IncomingMessage } | undefined)?.req;

			if (!request || request.complete || request.destroyed) return;
			const declared = Number(request.headers['content-length'] ?? NaN);
			if (!(declared <= maxBytes)) {
				response.headers.set('connection', 'close');
				return;
			}
			request.resume();
		},
	};
}
