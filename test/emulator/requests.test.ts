import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator } from '../../emulator';
import { makeBmp, makeGif, makeJpeg, makePdf, makePng } from '../support/images';
import { accuAuthHeaders, accuAuthUrl, aiSolutionUrl, form, postForm, postMultipart, read } from './support';

/** Auth, encodings and limits, as each vendor's docs describe them. */

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const MB = 1024 * 1024;
const card = () => makePng(640, 400);
const de = () => aiSolutionUrl(emulator, 'de_ocr/general');
const ecuador = () => accuAuthUrl(emulator, 'ecuador');

describe('AI Solution auth (?token=)', () => {
	test('a missing token is HTTP 401 {status: UNAUTHORIZED, message: invalid token}', async () => {
		const answer = await postForm(aiSolutionUrl(emulator, 'de_ocr/general', null), { img: card() });
		expect(answer).toMatchObject({ status: 401, body: { status: 'UNAUTHORIZED', message: 'invalid token' } });
	});

	test('a wrong token is refused, and the refusal is accounted, free', async () => {
		const answer = await postForm(aiSolutionUrl(emulator, 'de_ocr/general', 'not-the-token'), { img: card() });
		expect(answer.status).toBe(401);
		expect(emulator.accounting().calls).toEqual([
			expect.objectContaining({
				operationId: 'deIdCard',
				vendor: 'aisolution',
				httpStatus: 401,
				status: 'UNAUTHORIZED',
				outcome: 'failed',
				charged: false,
			}),
		]);
	});

	test('the token in a body field does not count: it is a query parameter', async () => {
		const answer = await postForm(aiSolutionUrl(emulator, 'de_ocr/general', null), { img: card(), token: emulator.credentials.token });
		expect(answer.status).toBe(401);
	});

	test('other credentials can be configured', async () => {
		const other = await startEmulator({ credentials: { token: 'custom-token' } });
		try {
			expect(other.credentials.token).toBe('custom-token');
			expect((await postForm(aiSolutionUrl(other, 'de_ocr/general'), { img: card() })).body.status).toBe('OK');
		} finally {
			await other.close();
		}
	});
});

describe('AccuAuth auth (X-DF-API-ID / X-DF-API-SECRET)', () => {
	test.each([
		['no headers', {}],
		['a wrong secret', { 'X-DF-API-ID': 'sandbox-api-id', 'X-DF-API-SECRET': 'wrong' }],
		['a wrong id', { 'X-DF-API-ID': 'wrong', 'X-DF-API-SECRET': 'sandbox-api-secret' }],
	])('%s is HTTP 401 UNAUTHORIZED with {status, reason, request_id}', async (_name, headers) => {
		const answer = await postMultipart(ecuador(), [{ name: 'file', value: card(), filename: 'a.png' }], headers);
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual({
			status: 'UNAUTHORIZED',
			reason: expect.any(String),
			request_id: expect.stringMatching(/^TID[0-9a-f]{32}$/),
		});
		expect(emulator.accounting().calls[0]).toMatchObject({
			operationId: 'ecIdCard',
			status: 'UNAUTHORIZED',
			charged: false,
			outcome: 'failed',
		});
	});
});

