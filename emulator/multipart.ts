/** A small multipart/form-data reader (RFC 7578): enough for AccuAuth's `file`, `image_base64` and `detect_face`. */

export interface FormPart {
	name: string;
	filename: string | null;
	contentType: string | null;
	data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | null {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return match ? (match[1] ?? match[2]) : null;
}

/** The parts of a multipart body, or null when the body is not well-formed. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | null {
	const delimiter = Buffer.from(`--${boundary}`);
	let at = body.indexOf(delimiter);
	if (at < 0) return null;
	const parts: FormPart[] = [];
	for (;;) {
		at += delimiter.length;
		if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // closing "--boundary--"
		if (body[at] !== 0x0d || body[at + 1] !== 0x0a) return null;
		const headersEnd = body.indexOf('\r\n\r\n', at + 2);
		if (headersEnd < 0) return null;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
		if (next < 0) return null;
		const part = readPart(body.subarray(at + 2, headersEnd).toString('latin1'), body.subarray(headersEnd + 4, next));
		if (!part) return null;
		parts.push(part);
		at = next + 2;
	}
}

function readPart(headerText: string, data: Buffer): FormPart | null {
	let name: string | null = null;
	let filename: string | null = null;
	let contentType: string | null = null;
	for (const line of headerText.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const header = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (header === 'content-disposition') {
			name = /(?:^|;)\s*name="([^"]*)"/i.exec(value)?.[1] ?? null;
			filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null;
		} else if (header === 'content-type') {
			contentType = value;
		}
	}
	return name === null ? null : { name, filename, contentType, data };
}
