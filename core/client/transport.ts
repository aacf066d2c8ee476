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
 * How far a failed request got, which decides whether sending it again can pay twice:
 * - `notSent`: the request was never fully written (DNS, refused connection, reset while writing):
 *   the vendor cannot have processed it, so it is safe to send again;
 * - `sent`: written, but no status line came back (reset, timeout): the vendor may have processed it;
 * - `answered`: the status line arrived, then the body was lost: the vendor did process it.
 */
export type FailurePhase = 'notSent' | 'sent' | 'answered';

/**
 * The error a transport throws when it has no HTTP answer to give. A transport that cannot tell the phase
 * says `sent`: when in doubt, the vendor may have billed the call.
 */
export class TransportError extends Error {
	readonly name = 'TransportError';

	constructor(
		message: string,
		readonly phase: FailurePhase,
		readonly details: {
			/** The system or library code (ECONNREFUSED, UND_ERR_SOCKET …). */
			code?: string;
			timedOut?: boolean;
			/** The HTTP status, when the status line arrived before the body was lost. */
			httpStatus?: number;
			/** Nothing can be sent at all (no credentials configured): trying again cannot help. */
			notConfigured?: boolean;
		} = {},
	) {
		super(message);
	}
}

/** Error codes raised before a single byte of the request reached the vendor. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'EADDRNOTAVAIL',
	'ERR_INVALID_URL',
	'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a library's error code proves the request never left. */
export const neverLeft = (code: string | undefined): boolean => code !== undefined && NOT_SENT_CODES.has(code);

/**
 * Sends one request. n8n plugs in `httpRequestWithAuthentication` (the credential adds the auth), the GraphQL
 * server its `httpTransport`, code users and tests `fetchTransport`. It resolves for every HTTP answer, whatever its
 * status, and throws a TransportError (or any error, read as phase `sent`) when there is no answer to give.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface VendorSecrets {
	aisolution?: { token: string };
	accuauth?: { apiId: string; apiSecret: string };
}

/**
 * A request with its vendor's auth added, for transports that hold the secrets themselves: AI Solution takes
 * `?token=`, AccuAuth the X-DF-API headers. Throws a TransportError (`notSent`, not configured) when the secrets
 * are missing: sending again cannot help.
 */
export function withVendorAuth(request: TransportRequest, secrets: VendorSecrets): { url: string; headers: Record<string, string> } {
	const headers = { ...request.headers };
	if (request.vendor === 'aisolution') {
		if (!secrets.aisolution) throw new TransportError('No AI Solution token is configured', 'notSent', { notConfigured: true });
		const token = encodeURIComponent(secrets.aisolution.token);
		return { url: `${request.url}${request.url.includes('?') ? '&' : '?'}token=${token}`, headers };
	}
	if (!secrets.accuauth) throw new TransportError('No AccuAuth API ID and secret are configured', 'notSent', { notConfigured: true });
	headers['X-DF-API-ID'] = secrets.accuauth.apiId;
	headers['X-DF-API-SECRET'] = secrets.accuauth.apiSecret;
	return { url: request.url, headers };
}