describe('AI Solution request body', () => {
	test('a JSON body is INVALID_REQUEST (the docs send application/x-www-form-urlencoded)', async () => {
		const response = await fetch(de(), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ img: card().toString('base64') }),
		});
		const answer = await read(response);
		expect(answer).toMatchObject({ status: 200, body: { status: 'INVALID_REQUEST', message: 'check request params' } });
		expect(answer.headers.get('x-emulator-detail')).toContain('application/x-www-form-urlencoded');
	});

	test('a multipart body is INVALID_REQUEST', async () => {
		const answer = await postMultipart(de(), [{ name: 'img', value: card().toString('base64') }], {});
		expect(answer.body.status).toBe('INVALID_REQUEST');
	});

	test('a missing img is INVALID_REQUEST', async () => {
		expect((await postForm(de(), {})).body).toEqual({ status: 'INVALID_REQUEST', message: 'check request params' });
	});

	test('facecompare needs both img1 and img2', async () => {
		const answer = await postForm(aiSolutionUrl(emulator, 'facecompare'), { img1: card() });
		expect(answer.body).toEqual({ status: 'INVALID_REQUEST', message: 'error message' });
	});

	test("an unescaped '+' in the base64 (it arrives as a space) is INVALID_REQUEST, not a silently wrong image", async () => {
		let image = card();
		for (let i = 0; !image.toString('base64').includes('+'); i++) image = makePng(640, 400 + i);
		const body = `img=${image.toString('base64').replace(/\//g, '%2F').replace(/=/g, '%3D')}`;
		const answer = await read(
			await fetch(de(), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }),
		);
		expect(answer.body.status).toBe('INVALID_REQUEST');
	});

	test('base64 with line breaks is accepted', async () => {
		const wrapped = card()
			.toString('base64')
			.replace(/(.{76})/g, '$1\r\n');
		expect((await postForm(de(), { img: wrapped })).body.status).toBe('OK');
	});

	test('exactly 2 MB is accepted; one byte more is IMAGE_INVALID_SIZE', async () => {
		expect((await postForm(de(), { img: makeJpeg(800, 600, { padToBytes: 2 * MB, deterministic: true }) })).body.status).toBe('OK');
		const tooBig = makeJpeg(800, 600, { padToBytes: 2 * MB + 1, deterministic: true });
		expect(tooBig.length).toBe(2 * MB + 1);
		expect((await postForm(de(), { img: tooBig })).body).toEqual({ status: 'IMAGE_INVALID_SIZE', message: 'image larger than 2M' });
	});

	test('a body over the emulator cap is IMAGE_INVALID_SIZE too', async () => {
		const answer = await postForm(de(), { img: Buffer.alloc(13 * MB, 1) });
		expect(answer.body.status).toBe('IMAGE_INVALID_SIZE');
	});

	test.each([
		['jpeg', makeJpeg(640, 400)],
		['png', makePng(640, 400)],
		['bmp', makeBmp(640, 400)],
	])('%s is accepted', async (_format, image) => {
		expect((await postForm(de(), { img: image })).body.status).toBe('OK');
	});

	test.each([
		['gif', makeGif()],
		['pdf', makePdf()],
		['text', Buffer.from('hello, not an image')],
	])('%s is IMAGE_INVALID_FORMAT (by magic bytes)', async (_format, image) => {
		expect((await postForm(de(), { img: image })).body).toEqual({ status: 'IMAGE_INVALID_FORMAT', message: 'image format not support' });
	});

	test('operations without IMAGE_INVALID_FORMAT in their docs answer their own documented status', async () => {
		expect((await postForm(aiSolutionUrl(emulator, 'facecompare'), { img1: makeGif(), img2: card() })).body.status).toBe('INVALID_REQUEST');
		expect((await postForm(aiSolutionUrl(emulator, 'addface'), { img: makeGif() })).body.status).toBe('FACE_DETECT_FAILED');
		expect((await postForm(aiSolutionUrl(emulator, 'delface'), {})).body).toEqual({ status: 'PERSON_ID_NOT_EXIST', message: null });
		expect((await postForm(aiSolutionUrl(emulator, 'gliswadetail'), {})).body.status).toBe('INVALID_INPUT');
	});

	test('GET is refused (only POST is documented)', async () => {
		const answer = await read(await fetch(de()));
		expect(answer.status).toBe(405);
		expect(answer.body.status).toBe('INVALID_REQUEST');
	});

	test('refused inputs are free', async () => {
		await postForm(de(), {});
		await postForm(de(), { img: makeGif() });
		expect(emulator.accounting().totals).toMatchObject({ calls: 2, charged: 0 });
		// The outcome is the catalog's meaning of each answer: INVALID_REQUEST, then IMAGE_INVALID_FORMAT.
		const statuses = getOperation('deIdCard').statuses;
		expect(emulator.accounting().calls.map((call) => call.outcome)).toEqual([
			statuses.INVALID_REQUEST.outcome,
			statuses.IMAGE_INVALID_FORMAT.outcome,
		]);
	});
});

