import type { VendorId } from '../catalog/types';

/** One HTTP request the core wants sent. Auth is not in it: the transport adds it. */
export interface TransportRequest {
	vendor: VendorId;
	method: 'POST' | 'GET';
	url: string;
	headers: Record<string, string>;
	body: Uint8Array | string;
	/** The transport must give up after this long and throw. */
	timeoutMs: number;
}

export interface TransportResponse {
	status: number;
	headers: Record<string, string | undefined>;
	body: string;
}

/**
 * Sends one request. n8n plugs in `httpRequestWithAuthentication` (the credential adds the auth);
 * the GraphQL server and tests plug in `fetchTransport`. It throws on network errors and timeouts
 * (retried) or with `retryable: false` on the error when it cannot send at all (not retried), and
 * resolves for every HTTP answer, whatever its status.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface VendorSecrets {
	aisolution?: { token: string };
	accuauth?: { apiId: string; apiSecret: string };
}
