import { createHash } from 'node:crypto';
import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator } from '../../emulator';
import { makePng } from '../support/images';
import { callOperation } from './support';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const card = (marker = '') => makePng(400, 300, { marker, padToBytes: 1024 });

test('every call is recorded with operation, vendor, status, outcome, charge, image hash and time', async () => {
	const image = card();
	const before = Date.now();
	await callOperation(emulator, getOperation('deIdCard'), image);
	await callOperation(emulator, getOperation('ecIdCard'), image);
	const [ai, accu] = emulator.accounting().calls;
	expect(ai).toEqual({
		seq: 1,
		time: expect.any(String),
		operationId: 'deIdCard',
		vendor: 'aisolution',
		httpStatus: 200,
		status: 'OK',
		verdict: null,
		outcome: 'success',
		charged: true,
		imageSha256: sha256(image),
		inputSha256: sha256(image),
		duplicateCharge: false,
		duplicateApplied: false,
		fault: null,
		delivered: true,
	});
	expect(Date.parse(ai.time)).toBeGreaterThanOrEqual(before - 5);
	expect(accu).toMatchObject({
		seq: 2,
		operationId: 'ecIdCard',
		vendor: 'accuauth',
		verdict: 'recognized',
		charged: true,
		imageSha256: sha256(image),
	});
});

describe('duplicateCharged', () => {
	test('the same image charged twice for the same operation is one duplicate', async () => {
		const image = card();
		for (let i = 0; i < 3; i++) await callOperation(emulator, getOperation('deIdCard'), image);
		const { calls, totals } = emulator.accounting();
		expect(calls.map((c) => c.duplicateCharge)).toEqual([false, true, true]);
		expect(totals).toMatchObject({ calls: 3, charged: 3, duplicateCharged: 2 });
		expect(totals.byOperation.deIdCard).toEqual({ calls: 3, charged: 3, duplicateCharged: 2 });
	});

	test('the same image for another operation, or another image, is not a duplicate', async () => {
		const image = card();
		await callOperation(emulator, getOperation('deIdCard'), image);
		await callOperation(emulator, getOperation('nlIdCard'), image);
		await callOperation(emulator, getOperation('deIdCard'), card());
		expect(emulator.accounting().totals).toMatchObject({ charged: 3, duplicateCharged: 0 });
	});

	test('free answers before a charged one do not make it a duplicate', async () => {
		emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 2 } });
		const image = card();
		for (let i = 0; i < 3; i++) await callOperation(emulator, getOperation('deIdCard'), image);
		expect(emulator.accounting().calls.map((c) => [c.status, c.charged, c.duplicateCharge])).toEqual([
			['RETRY_LATER', false, false],
			['RETRY_LATER', false, false],
			['OK', true, false],
		]);
	});

	test('face compare hashes both images, in order', async () => {
		const op = getOperation('faceCompare');
		const a = card();
		const b = card();
		await callOperation(emulator, op, a, {}, b);
		await callOperation(emulator, op, b, {}, a);
		await callOperation(emulator, op, a, {}, b);
		expect(emulator.accounting().calls.map((c) => c.duplicateCharge)).toEqual([false, false, true]);
	});

	test('WhatsApp is keyed by the number', async () => {
		const op = getOperation('whatsappCheck');
		await callOperation(emulator, op, null, { number: '6281234567800' });
		await callOperation(emulator, op, null, { number: '6281234567800', callback: '' });
		await callOperation(emulator, op, null, { number: '6281234567801' });
		expect(emulator.accounting().calls.map((c) => [c.imageSha256, c.duplicateCharge])).toEqual([
			[null, false],
			[null, true],
			[null, false],
		]);
	});
});

test('reset() clears the accounting, and what was charged before it', async () => {
	const image = card();
	await callOperation(emulator, getOperation('deIdCard'), image);
	emulator.reset();
	expect(emulator.accounting()).toEqual({
		calls: [],
		callbacks: [],
		totals: { calls: 0, charged: 0, duplicateCharged: 0, undeliveredCharged: 0, duplicateApplied: 0, byOperation: {} },
	});
	await callOperation(emulator, getOperation('deIdCard'), image);
	expect(emulator.accounting().calls[0].duplicateCharge).toBe(false);
});

test('accounting() is a snapshot the caller cannot change', async () => {
	await callOperation(emulator, getOperation('deIdCard'), card());
	const snapshot = emulator.accounting();
	snapshot.calls[0].charged = false;
	expect(emulator.accounting().calls[0].charged).toBe(true);
});

describe('duplicateApplied: a state change made twice for the same input', () => {
	test('addface of the same content twice is one duplicate; other content, or a failed add, is not', async () => {
		const op = getOperation('faceAdd');
		const alice = card('idv:face=alice');
		await callOperation(emulator, op, alice);
		await callOperation(emulator, op, card('idv:face=bob'));
		await callOperation(emulator, op, card('idv:face=carol idv:status=FACE_DETECT_FAILED'));
		await callOperation(emulator, op, alice);
		const { calls, totals } = emulator.accounting();
		expect(calls.map((c) => c.duplicateApplied)).toEqual([false, false, false, true]);
		expect(totals).toMatchObject({ charged: 0, duplicateCharged: 0, duplicateApplied: 1 });
	});

	test('delface cannot apply twice; OCR calls never count', async () => {
		const added = await callOperation(emulator, getOperation('faceAdd'), card('idv:face=alice'));
		const personId = added.body.message.person_id as string;
		await callOperation(emulator, getOperation('faceDelete'), null, { person_id: personId });
		await callOperation(emulator, getOperation('faceDelete'), null, { person_id: personId });
		const image = card();
		await callOperation(emulator, getOperation('deIdCard'), image);
		await callOperation(emulator, getOperation('deIdCard'), image);
		expect(emulator.accounting().totals).toMatchObject({ duplicateApplied: 0, duplicateCharged: 1 });
	});
});