describe('AccuAuth request body', () => {
	const headers = () => accuAuthHeaders(emulator);
	const fileOf = (image: Buffer) => [{ name: 'file', value: image, filename: 'card.bin' }];

	test('image_base64 instead of a file part', async () => {
		const answer = await postMultipart(ecuador(), [{ name: 'image_base64', value: card().toString('base64') }], headers());
		expect(answer).toMatchObject({ status: 200, body: { status: 'OK' } });
	});

	test('image_base64 in a urlencoded form', async () => {
		const response = await fetch(ecuador(), {
			method: 'POST',
			headers: { ...headers(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form({ image_base64: card() }),
		});
		expect((await read(response)).body.status).toBe('OK');
	});

	test('neither file nor image_base64 is 400 INVALID_ARGUMENT with the documented reason', async () => {
		const answer = await postMultipart(ecuador(), [{ name: 'detect_face', value: '1' }], headers());
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({
			status: 'INVALID_ARGUMENT',
			reason: "must specify 'file' or 'image_base64' argument",
			request_id: expect.stringMatching(/^TID/),
		});
	});

	test('a JSON body is 400 INVALID_ARGUMENT', async () => {
		const response = await fetch(ecuador(), { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: '{}' });
		const answer = await read(response);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ status: 'INVALID_ARGUMENT', reason: expect.stringContaining('multipart/form-data') });
	});

	test('a broken multipart body is 400 INVALID_ARGUMENT', async () => {
		const response = await fetch(ecuador(), {
			method: 'POST',
			headers: { ...headers(), 'Content-Type': 'multipart/form-data; boundary=xyz' },
			body: 'not multipart',
		});
		expect((await read(response)).body.status).toBe('INVALID_ARGUMENT');
	});

	test('exactly 5 MB is accepted; one byte more is 400 INVALID_ARGUMENT naming the limit', async () => {
		expect(
			(await postMultipart(ecuador(), fileOf(makeJpeg(800, 600, { padToBytes: 5 * MB, deterministic: true })), headers())).status,
		).toBe(200);
		const answer = await postMultipart(ecuador(), fileOf(makeJpeg(800, 600, { padToBytes: 5 * MB + 1, deterministic: true })), headers());
		expect(answer.status).toBe(400);
		expect(answer.body.reason).toContain(String(5 * MB));
		expect(answer.body.reason).toContain(String(5 * MB + 1));
	});

	test.each([
		['jpeg', makeJpeg(640, 400)],
		['png', makePng(640, 400)],
		['pdf', makePdf()],
	])('%s is accepted', async (_format, image) => {
		expect((await postMultipart(ecuador(), fileOf(image), headers())).status).toBe(200);
	});

	test.each([
		['bmp', makeBmp(640, 400)],
		['gif', makeGif()],
	])('%s is 400 INVALID_ARGUMENT (by magic bytes)', async (format, image) => {
		const answer = await postMultipart(ecuador(), fileOf(image), headers());
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ status: 'INVALID_ARGUMENT', reason: expect.stringContaining(format) });
	});

	test.each([
		[128, 128, 200],
		[6000, 6000, 200],
		[127, 400, 400],
		[400, 127, 400],
		[6001, 400, 400],
		[400, 6001, 400],
	])('PNG %i×%i px → HTTP %i', async (width, height, expected) => {
		const answer = await postMultipart(ecuador(), fileOf(makePng(width, height)), headers());
		expect(answer.status).toBe(expected);
		if (expected === 400)
			expect(answer.body.reason).toMatch(
				new RegExp(`${width === 127 || height === 127 ? 'below the minimum of 128' : 'above the maximum of 6000'}`),
			);
	});

	test('JPEG dimensions come from the SOF segment', async () => {
		const small = await postMultipart(ecuador(), fileOf(makeJpeg(100, 900)), headers());
		expect(small.body).toMatchObject({ status: 'INVALID_ARGUMENT', reason: 'image width 100 px is below the minimum of 128 px' });
		expect((await postMultipart(ecuador(), fileOf(makeJpeg(1280, 1280)), headers())).status).toBe(200);
	});

	test('detect_face must be 0 or 1', async () => {
		const answer = await postMultipart(ecuador(), [...fileOf(card()), { name: 'detect_face', value: '2' }], headers());
		expect(answer.body).toMatchObject({ status: 'INVALID_ARGUMENT', reason: expect.stringContaining('detect_face') });
	});

	test('GET is 404 NOT_FOUND', async () => {
		const answer = await read(await fetch(ecuador(), { headers: headers() }));
		expect(answer.status).toBe(404);
		expect(answer.body.status).toBe('NOT_FOUND');
	});

	test('Indonesia ignores detect_face (not in its docs)', async () => {
		const op = getOperation('idKtpAccuauth');
		const answer = await postMultipart(
			accuAuthUrl(emulator, 'indonesia'),
			[...fileOf(card()), { name: 'detect_face', value: '1' }],
			headers(),
		);
		expect(answer.body.results).toEqual([op.sample]);
	});
});
