import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Transport, TransportRequest, TransportResponse } from '../../../core/client/transport';
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
			body: typeof request.body === 'string' ? request.body : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength),
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_OF[request.vendor], options)) as {
			statusCode: number;
			headers: Record<string, string | string[] | undefined>;
			body: unknown;
		};
		return { status: response.statusCode, headers: flatHeaders(response.headers), body: bodyText(response.body) };
	};
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
