import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { TransportError, neverLeft, type Transport, type TransportRequest, type TransportResponse } from '../../../core/client/transport';
import { CREDENTIAL_OF } from '../credentials';

/**
 * The one place the nodes make HTTP requests: the core builds each request, n8n sends it.
 * The credential adds the auth (AI Solution `?token=`, AccuAuth headers); every HTTP answer is
 * handed back to the core whatever its status, which reads the vendor's status from it.
 */
export function n8nTransport(context: IExecuteFunctions): Transport {
	return async (request: TransportRequest): Promise<TransportResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: { ...request.headers },
			body:
				typeof request.body === 'string'
					? request.body
					: Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength),
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
		};
		let response: { statusCode: number; headers: Record<string, string | string[] | undefined>; body: unknown };
		try {
			response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_OF[request.vendor], options);
		} catch (error) {
			throw failurePhase(error, request.timeoutMs);
		}
		return { status: response.statusCode, headers: flatHeaders(response.headers), body: bodyText(response.body) };
	};
}

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	response?: { status?: unknown };
	cause?: unknown;
}

/**
 * What n8n's helper (axios underneath, wrapped in NodeApiError) lets us tell about a failed request:
 * - no credentials, or a connection that was never made (refused, DNS): `notSent`;
 * - an axios error that carries a response, or a body stream aborted after the headers: `answered`;
 * - anything else (a reset, a timeout): it cannot say whether the request was written, so `sent`.
 */
function failurePhase(error: unknown, timeoutMs: number): TransportError {
	const chain: ErrorLike[] = [];
	for (let e = error as ErrorLike | undefined; e && chain.length < 5; e = e.cause as ErrorLike | undefined) chain.push(e);
	const code = chain.map((e) => e.code).find((c): c is string => typeof c === 'string');
	const message = String(chain[0]?.message ?? error).slice(0, 300);
	if (/does not have any credentials/.test(message)) return new TransportError(message, 'notSent', { notConfigured: true });
	if (neverLeft(code)) return new TransportError(message, 'notSent', { code });
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
	const status = chain.map((e) => e.response?.status).find((s): s is number => typeof s === 'number');
	if (status !== undefined || code === 'ERR_BAD_RESPONSE' || /stream has been aborted|aborted/i.test(message)) {
		return new TransportError(timedOut ? `no complete answer within ${timeoutMs} ms` : message, 'answered', {
			code,
			timedOut,
			httpStatus: status,
		});
	}
	return new TransportError(timedOut ? `no answer within ${timeoutMs} ms` : message, 'sent', { code, timedOut });
}

function flatHeaders(headers: Record<string, string | string[] | undefined> = {}): Record<string, string | undefined> {
	const flat: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers)) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	return flat;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}
