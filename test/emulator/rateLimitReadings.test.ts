import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator } from '../../emulator';
import { makePng } from '../support/images';
import { callOperation, read } from './support';

/** How a request over the rate limit is refused, under each reading the docs leave open. Always free. */

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const de = getOperation('deIdCard');
const ec = getOperation('ecIdCard');
const card = () => makePng(400, 300, { padToBytes: 1024 });

/** One call within the limit, then one over it. A quarter token per second: the next token is 4 s away. */
async function refusedCall(vendor: 'aisolution' | 'accuauth') {
	emulator.setFaults({ rateLimit: { [vendor]: 0.25 } });
	const op = vendor === 'aisolution' ? de : ec;
	const first = await callOperation(emulator, op, card());
	expect(first.status).toBe(200);
	return callOperation(emulator, op, card());
}

describe('the answer (reading rateLimitAnswer)', () => {
	test('vendor (default): AI Solution HTTP 200 RETRY_LATER, no Retry-After', async () => {
		const answer = await refusedCall('aisolution');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ status: 'RETRY_LATER', message: 'Service is not available right now, please try again later' });
		expect(answer.headers.get('retry-after')).toBeNull();
	});

	test('vendor (default): AccuAuth HTTP 403 RATE_LIMIT_EXCEEDED, as its docs say, no Retry-After', async () => {
		const answer = await refusedCall('accuauth');
		expect(answer.status).toBe(403);
		expect(answer.body).toEqual({
			status: 'RATE_LIMIT_EXCEEDED',
			reason: 'API request frequency exceeds the limit',
			request_id: expect.stringMatching(/^TID/),
		});
		expect(answer.headers.get('retry-after')).toBeNull();
	});

	test('http429: HTTP 429 with the vendor body', async () => {
		emulator.setReadings({ rateLimitAnswer: 'http429' });
		const ai = await refusedCall('aisolution');
		expect(ai).toMatchObject({ status: 429, body: { status: 'RETRY_LATER' } });
		emulator.setFaults({});
		const accu = await refusedCall('accuauth');
		expect(accu).toMatchObject({ status: 429, body: { status: 'RATE_LIMIT_EXCEEDED', request_id: expect.stringMatching(/^TID/) } });
	});

	test('http429NoBody: HTTP 429 with a plain-text page, no JSON', async () => {
		emulator.setReadings({ rateLimitAnswer: 'http429NoBody' });
		for (const vendor of ['aisolution', 'accuauth'] as const) {
			const answer = await refusedCall(vendor);
			expect(answer.status).toBe(429);
			expect(answer.headers.get('content-type')).toContain('text/plain');
			expect(answer.body).toBe('Too Many Requests');
		}
		const refused = emulator.accounting().calls.filter((c) => c.fault === 'rateLimit');
		expect(refused.map((c) => [c.httpStatus, c.status, c.charged])).toEqual([
			[429, null, false],
			[429, null, false],
		]);
	});

	test('every reading is free and accounted as a rate-limit fault', async () => {
		for (const rateLimitAnswer of ['vendor', 'http429', 'http429NoBody'] as const) {
			emulator.reset();
			emulator.setReadings({ rateLimitAnswer, retryAfter: 'seconds' });
			await refusedCall('aisolution');
			emulator.setFaults({});
			await refusedCall('accuauth');
			const { calls, totals } = emulator.accounting();
			expect(calls.map((c) => [c.fault, c.charged])).toEqual([
				[null, true],
				['rateLimit', false],
				[null, true],
				['rateLimit', false],
			]);
			expect(totals).toMatchObject({ charged: 2, duplicateCharged: 0 });
		}
	});
});

