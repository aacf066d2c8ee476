import { setTimeout as delay } from 'timers/promises';
import { callUntilFinal, readWhatsapp } from '../../core';
import { startSandbox, type Sandbox } from '../support/sandbox';

/** The two operations without an image: every documented status through the real client. */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

describe('whatsappCheck', () => {
	// The emulator answers by the number's last digit: 0–4 yes, 5–7 no, 8 checking, 9 INVALID_INPUT.
	it.each([
		['+6281234567890', 'success', 'Registered', true],
		['+6281234567896', 'negative', 'Not registered', true],
		['+6281234567898', 'negative', 'Checking', false],
	])('%s → %s (%s), charged %s', async (number, outcome, verdict, charged) => {
		const result = await sandbox.client().call('whatsappCheck', { number });
		expect(result).toMatchObject({ outcome, verdict, charged, status: 'OK', pending: verdict === 'Checking' });
		expect((result.data as { number: string }).number).toBe(number);
	});

	it('INVALID_INPUT is rejected input, free, not retried', async () => {
		expect(await sandbox.client().call('whatsappCheck', { number: '+6281234567899' })).toMatchObject({
			outcome: 'rejectedInput',
			status: 'INVALID_INPUT',
			charged: false,
			attempts: 1,
		});
	});

	describe('numbers as people type them', () => {
		it.each([
			['+62 812 3456 7890', undefined],
			['0812-3456-7890', 'ID'],
			['(+62) 812.3456.7890', undefined],
			['0062 812 3456 7890', undefined],
			['0812 3456 7890', 'Indonesia'],
		])('%s (Country %s) is sent as +6281234567890', async (typed, country) => {
			const result = await sandbox.client().call('whatsappCheck', { number: typed, ...(country ? { country } : {}) });
			expect(result).toMatchObject({ outcome: 'success', verdict: 'Registered' });
			expect((result.data as { number: string }).number).toBe('+6281234567890');
		});

		it('a country name is sent as its code', async () => {
			await sandbox.client().call('whatsappCheck', { number: '0812 3456 7890', country: 'indonesia' });
			expect(sandbox.emulator.accounting().calls).toHaveLength(1);
			expect(sandbox.emulator.accounting().calls[0].status).toBe('OK');
		});

		it.each([
			['0812 3456 7890', undefined, 'PHONE_COUNTRY_MISSING', /has no country code and no Country is set/],
			['+62 812', undefined, 'INVALID_PHONE_NUMBER', /\+62/],
			['+62 812 3456 7890 1234', undefined, 'INVALID_PHONE_NUMBER', /\+62/],
			['call me', undefined, 'INVALID_PHONE_NUMBER', /call me/],
			['0812 3456 7890', 'Atlantis', 'PHONE_COUNTRY_UNKNOWN', /Atlantis/],
		])('%s (Country %s) is refused locally for free: %s', async (typed, country, code, message) => {
			const result = await sandbox.client().call('whatsappCheck', { number: typed, ...(country ? { country } : {}) });
			expect(result).toMatchObject({ outcome: 'rejectedInput', charged: false, attempts: 0, problem: { code } });
			expect(result.message).toMatch(message);
			expect(sandbox.emulator.accounting().totals.calls).toBe(0);
		});
	});

	it('an outage is RETRY_LATER (retried), or "unavailable" with servstatus=y (free, failed)', async () => {
		sandbox.emulator.setFaults({ whatsappUnavailable: true });
		expect(await sandbox.client().call('whatsappCheck', { number: '+6281234567890' })).toMatchObject({
			outcome: 'failed',
			status: 'RETRY_LATER',
			attempts: 3,
			charged: false,
		});
		expect(
			await sandbox.client({ retry: { attempts: 1 } }).call('whatsappCheck', { number: '+6281234567890', servstatus: 'y' }),
		).toMatchObject({
			outcome: 'failed',
			verdict: 'Unavailable',
			charged: false,
		});
	});

	it('a "checking" answer is never reused: asking again until final gets the final answer, paid once', async () => {
		const scope = sandbox.client().scope();
		const result = await callUntilFinal(
			scope,
			'whatsappCheck',
			{ number: '+6281234567838' },
			{ intervalMs: 400, maxWaitMs: 8000, sleep: delay },
		);
		expect(result).toMatchObject({ pending: false, outcome: 'success', verdict: 'Registered', charged: true });
		expect(result.polls).toBeGreaterThan(1);
		const calls = sandbox.emulator.accounting().calls;
		expect(calls.length).toBe(result.polls);
		expect(calls.filter((c) => c.charged)).toHaveLength(1);
	});

	it('stops asking at the deadline and returns the pending answer', async () => {
		const scope = sandbox.client().scope();
		const result = await callUntilFinal(
			scope,
			'whatsappCheck',
			{ number: '+6281234567858' },
			{ intervalMs: 200, maxWaitMs: 500, sleep: delay },
		);
		expect(result).toMatchObject({ pending: true, verdict: 'Checking', charged: false });
	});
});

describe('faceDelete', () => {
	it('RETRY_LATER is retried, then reported', async () => {
		sandbox.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 5, operationId: 'faceDelete' } });
		expect(await sandbox.client().call('faceDelete', { person_id: 'someone' })).toMatchObject({
			outcome: 'failed',
			status: 'RETRY_LATER',
			attempts: 3,
		});
	});

	it('an unknown person is PERSON_ID_NOT_EXIST: negative, free', async () => {
		expect(await sandbox.client().call('faceDelete', { person_id: 'nobody-here' })).toMatchObject({
			outcome: 'negative',
			status: 'PERSON_ID_NOT_EXIST',
			charged: false,
			attempts: 1,
		});
	});
});

describe('vendor words that look like object properties', () => {
	it('a WhatsApp conclusion of "constructor" is not a documented one', () => {
		expect(readWhatsapp({ number: '+6281234567890', whatsapp: 'constructor' })).toBeNull();
		expect(readWhatsapp({ number: '+6281234567890', whatsapp: 'YES' })).toMatchObject({ registered: true, final: true });
	});
});
