import { RateGovernor } from '../../core';
import type { Readings } from '../../emulator';
import { makePng } from '../support/images';
import { startSandbox, type Sandbox } from '../support/sandbox';

/** A vendor's rate limit nobody told us: learned from its refusals, waited out, never paid for twice. */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

const images = (count: number) => Array.from({ length: count }, (_, i) => makePng(400, 300 + i, { marker: 'idv:status=OK' }));

describe('an unknown rate limit', () => {
	it.each<[string, string, string, Partial<Readings>]>([
		['AccuAuth 403 RATE_LIMIT_EXCEEDED', 'idKtpAccuauth', 'image', {}],
		['AI Solution RETRY_LATER', 'deIdCard', 'img', {}],
		['HTTP 429 with the vendor body', 'deIdCard', 'img', { rateLimitAnswer: 'http429' }],
		['HTTP 429 without a body', 'ecIdCard', 'image', { rateLimitAnswer: 'http429NoBody' }],
		['Retry-After in seconds', 'idKtpAccuauth', 'image', { retryAfter: 'seconds' }],
		['Retry-After as a date', 'deIdCard', 'img', { retryAfter: 'date' }],
	])('%s: every item succeeds at the defaults, none paid twice', async (_name, operationId, input, readings) => {
		const vendor = operationId === 'deIdCard' ? 'aisolution' : 'accuauth';
		sandbox.emulator.setReadings(readings);
		sandbox.emulator.setFaults({ rateLimit: { [vendor]: 20 }, latencyMs: 50 });
		const client = sandbox.client({ concurrency: 22, retry: {} });
		const results = await Promise.all(images(60).map((image) => client.call(operationId, { [input]: image })));
		expect(results.map((r) => r.outcome)).toEqual(Array(60).fill('success'));
		const totals = sandbox.emulator.accounting().totals;
		expect(totals).toMatchObject({ charged: 60, duplicateCharged: 0 });
		// The limit was reached and learned: refusals happened, and cost nothing.
		expect(totals.calls).toBeGreaterThan(60);
	});

	it('a user-set cap is still kept: no refusal at all', async () => {
		sandbox.emulator.setFaults({ rateLimit: { accuauth: 10 } });
		const client = sandbox.client({ ratePerSecond: { accuauth: 9 }, concurrency: 10 });
		const results = await Promise.all(images(12).map((image) => client.call('idKtpAccuauth', { image })));
		expect(results.every((r) => r.outcome === 'success' && r.attempts === 1)).toBe(true);
		expect(sandbox.emulator.accounting().totals.calls).toBe(12);
	});

	it('a vendor that refuses everything is waited out only as long as allowed, then reported, free', async () => {
		// One request per 1000 s: the first passes, the second is refused until long after the wait.
		sandbox.emulator.setFaults({ rateLimit: { accuauth: 0.001 } });
		const client = sandbox.client({ rateLimitWaitMs: 400 });
		const [first, second] = images(2);
		expect((await client.call('idKtpAccuauth', { image: first })).outcome).toBe('success');
		const result = await client.call('idKtpAccuauth', { image: second });
		expect(result).toMatchObject({ outcome: 'failed', charged: false, retryable: true, problem: { code: 'RATE_LIMITED' } });
		expect(result.message).toMatch(/kept refusing for its rate limit/);
	});

	it('RETRY_LATER from a vendor that accepts nothing is an outage: bounded attempts, not a long wait', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 10 } });
		const result = await sandbox.client().call('deIdCard', { img: images(1)[0] });
		expect(result).toMatchObject({ outcome: 'failed', attempts: 3, status: 'RETRY_LATER' });
	});
});

describe('RateGovernor', () => {
	let clock = 0;
	const sleeps: number[] = [];
	const sleep = async (ms: number) => {
		sleeps.push(ms);
		clock += ms;
	};
	beforeEach(() => {
		clock = 1_000_000;
		sleeps.length = 0;
	});

	it('does not pace until the vendor refuses', async () => {
		const governor = new RateGovernor(sleep, undefined, () => clock);
		for (let i = 0; i < 50; i++) await governor.acquire();
		expect(sleeps).toEqual([]);
		expect(governor.pace).toBeUndefined();
	});

	it('after a refusal, paces at what the vendor accepted in the last second, and counts one burst once', async () => {
		const governor = new RateGovernor(sleep, undefined, () => clock);
		const startedAt = await governor.acquire();
		for (let i = 0; i < 10; i++) governor.accept();
		clock += 100;
		governor.refuse(startedAt);
		expect(governor.pace).toBe(10);
		// Answers to requests sent before the cut do not cut again.
		governor.refuse(startedAt);
		expect(governor.pace).toBe(10);
		const before = clock;
		for (let i = 0; i < 5; i++) await governor.acquire();
		// Five starts 1/10 s apart (with 2 % slack), the first one at once.
		expect(clock - before).toBeGreaterThanOrEqual(4 * 100);
	});

	it('grows back while calls are accepted', async () => {
		const governor = new RateGovernor(sleep, undefined, () => clock);
		governor.accept();
		governor.refuse(await governor.acquire());
		const cut = governor.pace!;
		for (let i = 0; i < 20; i++) {
			clock += 200;
			governor.accept();
		}
		expect(governor.pace!).toBeGreaterThan(cut * 2);
	});

	it('Retry-After pauses every start until then', async () => {
		const governor = new RateGovernor(sleep, undefined, () => clock);
		governor.accept();
		governor.refuse(await governor.acquire(), 3000);
		const before = clock;
		await governor.acquire();
		expect(clock - before).toBeGreaterThanOrEqual(3000);
	});

	it('never exceeds the cap, and knows the vendor is serving', async () => {
		const governor = new RateGovernor(sleep, 5, () => clock);
		expect(governor.pace).toBe(5);
		expect(governor.serving()).toBe(false);
		governor.accept();
		expect(governor.serving()).toBe(true);
		clock += 10_000;
		expect(governor.serving()).toBe(false);
	});
});