describe('Retry-After (reading retryAfter)', () => {
	test('seconds: whole seconds until a token is back, rounded up', async () => {
		emulator.setReadings({ retryAfter: 'seconds' });
		expect((await refusedCall('aisolution')).headers.get('retry-after')).toBe('4');
		emulator.setFaults({});
		expect((await refusedCall('accuauth')).headers.get('retry-after')).toBe('4');
	});

	test('seconds: a fraction of a second is rounded up to 1', async () => {
		emulator.setReadings({ retryAfter: 'seconds' });
		emulator.setFaults({ rateLimit: { aisolution: 5 } });
		const answers = await Promise.all(Array.from({ length: 8 }, () => callOperation(emulator, de, card())));
		const refused = answers.filter((a) => a.body.status === 'RETRY_LATER');
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.every((a) => a.headers.get('retry-after') === '1')).toBe(true);
		expect(answers.filter((a) => a.body.status === 'OK').every((a) => a.headers.get('retry-after') === null)).toBe(true);
	});

	test('seconds: with HTTP 429 too', async () => {
		emulator.setReadings({ retryAfter: 'seconds', rateLimitAnswer: 'http429NoBody' });
		const answer = await refusedCall('accuauth');
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBe('4');
	});

	test('date: the same moment as an HTTP-date', async () => {
		emulator.setReadings({ retryAfter: 'date' });
		const header = (await refusedCall('aisolution')).headers.get('retry-after') as string;
		expect(header).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		const inMs = Date.parse(header) - Date.now();
		expect(inMs).toBeGreaterThan(3000);
		expect(inMs).toBeLessThanOrEqual(5000);
	});

	test('no Retry-After on other "not now" answers', async () => {
		emulator.setReadings({ retryAfter: 'seconds' });
		emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1 } });
		const answer = await callOperation(emulator, de, card());
		expect(answer.body.status).toBe('RETRY_LATER');
		expect(answer.headers.get('retry-after')).toBeNull();
	});
});

test('a limit under one request per second still lets one through, then one per 1/limit seconds', async () => {
	emulator.setFaults({ rateLimit: { accuauth: 0.5 } });
	expect((await callOperation(emulator, ec, card())).status).toBe(200);
	expect((await callOperation(emulator, ec, card())).status).toBe(403);
});

test('readings survive setFaults, are set through the control API, and reset() restores the defaults', async () => {
	const control = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${emulator.port}/__emulator/${path}`, init).then(read);
	const post = (path: string, body: unknown) =>
		control(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	expect((await control('readings')).body).toEqual({
		wrongToken: 'http401',
		rateLimitAnswer: 'vendor',
		retryAfter: 'none',
		dropStyle: 'fin',
	});
	const set = await post('readings', { rateLimitAnswer: 'http429', retryAfter: 'seconds' });
	expect(set).toMatchObject({
		status: 200,
		body: { wrongToken: 'http401', rateLimitAnswer: 'http429', retryAfter: 'seconds', dropStyle: 'fin' },
	});
	await post('faults', { rateLimit: { aisolution: 0.25 } });
	await callOperation(emulator, de, card());
	const refused = await callOperation(emulator, de, card());
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBe('4');
	// A second POST replaces: what is left out is back to its default.
	expect((await post('readings', { retryAfter: 'date' })).body).toMatchObject({ rateLimitAnswer: 'vendor', retryAfter: 'date' });
	expect((await post('readings', { retryAfter: 'minutes' })).body.error).toBe(
		'retryAfter must be one of none, seconds, date, got "minutes"',
	);
	expect((await post('readings', { retryAfterSeconds: 3 })).body.error).toMatch(/unknown reading "retryAfterSeconds"/);
	expect(emulator.readings().retryAfter).toBe('date');
	await control('reset', { method: 'POST' });
	expect(emulator.readings()).toEqual({ wrongToken: 'http401', rateLimitAnswer: 'vendor', retryAfter: 'none', dropStyle: 'fin' });
});

test('readings given at start', async () => {
	const started = await startEmulator({
		readings: { rateLimitAnswer: 'http429NoBody', retryAfter: 'seconds' },
		faults: { rateLimit: { aisolution: 0.25 } },
	});
	try {
		await callOperation(started, de, card());
		const answer = await callOperation(started, de, card());
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBe('4');
		expect(started.readings()).toMatchObject({ wrongToken: 'http401', dropStyle: 'fin' });
	} finally {
		await started.close();
	}
});

test('bad readings at start are refused', async () => {
	await expect(startEmulator({ readings: { wrongToken: 'http418' as never } })).rejects.toThrow(
		'wrongToken must be one of http401, http403, invalidRequest, invalidRequestNamingToken, invalidToken, operationBadInput, got "http418"',
	);
});
