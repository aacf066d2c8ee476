import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator, type Faults } from '../../emulator';
import { makePng } from '../support/images';
import { accuAuthHeaders, accuAuthUrl, callOperation, form, postMultipart, read, sleep } from './support';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const de = getOperation('deIdCard');
const ec = getOperation('ecIdCard');
const card = () => makePng(400, 300, { padToBytes: 1024 });
const timed = async <T>(work: () => Promise<T>) => {
	const started = performance.now();
	const value = await work();
	return { value, ms: performance.now() - started };
};

describe('latency', () => {
	test('a fixed latency delays every answer', async () => {
		emulator.setFaults({ latencyMs: 200 });
		const { value, ms } = await timed(() => callOperation(emulator, de, card()));
		expect(value.body.status).toBe('OK');
		expect(ms).toBeGreaterThanOrEqual(195);
	});

	test('jitter adds 0…jitterMs', async () => {
		emulator.setFaults({ latencyMs: 50, jitterMs: 100, random: { seed: 7, probability: {} } });
		const times: number[] = [];
		for (let i = 0; i < 8; i++) times.push((await timed(() => callOperation(emulator, de, card()))).ms);
		for (const ms of times) {
			expect(ms).toBeGreaterThanOrEqual(45);
			expect(ms).toBeLessThan(400);
		}
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(10);
	});
});

describe('bursts: N faulty answers, then normal again', () => {
	test('5xx: an HTML 503 page, no vendor status, free', async () => {
		emulator.setFaults({ burst: { kind: '5xx', count: 2 } });
		const answers = [];
		for (let i = 0; i < 3; i++) answers.push(await callOperation(emulator, de, card()));
		expect(answers.map((a) => a.status)).toEqual([503, 503, 200]);
		expect(answers[0].headers.get('content-type')).toContain('text/html');
		expect(emulator.accounting().calls.map((c) => [c.fault, c.status, c.charged])).toEqual([
			['5xx', null, false],
			['5xx', null, false],
			[null, 'OK', true],
		]);
	});

	test('5xx with a chosen status', async () => {
		emulator.setFaults({ burst: { kind: '5xx', count: 1, httpStatus: 502 } });
		expect((await callOperation(emulator, de, card())).status).toBe(502);
	});

	test('RETRY_LATER: AI Solution answers RETRY_LATER with the documented message', async () => {
		emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1 } });
		expect((await callOperation(emulator, de, card())).body).toEqual({
			status: 'RETRY_LATER',
			message: 'Service is not available right now, please try again later',
		});
		expect((await callOperation(emulator, de, card())).body.status).toBe('OK');
	});

	test('RETRY_LATER: AccuAuth answers 500 INTERNAL_ERROR', async () => {
		emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1 } });
		const answer = await callOperation(emulator, ec, card());
		expect(answer).toMatchObject({ status: 500, body: { status: 'INTERNAL_ERROR', request_id: expect.stringMatching(/^TID/) } });
		expect(emulator.accounting().calls[0]).toMatchObject({
			fault: 'RETRY_LATER',
			status: 'INTERNAL_ERROR',
			outcome: 'failed',
			charged: false,
		});
	});

	test('reset: the connection is destroyed without an answer', async () => {
		emulator.setFaults({ burst: { kind: 'reset', count: 1 } });
		await expect(callOperation(emulator, de, card())).rejects.toThrow();
		expect((await callOperation(emulator, de, card())).body.status).toBe('OK');
		expect(emulator.accounting().calls[0]).toMatchObject({ fault: 'reset', httpStatus: null, charged: false });
	});

	test('timeout: the answer is held; a client that gives up still pays (the vendor did the work)', async () => {
		emulator.setFaults({ burst: { kind: 'timeout', count: 1, holdMs: 400 } });
		const body = form({ img: card() });
		const url = `${emulator.baseUrls.aisolution}/de_ocr/general?token=${emulator.credentials.token}`;
		const request = fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body,
			signal: AbortSignal.timeout(100),
		});
		await expect(request).rejects.toThrow();
		await sleep(500);
		expect(emulator.accounting().calls[0]).toMatchObject({ fault: 'timeout', status: 'OK', charged: true, delivered: false });
		expect(emulator.accounting().totals.undeliveredCharged).toBe(1);
	});

	test('timeout: a patient client gets the answer after holdMs', async () => {
		emulator.setFaults({ burst: { kind: 'timeout', count: 1, holdMs: 300 } });
		const { value, ms } = await timed(() => callOperation(emulator, de, card()));
		expect(value.body.status).toBe('OK');
		expect(ms).toBeGreaterThanOrEqual(295);
		expect(emulator.accounting().calls[0].delivered).toBe(true);
	});

	test('a burst can target one vendor', async () => {
		emulator.setFaults({ burst: { kind: '5xx', count: 1, vendor: 'accuauth' } });
		expect((await callOperation(emulator, de, card())).status).toBe(200);
		expect((await callOperation(emulator, ec, card())).status).toBe(503);
		expect((await callOperation(emulator, ec, card())).status).toBe(200);
	});

	test('a burst can target one operation', async () => {
		emulator.setFaults({ burst: { kind: '5xx', count: 1, operationId: 'nlIdCard' } });
		expect((await callOperation(emulator, de, card())).status).toBe(200);
		expect((await callOperation(emulator, getOperation('nlIdCard'), card())).status).toBe(503);
	});
});

