import type { INodeParameters, INodeType } from 'n8n-workflow';
import { branchesByItem, everything, itemFor } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';

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
		expect(itemFor(outputs, 0).json).toMatchObject({
			verdict: 'Registered',
			registered: true,
			final: true,
			charged: true,
			businessUser: false,
			avatar: true,
			statusUpdate: expect.any(String),
		});
		expect(itemFor(outputs, 1).json).toMatchObject({ verdict: 'Not registered', registered: false, final: true, charged: true });
		expect(itemFor(outputs, 2).json).toMatchObject({ verdict: 'Checking', registered: null, final: false, charged: false });
		expect(itemFor(outputs, 3).json).toMatchObject({
			status: 'INVALID_INPUT',
			outcome: 'rejectedInput',
			error: expect.stringContaining('item 3'),
		});
	});

	test("a server error and a country the number contradicts: the number's own country code wins, the error is a failure", async () => {
		fx.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1, operationId: 'whatsappCheck' } });
		const { outputs } = await fx.run(
			check({ country: '={{ $json.country }}', options: { attempts: 1, concurrency: 1 } }, 'continueErrorOutput'),
			[{ json: { number: '+6281387300001', country: 'ID' } }, { json: { number: '+6281387300002', country: 'IDN' } }],
		);
		expect(outputs).toHaveLength(5);
		expect(outputs[ERROR_OUTPUT]).toHaveLength(1);
		expect(JSON.stringify(outputs[ERROR_OUTPUT][0])).toContain('RETRY_LATER');
		expect(outputs[REGISTERED].map((item) => item.json.number)).toEqual(['+6281387300002']);
	});

	test('an outage reported by the vendor (servstatus=y → unavailable) fails; nothing is charged', async () => {
		fx.emulator.setFaults({ whatsappUnavailable: true });
		const { outputs } = await fx.run(
			check({ options: { attempts: 1, reportUnavailable: true } }, 'continueRegularOutput'),
			numbers('+6281387300001'),
		);
		expect(outputs[FAILED]).toHaveLength(1);
		expect(outputs[FAILED][0].json).toMatchObject({ status: 'OK', whatsapp: 'unavailable', outcome: 'failed', charged: false });
		expect(fx.emulator.accounting().totals.charged).toBe(0);
	});

	test('by default a failure stops the run with the vendor status, and no token', async () => {
		const { error, run } = await fx.run(check({ options: { attempts: 1 } }), numbers('+6281387300001', '+6281387300009'));
		expect(error?.message).toMatch(/^AI Solution answered INVALID_INPUT for item 1|item 1 was rejected \(INVALID_INPUT\)/);
		expect(everything(run)).not.toContain(fx.credentials.aiSolutionApi.token);
	});

	test('"Include the vendor\'s raw answer" off leaves raw out; on (the default) keeps it', async () => {
		const off = await fx.run(check({ options: { includeRawAnswer: false } }), numbers('+6281387300001'));
		expect(off.outputs[REGISTERED][0].json).not.toHaveProperty('raw');
		expect(off.outputs[REGISTERED][0].json).toMatchObject({ registered: true, statusUpdate: expect.any(String) });
		const on = await fx.run(check({}), numbers('+6281387300001'));
		expect(on.outputs[REGISTERED][0].json.raw).toMatchObject({ whatsapp: 'yes' });
	});

	test('the same number in 5 items is checked and charged once', async () => {
		const { outputs } = await fx.run(check({}), numbers(...Array.from({ length: 5 }, () => '+6281387300003')));
		expect(outputs[REGISTERED]).toHaveLength(5);
		expect(fx.emulator.accounting().totals.charged).toBe(1);
	});
});

