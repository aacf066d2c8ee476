import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator, type WrongTokenReading } from '../../emulator';
import { makePng } from '../support/images';
import { accuAuthHeaders, accuAuthUrl, aiSolutionUrl, callOperation, postForm, postMultipart, read, type Sent } from './support';

/** AI Solution's docs never say how a missing or wrong `?token=` is answered: each reading, on every kind of route. */

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const face = () => makePng(300, 300, { marker: 'idv:face=alice' });

/** One request per kind of AI Solution route, with the given token (null: none), else good inputs. */
const ROUTES: { name: string; path: string; fields: () => Record<string, string | Buffer> }[] = [
	{ name: 'OCR', path: 'de_ocr/general', fields: () => ({ img: face() }) },
	{ name: 'WhatsApp', path: 'gliswadetail', fields: () => ({ number: '+6281234567800' }) },
	{ name: 'addface', path: 'addface', fields: () => ({ img: face() }) },
	{ name: 'searchface', path: 'searchface', fields: () => ({ img: face() }) },
	{ name: 'delface', path: 'delface', fields: () => ({ person_id: 'c5r7jedkujdbnasarhn0' }) },
];
const call = (path: string, fields: Record<string, string | Buffer>, token: string | null) =>
	postForm(aiSolutionUrl(emulator, path, token), fields);

const SAME_ON_EVERY_ROUTE: [WrongTokenReading, number, { status: string; message: string }][] = [
	['http401', 401, { status: 'UNAUTHORIZED', message: 'invalid token' }],
	['http403', 403, { status: 'FORBIDDEN', message: 'access denied' }],
	['invalidRequest', 200, { status: 'INVALID_REQUEST', message: 'check request params' }],
	['invalidRequestNamingToken', 200, { status: 'INVALID_REQUEST', message: 'invalid token' }],
	['invalidToken', 200, { status: 'INVALID_TOKEN', message: 'invalid token' }],
];

describe.each(SAME_ON_EVERY_ROUTE)('wrongToken %s', (reading, httpStatus, body) => {
	beforeEach(() => emulator.setReadings({ wrongToken: reading }));

	test.each(ROUTES)('$name: a wrong and a missing token get the same answer, free, and nothing is done', async ({ path, fields }) => {
		const wrong = await call(path, fields(), 'not-the-token');
		const missing = await call(path, fields(), null);
		for (const answer of [wrong, missing]) {
			expect(answer.status).toBe(httpStatus);
			expect(answer.body).toEqual(body);
			expect(answer.headers.get('content-type')).toContain('application/json');
		}
		expect(emulator.accounting().calls.every((c) => c.charged === false && c.httpStatus === httpStatus && c.status === body.status)).toBe(
			true,
		);
	});

	test('a wrong-token addface stores no face', async () => {
		await call('addface', { img: face() }, 'not-the-token');
		const added = await callOperation(emulator, getOperation('faceAdd'), face());
		expect(added.body.message.person_count).toBe(1);
	});
});

describe('wrongToken operationBadInput: each operation answers as for a missing parameter', () => {
	beforeEach(() => emulator.setReadings({ wrongToken: 'operationBadInput' }));

	/** The same route with a good token and its required input left out. */
	const missingInput: Record<string, Record<string, string>> = {
		'de_ocr/general': {},
		gliswadetail: {},
		addface: {},
		searchface: {},
		delface: {},
	};

	test.each(ROUTES)('$name: the wrong-token answer is the bad-input answer', async ({ path, fields }) => {
		const wrong = await call(path, fields(), 'not-the-token');
		const badInput = await call(path, missingInput[path], emulator.credentials.token);
		expect(wrong.status).toBe(200);
		expect(wrong.body.status).toBe(badInput.body.status);
		if (path === 'addface') {
			// The group id comes from the token given, never from the account's.
			expect(wrong.body.message).toEqual({ ...badInput.body.message, group_id: expect.stringMatching(/^[A-Za-z]{16}$/) });
			expect(wrong.body.message.group_id).not.toBe(badInput.body.message.group_id);
		} else {
			expect(wrong.body).toEqual(badInput.body);
		}
	});

	test('statuses per kind of route: OCR INVALID_REQUEST, WhatsApp INVALID_INPUT, faces FACE_DETECT_FAILED, delface PERSON_ID_NOT_EXIST', async () => {
		const statuses: string[] = [];
		for (const { path, fields } of ROUTES) statuses.push((await call(path, fields(), 'not-the-token')).body.status);
		expect(statuses).toEqual(['INVALID_REQUEST', 'INVALID_INPUT', 'FACE_DETECT_FAILED', 'FACE_DETECT_FAILED', 'PERSON_ID_NOT_EXIST']);
	});
});

