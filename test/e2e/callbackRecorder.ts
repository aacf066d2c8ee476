import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback relay between the vendor emulator and n8n's webhooks: it forwards each GET unchanged to `target`
 * and remembers the full URL (path and query, token included) and n8n's answer. The tests use it to replay a
 * genuine callback, and to forge and tamper with copies of it.
 */

export interface RecordedCallback {
	/** Path and query, as the vendor called them. */
	path: string;
	status: number;
}

export interface CallbackRecorder {
	origin: string;
	calls: RecordedCallback[];
	close(): Promise<void>;
}

export async function startCallbackRecorder(target: () => string): Promise<CallbackRecorder> {
	const calls: RecordedCallback[] = [];
	const server: Server = createServer((request, response) => {
		const path = request.url ?? '/';
		fetch(`${target()}${path}`, { method: request.method })
			.then(async (answer) => {
				calls.push({ path, status: answer.status });
				response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
				response.end(Buffer.from(await answer.arrayBuffer()));
			})
			.catch((error: Error) => {
				calls.push({ path, status: 502 });
				response.writeHead(502);
				response.end(error.message);
			});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