describe('numbers as people type them', () => {
	test('every format lands on Registered, sent to the vendor as E.164', async () => {
		const { outputs } = await fx.run(check({ country: '={{ $json.country }}' }, 'continueRegularOutput'), [
			{ json: { number: '+62 812 3456 7890' } },
			{ json: { number: '0812-3456-7891', country: 'ID' } },
			{ json: { number: '(+62) 812.3456.7893' } },
			{ json: { number: '0062 812 3456 7894' } },
			{ json: { number: '0812 3456 7892', country: 'Indonesia' } },
		]);
		expect(branchesByItem(outputs, 5)).toEqual([REGISTERED, REGISTERED, REGISTERED, REGISTERED, REGISTERED]);
		expect(outputs[REGISTERED].map((item) => item.json.number)).toEqual([
			'+6281234567890',
			'+6281234567891',
			'+6281234567893',
			'+6281234567894',
			'+6281234567892',
		]);
		expect(fx.emulator.accounting().totals.charged).toBe(5);
	});

	test('a national number without Country is refused locally, for free, saying what is missing', async () => {
		const { outputs } = await fx.run(check({}, 'continueRegularOutput'), numbers('0812-3456-7891', '+62 12', 'call me'));
		expect(branchesByItem(outputs, 3)).toEqual([FAILED, FAILED, FAILED]);
		const [missing, short, letters] = outputs[FAILED].map((item) => item.json);
		expect(missing).toMatchObject({ outcome: 'rejectedInput', charged: false, status: null, problem: { code: 'PHONE_COUNTRY_MISSING' } });
		const message = String((missing.problem as { message: string }).message);
		expect(message).toContain('0812-3456-7891');
		expect(message).toMatch(/country/i);
		expect(message).toMatch(/\+\d/);
		expect(missing.error).toMatch(/item 0 was rejected \(PHONE_COUNTRY_MISSING\)/);
		expect(short).toMatchObject({ problem: { code: 'INVALID_PHONE_NUMBER' } });
		expect(letters).toMatchObject({ problem: { code: 'INVALID_PHONE_NUMBER' } });
		// Refused before any request: nothing reached the vendor.
		expect(fx.emulator.accounting().calls).toEqual([]);
	});

	test('a Country the list does not know, for a national number, is refused locally', async () => {
		const { outputs } = await fx.run(check({ country: 'Atlantis' }, 'continueRegularOutput'), numbers('0812 3456 7890'));
		expect(outputs[FAILED][0].json).toMatchObject({ problem: { code: 'PHONE_COUNTRY_UNKNOWN' } });
		expect(fx.emulator.accounting().calls).toEqual([]);
	});

	test('by default a refused number stops the run with the reason', async () => {
		const { error } = await fx.run(check({}), numbers('0812-3456-7891'));
		expect(error?.message).toMatch(/item 0 was rejected \(PHONE_COUNTRY_MISSING\)/);
		expect(fx.emulator.accounting().calls).toEqual([]);
	});

	test('Country is a dropdown: "From the number" first, then countries by name with their codes', () => {
		const type = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('whatsAppCheck'), 1) as INodeType;
		const country = type.description.properties.find((property) => property.name === 'country')!;
		expect(country.type).toBe('options');
		expect(country.default).toBe('');
		expect(country.options?.[0]).toEqual({ name: 'From the number', value: '' });
		expect(country.options).toContainEqual({ name: 'Indonesia (+62)', value: 'ID' });
	});
});

describe('ask again until final', () => {
	test('a number being checked ends Registered or Not registered once the vendor knows', async () => {
		const { outputs } = await fx.run(
			check({ waitForFinal: 'poll', pollIntervalSeconds: 1, maxWaitSeconds: 15 }),
			numbers('+6281387300048', '+6281387300058'),
		);
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

describe('the WhatsApp Check Trigger node', () => {
	test('the trigger declares a GET webhook whose lifecycle needs nothing at the vendor', async () => {
		const type = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('whatsAppCheckTrigger'), 1) as INodeType;
		expect(type.description.webhooks).toEqual([expect.objectContaining({ httpMethod: 'GET', path: 'whatsapp' })]);
		expect(type.description.credentials).toEqual([expect.objectContaining({ name: 'aiSolutionApi', required: true })]);
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
