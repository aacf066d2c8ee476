import { setTimeout as delay } from 'timers/promises';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createClient, fetchTransport, type Transport } from '../../core';
import { makePng } from '../support/images';
import { startSandbox, type Sandbox } from '../support/sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

// Random padding: every call of ok() is a different image.
const ok = () => makePng(400, 300, { marker: 'idv:status=OK', padToBytes: 4096 });
const totals = () => sandbox.emulator.accounting().totals;

describe('retries', () => {
	it.each(['RETRY_LATER', '5xx'] as const)('recover from a burst of %s (the vendor says it did not process)', async (kind) => {
		sandbox.emulator.setFaults({ burst: { kind, count: 2 } });
		const result = await sandbox.client().call('deIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'success', attempts: 3, charged: true });
		expect(totals()).toMatchObject({ calls: 3, charged: 1, duplicateCharged: 0 });
	});

	it('recover from an AccuAuth INTERNAL_ERROR burst', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1, vendor: 'accuauth' } });
		const result = await sandbox.client().call('ecIdCard', { image: ok() });
		expect(result).toMatchObject({ outcome: 'success', attempts: 2 });
	});

	it('give up after the configured attempts and say why', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 10 } });
		const result = await sandbox.client({ retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 } }).call('nlIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'failed', attempts: 4, retryable: true, status: 'RETRY_LATER', charged: false });
		expect(result.problem?.message).toContain('RETRY_LATER');
		expect(totals().calls).toBe(4);
	});

	it.each([
		['INVALID_REQUEST', 'deIdCard', 'img'],
		['IMAGE_INVALID_FORMAT', 'deIdCard', 'img'],
		['OUT_OF_QUOTA', 'idKtpAccuauth', 'image'],
		['NO_PERMISSION', 'idKtpAccuauth', 'image'],
		['KEY_EXPIRED', 'ecIdCard', 'image'],
	])('never retry %s', async (status, operationId, input) => {
		const result = await sandbox.client().call(operationId, { [input]: makePng(400, 300, { marker: `idv:status=${status}` }) });
		expect(result.attempts).toBe(1);
		expect(result.retryable).toBe(false);
		expect(totals().calls).toBe(1);
	});

	it('never repeat a charged success', async () => {
		const result = await sandbox.client().call('mxVoterCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'success', charged: true, attempts: 1 });
		expect(totals()).toMatchObject({ calls: 1, charged: 1 });
	});

	it('refuse wrong credentials at once, without retrying, and name what to check', async () => {
		const wrong = createClient({
			sleep: delay,
			transport: fetchTransport({
				aisolution: { token: 'wrong-token-1234' },
				accuauth: { apiId: 'wrong-id-1234', apiSecret: 'wrong-secret-1234' },
			}),
			baseUrls: sandbox.emulator.baseUrls,
			secrets: ['wrong-token-1234', 'wrong-id-1234', 'wrong-secret-1234'],
		});
		const ai = await wrong.call('deIdCard', { img: ok() });
		expect(ai).toMatchObject({ outcome: 'failed', attempts: 1, retryable: false, httpStatus: 401, problem: { code: 'UNAUTHORIZED' } });
		expect(ai.problem?.message).toMatch(/token in the AI Solution credential/);
		const accu = await wrong.call('ecIdCard', { image: ok() });
		expect(accu).toMatchObject({ outcome: 'failed', attempts: 1, retryable: false, status: 'UNAUTHORIZED', httpStatus: 401 });
	});
});

