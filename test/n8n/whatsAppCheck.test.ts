import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters, INodeType } from 'n8n-workflow';
import { branchesByItem, everything, itemFor } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';
import { deliverToTrigger } from './support/webhook';

/**
 * WhatsApp Check and WhatsApp Check Trigger in real workflow executions. The sandbox decides by the
 * number's last digit: 0–4 yes, 5–7 no, 8 checking (then final: yes when the digit before is 0–4), 9 INVALID_INPUT.
 */

const [REGISTERED, NOT_REGISTERED, CHECKING, FAILED, ERROR_OUTPUT] = [0, 1, 2, 3, 4];

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const numbers = (...list: string[]) => list.map((number) => ({ json: { number } }));
const check = (parameters: INodeParameters, onError?: 'continueRegularOutput' | 'continueErrorOutput') => ({
	type: fx.pkg.type('whatsAppCheck'),
	parameters: { number: '={{ $json.number }}', ...parameters },
	...(onError ? { onError } : {}),
});

describe('answer now', () => {
	test('Registered, Not registered, Checking and Failed, each item once and in order', async () => {
		const { outputs, error } = await fx.run(
			check({ options: { attempts: 1 } }, 'continueRegularOutput'),
			numbers('+6281387300001', '+6281387300005', '+6281387300048', '+6281387300009', '+6281387300002', '+6281387300007'),
		);
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(4);
		expect(branchesByItem(outputs, 6)).toEqual([REGISTERED, NOT_REGISTERED, CHECKING, FAILED, REGISTERED, NOT_REGISTERED]);
		expect(itemFor(outputs, 0).json).toMatchObject({ verdict: 'Registered', registered: true, final: true, charged: true, businessUser: false, avatar: true, statusUpdate: expect.any(String) });
		expect(itemFor(outputs, 1).json).toMatchObject({ verdict: 'Not registered', registered: false, final: true, charged: true });
		expect(itemFor(outputs, 2).json).toMatchObject({ verdict: 'Checking', registered: null, final: false, charged: false });
		expect(itemFor(outputs, 3).json).toMatchObject({ status: 'INVALID_INPUT', outcome: 'rejectedInput', error: expect.stringContaining('item 3') });
	});

	test('a documented FAIL (invalid query) and a server error are failures that name the item', async () => {
		fx.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1, operationId: 'whatsappCheck' } });
		const { outputs } = await fx.run(check({ country: '={{ $json.country }}', options: { attempts: 1, concurrency: 1 } }, 'continueErrorOutput'), [
			{ json: { number: '+6281387300001', country: 'ID' } },
			{ json: { number: '+6281387300001', country: 'IDN' } },
		]);
		expect(outputs).toHaveLength(5);
		expect(outputs[ERROR_OUTPUT].map((item) => (item.json.details as { status: string }).status)).toEqual(['RETRY_LATER', 'FAIL']);
		expect(outputs[ERROR_OUTPUT][1].json.error).toMatch(/item 1 was rejected \(FAIL\)/);
	});

	test('an outage reported by the vendor (servstatus=y → unavailable) fails; nothing is charged', async () => {
		fx.emulator.setFaults({ whatsappUnavailable: true });
		const { outputs } = await fx.run(check({ options: { attempts: 1, reportUnavailable: true } }, 'continueRegularOutput'), numbers('+6281387300001'));
		expect(outputs[FAILED]).toHaveLength(1);
		expect(outputs[FAILED][0].json).toMatchObject({ status: 'OK', whatsapp: 'unavailable', outcome: 'failed', charged: false });
		expect(fx.emulator.accounting().totals.charged).toBe(0);
	});

	test('by default a failure stops the run with the vendor status, and no token', async () => {
		const { error, run } = await fx.run(check({ options: { attempts: 1 } }), numbers('+6281387300001', '+6281387300009'));
		expect(error?.message).toMatch(/^AI Solution answered INVALID_INPUT for item 1|item 1 was rejected \(INVALID_INPUT\)/);
		expect(everything(run)).not.toContain(fx.credentials.aiSolutionApi.token);
	});

	test('the same number in 5 items is checked and charged once', async () => {
		const { outputs } = await fx.run(check({}), numbers(...Array.from({ length: 5 }, () => '+6281387300003')));
		expect(outputs[REGISTERED]).toHaveLength(5);
		expect(fx.emulator.accounting().totals.charged).toBe(1);
	});
});

describe('ask again until final', () => {
	test('a number being checked ends Registered or Not registered once the vendor knows', async () => {
		const { outputs } = await fx.run(check({ waitForFinal: 'poll', pollIntervalSeconds: 1, maxWaitSeconds: 15 }), numbers('+6281387300048', '+6281387300058'));
		expect(branchesByItem(outputs, 2)).toEqual([REGISTERED, NOT_REGISTERED]);
		expect(itemFor(outputs, 0).json).toMatchObject({ final: true, polls: expect.any(Number) });
		expect(itemFor(outputs, 0).json.polls as number).toBeGreaterThan(1);
		// Asking while checking is free: only the final answers are charged.
		expect(fx.emulator.accounting().totals.charged).toBe(2);
	}, 30_000);

	test('still checking after the maximum wait goes to Checking', async () => {
		const { outputs } = await fx.run(check({ waitForFinal: 'poll', pollIntervalSeconds: 1, maxWaitSeconds: 1 }), numbers('+6281387300148'));
		expect(outputs[CHECKING]).toHaveLength(1);
		expect(outputs[CHECKING][0].json).toMatchObject({ verdict: 'Checking', final: false });
	});
});

describe('callback to the WhatsApp Check Trigger', () => {
	test('the vendor calls the callback URL; the trigger starts a workflow with the parsed result', async () => {
		const received: Record<string, string>[] = [];
		const server = http.createServer((req, res) => {
			received.push(Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams));
			res.end('ok');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/test/whatsapp`;
			const { outputs } = await fx.run(check({ options: { callbackUrl } }), numbers('+6281387300048'));
			expect(outputs[CHECKING]).toHaveLength(1);
			for (let waited = 0; received.length === 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
			expect(received).toHaveLength(1);

			const run = await deliverToTrigger(fx.pkg, fx.pkg.type('whatsAppCheckTrigger'), { query: received[0] });
			const items = run.data.resultData.runData.Trigger[0].data!.main[0]!;
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ number: '+6281387300048', verdict: 'Registered', registered: true, final: true, whatsapp: 'yes', businessUser: false, avatar: true });
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	}, 20_000);

	test('the trigger declares a GET webhook whose lifecycle needs nothing at the vendor', async () => {
		const type = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('whatsAppCheckTrigger'), 1) as INodeType;
		expect(type.description.webhooks).toEqual([expect.objectContaining({ httpMethod: 'GET', path: 'whatsapp' })]);
		const methods = type.webhookMethods!.default!;
		await expect(methods.checkExists.call({} as never)).resolves.toBe(true);
		await expect(methods.create.call({} as never)).resolves.toBe(true);
		await expect(methods.delete.call({} as never)).resolves.toBe(true);
	});

	test('WhatsApp Check is usable as an AI tool; the trigger is not', () => {
		const check = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('whatsAppCheck'), 1) as INodeType;
		const trigger = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('whatsAppCheckTrigger'), 1) as INodeType;
		expect(check.description.usableAsTool).toBe(true);
		expect(trigger.description.usableAsTool).toBeUndefined();
	});
});
