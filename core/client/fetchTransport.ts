import { TransportError, neverLeft, withVendorAuth, type Transport, type VendorSecrets } from './transport';

/**
 * A Transport on Node's fetch (undici) that adds each vendor's auth: `?token=` or the X-DF-API headers.
 *
 * What fetch can tell about a failure: a connection that was never made (refused, DNS) is `notSent`; once fetch
 * has resolved, the status line arrived, so a body that fails to arrive is `answered`. Between the two, fetch does
 * not say whether the request was fully written before a reset or a timeout, so that is `sent`.
 */
export function fetchTransport(secrets: VendorSecrets): Transport {
	return async (request) => {
		const { url, headers } = withVendorAuth(request, secrets);
		const signal = AbortSignal.timeout(request.timeoutMs);
		let response: Response;
		try {
			response = await fetch(url, { method: request.method, headers, body: request.body as BodyInit, signal });
		} catch (error) {
			const code = errorCode(error);
			const timedOut = signal.aborted;
			throw new TransportError(describe(error, timedOut, request.timeoutMs), neverLeft(code) ? 'notSent' : 'sent', { code, timedOut });
		}
		try {
			const out: Record<string, string> = {};
			// A repeated header (Set-Cookie) is joined, as node:http joins it.
			response.headers.forEach((value, key) => (out[key] = key in out ? `${out[key]}, ${value}` : value));
			return { status: response.status, headers: out, body: await response.text() };
		} catch (error) {
			const timedOut = signal.aborted;
			throw new TransportError(describe(error, timedOut, request.timeoutMs), 'answered', {
				code: errorCode(error),
				timedOut,
				httpStatus: response.status,
			});
		}
	};
}

function errorCode(error: unknown): string | undefined {
	const err = error as { code?: unknown; cause?: { code?: unknown } };
	const code = err?.cause?.code ?? err?.code;
	return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown, timedOut: boolean, timeoutMs: number): string {
	if (timedOut) return `no complete answer within ${timeoutMs} ms`;
	const err = error as { message?: string; cause?: { message?: string } };
	return String(err?.cause?.message ?? err?.message ?? error).slice(0, 300);
}

/** The secret values of a VendorSecrets, for redaction. */
export function secretValues(secrets: VendorSecrets): string[] {
	return [secrets.aisolution?.token, secrets.accuauth?.apiId, secrets.accuauth?.apiSecret].filter((s): s is string => !!s);
}
