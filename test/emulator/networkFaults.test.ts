import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator, type FaultKind, type Faults } from '../../emulator';
import { makePng } from '../support/images';
import { callOperation, form, parseRaw, rawPost, sleep } from './support';

/** Where each fault strikes, what the client's socket sees, and what the vendor bills. */

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const de = getOperation('deIdCard');
const card = (label = 'a') => makePng(400, 300, { marker: `idv:face=${label}`, padToBytes: 1024 });
const dePath = () => `/aisolution/v1/de_ocr/general?token=${emulator.credentials.token}`;
const postDe = (image: Buffer, deadlineMs = 5000) =>
	rawPost(emulator.port, dePath(), { contentType: 'application/x-www-form-urlencoded', body: form({ img: image }) }, deadlineMs);

describe('reset before the vendor processed (not billed)', () => {
	test('reset: the request is read, then the connection ends with no byte written', async () => {
		emulator.setFaults({ burst: { kind: 'reset', count: 1 } });
		const seen = await postDe(card());
		expect(seen).toMatchObject({ ended: 'end', firstByteMs: null });
		expect(seen.bytes.length).toBe(0);
		const [call] = emulator.accounting().calls;
		expect(call).toMatchObject({
			fault: 'reset',
			operationId: 'deIdCard',
			httpStatus: null,
			status: null,
			charged: false,
			delivered: false,
		});
		expect(call.inputSha256).toMatch(/^[0-9a-f]{64}$/);
	});

	test('resetBeforeBody: dropped when the headers arrive, before any body byte is sent', async () => {
		emulator.setFaults({ burst: { kind: 'resetBeforeBody', count: 1 } });
		// Headers only, a body announced: the emulator does not wait for it.
		const seen = await rawPost(emulator.port, dePath(), {
			contentType: 'application/x-www-form-urlencoded',
			body: null,
			contentLength: 5000,
		});
		expect(seen).toMatchObject({ ended: 'end', firstByteMs: null });
		expect(seen.endMs).toBeLessThan(1000);
		expect(emulator.accounting().calls[0]).toMatchObject({
			fault: 'resetBeforeBody',
			operationId: 'deIdCard',
			httpStatus: null,
			charged: false,
			inputSha256: null,
			delivered: false,
		});
		expect(emulator.accounting().totals).toMatchObject({ charged: 0, undeliveredCharged: 0 });
	});

	test('a resend after either reset is paid once', async () => {
		emulator.setFaults({ burst: { kind: 'reset', count: 1 } });
		const image = card();
		await postDe(image);
		emulator.setFaults({ burst: { kind: 'resetBeforeBody', count: 1 } });
		await postDe(image);
		expect((await callOperation(emulator, de, image)).body.status).toBe('OK');
		expect(emulator.accounting().totals).toMatchObject({ calls: 3, charged: 1, duplicateCharged: 0, undeliveredCharged: 0 });
	});
});

