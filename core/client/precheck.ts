import type { ImageLimits } from '../catalog/types';
import type { Problem } from '../outcome';
import { imageDimensions, sniffFormat } from './image';
import { PreparedImage } from './preparedImage';

/** Local checks that cost nothing and spare a paid call: base64, byte size, format, pixel bounds. */

export type ImageValue = Uint8Array | { base64: string };

const DATA_URL_PREFIX = /^data:[\w/+.-]+;base64,/;

function rejected(code: string, message: string, input: string, limit?: string, value?: string): Problem {
	return { code, message, retryable: false, vendorStatus: null, input, ...(limit ? { limit } : {}), ...(value ? { value } : {}) };
}

/**
 * How a message names the image and the vendor, in the user's words: "The image", "The first image"; "AI Solution".
 * Messages never use the wire names (img, image), which mean nothing to a person.
 */
export interface ImageWords {
	what: string;
	vendor: string;
}

const DEFAULT_WORDS: ImageWords = { what: 'The image', vendor: 'the vendor' };

const bytesText = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** 2097152 → "2 MB", 204800 → "200 KB": the round figure the vendors' docs use. */
function roundSize(n: number): string {
	const mb = n / (1024 * 1024);
	if (Number.isInteger(mb)) return `${mb} MB`;
	const kb = n / 1024;
	return Number.isInteger(kb) ? `${kb} KB` : bytesText(n);
}

/**
 * Reads an image value and checks it against the operation's limits, or says why it cannot be sent. Base64 is
 * decoded only for the checks, into a buffer reused from call to call and wiped after them; the image keeps its
 * text (PreparedImage).
 */
export function prepareImage(
	value: unknown,
	input: string,
	words: ImageWords = DEFAULT_WORDS,
	limits?: ImageLimits,
): { image: PreparedImage } | { problem: Problem } {
	try {
		return readImage(value, input, words, limits);
	} finally {
		wipeScratch();
	}
}

function readImage(
	value: unknown,
	input: string,
	words: ImageWords,
	limits?: ImageLimits,
): { image: PreparedImage } | { problem: Problem } {
	const checked = (bytes: Uint8Array, image: PreparedImage) => {
		const problem = limits && checkImage(bytes, limits, input, words);
		return problem ? { problem } : { image };
	};
	if (value instanceof Uint8Array) return checked(value, PreparedImage.fromBytes(value));
	if (value && typeof value === 'object' && typeof (value as { base64?: unknown }).base64 === 'string') {
		const given = (value as { base64: string }).base64;
		const text = given.startsWith('data:') ? given.replace(DATA_URL_PREFIX, '') : given;
		// Most images arrive as plain base64: decoded once and checked by length, with no pass over the text.
		const bytes = decodeForChecks(text);
		if (text.length > 0 && isPlainBase64(text, bytes.length)) return checked(bytes, PreparedImage.fromBase64(text, bytes.length));
		const stripped = spacedOrInvalidBase64(text, input, words);
		if ('problem' in stripped) return stripped;
		return checked(stripped.bytes, PreparedImage.fromBase64(stripped.text, stripped.bytes.length));
	}
	return {
		problem: rejected('NOT_AN_IMAGE', `${words.what} must be image bytes or base64 text, got ${describe(value)}`, input),
	};
}

/** Up to this size, base64 images are decoded into one buffer kept for the next; larger ones into their own. */
const SCRATCH_BYTES = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(0);
/** How much of the scratch buffer holds an image's bytes, to be wiped. */
let scratchUsed = 0;
/** An image too large for the scratch buffer, decoded into its own: wiped with it. */
let oversized: Buffer | null = null;

/**
 * The bytes of a base64 text, valid until the scratch buffer is wiped: only for checks that finish before. A fresh
 * buffer per image is what costs (allocation and collection), not the decoding.
 */
function decodeForChecks(text: string): Uint8Array {
	const most = Math.ceil((text.length * 3) / 4);
	if (most > SCRATCH_BYTES) {
		// Into a buffer as large as the text could decode to, as the scratch one: Buffer.from would copy a text
		// with spaces or stray characters into a smaller buffer, and free the first one unwiped.
		oversized?.fill(0);
		oversized = Buffer.allocUnsafe(most);
		return oversized.subarray(0, oversized.write(text, 'base64'));
	}
	if (scratch.length < most) {
		wipeScratch();
		scratch = Buffer.allocUnsafe(Math.min(SCRATCH_BYTES, Math.max(most, 2 * scratch.length)));
	}
	const written = scratch.write(text, 'base64');
	scratchUsed = Math.max(scratchUsed, written);
	return scratch.subarray(0, written);
}

