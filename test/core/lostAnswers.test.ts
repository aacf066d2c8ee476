import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { setTimeout as delay } from 'timers/promises';
import { TransportError, createClient, fetchTransport, type CallResult, type Transport } from '../../core';
import type { FaultKind } from '../../emulator';
import { makePng } from '../support/images';
import { startSandbox, type Sandbox } from '../support/sandbox';

/**
 * A request whose answer is lost after sending may have been processed and billed: it is never sent again on its
 * own. The emulator drops answers where real networks do, before and after the vendor billed; `fetch` cannot tell
 * a reset before processing from one after, so both are lost answers.
 */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

const ok = () => makePng(400, 300, { marker: 'idv:status=OK', padToBytes: 4096 });
const totals = () => sandbox.emulator.accounting().totals;
/** A held answer is accounted when the emulator has made it, after the client gave up. */
async function settled(calls: number) {
	for (let i = 0; i < 60 && totals().calls < calls; i++) await delay(50);
	return totals();
}
const client = (options = {}) => sandbox.client({ timeoutMs: 300, ...options });

const billedDrops: FaultKind[] = ['resetAfterBilled', 'timeout', 'cutBody', 'stallBody'];

describe('a lost answer is not sent again', () => {
	it.each(billedDrops)('%s after the vendor billed: ANSWER_LOST, charged "unknown", one call, paid once', async (kind) => {
		sandbox.emulator.setFaults({ burst: { kind, count: 1, holdMs: 1000 } });
		const result = await client().call('deIdCard', { img: ok() });
		expect(result).toMatchObject({
			outcome: 'failed',
			charged: 'unknown',
			attempts: 1,
			retryable: false,
			problem: { code: 'ANSWER_LOST' },
		});
		expect(result.message).toMatch(/AI Solution may have processed it and billed it, so it was not sent again/);
		expect(await settled(1)).toMatchObject({ calls: 1, charged: 1, duplicateCharged: 0 });
	});

	it.each(['reset', 'resetBeforeBody'] as const)(
		'%s (before the vendor processed) is also a lost answer: fetch cannot tell',
		async (kind) => {
			sandbox.emulator.setFaults({ burst: { kind, count: 1 } });
			const result = await client().call('deIdCard', { img: ok() });
			expect(result).toMatchObject({ outcome: 'failed', charged: 'unknown', attempts: 1, problem: { code: 'ANSWER_LOST' } });
			expect(totals()).toMatchObject({ charged: 0, duplicateCharged: 0 });
		},
	);

	it('a cut body says the vendor answered, with its HTTP status', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'cutBody', count: 1 } });
		const result = await client().call('nlIdCard', { img: ok() });
		expect(result.message).toMatch(/AI Solution answered HTTP 200, but the answer was cut off/);
		expect(result.httpStatus).toBe(200);
	});

	it('a timeout names the limit', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'timeout', count: 1, holdMs: 1000 } });
		const result = await client({ timeoutMs: 200 }).call('seIdCard', { img: ok() });
		expect(result.message).toMatch(/No answer from AI Solution within 200 ms after the request was sent/);
		await settled(1);
	});

	it('add face is never resent: the face is added once, and the message says it may have been', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		const result = await client().call('faceAdd', { img: makePng(400, 300, { marker: 'idv:face=carol' }) });
		// Adding a face is free: nothing can have been billed, but the face may be stored.
		expect(result).toMatchObject({ outcome: 'failed', charged: false, attempts: 1, problem: { code: 'ANSWER_LOST' } });
		expect(result.message).toMatch(/may have added the face/);
		expect(totals()).toMatchObject({ calls: 1, duplicateApplied: 0 });
	});

	it('within one scope, a later identical call reuses the lost answer instead of paying again', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		const scope = client().scope();
		const image = ok();
		const first = await scope.call('deIdCard', { img: image });
		const second = await scope.call('deIdCard', { img: image });
		expect(first.problem?.code).toBe('ANSWER_LOST');
		expect(second).toMatchObject({ reused: true, problem: { code: 'ANSWER_LOST' } });
		expect(totals()).toMatchObject({ calls: 1, duplicateCharged: 0 });
	});
});

describe('resendLostAnswers: the user accepts paying twice', () => {
	it.each(billedDrops)('%s is sent again, and the duplicate charge shows in the accounting', async (kind) => {
		sandbox.emulator.setFaults({ burst: { kind, count: 1, holdMs: 1000 } });
		const result = await client({ resendLostAnswers: true }).call('deIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'success', charged: true, attempts: 2 });
		expect(await settled(2)).toMatchObject({ calls: 2, charged: 2, duplicateCharged: 1 });
	});

	it('still bounded by the attempts', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 5 } });
		const result = await client({ resendLostAnswers: true, retry: { attempts: 2, baseDelayMs: 1 } }).call('deIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'failed', charged: 'unknown', attempts: 2, problem: { code: 'ANSWER_LOST' } });
	});
});

describe('a request that never left is sent again', () => {
	it('connection refused: retried, then NETWORK_ERROR, charged false', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		const refused = createClient({
			sleep: delay,
			transport: fetchTransport({ aisolution: { token: 't' } }),
			baseUrls: { aisolution: `http://127.0.0.1:${port}/v1` },
			retry: { attempts: 3, baseDelayMs: 1 },
		});
		const result = await refused.call('deIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'failed', charged: false, attempts: 3, retryable: true, problem: { code: 'NETWORK_ERROR' } });
		expect(result.message).toMatch(/ECONNREFUSED/);
	});

	it('a transport that says notSent gets its request sent again, once the vendor can be reached', async () => {
		const real = fetchTransport({ aisolution: { token: sandbox.emulator.credentials.token } });
		let failuresLeft = 2;
		const flaky: Transport = async (request) => {
			if (failuresLeft-- > 0) throw new TransportError('socket hang up while writing', 'notSent', { code: 'ECONNRESET' });
			return real(request);
		};
		const result: CallResult = await client({ transport: flaky }).call('deIdCard', { img: ok() });
		expect(result).toMatchObject({ outcome: 'success', attempts: 3, charged: true });
		expect(totals()).toMatchObject({ calls: 1, charged: 1 });
	});
});
