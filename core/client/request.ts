import type { Operation } from '../catalog/types';
import { VENDORS } from '../catalog';
import { sniffFormat } from './image';
import { PreparedImage } from './preparedImage';
import type { TransportRequest } from './transport';

/** Inputs after the local checks: images, the rest as text. */
export type PreparedInputs = Record<string, PreparedImage | string>;

export function endpointUrl(op: Operation, baseUrls: Partial<Record<string, string>>): string {
	const base = (baseUrls[op.vendor] ?? VENDORS[op.vendor].defaultBaseUrl).replace(/\/+$/, '');
	const host = op.vendorCountry ? base.replace('{country}', op.vendorCountry) : base;
	return `${host}/${op.path}`;
}

export function buildRequest(op: Operation, inputs: PreparedInputs, url: string, timeoutMs: number): TransportRequest {
	return op.vendor === 'accuauth' ? multipartRequest(op, inputs, url, timeoutMs) : formRequest(op, inputs, url, timeoutMs);
}

function formRequest(op: Operation, inputs: PreparedInputs, url: string, timeoutMs: number): TransportRequest {
	const pieces: FormPiece[] = [];
	for (const spec of op.inputs) {
		const value = inputs[spec.name];
		if (value === undefined) continue;
		pieces.push(`${spec.name}=`, value instanceof PreparedImage ? base64Piece(value.base64()) : encodeURIComponent(value), '&');
	}
	pieces.pop();
	return {
		vendor: op.vendor,
		method: 'POST',
		url,
		// The charset is correct for a form body, and it spares n8n's HTTP helper from parsing the 200 KB body
		// into URLSearchParams only to throw it away (it does that for the bare content type).
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
		body: formBytes(pieces),
		timeoutMs,
	};
}

/** ASCII text written as it is, or base64 text with where its `+` signs are. */
type FormPiece = string | { base64: string; plus: number[] };

/**
 * In a form body only `+` of the base64 alphabet must be escaped (it would read as a space); `/` and `=` are
 * taken literally by every form parser.
 */
function base64Piece(base64: string): FormPiece {
	const plus: number[] = [];
	for (let at = base64.indexOf('+'); at !== -1; at = base64.indexOf('+', at + 1)) plus.push(at);
	return { base64, plus };
}

/**
 * The body as bytes, built once: joining a 200 KB string and encoding the result costs a transport three times
 * the CPU of copying each flat piece into place, and it would hold a second copy while the call may be retried.
 * Every piece is ASCII (catalog names, base64, percent-encoded text), so its length is its byte count.
 */
function formBytes(pieces: FormPiece[]): Buffer {
	let length = 0;
	for (const piece of pieces) length += typeof piece === 'string' ? piece.length : piece.base64.length + 2 * piece.plus.length;
	// Not from Node's shared pool: a small body would be a view into memory that holds other data.
	const bytes = Buffer.allocUnsafeSlow(length);
	let offset = 0;
	for (const piece of pieces) {
		offset = typeof piece === 'string' ? offset + bytes.write(piece, offset, 'latin1') : writeEscaped(bytes, offset, piece);
	}
	return bytes;
}

/**
 * Writes base64 text with each `+` as `%2B`, and returns where it ends. The text is copied whole, natively, to
 * the end of its slot, and its runs between `+` signs are then moved forward into place. A regex replace made a
 * second 200 KB string per call and cost about 1.6 times the CPU; the moves never overtake the bytes still to be read.
 */
function writeEscaped(bytes: Buffer, offset: number, { base64, plus }: { base64: string; plus: number[] }): number {
	const end = offset + base64.length + 2 * plus.length;
	const start = end - base64.length;
	bytes.write(base64, start, 'latin1');
	let to = offset;
	let from = 0;
	for (const at of plus) {
		bytes.copyWithin(to, start + from, start + at);
		to += at - from;
		// "%2B", byte by byte: a call per sign would cost more than the copying.
		bytes[to++] = 0x25;
		bytes[to++] = 0x32;
		bytes[to++] = 0x42;
		from = at + 1;
	}
	bytes.copyWithin(to, start + from, end);
	return end;
}

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf', bmp: 'image/bmp' };

/** multipart/form-data by hand: the n8n package may not depend on form-data. Images go in the `file` part. */
function multipartRequest(op: Operation, inputs: PreparedInputs, url: string, timeoutMs: number): TransportRequest {
	const boundary = `----idverify${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const decoded: Uint8Array[] = [];
	let body: Buffer;
	try {
		body = Buffer.concat(multipartParts(op, inputs, boundary, decoded));
	} finally {
		// Images decoded from base64 were copied into the body: the decoded bytes go now (the body once the call is final).
		for (const bytes of decoded) bytes.fill(0);
	}
	return {
		vendor: op.vendor,
		method: 'POST',
		url,
		headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Accept: 'application/json' },
		body,
		timeoutMs,
	};
}

/** The body's parts in order; bytes decoded from a base64 image are added to `decoded`, to be wiped. */
function multipartParts(op: Operation, inputs: PreparedInputs, boundary: string, decoded: Uint8Array[]): Buffer[] {
	const parts: Buffer[] = [];
	for (const spec of op.inputs) {
		const value = inputs[spec.name];
		if (value === undefined) continue;
		if (value instanceof PreparedImage) {
			const bytes = value.bytes();
			if (value.bytesAreACopy) decoded.push(bytes);
			const format = sniffFormat(bytes);
			const ext = format === 'jpeg' ? 'jpg' : format;
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="image.${ext}"\r\nContent-Type: ${MIME[format] ?? 'application/octet-stream'}\r\n\r\n`,
				),
				Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
				Buffer.from('\r\n'),
			);
		} else {
			parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${spec.name}"\r\n\r\n${value}\r\n`));
		}
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return parts;
}
