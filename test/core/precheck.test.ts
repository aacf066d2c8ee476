import { getOperation } from '../../core/catalog';
import { createClient, TransportError, type TransportRequest } from '../../core';
import { checkImage, prepareImage, imageDimensions, sniffFormat, type PreparedImage } from '../../core/client';
import { makeBmp, makeGif, makeJpeg, makePdf, makePng } from '../support/images';

const aiSolution = getOperation('deIdCard').limits!;
const accuAuth = getOperation('idKtpAccuauth').limits!;

describe('image headers', () => {
	it.each([
		['png', makePng(300, 200), { width: 300, height: 200 }],
		['jpeg', makeJpeg(1280, 720, { marker: 'idv:status=OK' }), { width: 1280, height: 720 }],
		['bmp', makeBmp(640, 480), { width: 640, height: 480 }],
	])('reads the pixel size of a %s', (format, bytes, size) => {
		expect(sniffFormat(bytes)).toBe(format);
		expect(imageDimensions(bytes)).toEqual(size);
	});

	it('knows GIF and PDF by their magic bytes', () => {
		expect(sniffFormat(makeGif())).toBe('gif');
		expect(sniffFormat(makePdf())).toBe('pdf');
		expect(sniffFormat(Buffer.from('hello'))).toBe('unknown');
	});
});

describe('checkImage', () => {
	it('accepts what the vendor accepts', () => {
		expect(checkImage(makePng(300, 300), aiSolution, 'img')).toBeNull();
		expect(checkImage(makeJpeg(1280, 1280), accuAuth, 'image')).toBeNull();
		expect(checkImage(makePdf(), accuAuth, 'image')).toBeNull();
	});

	it('rejects an oversize image, naming the limit and the value', () => {
		const big = makePng(100, 100, { padToBytes: 2 * 1024 * 1024 + 1 });
		const problem = checkImage(big, aiSolution, 'img', { what: 'The image', vendor: 'AI Solution' });
		expect(problem).toMatchObject({
			code: 'IMAGE_TOO_LARGE',
			limit: '2097152 bytes',
			value: '2097153 bytes',
			input: 'img',
			retryable: false,
		});
		expect(problem!.message).toBe('The image is 2,097,153 bytes; AI Solution accepts at most 2,097,152 bytes (2 MB)');
	});

	it('rejects a format the vendor does not read', () => {
		expect(checkImage(makeGif(), aiSolution, 'img')).toMatchObject({
			code: 'IMAGE_FORMAT_NOT_SUPPORTED',
			value: 'gif',
			limit: 'jpeg, png, bmp',
		});
		expect(checkImage(makeBmp(500, 500), accuAuth, 'image')).toMatchObject({ code: 'IMAGE_FORMAT_NOT_SUPPORTED', value: 'bmp' });
		expect(checkImage(Buffer.from('not an image'), aiSolution, 'img')).toMatchObject({
			code: 'IMAGE_FORMAT_NOT_SUPPORTED',
			value: 'unknown',
		});
	});

	it("enforces AccuAuth's pixel bounds and says the actual size", () => {
		expect(checkImage(makePng(127, 400), accuAuth, 'image')).toMatchObject({
			code: 'IMAGE_TOO_SMALL',
			value: '127×400 px',
			limit: '128×128 px',
		});
		expect(checkImage(makePng(127, 400), accuAuth, 'image', { what: 'The image', vendor: 'AccuAuth' })!.message).toBe(
			'The image is 127×400 px; AccuAuth needs at least 128×128 px',
		);
		expect(checkImage(makeJpeg(6001, 3000), accuAuth, 'image')).toMatchObject({
			code: 'IMAGE_TOO_LARGE_PIXELS',
			value: '6001×3000 px',
			limit: '6000×6000 px',
		});
		expect(checkImage(makePng(128, 6000), accuAuth, 'image')).toBeNull();
		// AI Solution has no pixel bounds.
		expect(checkImage(makePng(50, 50), aiSolution, 'img')).toBeNull();
	});
});

