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
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
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
