import { OPERATIONS, getOperation } from '../../core/catalog';
import { ecIdCardBackSample } from '../../core/catalog/operations/ecIdCard';
import { startEmulator, type Emulator } from '../../emulator';
import { makePng } from '../support/images';
import { accuAuthHeaders, accuAuthUrl, aiSolutionUrl, callOperation, postForm, postMultipart } from './support';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const card = () => makePng(640, 400);

describe('every catalog operation has a route that answers', () => {
	const imageOps = OPERATIONS.filter(
		(op) => op.inputs.some((spec) => spec.type === 'image') && !['faceAdd', 'faceSearch'].includes(op.kind),
	);

	test.each(imageOps.map((op) => [op.id, op] as const))('%s answers its documented sample', async (_id, op) => {
		const answer = await callOperation(emulator, op, card());
		expect(answer.status).toBe(200);
		if (op.vendor === 'aisolution') {
			// th_ocr/general serves two entries; without a marker the ID card answers.
			const expected = op.id === 'thDrivingLicence' ? getOperation('thIdCard').sample : op.sample;
			expect(answer.body).toEqual({ status: 'OK', message: expected });
		} else {
			expect(answer.body).toEqual({ request_id: expect.stringMatching(/^TID[0-9a-f]{32}$/), status: 'OK', results: [op.sample] });
		}
	});

	test('add face, search face and delete face answer OK', async () => {
		const face = makePng(300, 300, { marker: 'face-a' });
		const added = await callOperation(emulator, getOperation('faceAdd'), face);
		expect(added.body).toEqual({ status: 'OK', message: { group_id: expect.any(String), person_id: expect.any(String), person_count: 1 } });
		const found = await callOperation(emulator, getOperation('faceSearch'), face);
		expect(found.body).toEqual({ status: 'OK', message: [{ confidence: 100, person_id: added.body.message.person_id }] });
		const deleted = await callOperation(emulator, getOperation('faceDelete'), null, { person_id: added.body.message.person_id });
		expect(deleted.body).toEqual({ status: 'OK', message: null });
	});

	test('WhatsApp answers yes with the documented fields', async () => {
		const answer = await callOperation(emulator, getOperation('whatsappCheck'), null, { number: '+6284921089722' });
		expect(answer.body).toEqual({
			status: 'OK',
			message: { ...(getOperation('whatsappCheck').sample as object), number: '+6284921089722' },
		});
	});

	test('every route is accounted to its operation', async () => {
		for (const op of imageOps) await callOperation(emulator, op, card());
		const ids = emulator.accounting().calls.map((call) => call.operationId);
		expect(ids).toEqual(imageOps.map((op) => (op.id === 'thDrivingLicence' ? 'thIdCard' : op.id)));
	});
});

describe('shared path th_ocr/general', () => {
	test('idv:card=licence answers as the Thai driving licence', async () => {
		const licence = getOperation('thDrivingLicence');
		const answer = await callOperation(emulator, licence, makePng(640, 400, { marker: 'idv:card=licence' }));
		expect(answer.body).toEqual({ status: 'OK', message: licence.sample });
		expect(emulator.accounting().calls[0].operationId).toBe('thDrivingLicence');
	});

	test('idv:card=thIdCard (an operation id) answers as the ID card', async () => {
		const answer = await callOperation(emulator, getOperation('thIdCard'), makePng(640, 400, { marker: 'idv:card=thIdCard' }));
		expect(answer.body.message.cardTypeEn).toBe('Thai National ID Card');
	});
});

describe('Ecuador', () => {
	const ec = getOperation('ecIdCard');

	test('idv:side=back answers the documented back side', async () => {
		const answer = await callOperation(emulator, ec, makePng(640, 400, { marker: 'idv:side=back' }));
		expect(answer.body.results).toEqual([ecIdCardBackSample]);
	});

	test('detect_face=1 adds a four-corner face_region inside the image', async () => {
		const answer = await callOperation(emulator, ec, makePng(1000, 600), { detect_face: '1' });
		const region: number[][] = answer.body.results[0].face_region;
		expect(region).toHaveLength(4);
		for (const [x, y] of region) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(1000);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(600);
		}
		expect(answer.body.results[0].card_info).toEqual((ec.sample as { card_info: unknown }).card_info);
	});

	test('detect_face=0 leaves face_region out', async () => {
		const answer = await callOperation(emulator, ec, makePng(1000, 600), { detect_face: '0' });
		expect(answer.body.results[0]).not.toHaveProperty('face_region');
	});
});

describe('unknown routes', () => {
	test('an unknown AccuAuth country is 404 NOT_FOUND with the documented body', async () => {
		const answer = await postMultipart(
			accuAuthUrl(emulator, 'atlantis'),
			[{ name: 'file', value: card(), filename: 'a.png' }],
			accuAuthHeaders(emulator),
		);
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ status: 'NOT_FOUND', reason: expect.any(String), request_id: expect.stringMatching(/^TID/) });
	});

	test('an unknown AccuAuth path is 404 NOT_FOUND', async () => {
		const answer = await postMultipart(
			accuAuthUrl(emulator, 'ecuador', 'ocr/passport'),
			[{ name: 'file', value: card(), filename: 'a.png' }],
			accuAuthHeaders(emulator),
		);
		expect(answer.status).toBe(404);
		expect(answer.body.status).toBe('NOT_FOUND');
	});

	test('an unknown AI Solution path is 404 with a status', async () => {
		const answer = await postForm(aiSolutionUrl(emulator, 'fr_ocr/general'), { img: card() });
		expect(answer.status).toBe(404);
		expect(answer.body.status).toBe('NOT_FOUND');
		expect(emulator.accounting().calls[0]).toMatchObject({ operationId: null, vendor: 'aisolution', charged: false });
	});
});