/** The bytes of a prepared image, which must have been accepted. */
const bytesOf = (prepared: ReturnType<typeof prepareImage>) => Buffer.from((prepared as { image: PreparedImage }).image.bytes());

describe('prepareImage', () => {
	it('decodes base64, with or without a data URL prefix', () => {
		const png = makePng(10, 10);
		expect(bytesOf(prepareImage({ base64: png.toString('base64') }, 'img'))).toEqual(png);
		expect(bytesOf(prepareImage({ base64: `data:image/png;base64,${png.toString('base64')}` }, 'img'))).toEqual(png);
	});

	it('says where base64 goes wrong', () => {
		expect(prepareImage({ base64: 'abc$defg' }, 'img2')).toMatchObject({
			problem: { code: 'INVALID_BASE64', input: 'img2', value: 'character "$" at position 3' },
		});
		expect(prepareImage({ base64: 'abcde' }, 'img')).toMatchObject({
			problem: { code: 'INVALID_BASE64', value: 'length 5 is not a multiple of 4' },
		});
		expect(prepareImage({ base64: '' }, 'img')).toMatchObject({ problem: { code: 'EMPTY_IMAGE' } });
		expect(prepareImage({ base64: ' \n ' }, 'img')).toMatchObject({ problem: { code: 'EMPTY_IMAGE' } });
		expect(prepareImage(42, 'img')).toMatchObject({ problem: { code: 'NOT_AN_IMAGE' } });
		// Node's decoder reads these, the vendors do not.
		expect(prepareImage({ base64: 'ab-_' }, 'img')).toMatchObject({ problem: { value: 'character "-" at position 2' } });
		expect(prepareImage({ base64: 'QQ==QQ==' }, 'img')).toMatchObject({ problem: { value: 'padding "=" at position 2, before the end' } });
		expect(prepareImage({ base64: 'A===' }, 'img')).toMatchObject({ problem: { value: 'padding "=" at position 1, before the end' } });
		expect(prepareImage({ base64: '/9j/īīAA' }, 'img')).toMatchObject({ problem: { value: 'character "ī" at position 4' } });
	});

	it('reads base64 wrapped in lines, as `base64` and mail tools write it', () => {
		const png = makePng(40, 40);
		const wrapped = png.toString('base64').replace(/.{76}/g, '$&\r\n').concat('\n');
		expect(bytesOf(prepareImage({ base64: wrapped }, 'img'))).toEqual(png);
	});

	it('accepts exactly the texts of the base64 alphabet with end padding, whatever is slipped in', () => {
		const strict = /^[A-Za-z0-9+/]*={0,2}$/;
		// Ł, ī and ĭ have the low bytes of A, + and -: Node 20's decoder reads them as those.
		const intruders = ['=', '-', '_', '.', '%', 'é', '€', '\0', '*', '😀', ':', 'Ł', 'ī', 'ĭ'];
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return Math.floor(seed / 65536) % n;
		};
		for (let i = 0; i < 5000; i++) {
			let text = Buffer.from(Array.from({ length: 1 + random(30) }, () => random(256))).toString('base64');
			for (let j = random(3); j > 0; j--) {
				const at = random(text.length + 1);
				text = text.slice(0, at) + intruders[random(intruders.length)] + text.slice(at + random(2));
			}
			const valid = text.length % 4 === 0 && strict.test(text);
			expect({ text, accepted: 'image' in prepareImage({ base64: text }, 'img') }).toEqual({ text, accepted: valid });
		}
	});
});

describe('messages through the client', () => {
	it("name the image and the vendor in the user's words, never the wire names", async () => {
		const { startSandbox } = await import('../support/sandbox');
		const sandbox = await startSandbox();
		try {
			const big = makePng(100, 100, { padToBytes: 2 * 1024 * 1024 + 1 });
			const one = await sandbox.client().call('deIdCard', { img: big });
			expect(one.message).toBe('The image is 2,097,153 bytes; AI Solution accepts at most 2,097,152 bytes (2 MB)');
			const two = await sandbox.client().call('faceCompare', { img1: makePng(50, 50), img2: makeGif() });
			expect(two.message).toBe('The second image is a GIF file; AI Solution accepts JPEG, PNG, BMP');
			expect(`${one.message} ${two.message}`).not.toMatch(/\bimg\d?\b|"image"/);
		} finally {
			await sandbox.emulator.close();
		}
	});
});

