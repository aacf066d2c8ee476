import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { DropStyle } from './types';

/** An answer as bytes on the wire: what the faults can cut short. */
export interface WireAnswer {
	httpStatus: number;
	headers: Record<string, string>;
	bytes: Buffer;
}

export function jsonAnswer(httpStatus: number, body: unknown, headers: Record<string, string> = {}): WireAnswer {
	return textAnswer(httpStatus, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

export function textAnswer(httpStatus: number, contentType: string, text: string, headers: Record<string, string> = {}): WireAnswer {
	return { httpStatus, headers: { 'Content-Type': contentType, ...headers }, bytes: Buffer.from(text, 'utf8') };
}

export function send(res: ServerResponse, answer: WireAnswer): void {
	res.writeHead(answer.httpStatus, { ...answer.headers, 'Content-Length': answer.bytes.length });
	res.end(answer.bytes);
}

/**
 * Writes the status line, the headers with the full Content-Length, and the first `bodyBytes` of the body (default
 * half; never all of it), and resolves once they have left for the client, so a drop after it cannot swallow them.
 */
export function sendPart(res: ServerResponse, answer: WireAnswer, bodyBytes?: number): Promise<void> {
	const length = answer.bytes.length;
	const part = Math.max(0, Math.min(bodyBytes ?? Math.floor(length / 2), length - 1));
	res.writeHead(answer.httpStatus, { ...answer.headers, 'Content-Length': length });
	res.flushHeaders();
	return new Promise((resolve) => {
		if (part > 0) res.write(answer.bytes.subarray(0, part), () => resolve());
		// No body byte: an empty write on the socket resolves once the headers before it have gone.
		else if (res.socket && !res.socket.destroyed) res.socket.write('', () => resolve());
		else resolve();
	});
}

/** Ends the connection without (the rest of) an answer: `fin` closes it, `rst` aborts it (the peer sees ECONNRESET). */
export function drop(socket: Socket, style: DropStyle): void {
	if (style === 'rst' && !socket.destroyed) socket.resetAndDestroy();
	else socket.destroy();
}
