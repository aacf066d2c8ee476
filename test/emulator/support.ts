import net from 'node:net';
import type { Operation } from '../../core/catalog/types';
import type { Emulator } from '../../emulator';

/** Plain-fetch requests to the emulator, built from a catalog entry the way each vendor's docs say. */

export interface Sent {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the text when the body is not JSON. */
	body: any;
}

export async function read(response: Response): Promise<Sent> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// keep the text
	}
	return { status: response.status, headers: response.headers, body };
}

export function aiSolutionUrl(emulator: Emulator, path: string, token: string | null = emulator.credentials.token): string {
	return `${emulator.baseUrls.aisolution}/${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}

export function accuAuthUrl(emulator: Emulator, country: string, path = 'ocr/idcard'): string {
	return `${emulator.baseUrls.accuauth.replace('{country}', country)}/${path}`;
}

export function form(fields: Record<string, string | Buffer | undefined>): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		if (value !== undefined) params.append(name, Buffer.isBuffer(value) ? value.toString('base64') : value);
	}
	return params.toString();
}

export async function postForm(url: string, fields: Record<string, string | Buffer | undefined>): Promise<Sent> {
	return read(await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form(fields) }));
}

export function multipart(parts: { name: string; value: string | Buffer; filename?: string }[]): { body: Buffer; contentType: string } {
	const boundary = `----test${Math.random().toString(16).slice(2)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
		const type = part.filename ? '\r\nContent-Type: application/octet-stream' : '';
		chunks.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
			Buffer.from(part.value),
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function accuAuthHeaders(emulator: Emulator): Record<string, string> {
	return { 'X-DF-API-ID': emulator.credentials.apiId, 'X-DF-API-SECRET': emulator.credentials.apiSecret };
}

export async function postMultipart(
	url: string,
	parts: { name: string; value: string | Buffer; filename?: string }[],
	headers: Record<string, string>,
): Promise<Sent> {
	const { body, contentType } = multipart(parts);
	return read(await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': contentType }, body: new Uint8Array(body) }));
}

/**
 * Calls an operation as its vendor's docs show: `image` goes into every image input (AI Solution, base64 form
 * field; AccuAuth, the multipart `file` part), `fields` fill the text inputs.
 */
export async function callOperation(
	emulator: Emulator,
	op: Operation,
	image: Buffer | null,
	fields: Record<string, string> = {},
	secondImage?: Buffer,
): Promise<Sent> {
	if (op.vendor === 'aisolution') {
		const values: Record<string, string | Buffer | undefined> = { ...fields };
		op.inputs.forEach((spec, i) => {
			if (spec.type === 'image' && image) values[spec.name] = i > 0 && secondImage ? secondImage : image;
		});
		return postForm(aiSolutionUrl(emulator, op.path), values);
	}
	const parts: { name: string; value: string | Buffer; filename?: string }[] = [];
	if (image) parts.push({ name: 'file', value: image, filename: 'card.png' });
	for (const [name, value] of Object.entries(fields)) parts.push({ name, value });
	return postMultipart(accuAuthUrl(emulator, op.vendorCountry as string, op.path), parts, accuAuthHeaders(emulator));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client socket saw: every byte, how the connection ended, and when. */
export interface RawExchange {
	bytes: Buffer;
	/** `end`: closed (FIN); `error`: aborted (the error code, e.g. ECONNRESET); `timeout`: still open at the deadline. */
	ended: 'end' | 'error' | 'timeout';
	errorCode: string | null;
	/** ms from sending to the first byte received (null: none), and to the end. */
	firstByteMs: number | null;
	endMs: number;
}

/**
 * Sends one request over a bare socket and records what comes back, so a test can tell "nothing at all" from "a
 * status line, then the connection died". `body: null` sends the headers only (with `contentLength` announced).
 */
export function rawPost(
	port: number,
	path: string,
	request: { contentType: string; body: Buffer | string | null; headers?: Record<string, string>; contentLength?: number },
	deadlineMs = 5000,
): Promise<RawExchange> {
	const body = request.body === null ? null : Buffer.from(request.body);
	const length = request.contentLength ?? body?.length ?? 0;
	const extra = Object.entries(request.headers ?? {})
		.map(([name, value]) => `${name}: ${value}\r\n`)
		.join('');
	const head =
		`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${request.contentType}\r\n` +
		`Content-Length: ${length}\r\n${extra}Connection: close\r\n\r\n`;
	return new Promise((resolve) => {
		const started = performance.now();
		const chunks: Buffer[] = [];
		let firstByteMs: number | null = null;
		let settled = false;
		const socket = net.connect(port, '127.0.0.1');
		const finish = (ended: RawExchange['ended'], errorCode: string | null) => {
			if (settled) return;
			settled = true;
			clearTimeout(deadline);
			socket.destroy();
			resolve({ bytes: Buffer.concat(chunks), ended, errorCode, firstByteMs, endMs: performance.now() - started });
		};
		const deadline = setTimeout(() => finish('timeout', null), deadlineMs);
		socket.on('data', (chunk: Buffer) => {
			firstByteMs ??= performance.now() - started;
			chunks.push(chunk);
		});
		socket.on('end', () => finish('end', null));
		socket.on('error', (error: NodeJS.ErrnoException) => finish('error', error.code ?? error.message));
		socket.on('close', () => finish('end', null));
		socket.write(head);
		if (body) socket.write(body);
	});
}

/** Splits raw HTTP/1.1 response bytes into the status, the headers (lower-case names) and the body bytes. */
export function parseRaw(bytes: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | null {
	const split = bytes.indexOf('\r\n\r\n');
	if (split < 0) return null;
	const [statusLine, ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { status: Number(statusLine.split(' ')[1]), headers, body: bytes.subarray(split + 4) };
}
