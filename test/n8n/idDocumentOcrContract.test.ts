import type { INodeParameters } from 'n8n-workflow';
import { encodeMessageMarker } from '../../emulator';
import { makePng } from '../support/images';
import { branchesByItem } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';
import type { InputItem } from './support/inputNode';

/**
 * ID Document OCR under the core's call contract, in real executions: lost answers are never paid twice, an unknown
 * rate limit is learned, a wrong token never looks like a bad photo; and the node's version 2 and privacy options.
 */

const [RECOGNIZED, NEEDS_REVIEW, NOT_RECOGNIZED, REJECTED, FAILED] = [0, 1, 2, 3, 4];

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const card = (marker: string): InputItem => ({
	binary: { data: { bytes: makePng(320, 200, { marker }), fileName: 'card.png', mimeType: 'image/png' } },
});
const ocr = (parameters: INodeParameters, onError?: 'continueRegularOutput' | 'continueErrorOutput', typeVersion = 1) => ({
	type: fx.pkg.type('idDocumentOcr'),
	parameters,
	typeVersion,
	...(onError ? { onError } : {}),
});
const recognized = (outputs: { json: Record<string, unknown> }[][]) => [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]];

describe('a lost answer is never paid twice', () => {
	const faults = [
		{ kind: 'resetAfterBilled', options: {} },
		{ kind: 'timeout', holdMs: 1500, options: { timeoutMs: 1000 } },
		{ kind: 'cutBody', options: {} },
	] as const;
	for (const fault of faults) {
		test(`${fault.kind}: the item is Failed with charged "unknown" (ANSWER_LOST), sent once`, async () => {
			fx.emulator.setFaults({ burst: { kind: fault.kind, count: 1, ...('holdMs' in fault ? { holdMs: fault.holdMs } : {}) } });
			const { outputs, error } = await fx.run(
				ocr({ country: 'DE', document: 'ID_CARD', options: { ...fault.options } }, 'continueRegularOutput'),
				[card(`idv:face=${fault.kind}`)],
			);
			expect(error).toBeUndefined();
			expect(outputs[FAILED]).toHaveLength(1);
			expect(outputs[FAILED][0].json).toMatchObject({
				verdict: 'Failed',
				outcome: 'failed',
				charged: 'unknown',
				problem: { code: 'ANSWER_LOST' },
			});
			// A held answer is accounted when the emulator lets it go.
			if ('holdMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.holdMs));
			const { totals } = fx.emulator.accounting();
			expect(totals.calls).toBe(1);
			expect(totals.duplicateCharged).toBe(0);
		}, 20_000);
	}

	test('with "Resend when the answer is lost" on, the item is sent again and the duplicate is counted', async () => {
		fx.emulator.setFaults({ burst: { kind: 'resetAfterBilled', count: 1 } });
		const { outputs } = await fx.run(
			ocr({ country: 'DE', document: 'ID_CARD', options: { resendLostAnswers: true } }, 'continueRegularOutput'),
			[card('idv:face=resend')],
		);
		expect(recognized(outputs)).toHaveLength(1);
		const { totals } = fx.emulator.accounting();
		expect(totals.calls).toBe(2);
		expect(totals.duplicateCharged).toBe(1);
	});
});

test('an unknown rate limit: 60 items at the default options against AccuAuth at 10/s all end Recognized, none paid twice', async () => {
	fx.emulator.setFaults({ rateLimit: { accuauth: 10 } });
	const { outputs, error } = await fx.run(
		// Indonesia's KTP read by AccuAuth (Ecuador's detect_face flag is refused by the emulator for now).
		ocr({ country: 'ID', document: 'ID_CARD', provider: 'idKtpAccuauth' }, 'continueRegularOutput'),
		Array.from({ length: 60 }, (_, i) => card(`idv:face=rl${i}`)),
	);
	expect(error).toBeUndefined();
	expect(outputs[FAILED]).toHaveLength(0);
	expect(recognized(outputs)).toHaveLength(60);
	expect(fx.emulator.accounting().totals.duplicateCharged).toBe(0);
}, 60_000);

describe('a wrong AI Solution token never looks like a bad photo', () => {
	for (const reading of ['invalidRequest', 'invalidRequestNamingToken', 'invalidToken', 'http401', 'http403'] as const) {
		test(`${reading}: Failed, naming the credential; nothing on Rejected input`, async () => {
			fx.emulator.setReadings({ wrongToken: reading });
			const credentials = { ...fx.credentials, aiSolutionApi: { ...fx.credentials.aiSolutionApi, token: 'not-the-token' } };
			const { runNode } = await import('./support/run');
			const { outputs } = await runNode(fx.pkg, credentials, ocr({ country: 'DE', document: 'ID_CARD' }, 'continueRegularOutput'), [
				card('idv:face=t1'),
				card('idv:face=t2'),
			]);
			expect(outputs[REJECTED]).toHaveLength(0);
			expect(outputs[FAILED]).toHaveLength(2);
			for (const item of outputs[FAILED]) {
				expect(item.json.verdict).toBe('Failed');
				expect(String(item.json.error)).toMatch(/AI Solution API|credential/);
				expect(JSON.stringify(item.json)).not.toContain('not-the-token');
			}
		});
	}
});

describe('version 2', () => {
	test('has no Failed output: On Error = Stop stops the run, and nothing can wait on an empty output', async () => {
		const { outputs, error } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, undefined, 2), [
			card('idv:status=RETRY_LATER'),
		]);
		expect(outputs).toEqual([]);
		expect(error?.message).toMatch(/RETRY_LATER/);
	});

	test('"Continue (using error output)": four outputs and n8n\'s Error output, which gets the failure with the input fields', async () => {
		const items = [card('idv:face=v2'), card('idv:status=RETRY_LATER'), card('idv:status=FAIL')];
		items[1].json = { applicant: 'A-2' };
		const { outputs, error } = await fx.run(
			ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, 'continueErrorOutput', 2),
			items,
		);
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(5);
		expect(outputs[4]).toHaveLength(1);
		// { error, message }, merged by n8n with the input item's fields: nothing of the input is lost.
		expect(outputs[4][0].json).toMatchObject({ applicant: 'A-2', error: expect.stringMatching(/RETRY_LATER for item 1/) });
		expect(outputs[4][0].error).toBeUndefined();
		expect(branchesByItem(outputs, 3)).toEqual([expect.any(Number), 4, NOT_RECOGNIZED]);
	});

	test('"Continue (regular output)": a failure leaves on the first output, as in n8n\'s own nodes, marked Failed', async () => {
		const { outputs, error } = await fx.run(
			ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, 'continueRegularOutput', 2),
			[card('idv:status=RETRY_LATER')],
		);
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(4);
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json).toMatchObject({
			verdict: 'Failed',
			outcome: 'failed',
			status: 'RETRY_LATER',
			error: expect.stringMatching(/RETRY_LATER/),
		});
	});

	test('a new node has no country: n8n refuses to run it instead of reading a Colombian cédula', async () => {
		await expect(fx.run(ocr({ document: 'ID_CARD' }, undefined, 2), [card('idv:face=nocountry')])).rejects.toThrow(
			/Parameter "Country" is required/,
		);
		expect(fx.emulator.accounting().totals.calls).toBe(0);
	});
});

