/**
 * Outcome markers: ASCII `idv:<key>=<value>` text inside an image (a PNG text chunk, a JPEG comment, or
 * anywhere in other files) tells the emulator which documented answer to give. Values hold no spaces.
 *
 *   idv:status=FAIL               answer that status (documented ones with the documented message)
 *   idv:verdict=NOT_SAME_PERSON   the verdict of an OK answer (underscores stand for spaces)
 *   idv:similarity=42.5           the similarity of a face-compare / hand-held-ID answer
 *   idv:side=back                 Ecuador: the back of the card
 *   idv:card=licence              th_ocr/general: answer as the Thai driving licence (default: ID card)
 *   idv:message=<base64url JSON>  replaces the payload (AI Solution `message`, AccuAuth `results[0]`
 *                                 or, for a JSON array, `results`; on an error, the message / reason)
 * Other keys (`idv:face=alice`) are ignored: labels that make two images differ.
 */

export interface Markers {
	status?: string;
	verdict?: string;
	similarity?: number;
	side?: string;
	card?: string;
	/** Present when the image carries `idv:message=` (the decoded JSON, possibly null). */
	message?: { value: unknown };
}

export class MarkerError extends Error {}

const PREFIX = Buffer.from('idv:', 'latin1');
const MAX_VALUE = 64 * 1024;

/** Markers of the images in input order; the first image that sets a key wins. */
export function readMarkers(images: readonly Uint8Array[]): Markers {
	const raw = new Map<string, string>();
	for (const image of images) {
		for (const text of markerTexts(Buffer.from(image.buffer, image.byteOffset, image.byteLength))) {
			for (const [key, value] of scan(text)) if (!raw.has(key)) raw.set(key, value);
		}
	}
	const markers: Markers = {};
	for (const [key, value] of raw) {
		switch (key) {
			case 'status':
				markers.status = value;
				break;
			case 'verdict':
				markers.verdict = value.replace(/_/g, ' ');
				break;
			case 'similarity': {
				const similarity = Number(value);
				if (!Number.isFinite(similarity)) throw new MarkerError(`idv:similarity=${value} is not a number`);
				markers.similarity = similarity;
				break;
			}
			case 'side':
				markers.side = value;
				break;
			case 'card':
				markers.card = value;
				break;
			case 'message':
				markers.message = { value: decodeMessage(value) };
				break;
			default:
				break;
		}
	}
	return markers;
}

function decodeMessage(value: string): unknown {
	try {
		return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
	} catch {
		throw new MarkerError('idv:message must be base64url-encoded JSON');
	}
}

/** base64url of a JSON value, for `idv:message=`. */
export function encodeMessageMarker(value: unknown): string {
	return `idv:message=${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')}`;
}

/**
 * Where markers may be. In PNG and JPEG only the text chunks and comments count: a PNG text chunk is
 * followed by its CRC, whose bytes may look like more marker text.
 */
function markerTexts(bytes: Buffer): Buffer[] {
	if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return pngTexts(bytes);
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegComments(bytes);
	return [bytes];
}

function pngTexts(bytes: Buffer): Buffer[] {
	const texts: Buffer[] = [];
	let at = 8;
	while (at + 12 <= bytes.length) {
		const length = bytes.readUInt32BE(at);
		const type = bytes.toString('latin1', at + 4, at + 8);
		if (at + 12 + length > bytes.length) break;
		if (type === 'tEXt' || type === 'iTXt') texts.push(bytes.subarray(at + 8, at + 8 + length));
		if (type === 'IEND') break;
		at += 12 + length;
	}
	return texts;
}

function jpegComments(bytes: Buffer): Buffer[] {
	const texts: Buffer[] = [];
	let at = 2;
	while (at + 4 <= bytes.length && bytes[at] === 0xff) {
		const marker = bytes[at + 1];
		if (marker === 0xff) {
			at++;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan: no more headers
		const length = bytes.readUInt16BE(at + 2);
		if (marker === 0xfe) texts.push(bytes.subarray(at + 4, Math.min(bytes.length, at + 2 + length)));
		at += 2 + length;
	}
	return texts;
}

function* scan(text: Buffer): Generator<[string, string]> {
	let at = text.indexOf(PREFIX);
	while (at >= 0) {
		let end = at + PREFIX.length;
		while (end < text.length && end - at < MAX_VALUE && text[end] > 0x20 && text[end] < 0x7f) end++;
		const token = text.toString('latin1', at + PREFIX.length, end);
		const eq = token.indexOf('=');
		if (eq > 0 && /^[a-z_]+$/.test(token.slice(0, eq))) yield [token.slice(0, eq), token.slice(eq + 1)];
		at = text.indexOf(PREFIX, end);
	}
}