describe('rate limit (requests per second, per vendor)', () => {
	test('AI Solution: over the limit answers RETRY_LATER; a second later there is room again', async () => {
		// 2 per second: a token comes back every 500 ms, far longer than six loopback requests take.
		emulator.setFaults({ rateLimit: { aisolution: 2 } });
		const answers = await Promise.all(Array.from({ length: 6 }, () => callOperation(emulator, de, card())));
		const statuses = answers.map((a) => a.body.status);
		expect(statuses.filter((s) => s === 'OK')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'RETRY_LATER')).toHaveLength(4);
		expect(emulator.accounting().calls.filter((c) => c.fault === 'rateLimit')).toHaveLength(4);
		await sleep(1000);
		expect((await callOperation(emulator, de, card())).body.status).toBe('OK');
	});

	test('AccuAuth: over the limit answers 403 RATE_LIMIT_EXCEEDED; the other vendor is not limited', async () => {
		emulator.setFaults({ rateLimit: { accuauth: 2 } });
		const answers = await Promise.all(Array.from({ length: 4 }, () => callOperation(emulator, ec, card())));
		const refused = answers.filter((a) => a.status === 403);
		expect(refused).toHaveLength(2);
		expect(refused[0].body).toEqual({
			status: 'RATE_LIMIT_EXCEEDED',
			reason: expect.any(String),
			request_id: expect.stringMatching(/^TID/),
		});
		const others = await Promise.all(Array.from({ length: 4 }, () => callOperation(emulator, de, card())));
		expect(others.every((a) => a.body.status === 'OK')).toBe(true);
	});

	test('a client that keeps to the limit is never refused', async () => {
		emulator.setFaults({ rateLimit: { accuauth: 10 } });
		for (let i = 0; i < 15; i++) {
			expect((await callOperation(emulator, ec, card())).status).toBe(200);
			await sleep(100);
		}
	});
});

describe('random faults from a seed', () => {
	async function run(faults: Faults): Promise<string[]> {
		emulator.reset();
		emulator.setFaults(faults);
		const outcomes: string[] = [];
		for (let i = 0; i < 30; i++) {
			try {
				const answer = await callOperation(emulator, de, card());
				outcomes.push(answer.status === 200 ? answer.body.status : String(answer.status));
			} catch {
				outcomes.push('reset');
			}
		}
		return outcomes;
	}

	test('the same seed gives the same faults in the same order', async () => {
		const faults: Faults = { random: { seed: 42, probability: { RETRY_LATER: 0.3, '5xx': 0.2, reset: 0.1 } } };
		const first = await run(faults);
		const second = await run(faults);
		expect(second).toEqual(first);
		expect(new Set(first)).toEqual(new Set(['OK', 'RETRY_LATER', '503', 'reset']));
		const other = await run({ random: { ...faults.random!, seed: 43 } });
		expect(other).not.toEqual(first);
	});
});

describe('setFaults checks what it is given', () => {
	test.each([
		[{ latencyMs: -1 }, 'latencyMs'],
		[{ burst: { kind: 'explode', count: 1 } }, 'burst.kind'],
		[{ burst: { kind: '5xx', count: 1.5 } }, 'burst.count'],
		[{ rateLimit: { acme: 3 } }, 'rateLimit key'],
		[{ random: { seed: 1, probability: { reset: 0.8, '5xx': 0.5 } } }, 'add up'],
		[{ latency: 5 }, 'unknown fault setting'],
	])('%j is refused naming %s', (faults, words) => {
		expect(() => emulator.setFaults(faults as Faults)).toThrow(words);
	});
});

test('close() does not wait for answers held by a timeout fault', async () => {
	const held = await startEmulator({ faults: { burst: { kind: 'timeout', count: 1, holdMs: 60_000 } } });
	const pending = postMultipart(
		accuAuthUrl(held, 'ecuador'),
		[{ name: 'file', value: card(), filename: 'a.png' }],
		accuAuthHeaders(held),
	).catch(() => 'gone');
	await sleep(100);
	const { ms } = await timed(() => held.close());
	expect(ms).toBeLessThan(1000);
	expect(await pending).toBe('gone');
});

test('the control API sets faults, reads accounting and resets', async () => {
	const control = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${emulator.port}/__emulator/${path}`, init).then(read);
	const set = await control('faults', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ burst: { kind: '5xx', count: 1 } }),
	});
	expect(set).toMatchObject({ status: 200, body: { burst: { kind: '5xx', count: 1 } } });
	expect((await callOperation(emulator, de, card())).status).toBe(503);
	expect((await control('faults')).body.burst.count).toBe(0);
	const accounting = await control('accounting');
	expect(accounting.body).toEqual(emulator.accounting());
	expect(accounting.body.totals.calls).toBe(1);
	const refused = await control('faults', { method: 'POST', body: JSON.stringify({ latencyMs: 'slow' }) });
	expect(refused).toMatchObject({ status: 400, body: { error: expect.stringContaining('latencyMs') } });
	expect((await control('reset', { method: 'POST' })).status).toBe(200);
	expect(emulator.accounting().totals.calls).toBe(0);
	expect((await control('nothing')).status).toBe(404);
});