describe('every branch says why', () => {
	test('Not recognized carries the vendor status and message as problem', async () => {
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }), [card('idv:status=FAIL')]);
		expect(outputs[NOT_RECOGNIZED]).toHaveLength(1);
		expect(outputs[NOT_RECOGNIZED][0].json.problem).toMatchObject({ code: 'FAIL', vendorStatus: 'FAIL', message: expect.any(String) });
	});

	test('Rejected input items say Rejected input; Failed items say Failed', async () => {
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, 'continueRegularOutput'), [
			{ json: {} },
			card('idv:status=RETRY_LATER'),
		]);
		expect(outputs[REJECTED][0].json.verdict).toBe('Rejected input');
		expect(outputs[FAILED][0].json.verdict).toBe('Failed');
	});
});

describe('privacy options', () => {
	const anna = encodeMessageMarker({
		CardNumber: 'L01X00T47',
		Surname: 'MUSTERMANN',
		GivenNames: 'ERIKA',
		DateOfBirth: '12.08.1964',
		PlaceOfBirth: 'BERLIN',
		DateOfExpiry: '01.08.2040',
		Nationality: 'DEUTSCH',
	});

	test('by default the image, the raw answer and the full number stay in the output', async () => {
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD' }), [card(anna)]);
		const [item] = recognized(outputs);
		expect(item.json.raw).toBeTruthy();
		expect((item.json.document as { documentNumber: string }).documentNumber).toBe('L01X00T47');
		expect((item as { binary?: unknown }).binary).toBeDefined();
	});

	test('image off, raw answer off, numbers masked: checks ran on the full number, the output keeps the last four', async () => {
		const options = { includeInputBinary: false, includeRawAnswer: false, personalNumbers: 'masked' };
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options }), [card(anna)]);
		const [item] = recognized(outputs);
		expect((item as { binary?: unknown }).binary).toBeUndefined();
		expect(item.json).not.toHaveProperty('raw');
		expect((item.json.document as { documentNumber: string }).documentNumber).toBe('*****0T47');
		expect(JSON.stringify(item.json)).not.toContain('L01X00T47');
		expect(JSON.stringify(item.json)).toContain('0T47');
		// The checks ran on the full number, before it was masked.
		expect((item.json.checks as Record<string, { result: boolean | null }>).documentNumberFormat?.result).toBe(true);
	});
});
