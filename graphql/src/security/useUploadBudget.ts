import type { Plugin } from 'graphql-yoga';
import type { Services } from '../services';

/** A JSON body this small carries no image worth counting; it never waits behind uploads. */
export const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Requests that carry images share a budget of bytes in flight per instance (their Content-Length): multipart
 * uploads, and JSON bodies past SMALL_BODY_BYTES (base64 images; chunked JSON without a length is not counted).
 * A request that does not fit waits before its body is read (TCP holds it back). Memory for concurrent uploads
 * then stays bounded whatever the number of clients (a JSON body is held about three times while its request
 * runs: bytes, text, parsed), and small uploads are not held back by a count meant for large ones. A request
 * larger than the whole budget still runs, alone.
 */
export function useUploadBudget(services: Services, budgetBytes: number): Plugin {
	let inFlight = 0;
	const waiting: { bytes: number; start: () => void }[] = [];
	const held = new WeakMap<Request, () => void>();

	const fits = (bytes: number) => inFlight === 0 || inFlight + bytes <= budgetBytes;
	const admit = () => {
		while (waiting.length > 0 && fits(waiting[0].bytes)) {
			const next = waiting.shift()!;
			inFlight += next.bytes;
			next.start();
		}
	};
	const acquire = async (bytes: number) => {
		if (waiting.length === 0 && fits(bytes)) inFlight += bytes;
		else await new Promise<void>((start) => waiting.push({ bytes, start }));
		let released = false;
		return () => {
			if (released) return;
			released = true;
			inFlight -= bytes;
			admit();
		};
	};

	return {
		onRequest({ request, url }) {
			if (request.method !== 'POST' || url.pathname !== services.config.graphqlPath) return;
			const length = request.headers.get('content-length');
			const declared = Number(length);
			const multipart = /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
			// A chunked JSON body is not counted (it would take the largest body's share); the body limit still holds.
			if (!multipart && (length === null || declared < SMALL_BODY_BYTES)) return;
			// A multipart body without a length (chunked) counts as the largest body allowed.
			const bytes = Number.isFinite(declared) && declared > 0 ? declared : services.config.limits.maxRequestBytes;
			return acquire(bytes).then((release) => {
				held.set(request, release);
				// A client that goes away must not keep its share.
				request.signal?.addEventListener('abort', release, { once: true });
			});
		},
		onResponse({ request }) {
			held.get(request)?.();
		},
	};
}