describe('one paid call per image per scope', () => {
	it('20 concurrent identical images, then 20 more after the first finished: one charged call', async () => {
		const scope = sandbox.client().scope();
		const image = ok();
		const first = await Promise.all(Array.from({ length: 20 }, () => scope.call('deIdCard', { img: Buffer.from(image) })));
		const later = await Promise.all(
			Array.from({ length: 20 }, () => scope.call('deIdCard', { img: { base64: image.toString('base64') } })),
		);
		const all = [...first, ...later];
		expect(all.every((r) => r.outcome === 'success')).toBe(true);
		expect(all.filter((r) => !r.reused)).toHaveLength(1);
		expect(all.filter((r) => r.charged)).toHaveLength(1);
		expect(totals()).toMatchObject({ calls: 1, charged: 1, duplicateCharged: 0 });
	});

	it('a different operation or a different image is a different call', async () => {
		const scope = sandbox.client().scope();
		await scope.call('deIdCard', { img: ok() });
		await scope.call('deIdCard', { img: ok() }); // random padding: other bytes
		await scope.call('nlIdCard', { img: ok() });
		expect(totals().calls).toBe(3);
	});

	it('scopes do not share, unless the cache is on', async () => {
		const image = ok();
		const plain = sandbox.client();
		await plain.scope().call('deIdCard', { img: image });
		await plain.scope().call('deIdCard', { img: image });
		expect(totals().charged).toBe(2);
		sandbox.emulator.reset();
		const cached = sandbox.client({ cache: { ttlMs: 60_000 } });
		await cached.scope().call('deIdCard', { img: image });
		const second = await cached.scope().call('deIdCard', { img: image });
		expect(second).toMatchObject({ reused: true, charged: false, outcome: 'success' });
		expect(totals().charged).toBe(1);
	});

	it('a failure is not reused: the next caller in the scope tries again', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 3 } });
		const scope = sandbox.client().scope();
		const image = ok();
		expect((await scope.call('deIdCard', { img: image })).outcome).toBe('failed');
		expect(await scope.call('deIdCard', { img: image })).toMatchObject({ outcome: 'success', reused: false });
	});

	it('never merges side effects: adding the same face twice adds it twice', async () => {
		const scope = sandbox.client().scope();
		const face = makePng(400, 300, { marker: 'idv:face=bob' });
		await scope.call('faceAdd', { img: face });
		const second = await scope.call('faceAdd', { img: face });
		expect(second.reused).toBe(false);
		expect((second.data as { person_count: number }).person_count).toBe(2);
	});
});

describe('throughput controls', () => {
	it('keeps to the vendor rate limit, so nothing is refused', async () => {
		sandbox.emulator.setFaults({ rateLimit: { accuauth: 5 } });
		const client = sandbox.client({ ratePerSecond: { accuauth: 5 }, concurrency: 10 });
		const started = Date.now();
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) => client.call('idKtpAccuauth', { image: makePng(400, 300 + i, { marker: 'idv:status=OK' }) })),
		);
		expect(results.every((r) => r.outcome === 'success' && r.attempts === 1)).toBe(true);
		expect(sandbox.emulator.accounting().calls.filter((c) => c.fault === 'rateLimit')).toHaveLength(0);
		// 12 starts spaced 1/5 s apart take at least 11/5 s.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2200);
	});

	it('keeps at most `concurrency` requests in flight', async () => {
		sandbox.emulator.setFaults({ latencyMs: 150 });
		let inFlight = 0;
		let peak = 0;
		const counting: Transport = async (request) => {
			peak = Math.max(peak, ++inFlight);
			try {
				return await fetchTransport({ aisolution: { token: sandbox.emulator.credentials.token } })(request);
			} finally {
				inFlight--;
			}
		};
		const client = sandbox.client({ concurrency: 3, transport: counting });
		await Promise.all(Array.from({ length: 9 }, () => client.call('deIdCard', { img: ok() })));
		expect(peak).toBe(3);
	});
});

describe('checks before spending', () => {
	it.each([
		['oversize', 'deIdCard', { img: makePng(100, 100, { padToBytes: 2 * 1024 * 1024 + 10 }) }, 'IMAGE_TOO_LARGE'],
		['wrong format', 'deIdCard', { img: Buffer.from('GIF89a....') }, 'IMAGE_FORMAT_NOT_SUPPORTED'],
		['bad base64', 'faceCompare', { img1: { base64: 'not base64!' }, img2: makePng(10, 10) }, 'INVALID_BASE64'],
		['too few pixels', 'idKtpAccuauth', { image: makePng(100, 500) }, 'IMAGE_TOO_SMALL'],
		['too many pixels', 'ecIdCard', { image: makePng(7000, 500) }, 'IMAGE_TOO_LARGE_PIXELS'],
		['missing image', 'idHolding', {}, 'MISSING_INPUT'],
		['unknown input', 'deIdCard', { img: makePng(10, 10), image: makePng(10, 10) }, 'UNKNOWN_INPUT'],
		['detect_face not 0 or 1', 'ecIdCard', { image: makePng(400, 300), detect_face: 2 }, 'INVALID_INPUT'],
	])('%s is rejected with no call reaching the vendor', async (_name, operationId, input, code) => {
		const result = await sandbox.client().call(operationId, input);
		expect(result).toMatchObject({ outcome: 'rejectedInput', charged: false, attempts: 0, problem: { code } });
		expect(totals().calls).toBe(0);
	});
});

