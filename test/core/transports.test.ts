import { createServer, type Server, type Socket } from 'net';
import type { AddressInfo } from 'net';
import { TransportError, fetchTransport, type Transport, type TransportRequest, type VendorSecrets } from '../../core';
import { httpTransport } from '../../graphql/src/httpTransport';

/**
 * Both transports (the core's on fetch, the GraphQL server's on node:http) against a raw TCP server that fails a
 * request exactly where a test wants: before the body was read, after it was read, after the status line. Each
 * place must give its phase, which decides whether the client may send the request again.
 */

type Behaviour = (socket: Socket, head: string, body: Buffer) => void;

interface RawServer {
	url: string;
	requests: { head: string; body: Buffer }[];
	close(): Promise<void>;
}

/** Calls `behaviour` once the request's head, and `Content-Length` bytes of body (unless `onHead`), have arrived. */
async function rawServer(behaviour: Behaviour, options: { onHead?: boolean } = {}): Promise<RawServer> {
	const requests: RawServer['requests'] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		let data = Buffer.alloc(0);
		let done = false;
		socket.on('data', (chunk: Buffer) => {
			if (done) return;
			data = Buffer.concat([data, chunk]);
			const end = data.indexOf('\r\n\r\n');
			if (end < 0) return;
			const head = data.subarray(0, end).toString('latin1');
			const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
			const body = data.subarray(end + 4);
			if (!options.onHead && body.length < length) return;
			done = true;
			requests.push({ head, body });
			behaviour(socket, head, body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1/de_ocr/general`,
		requests,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

const request = (url: string, body: string | Uint8Array = 'img=abc', timeoutMs = 2000): TransportRequest => ({
	vendor: 'aisolution',
	method: 'POST',
	url,
	headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
	body,
	timeoutMs,
});
const secrets: VendorSecrets = { aisolution: { token: 'secret token' }, accuauth: { apiId: 'id-1', apiSecret: 'secret-2' } };
const TRANSPORTS: [string, (secrets: VendorSecrets) => Transport, { resetWhileWriting: string }][] = [
	// fetch does not say whether its body was written whole, so it must assume the vendor may have processed it.
	['fetchTransport', fetchTransport, { resetWhileWriting: 'sent' }],
	['httpTransport', httpTransport, { resetWhileWriting: 'notSent' }],
];

async function failure(promise: Promise<unknown>): Promise<TransportError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(TransportError);
	return error as TransportError;
}

let server: RawServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

describe.each(TRANSPORTS)('%s', (_name, make, expected) => {
	const transport = make(secrets);

	describe('an answer', () => {
		it('adds the auth, sends the exact byte length, and gives status, headers and text', async () => {
			server = await rawServer((socket) => {
				const json = JSON.stringify({ status: 'OK', name: 'Müller' });
				socket.end(
					`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
				);
			});
			const answer = await transport(request(server.url, 'name=M%C3%BCller&note=é'));
			expect(answer).toMatchObject({ status: 200, body: '{"status":"OK","name":"Müller"}' });
			expect(answer.headers['set-cookie']).toBe('a=1, b=2');
			const { head, body } = server.requests[0];
			expect(head).toMatch(/^POST \/v1\/de_ocr\/general\?token=secret%20token HTTP\/1\.1/);
			// 23 characters, 24 bytes: é takes two.
			expect(head).toMatch(/content-length: 24/i);
			expect(body.toString('utf8')).toBe('name=M%C3%BCller&note=é');
		});

		it("sends AccuAuth's key in headers, and a byte body as it is", async () => {
			server = await rawServer((socket) => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\n{}'));
			const bytes = Buffer.from([0, 1, 2, 255]);
			const answer = await transport({ ...request(server.url, bytes), vendor: 'accuauth' });
			expect(answer.status).toBe(403);
			expect(server.requests[0].head).toMatch(/x-df-api-id: id-1/i);
			expect(server.requests[0].head).toMatch(/x-df-api-secret: secret-2/i);
			expect(server.requests[0].head).not.toMatch(/token=/);
			expect(server.requests[0].body).toEqual(bytes);
		});

		it('refuses to send without the vendor’s secrets: notSent, and marked as not configured', async () => {
			const error = await failure(make({})(request('http://127.0.0.1:9/x')));
			expect(error).toMatchObject({ phase: 'notSent', details: { notConfigured: true } });
		});
	});

	describe('where a request failed', () => {
		it('a refused connection: notSent', async () => {
			server = await rawServer(() => undefined);
			const url = server.url;
			await server.close();
			server = undefined;
			expect(await failure(transport(request(url)))).toMatchObject({ phase: 'notSent', details: { code: 'ECONNREFUSED' } });
		});

		it('a reset while the body is still being written: notSent when the transport can tell', async () => {
			// Larger than the send and receive buffers of a loopback connection together, so the writing cannot be over.
			const body = Buffer.alloc(48 * 1024 * 1024, 'A');
			server = await rawServer((socket) => socket.resetAndDestroy(), { onHead: true });
			const error = await failure(transport(request(server.url, body, 10_000)));
			expect(error.phase).toBe(expected.resetWhileWriting);
		});

		it.each([
			['closed (FIN)', (socket: Socket) => socket.end()],
			['reset (RST)', (socket: Socket) => socket.resetAndDestroy()],
		])('%s after the whole request was read, with no answer: sent', async (_name, drop) => {
			server = await rawServer(drop);
			const error = await failure(transport(request(server.url)));
			expect(error.phase).toBe('sent');
			expect(server.requests).toHaveLength(1);
		});

		it('no status line within the time: sent, timed out', async () => {
			server = await rawServer(() => undefined);
			const error = await failure(transport(request(server.url, 'img=abc', 150)));
			expect(error).toMatchObject({ phase: 'sent', details: { timedOut: true } });
			expect(error.message).toBe('no complete answer within 150 ms');
		});

		it('a body cut after the status line: answered, with the status', async () => {
			server = await rawServer((socket) => {
				socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"status":"O');
				setTimeout(() => socket.destroy(), 20);
			});
			expect(await failure(transport(request(server.url)))).toMatchObject({ phase: 'answered', details: { httpStatus: 200 } });
		});

		it('a body that stalls after the status line: answered, timed out', async () => {
			server = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"st'));
			const error = await failure(transport(request(server.url, 'img=abc', 200)));
			expect(error).toMatchObject({ phase: 'answered', details: { httpStatus: 200, timedOut: true } });
		});
	});
});

describe('httpTransport: a request Node refuses to build', () => {
	it.each([
		['a secret with a line break', { accuauth: { apiId: 'id', apiSecret: 'secret\n' } }, 'http://127.0.0.1:9/x', 'ERR_INVALID_CHAR'],
		['a base URL with another protocol', { aisolution: { token: 't' } }, 'ftp://127.0.0.1/x', 'ERR_INVALID_PROTOCOL'],
	] as const)('%s: notSent, and nothing runs on afterwards', async (_name, given, url, code) => {
		const vendor = 'accuauth' in given ? 'accuauth' : 'aisolution';
		const error = await failure(httpTransport(given)({ ...request(url, 'a=1', 50), vendor }));
		expect(error).toMatchObject({ phase: 'notSent', details: { code } });
		// A timer left armed would fire here and throw outside any promise.
		await new Promise((resolve) => setTimeout(resolve, 100));
	});
});
