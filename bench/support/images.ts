import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Small, valid image files for tests and benchmarks. The emulator reads outcome markers
 * (`idv:status=…`, `idv:verdict=…`) from the bytes, so a marker goes into a text chunk / comment.
 */

export interface ImageOptions {
	/** e.g. 'idv:status=FAIL' or several joined by spaces. */
	marker?: string;
	/** Pad the file with random bytes up to this size (random, so the same size does not mean the same content). */
	padToBytes?: number;
	/** Fixed filler instead of random (same options → identical bytes). */
	deterministic?: boolean;
}

function crc32(buf: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of buf) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([len, typeAndData, crc]);
}

function filler(size: number, deterministic?: boolean): Buffer {
	return deterministic ? Buffer.alloc(size, 0x5a) : randomBytes(size);
}

/** A grayscale PNG of the given size. Pixel data is real only up to 2000×2000; larger images carry a placeholder IDAT. */
export function makePng(width: number, height: number, options: ImageOptions = {}): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 0; // grayscale
	const rows = width * height <= 4_000_000 ? Buffer.alloc((width + 1) * height) : Buffer.alloc(1);
	const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
	if (options.marker) parts.push(pngChunk('tEXt', Buffer.from(`Comment\0${options.marker}`, 'latin1')));
	parts.push(pngChunk('IDAT', deflateSync(rows)));
	const end = pngChunk('IEND', Buffer.alloc(0));
	let size = parts.reduce((n, p) => n + p.length, 0) + end.length;
	if (options.padToBytes && options.padToBytes > size + 12) {
		parts.push(pngChunk('rNDm', filler(options.padToBytes - size - 12, options.deterministic)));
		size = options.padToBytes;
	}
	return Buffer.concat([...parts, end]);
}

/** A baseline JPEG header (SOI, comment, SOF0, EOI): enough for format, size and pixel checks. */
export function makeJpeg(width: number, height: number, options: ImageOptions = {}): Buffer {
	const segment = (marker: number, data: Buffer) => {
		const head = Buffer.from([0xff, marker, 0, 0]);
		head.writeUInt16BE(data.length + 2, 2);
		return Buffer.concat([head, data]);
	};
	const sof = Buffer.alloc(15);
	sof[0] = 8;
	sof.writeUInt16BE(height, 1);
	sof.writeUInt16BE(width, 3);
	sof[5] = 1; // one component
	sof[6] = 1;
	sof[7] = 0x11;
	const parts = [Buffer.from([0xff, 0xd8])];
	if (options.marker) parts.push(segment(0xfe, Buffer.from(options.marker, 'latin1')));
	parts.push(segment(0xc0, sof.subarray(0, 9)));
	let size = parts.reduce((n, p) => n + p.length, 0) + 2;
	if (options.padToBytes) {
		while (size + 4 < options.padToBytes) {
			const chunk = Math.min(65533, options.padToBytes - size - 4);
			parts.push(segment(0xfe, filler(chunk, options.deterministic)));
			size += chunk + 4;
		}
	}
	parts.push(Buffer.from([0xff, 0xd9]));
	return Buffer.concat(parts);
}

/** A minimal BMP header. */
export function makeBmp(width: number, height: number, options: ImageOptions = {}): Buffer {
	const header = Buffer.alloc(54);
	header.write('BM', 0, 'ascii');
	header.writeUInt32LE(54, 10);
	header.writeUInt32LE(40, 14);
	header.writeInt32LE(width, 18);
	header.writeInt32LE(height, 22);
	header.writeUInt16LE(1, 26);
	header.writeUInt16LE(24, 28);
	const marker = Buffer.from(options.marker ?? '', 'latin1');
	const body = Buffer.concat([header, marker]);
	body.writeUInt32LE(body.length, 2);
	return body;
}

/** A GIF: a real image format that no vendor accepts. */
export function makeGif(options: ImageOptions = {}): Buffer {
	return Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from(options.marker ?? '', 'latin1')]);
}

/** A minimal PDF (AccuAuth accepts e-Aadhaar PDFs). */
export function makePdf(options: ImageOptions = {}): Buffer {
	return Buffer.from(`%PDF-1.4\n% ${options.marker ?? ''}\n%%EOF\n`, 'latin1');
}
