import type { ImageFormat } from '../catalog/types';

/** What an image file says about itself in its first bytes; no decoding. */

export type SniffedFormat = ImageFormat | 'gif' | 'webp' | 'tiff' | 'unknown';

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
	const b = bytes;
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
	if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
	if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
	if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'pdf';
	if (b.length >= 4 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
	if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return 'webp';
	if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d)) && (b[2] === 0x2a || b[3] === 0x2a))
		return 'tiff';
	return 'unknown';
}

export interface Dimensions {
	width: number;
	height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** Pixel size from the PNG IHDR, the JPEG SOFn segment or the BMP header; null when the header cannot be read. */
export function imageDimensions(bytes: Uint8Array): Dimensions | null {
	switch (sniffFormat(bytes)) {
		case 'png':
			// IHDR is always the first chunk: width and height at bytes 16 and 20.
			return bytes.length >= 24 ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
		case 'bmp':
			return bytes.length >= 26 ? { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) } : null;
		case 'jpeg':
			return jpegDimensions(bytes);
		default:
			return null;
	}
}

function jpegDimensions(b: Uint8Array): Dimensions | null {
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i++; // fill byte
			continue;
		}
		// SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
		}
		if (marker === 0xd9 || marker === 0xda) return null;
		i += 2 + u16be(b, i + 2);
	}
	return null;
}
