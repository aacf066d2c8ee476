import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator } from '../../emulator';
import { aiSolutionUrl, postForm, sleep } from './support';

/** WhatsApp detail detection: the sandbox's number rules (emulator/README.md), checking → final, callbacks. */

const CHECKING_MS = 300;
let emulator: Emulator;
let receiver: Server;
let received: { url: URL; method: string }[] = [];
let receiverUrl: string;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0, whatsappCheckingMs: CHECKING_MS });
	receiver = createServer((req: IncomingMessage, res) => {
		received.push({ url: new URL(req.url ?? '/', 'http://127.0.0.1'), method: req.method ?? '' });
		res.end('ok');
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/wa`;
});
afterAll(async () => {
	await emulator.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
	emulator.reset();
	received = [];
});

const check = (fields: Record<string, string>) => postForm(aiSolutionUrl(emulator, 'gliswadetail'), fields);
const sample = getOperation('whatsappCheck').sample as Record<string, string>;

async function until(predicate: () => boolean, ms = 3000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('waited in vain');
		await sleep(20);
	}
}

describe('number rules', () => {
	test.each(['0', '1', '2', '3', '4'])('ending in %s → yes, with the documented fields, billed', async (digit) => {
		const answer = await check({ number: `+62 812-3456-780${digit}` });
		// Separators are ignored; the answer gives the number as +digits.
		expect(answer.body).toEqual({ status: 'OK', message: { ...sample, number: `+628123456780${digit}` } });
		expect(emulator.accounting().calls[0]).toMatchObject({ verdict: 'yes', outcome: 'success', charged: true });
	});

	test.each(['5', '6', '7'])('ending in %s → no, billed', async (digit) => {
		const answer = await check({ number: `62812345678${digit}` });
		expect(answer.body).toEqual({ status: 'OK', message: { number: `+62812345678${digit}`, whatsapp: 'no' } });
		expect(emulator.accounting().calls[0]).toMatchObject({ verdict: 'no', outcome: 'negative', charged: true });
	});

	test('ending in 9 → INVALID_INPUT, free', async () => {
		expect((await check({ number: '6281234567899' })).body.status).toBe('INVALID_INPUT');
		expect(emulator.accounting().calls[0]).toMatchObject({ outcome: 'rejectedInput', charged: false });
	});

	test.each(['12345', '1234567890123456', '62-abc-123', ''])('%j → INVALID_INPUT', async (number) => {
		expect((await check({ number })).body.status).toBe('INVALID_INPUT');
	});

	test('a country that is not two letters → FAIL', async () => {
		expect((await check({ number: '6281234567890', country: 'IDN' })).body.status).toBe('FAIL');
		expect((await check({ number: '6281234567890', country: 'ID' })).body.status).toBe('OK');
	});
});

describe('checking, then final', () => {
	test('ending in 8 is checking (free) until the delay has passed, then final (billed)', async () => {
		const first = await check({ number: '6281234567818' });
		expect(first.body).toEqual({ status: 'OK', message: { number: '+6281234567818', whatsapp: 'checking' } });
		expect((await check({ number: '6281234567818' })).body.message.whatsapp).toBe('checking');
		await sleep(CHECKING_MS + 50);
		const final = await check({ number: '6281234567818' });
		expect(final.body).toEqual({ status: 'OK', message: { ...sample, number: '+6281234567818' } });
		const calls = emulator.accounting().calls;
		expect(calls.map((call) => [call.verdict, call.charged])).toEqual([
			['checking', false],
			['checking', false],
			['yes', true],
		]);
	});

	test('the digit before the 8 decides: 5–9 → no', async () => {
		await check({ number: '6281234567868' });
		await sleep(CHECKING_MS + 50);
		expect((await check({ number: '6281234567868' })).body.message).toEqual({ number: '+6281234567868', whatsapp: 'no' });
	});

	test('the delay follows the injected clock', async () => {
		let now = new Date('2030-01-01T00:00:00Z');
		const clocked = await startEmulator({ now: () => now, whatsappCheckingMs: 60_000 });
		try {
			const url = aiSolutionUrl(clocked, 'gliswadetail');
			expect((await postForm(url, { number: '6281234567808' })).body.message.whatsapp).toBe('checking');
			now = new Date(now.getTime() + 60_000);
			expect((await postForm(url, { number: '6281234567808' })).body.message.whatsapp).toBe('yes');
			expect(clocked.accounting().calls[0].time).toBe('2030-01-01T00:00:00.000Z');
		} finally {
			await clocked.close();
		}
	});
});

describe('callbacks (loopback only)', () => {
	test('a checking number calls back once with GET and the documented query string', async () => {
		expect((await check({ number: '6281234567818', callback: receiverUrl })).body.message.whatsapp).toBe('checking');
		// A second poll with the callback does not schedule a second one.
		await check({ number: '6281234567818', callback: receiverUrl });
		await until(() => received.length > 0);
		await sleep(100);
		expect(received).toHaveLength(1);
		const { url, method } = received[0];
		expect(method).toBe('GET');
		expect(url.pathname).toBe('/hooks/wa');
		expect([...url.searchParams.keys()]).toEqual(['number', 'whatsapp', 'status_update', 'signature', 'business_user', 'avatar']);
		expect(Object.fromEntries(url.searchParams)).toEqual({ ...sample, number: '+6281234567818' });
		// As the docs show: "+" as %2B and spaces as "+".
		expect(url.search).toContain('number=%2B6281234567818');
		expect(url.search).toContain('signature=Saya+suka+global');
		expect(emulator.accounting().callbacks).toEqual([
			expect.objectContaining({ operationId: 'whatsappCheck', whatsapp: 'yes', httpStatus: 200, error: null, url: receiverUrl }),
		]);
	});

	test('an immediate answer is also sent to the callback', async () => {
		await check({ number: '6281234567805', callback: `${receiverUrl}?ref=42` });
		await until(() => received.length > 0);
		expect(Object.fromEntries(received[0].url.searchParams)).toEqual({ ref: '42', number: '+6281234567805', whatsapp: 'no' });
	});

	test.each(['http://localhost:1/x', 'http://127.8.9.10:1/x', 'http://[::1]:1/x'])('%s counts as loopback', async (callback) => {
		expect((await check({ number: '6281234567800', callback })).body.status).toBe('OK');
	});

	test.each(['https://example.com/hook', 'http://10.0.0.1/hook', 'http://169.254.169.254/latest', 'ftp://127.0.0.1/x', 'not a url'])(
		'%s is refused with INVALID_INPUT, and nothing is sent',
		async (callback) => {
			const answer = await check({ number: '6281234567818', callback });
			expect(answer.body.status).toBe('INVALID_INPUT');
			expect(emulator.accounting().calls[0]).toMatchObject({ charged: false, outcome: 'rejectedInput' });
		},
	);

	test('an unreachable receiver is recorded, not fatal', async () => {
		await check({ number: '6281234567800', callback: 'http://127.0.0.1:1/closed' });
		await until(() => emulator.accounting().callbacks.length > 0);
		expect(emulator.accounting().callbacks[0]).toMatchObject({ httpStatus: null, error: expect.any(String) });
	});

	test('reset() cancels a pending callback', async () => {
		await check({ number: '6281234567818', callback: receiverUrl });
		emulator.reset();
		await sleep(CHECKING_MS + 150);
		expect(received).toHaveLength(0);
	});
});

describe('service unavailable', () => {
	test('with servstatus=y: OK with whatsapp "unavailable", free', async () => {
		emulator.setFaults({ whatsappUnavailable: true });
		const answer = await check({ number: '6281234567800', servstatus: 'y' });
		expect(answer.body).toEqual({ status: 'OK', message: { number: '+6281234567800', whatsapp: 'unavailable' } });
		expect(emulator.accounting().calls[0]).toMatchObject({ verdict: 'unavailable', outcome: 'failed', charged: false });
	});

	test('without servstatus: RETRY_LATER', async () => {
		emulator.setFaults({ whatsappUnavailable: true });
		expect((await check({ number: '6281234567800' })).body.status).toBe('RETRY_LATER');
	});
});