/** An applicant's image is not left in memory once checked. */
function wipeScratch(): void {
	scratch.fill(0, 0, scratchUsed);
	scratchUsed = 0;
	oversized?.fill(0);
	oversized = null;
}

/**
 * Node's decoder skips characters outside the alphabet, so a text that decodes to exactly the length its size
 * promises holds only base64 characters and end padding, with three exceptions looked for apart (native searches,
 * not a pass in JavaScript): the URL-safe `-` and `_`, which the vendors do not read, and characters past ASCII,
 * of which Node 20 reads only the low byte (`Ł` as `A`).
 */
function isPlainBase64(text: string, decodedLength: number): boolean {
	if (text.length % 4 !== 0) return false;
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return (
		decodedLength === (text.length / 4) * 3 - padding &&
		Buffer.byteLength(text) === text.length &&
		!text.includes('-') &&
		!text.includes('_')
	);
}

/** Base64 with line breaks or spaces (as `base64` and mail tools wrap it) is read; anything else is refused. */
function spacedOrInvalidBase64(
	given: string,
	input: string,
	words: ImageWords,
): { text: string; bytes: Uint8Array } | { problem: Problem } {
	const text = given.replace(/\s+/g, '');
	if (text.length === 0) return { problem: rejected('EMPTY_IMAGE', `${words.what} is empty: send an image`, input) };
	const bytes = decodeForChecks(text);
	if (isPlainBase64(text, bytes.length)) return { text, bytes };
	const where = firstBadBase64(text);
	return {
		problem: rejected(
			'INVALID_BASE64',
			`${words.what} is not valid base64 (${where}); send the image's bytes base64-encoded`,
			input,
			'standard base64 (A–Z a–z 0–9 + / and = padding, length a multiple of 4)',
			where,
		),
	};
}

function firstBadBase64(text: string): string {
	// A character outside the alphabet, or "=" anywhere but the last two places.
	const bad = text.search(/[^A-Za-z0-9+/=]|=(?!=?$)/);
	if (bad >= 0 && text[bad] === '=') return `padding "=" at position ${bad}, before the end`;
	if (bad >= 0) return `character ${JSON.stringify(text[bad])} at position ${bad}`;
	return `length ${text.length} is not a multiple of 4`;
}

function describe(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	return typeof value;
}

/** Checks bytes against an operation's limits; null when the vendor would accept them. */
export function checkImage(bytes: Uint8Array, limits: ImageLimits, input: string, words: ImageWords = DEFAULT_WORDS): Problem | null {
	const { what, vendor } = words;
	if (bytes.length === 0) return rejected('EMPTY_IMAGE', `${what} is empty: send an image`, input);
	if (bytes.length > limits.maxBytes) {
		return rejected(
			'IMAGE_TOO_LARGE',
			`${what} is ${bytesText(bytes.length)}; ${vendor} accepts at most ${bytesText(limits.maxBytes)} (${roundSize(limits.maxBytes)})`,
			input,
			`${limits.maxBytes} bytes`,
			`${bytes.length} bytes`,
		);
	}
	const format = sniffFormat(bytes);
	if (!(limits.formats as readonly string[]).includes(format)) {
		const accepted = limits.formats.map((f) => f.toUpperCase()).join(', ');
		const found = format === 'unknown' ? 'not a recognized image format' : `a ${format.toUpperCase()} file`;
		return rejected(
			'IMAGE_FORMAT_NOT_SUPPORTED',
			`${what} is ${found}; ${vendor} accepts ${accepted}`,
			input,
			limits.formats.join(', '),
			format,
		);
	}
	if (limits.minPixels !== undefined || limits.maxPixels !== undefined) {
		if (format === 'pdf') return null; // pixel bounds apply to raster images
		const size = imageDimensions(bytes);
		if (!size) {
			return rejected(
				'IMAGE_UNREADABLE',
				`${what} has no readable ${format.toUpperCase()} header, so its size in pixels is unknown`,
				input,
			);
		}
		const min = limits.minPixels ?? 0;
		const max = limits.maxPixels ?? Infinity;
		const actual = `${size.width}×${size.height} px`;
		if (size.width < min || size.height < min) {
			return rejected(
				'IMAGE_TOO_SMALL',
				`${what} is ${actual}; ${vendor} needs at least ${min}×${min} px`,
				input,
				`${min}×${min} px`,
				actual,
			);
		}
		if (size.width > max || size.height > max) {
			return rejected(
				'IMAGE_TOO_LARGE_PIXELS',
				`${what} is ${actual}; ${vendor} accepts at most ${max}×${max} px`,
				input,
				`${max}×${max} px`,
				actual,
			);
		}
	}
	return null;
}