describe('lost after the vendor billed', () => {
	test('resetAfterBilled: no byte reaches the client, the call is charged and undelivered; a resend is a duplicate charge', async () => {
		emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		const image = card();
		const seen = await postDe(image);
		expect(seen).toMatchObject({ ended: 'end', firstByteMs: null });
		expect(seen.bytes.length).toBe(0);
		expect((await callOperation(emulator, de, image)).body.status).toBe('OK');
		const { calls, totals } = emulator.accounting();
		expect(calls.map((c) => [c.fault, c.status, c.charged, c.delivered, c.duplicateCharge])).toEqual([
			['resetAfterBilled', 'OK', true, false, false],
			[null, 'OK', true, true, true],
		]);
		expect(totals).toMatchObject({ calls: 2, charged: 2, duplicateCharged: 1, undeliveredCharged: 1 });
	});

	test('resetAfterBilled on addface: the face was added although the client heard nothing; a resend adds it again', async () => {
		const addface = getOperation('faceAdd');
		emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		const face = card('alice');
		await expect(callOperation(emulator, addface, face)).rejects.toThrow();
		const again = await callOperation(emulator, addface, face);
		expect(again.body.message.person_count).toBe(2);
		const { calls, totals } = emulator.accounting();
		expect(calls.map((c) => [c.status, c.charged, c.delivered, c.duplicateApplied])).toEqual([
			['OK', false, false, false],
			['OK', false, true, true],
		]);
		expect(totals).toMatchObject({ charged: 0, duplicateCharged: 0, duplicateApplied: 1 });
	});

	test('resetAfterBilled keeps the real answer: a free one stays free', async () => {
		emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		await postDe(makePng(400, 300, { marker: 'idv:status=FAIL' }));
		expect(emulator.accounting().calls[0]).toMatchObject({ status: 'FAIL', charged: false, delivered: false });
	});

	test('timeout: a client that gives up is charged, undelivered; its resend is a duplicate', async () => {
		emulator.setFaults({ burst: { kind: 'timeout', count: 1, holdMs: 300 } });
		const image = card();
		const seen = await postDe(image, 100);
		expect(seen).toMatchObject({ ended: 'timeout', firstByteMs: null });
		await sleep(350);
		expect((await callOperation(emulator, de, image)).body.status).toBe('OK');
		const { calls, totals } = emulator.accounting();
		expect(calls.map((c) => [c.fault, c.charged, c.delivered, c.duplicateCharge])).toEqual([
			['timeout', true, false, false],
			[null, true, true, true],
		]);
		expect(totals).toMatchObject({ charged: 2, duplicateCharged: 1, undeliveredCharged: 1 });
	});

	test('cutBody: the status line and the full Content-Length arrive, then part of the body, then the connection ends', async () => {
		emulator.setFaults({ burst: { kind: 'cutBody', count: 1 } });
		const image = card();
		const seen = await postDe(image);
		expect(seen.ended).toBe('end');
		const answer = parseRaw(seen.bytes);
		expect(answer).not.toBeNull();
		expect(answer?.status).toBe(200);
		const announced = Number(answer?.headers['content-length']);
		expect(answer?.body.length).toBe(Math.floor(announced / 2));
		expect(emulator.accounting().calls[0]).toMatchObject({
			fault: 'cutBody',
			httpStatus: 200,
			status: 'OK',
			charged: true,
			delivered: false,
		});
		await callOperation(emulator, de, image);
		expect(emulator.accounting().totals).toMatchObject({ charged: 2, duplicateCharged: 1, undeliveredCharged: 1 });
	});

	test('cutBody with bodyBytes: exactly that many body bytes (0: headers only)', async () => {
		for (const bodyBytes of [0, 7]) {
			emulator.setFaults({ burst: { kind: 'cutBody', count: 1, bodyBytes } });
			const answer = parseRaw((await postDe(card())).bytes);
			expect(answer?.status).toBe(200);
			expect(answer?.body.length).toBe(bodyBytes);
		}
	});

	test('cutBody through fetch: the status arrives, reading the body fails', async () => {
		emulator.setFaults({ burst: { kind: 'cutBody', count: 1 } });
		const response = await fetch(`http://127.0.0.1:${emulator.port}${dePath()}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form({ img: card() }),
		});
		expect(response.status).toBe(200);
		await expect(response.text()).rejects.toThrow();
	});

	test('stallBody: status line and part of the body, then nothing for holdMs, then the connection ends', async () => {
		emulator.setFaults({ burst: { kind: 'stallBody', count: 1, holdMs: 400, bodyBytes: 5 } });
		const seen = await postDe(card());
		expect(seen.ended).toBe('end');
		expect(seen.firstByteMs).not.toBeNull();
		expect(seen.endMs - (seen.firstByteMs ?? 0)).toBeGreaterThanOrEqual(380);
		const answer = parseRaw(seen.bytes);
		expect(answer?.status).toBe(200);
		expect(answer?.body.length).toBe(5);
		expect(Number(answer?.headers['content-length'])).toBeGreaterThan(5);
		expect(emulator.accounting().calls[0]).toMatchObject({ fault: 'stallBody', status: 'OK', charged: true, delivered: false });
		expect(emulator.accounting().totals.undeliveredCharged).toBe(1);
	});

	test('stallBody: a client whose timeout is shorter than the stall leaves with the status and no body', async () => {
		emulator.setFaults({ burst: { kind: 'stallBody', count: 1, holdMs: 2000 } });
		const seen = await postDe(card(), 200);
		expect(seen.ended).toBe('timeout');
		expect(parseRaw(seen.bytes)?.status).toBe(200);
		expect(emulator.accounting().calls[0]).toMatchObject({ charged: true, delivered: false });
	});
});

describe('how a dropped connection ends (reading dropStyle)', () => {
	test.each([
		['fin', 'end', null],
		['rst', 'error', 'ECONNRESET'],
	] as const)('%s: the client sees %s %s', async (dropStyle, ended, errorCode) => {
		emulator.setReadings({ dropStyle });
		for (const kind of ['reset', 'resetAfterBilled', 'cutBody'] as FaultKind[]) {
			emulator.setFaults({ burst: { kind, count: 1, bodyBytes: 3 } });
			expect(await postDe(card())).toMatchObject({ ended, errorCode });
		}
	});
});

describe('new kinds in random faults', () => {
	const faults: Faults = {
		random: { seed: 11, probability: { resetBeforeBody: 0.15, resetAfterBilled: 0.15, cutBody: 0.15, stallBody: 0.15 }, holdMs: 30 },
	};

	async function run(): Promise<string[]> {
		emulator.reset();
		emulator.setFaults(faults);
		const seen: string[] = [];
		for (let i = 0; i < 40; i++) {
			const raw = await postDe(card(String(i)));
			const answer = parseRaw(raw.bytes);
			const whole = answer !== null && answer.body.length === Number(answer.headers['content-length']);
			seen.push(answer === null ? `none:${raw.ended}` : `${answer.status}:${whole ? 'whole' : 'part'}`);
		}
		return seen;
	}

	test('each kind is drawn; billing follows where the fault struck; the same seed repeats', async () => {
		const first = await run();
		const { calls, totals } = emulator.accounting();
		const byFault = (kind: string | null) => calls.filter((c) => c.fault === kind);
		for (const kind of ['resetBeforeBody', 'resetAfterBilled', 'cutBody', 'stallBody']) expect(byFault(kind).length).toBeGreaterThan(0);
		expect(byFault('resetBeforeBody').every((c) => !c.charged && !c.delivered)).toBe(true);
		for (const kind of ['resetAfterBilled', 'cutBody', 'stallBody'])
			expect(byFault(kind).every((c) => c.charged && !c.delivered)).toBe(true);
		expect(byFault(null).every((c) => c.charged && c.delivered)).toBe(true);
		expect(totals.undeliveredCharged).toBe(byFault('resetAfterBilled').length + byFault('cutBody').length + byFault('stallBody').length);
		expect(first.filter((s) => s === '200:part')).toHaveLength(byFault('cutBody').length + byFault('stallBody').length);
		expect(await run()).toEqual(first);
	});

	test('old seeds give the old faults: new kinds are drawn after the old ones', async () => {
		emulator.setFaults({ random: { seed: 5, probability: { reset: 0.5 } } });
		const before = [];
		for (let i = 0; i < 12; i++) before.push((await postDe(card(String(i)))).bytes.length > 0);
		emulator.reset();
		emulator.setFaults({ random: { seed: 5, probability: { reset: 0.5, cutBody: 0 } } });
		const after = [];
		for (let i = 0; i < 12; i++) after.push((await postDe(card(String(i)))).bytes.length > 0);
		expect(after).toEqual(before);
	});
});

describe('the new kinds are checked', () => {
	test.each([
		[
			{ burst: { kind: 'cutbody', count: 1 } },
			'burst.kind must be one of 5xx, RETRY_LATER, reset, timeout, resetAfterBilled, resetBeforeBody, cutBody',
		],
		[{ burst: { kind: 'cutBody', count: 1, bodyBytes: -1 } }, 'burst.bodyBytes must be a whole number ≥ 0, got -1'],
		[{ burst: { kind: 'stallBody', count: 1, holdMs: 'long' } }, 'burst.holdMs must be a number ≥ 0'],
		[{ burst: { kind: 'cutBody', count: 1, bodybytes: 3 } }, 'unknown burst setting "bodybytes"'],
		[{ random: { seed: 1, probability: { stallbody: 0.1 } } }, 'random.probability key must be one of'],
		[{ random: { seed: 1, probability: { cutBody: 0.6, resetAfterBilled: 0.6 } } }, 'add up to 1.2'],
		[{ random: { seed: 1, probability: {}, bodyBytes: 1.5 } }, 'random.bodyBytes must be a whole number'],
		[{ wrongToken: 'invalidRequest' }, '"wrongToken" is a reading, not a fault'],
		[
			{ burst: { kind: 'cutBody', count: 1, operationId: 'deIdcard' } },
			'burst.operationId must be a catalog operation id (e.g. deIdCard, faceAdd), got "deIdcard"',
		],
	])('%j is refused: %s', (faults, words) => {
		expect(() => emulator.setFaults(faults as Faults)).toThrow(words);
	});
});