describe('prepareImage with limits', () => {
	it('checks base64 images against the limits, each by its own bytes though they are decoded into one buffer', () => {
		const gif = makeGif().toString('base64');
		const png = makePng(300, 300).toString('base64');
		const first = prepareImage({ base64: png }, 'img', undefined, aiSolution);
		expect(prepareImage({ base64: gif }, 'img', undefined, aiSolution)).toMatchObject({
			problem: { code: 'IMAGE_FORMAT_NOT_SUPPORTED', value: 'gif' },
		});
		// Decoding the second image must not have touched the first: it keeps its own text.
		expect(bytesOf(first)).toEqual(makePng(300, 300));
		expect((first as { image: PreparedImage }).image.base64()).toBe(png);
		expect((first as { image: PreparedImage }).image.byteLength).toBe(makePng(300, 300).length);
	});

	it('reads an image larger than the reused buffer, and names its exact size when over the limit', () => {
		const big = makeJpeg(1200, 800, { padToBytes: 6 * 1024 * 1024 });
		const problem = prepareImage({ base64: big.toString('base64') }, 'img', { what: 'The image', vendor: 'AI Solution' }, aiSolution);
		expect(problem).toMatchObject({ problem: { code: 'IMAGE_TOO_LARGE', value: `${big.length} bytes` } });
		// equals, not toEqual: Jest compares a 6 MB buffer byte by byte in seconds.
		expect(bytesOf(prepareImage({ base64: big.toString('base64') }, 'img')).equals(big)).toBe(true);
	});

	it('keeps the text of base64 wrapped in lines, not the bytes decoded for its checks', () => {
		const png = makePng(40, 40);
		const wrapped = png.toString('base64').replace(/.{76}/g, '$&\n');
		const first = prepareImage({ base64: wrapped }, 'img', undefined, aiSolution) as { image: PreparedImage };
		prepareImage({ base64: makeJpeg(300, 300).toString('base64') }, 'img', undefined, aiSolution);
		expect(first.image.base64()).toBe(png.toString('base64'));
		expect(Buffer.from(first.image.bytes())).toEqual(png);
	});

	it('gives the same image the same hash and base64, whether it came as bytes or as text', () => {
		const png = makePng(20, 20);
		const fromBytes = (prepareImage(png, 'img') as { image: PreparedImage }).image;
		const fromText = (prepareImage({ base64: png.toString('base64') }, 'img') as { image: PreparedImage }).image;
		expect(fromText.sha256()).toBe(fromBytes.sha256());
		expect(fromText.base64()).toBe(fromBytes.base64());
		expect(Buffer.from(fromText.bytes())).toEqual(Buffer.from(fromBytes.bytes()));
	});
});