describe('answers that cannot be read', () => {
	let server: Server;
	let reply: { status: number; body: string };
	let base: string;
	beforeAll(async () => {
		server = createServer((_req, res) => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	const call = () =>
		createClient({
			sleep: delay,
			transport: fetchTransport({ aisolution: { token: 't0ken-value' } }),
			baseUrls: { aisolution: base },
			retry: { attempts: 3, baseDelayMs: 1 },
		}).call('deIdCard', { img: makePng(10, 10) });

	it.each([
		['truncated JSON', 200, '{"status":"OK","mess'],
		['an empty body', 200, ''],
		['HTML', 200, '<html>oops</html>'],
		['a gateway timeout page', 504, '<html>Gateway Timeout</html>'],
	])('%s is a lost answer: failed, charged "unknown", never resent', async (_name, status, body) => {
		reply = { status, body };
		const result = await call();
		expect(result).toMatchObject({ outcome: 'failed', attempts: 1, charged: 'unknown', problem: { code: 'ANSWER_LOST' } });
		expect(result.message).toMatch(new RegExp(`HTTP ${status}`));
		expect(result.message).toMatch(/may have processed it and billed it/);
	});

	it.each([502, 503])('a non-JSON %s is retried (the vendor did not process it)', async (status) => {
		reply = { status, body: 'Bad Gateway' };
		expect(await call()).toMatchObject({
			outcome: 'failed',
			attempts: 3,
			retryable: true,
			charged: false,
			problem: { code: 'VENDOR_UNAVAILABLE' },
		});
	});

	it.each(['constructor', 'toString', '__proto__'])(
		'a status named like an object property (%s) is undocumented, never a rule',
		async (status) => {
			reply = { status: 200, body: JSON.stringify({ status, message: '?' }) };
			expect(await call()).toMatchObject({ outcome: 'failed', attempts: 1, status, charged: false });
		},
	);

	it('an undocumented status is failed and named', async () => {
		reply = { status: 200, body: '{"status":"SOMETHING_NEW","message":"?"}' };
		expect(await call()).toMatchObject({ outcome: 'failed', attempts: 1, status: 'SOMETHING_NEW' });
	});
});

describe('secrets', () => {
	it('never appear in a failed result or its serialization', async () => {
		const token = 'tok-SECRET-0123456789';
		const apiSecret = 'sec-SECRET-9876543210';
		// Some HTTP libraries put the whole URL (token included) into their errors: simulate one.
		const leaky: Transport = async (request) => {
			throw new Error(`connect ECONNREFUSED for ${request.url}?token=${token} with X-DF-API-SECRET: ${apiSecret}`);
		};
		const client = createClient({ sleep: delay, transport: leaky, secrets: [token, apiSecret], retry: { attempts: 2, baseDelayMs: 1 } });
		// A plain error (not a TransportError) says nothing of the phase: read as sent, so a lost answer.
		for (const [op, input] of [
			['deIdCard', { img: ok() }],
			['ecIdCard', { image: ok() }],
		] as const) {
			const result = await client.call(op, input);
			expect(result.outcome).toBe('failed');
			const text = JSON.stringify(result) + String(result.message) + String(result.problem?.message);
			expect(text).not.toContain(token);
			expect(text).not.toContain(apiSecret);
		}
	});

	it('never appear after a refused call through the real transport', async () => {
		const token = 'refused-token-abcdef';
		const result = await createClient({
			sleep: delay,
			transport: fetchTransport({ aisolution: { token } }),
			baseUrls: sandbox.emulator.baseUrls,
			secrets: [token],
		}).call('deIdCard', { img: ok() });
		expect(result.outcome).toBe('failed');
		expect(JSON.stringify(result)).not.toContain(token);
	});
});

describe('configuration', () => {
	it('a vendor without credentials fails at once, naming what is missing, without retries', async () => {
		const client = createClient({
			sleep: delay,
			transport: fetchTransport({ aisolution: { token: 'x-token-1' } }),
			baseUrls: sandbox.emulator.baseUrls,
		});
		const result = await client.call('ecIdCard', { image: ok() });
		expect(result).toMatchObject({ outcome: 'failed', attempts: 1, retryable: false, problem: { code: 'NOT_CONFIGURED' } });
		expect(result.message).toContain('AccuAuth');
		expect(totals().calls).toBe(0);
	});
});