describe('the delface credential probe', () => {
	const READINGS: WrongTokenReading[] = [
		'http401',
		'http403',
		'invalidRequest',
		'invalidRequestNamingToken',
		'invalidToken',
		'operationBadInput',
	];
	const probe = (token: string) => call('delface', { person_id: `probe${Math.random().toString(36).slice(2)}` }, token);

	test.each(READINGS)('%s: a good token and an unknown person_id answer HTTP 200 PERSON_ID_NOT_EXIST, free', async (reading) => {
		emulator.setReadings({ wrongToken: reading });
		const answer = await probe(emulator.credentials.token);
		expect(answer).toMatchObject({ status: 200, body: { status: 'PERSON_ID_NOT_EXIST', message: null } });
		expect(emulator.accounting().calls[0]).toMatchObject({ operationId: 'faceDelete', charged: false });
	});

	test.each(READINGS.filter((r) => r !== 'operationBadInput'))('%s: a wrong token answers something else', async (reading) => {
		emulator.setReadings({ wrongToken: reading });
		const answer = await probe('not-the-token');
		expect(answer.status !== 200 || answer.body.status !== 'PERSON_ID_NOT_EXIST').toBe(true);
	});

	test('operationBadInput: a wrong token answers PERSON_ID_NOT_EXIST too, so this probe cannot tell', async () => {
		emulator.setReadings({ wrongToken: 'operationBadInput' });
		expect((await probe('not-the-token')).body).toEqual({ status: 'PERSON_ID_NOT_EXIST', message: null });
	});
});

describe('AccuAuth is not affected by the AI Solution reading', () => {
	const ec = getOperation('ecIdCard');
	const card = () => makePng(400, 300, { padToBytes: 1024 });

	test.each(['http401', 'invalidRequest', 'invalidToken', 'operationBadInput'] as WrongTokenReading[])('%s', async (reading) => {
		emulator.setReadings({ wrongToken: reading });
		expect((await callOperation(emulator, ec, card())).status).toBe(200);
		const parts = [{ name: 'file', value: card(), filename: 'a.png' }];
		const refused: Sent = await postMultipart(accuAuthUrl(emulator, 'ecuador'), parts, {
			...accuAuthHeaders(emulator),
			'X-DF-API-SECRET': 'wrong',
		});
		expect(refused).toMatchObject({ status: 401, body: { status: 'UNAUTHORIZED' } });
	});
});

test('the reading is set at start, through the control API, and reset() restores http401', async () => {
	const started = await startEmulator({ readings: { wrongToken: 'invalidToken' } });
	try {
		const answer = await postForm(aiSolutionUrl(started, 'de_ocr/general', 'nope'), { img: face() });
		expect(answer).toMatchObject({ status: 200, body: { status: 'INVALID_TOKEN' } });
	} finally {
		await started.close();
	}
	const post = (body: unknown) => {
		const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
		return fetch(`http://127.0.0.1:${emulator.port}/__emulator/readings`, init).then(read);
	};
	expect((await post({ wrongToken: 'http403' })).body.wrongToken).toBe('http403');
	expect((await call('gliswadetail', { number: '+6281234567800' }, 'nope')).status).toBe(403);
	expect((await post({ wrongToken: 'http404' })).body.error).toContain('wrongToken must be one of http401, http403, invalidRequest');
	emulator.reset();
	expect(emulator.readings().wrongToken).toBe('http401');
	expect((await call('de_ocr/general', { img: face() }, 'nope')).status).toBe(401);
});