describe('no image left in memory', () => {
	it('wipes the bytes decoded for the checks: in the reused buffer, and in buffers of their own for large images', () => {
		// A fresh module, so the reused buffer is allocated while the allocations are watched.
		let fresh!: typeof import('../../core/client/precheck');
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			fresh = require('../../core/client/precheck');
		});
		const small = makePng(300, 300);
		const large = makeJpeg(1200, 800, { padToBytes: 5 * 1024 * 1024 });
		const largeText = large.toString('base64');
		// Wrapped in lines, it is decoded twice: once as sent, once without the line breaks.
		const inputs = [small.toString('base64'), largeText, largeText.replace(/.{76}/g, '$&\n')];
		const allocations: Buffer[] = [];
		const { allocUnsafe } = Buffer;
		const spy = jest.spyOn(Buffer, 'allocUnsafe').mockImplementation((size) => {
			const buffer = allocUnsafe(size);
			allocations.push(buffer);
			return buffer;
		});
		try {
			expect(fresh.prepareImage({ base64: inputs[0] }, 'img', undefined, aiSolution)).toHaveProperty('image');
			for (const text of inputs.slice(1)) {
				expect(fresh.prepareImage({ base64: text }, 'img', undefined, aiSolution)).toMatchObject({ problem: { code: 'IMAGE_TOO_LARGE' } });
			}
		} finally {
			spy.mockRestore();
		}
		// The reused buffer (the small image), then one buffer per decoding of a large image: all zeros where an image was.
		const imageLengths = [small.length, large.length, large.length, large.length];
		expect(allocations).toHaveLength(imageLengths.length);
		allocations.forEach((buffer, i) => {
			const used = Math.min(buffer.length, imageLengths[i]);
			expect(buffer.subarray(0, used).equals(Buffer.alloc(used))).toBe(true);
		});
	});

	it.each([
		['AI Solution (a form body of base64)', 'deIdCard'],
		['AccuAuth (a multipart body of bytes)', 'idKtpAccuauth'],
	])('overwrites the body sent to %s once the call is final, after a retry', async (_vendor, operationId) => {
		const image = makeJpeg(400, 300);
		const sent: { body: Uint8Array; asSent: Buffer }[] = [];
		const client = createClient({
			sleep: async () => {},
			baseUrls: { aisolution: 'http://127.0.0.1:1', accuauth: 'http://127.0.0.1:1' },
			transport: async (request: TransportRequest) => {
				const body = request.body as Uint8Array;
				sent.push({ body, asSent: Buffer.from(body) });
				// The first attempt never leaves, so the same body is sent again.
				if (sent.length === 1) throw new TransportError('connection refused', 'notSent', { code: 'ECONNREFUSED' });
				return { status: 200, headers: {}, body: '{}' };
			},
		});
		const key = operationId === 'deIdCard' ? 'img' : 'image';
		await client.call(operationId, { [key]: image });
		expect(sent).toHaveLength(2);
		expect(sent[1].body).toBe(sent[0].body);
		// What the vendor got held the image; what is left in memory is zeros.
		const carried = operationId === 'deIdCard' ? Buffer.from(image.toString('base64').replace(/\+/g, '%2B')) : image;
		expect(sent[1].asSent.includes(carried)).toBe(true);
		expect(Buffer.from(sent[1].body).equals(Buffer.alloc(sent[1].body.byteLength))).toBe(true);
		// The caller's image is its own: only our copy is overwritten.
		expect(image.equals(makeJpeg(400, 300))).toBe(true);
	});

	it('overwrites the bytes decoded from base64 for a multipart body and for the reuse hash', async () => {
		const image = makeJpeg(400, 300);
		const base64 = image.toString('base64');
		const decodedCopies: Buffer[] = [];
		const { from } = Buffer;
		const spy = jest.spyOn(Buffer, 'from').mockImplementation(((value: unknown, encoding?: unknown, length?: unknown) => {
			const buffer = (from as (...args: unknown[]) => Buffer)(value, encoding, length);
			if (value === base64 && encoding === 'base64') decodedCopies.push(buffer);
			return buffer;
		}) as typeof Buffer.from);
		const bodies: Buffer[] = [];
		const client = createClient({
			sleep: async () => {},
			baseUrls: { accuauth: 'http://127.0.0.1:1' },
			transport: async (request: TransportRequest) => {
				bodies.push(Buffer.from(request.body as Uint8Array));
				return { status: 200, headers: {}, body: '{}' };
			},
		});
		try {
			// Two identical calls in one scope: the image is hashed to send it once, then decoded for the body.
			const scope = client.scope();
			await Promise.all([scope.call('idKtpAccuauth', { image: { base64 } }), scope.call('idKtpAccuauth', { image: { base64 } })]);
		} finally {
			spy.mockRestore();
		}
		expect(bodies).toHaveLength(1);
		expect(bodies[0].includes(image)).toBe(true);
		expect(decodedCopies.length).toBeGreaterThanOrEqual(2);
		for (const copy of decodedCopies) expect(copy.equals(Buffer.alloc(copy.length))).toBe(true);
	});
});
