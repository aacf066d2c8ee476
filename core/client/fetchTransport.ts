import type { Transport, VendorSecrets } from './transport';

/** A Transport on Node's fetch that adds each vendor's auth: `?token=` or the X-DF-API headers. */
export function fetchTransport(secrets: VendorSecrets): Transport {
	return async (request) => {
		let url = request.url;
		const headers = { ...request.headers };
		if (request.vendor === 'aisolution') {
			if (!secrets.aisolution) throw notConfigured('No AI Solution token is configured');
			url += `${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(secrets.aisolution.token)}`;
		} else {
			if (!secrets.accuauth) throw notConfigured('No AccuAuth API ID and secret are configured');
			headers['X-DF-API-ID'] = secrets.accuauth.apiId;
			headers['X-DF-API-SECRET'] = secrets.accuauth.apiSecret;
		}
		const response = await fetch(url, {
			method: request.method,
			headers,
			body: request.body as BodyInit,
			signal: AbortSignal.timeout(request.timeoutMs),
		});
		const out: Record<string, string> = {};
		response.headers.forEach((value, key) => (out[key] = value));
		return { status: response.status, headers: out, body: await response.text() };
	};
}

/** An error the client will not retry: sending again cannot help. */
function notConfigured(message: string): Error {
	return Object.assign(new Error(message), { retryable: false });
}

/** The secret values of a VendorSecrets, for redaction. */
export function secretValues(secrets: VendorSecrets): string[] {
	return [secrets.aisolution?.token, secrets.accuauth?.apiId, secrets.accuauth?.apiSecret].filter((s): s is string => !!s);
}
