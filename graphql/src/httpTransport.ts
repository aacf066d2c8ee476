import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'http';
import { Agent as HttpsAgent, request as httpsRequest } from 'https';
import {
	TransportError,
	neverLeft,
	withVendorAuth,
	type Transport,
	type TransportRequest,
	type TransportResponse,
	type VendorSecrets,
} from '../../core';

/**
 * The server's Transport, on Node's own http and https modules, adding each vendor's auth (`?token=` or the
 * X-DF-API headers). It lives here, not in the core, because n8n's package rules forbid those modules (and timers)
 * in a community node; the nodes use n8n's own HTTP helper, and code users the core's `fetchTransport`.
 *
 * It sees each step of a request, so it tells every phase apart:
 * - `notSent`: the connection failed, or broke before the whole body was written: the vendor cannot have a
 *   complete request to process;
 * - `sent`: the body was written, then the connection failed or the time ran out before the status line;
 * - `answered`: the status line arrived, then the body was cut, stalled or reset.
 *
 * Against `fetchTransport` it tells a reset while writing from one after, and it costs about 1 ms less CPU per
 * 200 KB call: the body is encoded once and written to the socket, without web streams.
 */
export function httpTransport(secrets: VendorSecrets): Transport {
	// An idle socket is dropped after 4 s, before a server's usual 5 s keep-alive closes it under a new request
	// (that would read as a lost answer). Node's agent does not follow the server's Keep-Alive hint by itself.
	const idle = { keepAlive: true, timeout: 4000 };
	const agents = { http: new HttpAgent(idle), https: new HttpsAgent(idle) };
	return async (request) => {
		const { url, headers } = withVendorAuth(request, secrets);
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			throw new TransportError(`not a valid URL: ${request.url}`, 'notSent', { code: 'ERR_INVALID_URL' });
		}
		// Encoded once: a string body would be measured (a full pass over 200 KB) and then encoded again on writing.
		const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
		return send(
			target,
			{ ...request, body },
			{ ...headers, 'Content-Length': body.byteLength },
			target.protocol === 'https:' ? agents.https : agents.http,
		);
	};
}

function send(
	target: URL,
	request: TransportRequest,
	headers: Record<string, string | number>,
	agent: HttpAgent,
): Promise<TransportResponse> {
	return new Promise((resolve, reject) => {
		let written = false;
		let status: number | undefined;
		let timedOut = false;
		let settled = false;
		const fail = (error: Error & { code?: string }) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			const code = typeof error.code === 'string' ? error.code : undefined;
			const message = timedOut ? `no complete answer within ${request.timeoutMs} ms` : error.message.slice(0, 300);
			if (status !== undefined) reject(new TransportError(message, 'answered', { code, timedOut, httpStatus: status }));
			else if (!written || neverLeft(code)) reject(new TransportError(message, 'notSent', { code, timedOut }));
			else reject(new TransportError(message, 'sent', { code, timedOut }));
			outgoing.destroy();
		};

		const open = target.protocol === 'https:' ? httpsRequest : httpRequest;
		let outgoing: ClientRequest;
		try {
			outgoing = open(target, { method: request.method, headers, agent });
		} catch (error) {
			// Refused before anything was sent: a header with a line break (a secret pasted with its newline), a bad protocol.
			const { code, message } = error as Error & { code?: string };
			reject(new TransportError(message.slice(0, 300), 'notSent', { code }));
			return;
		}
		const timer = setTimeout(() => {
			timedOut = true;
			fail(new Error('timed out'));
		}, request.timeoutMs);
		outgoing.on('error', fail);
		outgoing.on('finish', () => (written = true));
		outgoing.on('response', (response: IncomingMessage) => {
			status = response.statusCode ?? 0;
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', fail);
			response.on('end', () => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				resolve({ status: status!, headers: flatHeaders(response), body: Buffer.concat(chunks).toString('utf8') });
			});
			response.on('close', () => {
				if (!response.complete) fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
			});
		});
		outgoing.end(request.body);
	});
}

function flatHeaders(response: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) {
		if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}
