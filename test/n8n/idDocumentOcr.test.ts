import type { INodeParameters } from 'n8n-workflow';
import { documentOperations, needsReview, type Operation } from '../../core';
import { encodeMessageMarker } from '../../emulator';
import { makeGif, makePng } from '../support/images';
import { branchesByItem, everything, itemFor } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';
import type { InputItem } from './support/inputNode';

/**
 * ID Document OCR in real workflow executions (n8n-core's WorkflowExecute, the built package,
 * files in filesystem binary mode) against the emulator behind the credentials.
 */

const [RECOGNIZED, NEEDS_REVIEW, NOT_RECOGNIZED, REJECTED, FAILED, ERROR_OUTPUT] = [0, 1, 2, 3, 4, 5];
const OUTCOME_BRANCH = { success: RECOGNIZED, negative: NOT_RECOGNIZED, rejectedInput: REJECTED, failed: FAILED } as const;

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const card = (marker: string, fileName = 'card.png'): InputItem => ({
	binary: { data: { bytes: makePng(320, 200, { marker }), fileName, mimeType: 'image/png' } },
});

/** The parameters that choose an operation, as a person picks them in the dropdowns. */
function parametersFor(op: Operation): Record<string, string> {
	const document = `${op.document!.documentType}${op.document!.side === 'front' || op.document!.side === 'back' ? `_${op.document!.side.toUpperCase()}` : ''}`;
	const twoVendors = documentOperations(op.document!.country).filter((other) => other.document?.label === op.document?.label).length > 1;
	return { country: op.document!.country, document, ...(twoVendors ? { provider: op.id } : {}) };
}

const ocr = (parameters: INodeParameters, onError?: 'continueRegularOutput' | 'continueErrorOutput', typeVersion = 1) => ({
	type: fx.pkg.type('idDocumentOcr'),
	parameters,
	typeVersion,
	...(onError ? { onError } : {}),
});

describe('every documented status of every document lands on its output', () => {
	for (const op of documentOperations()) {
		test(`${op.id} (${op.vendor}): ${Object.keys(op.statuses).join(', ')}`, async () => {
			const statuses = Object.keys(op.statuses);
			const { outputs, error } = await fx.run(
				ocr({ ...parametersFor(op), options: { attempts: 1, rateLimitWaitSeconds: 0 } }, 'continueRegularOutput'),
				statuses.map((status) => card(`idv:status=${status}`)),
			);
			expect(error).toBeUndefined();
			expect(outputs).toHaveLength(5);
			const branches = branchesByItem(outputs, statuses.length);
			statuses.forEach((status, index) => {
				const item = itemFor(outputs, index);
				const rule = op.statuses[status];
				const expected = rule.outcome === 'success' && needsReview(item.json.checks as never) ? NEEDS_REVIEW : OUTCOME_BRANCH[rule.outcome];
				expect({ status, branch: branches[index] }).toEqual({ status, branch: expected });
				expect(item.json.status).toBe(status);
				expect(item.json.operation).toBe(op.id);
				expect(item.json.charged).toBe(rule.charged);
			});
			// Every call went to the vendor that serves the document.
			expect(new Set(fx.emulator.accounting().calls.map((call) => call.vendor))).toEqual(new Set([op.vendor]));
		});
	}

	test('an AccuAuth OK answer without a card in results is Not recognized', async () => {
		const { outputs } = await fx.run(ocr({ country: 'EC', document: 'ID_CARD' }), [card(encodeMessageMarker([]))]);
		expect(outputs[NOT_RECOGNIZED]).toHaveLength(1);
		expect(outputs[NOT_RECOGNIZED][0].json).toMatchObject({ status: 'OK', outcome: 'negative', verdict: 'Not recognized' });
	});
});

describe('Recognized items', () => {
	test('carry the canonical document, checks, raw vendor fields, status and charge', async () => {
		const { outputs } = await fx.run(ocr({ country: 'ID', document: 'ID_CARD', provider: 'idKtpAccuauth' }), [card('idv:face=ktp')]);
		const item = [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]][0];
		expect(item.json).toMatchObject({ status: 'OK', outcome: 'success', charged: true, operation: 'idKtpAccuauth', vendor: 'accuauth' });
		expect(typeof item.json.requestId).toBe('string');
		expect(item.json.raw).toMatchObject({ id_number: expect.any(String), name: expect.any(String) });
		expect(item.json).toHaveProperty('document');
		expect(item.json).toHaveProperty('checks');
		// The input file goes on with the result by default.
		expect(item.binary?.data?.fileName).toBe('card.png');
	});

	test('"Output fields" keeps only the chosen vendor fields, nested ones included', async () => {
		const { outputs } = await fx.run(ocr({ country: 'EC', document: 'ID_CARD', outputFields: ['card_side', 'card_info.id_number'] }), [
			card('idv:face=ec'),
		]);
		const item = [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]][0];
		expect(item.json.raw).toEqual({ card_side: 'front', card_info: { id_number: expect.any(String) } });
	});

	test("Ecuador's detect_face asks for the face region", async () => {
		const { outputs } = await fx.run(ocr({ country: 'EC', document: 'ID_CARD', detectFace: true }), [card('idv:face=ec')]);
		const item = [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]][0];
		expect(item.json.raw).toHaveProperty('face_region');
		const without = await fx.run(ocr({ country: 'EC', document: 'ID_CARD' }), [card('idv:face=ec2')]);
		expect([...without.outputs[RECOGNIZED], ...without.outputs[NEEDS_REVIEW]][0].json.raw).not.toHaveProperty('face_region');
	});

	test('"Include input binary" off leaves the file behind', async () => {
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { includeInputBinary: false } }), [
			card('idv:face=x'),
		]);
		expect([...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]][0].binary).toBeUndefined();
	});

	test('a base64 text works as well as a binary file', async () => {
		const base64 = makePng(320, 200, { marker: 'idv:face=b64' }).toString('base64');
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', imageSource: 'base64', base64: '={{ $json.image }}' }), [
			{ json: { image: base64 } },
		]);
		expect([...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]]).toHaveLength(1);
	});
});

describe('Needs review', () => {
	test('a recognized document whose check failed (expired) goes to Needs review with the reason', async () => {
		const expired = encodeMessageMarker({
			CardNumber: 'LO1X00T47',
			Surname: 'MUSTERMANN',
			GivenNames: 'ERIKA',
			DateOfBirth: '12.08.1964',
			PlaceOfBirth: 'BERLIN',
			DateOfExpiry: '01.08.2010',
			Nationality: 'DEUTSCH',
		});
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD' }), [card(expired)]);
		expect(outputs[RECOGNIZED]).toHaveLength(0);
		expect(outputs[NEEDS_REVIEW]).toHaveLength(1);
		const item = outputs[NEEDS_REVIEW][0].json;
		expect(item).toMatchObject({ verdict: 'Needs review', outcome: 'success', status: 'OK' });
		expect(item.reviewReasons).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'notExpired' })]));
	});
});

describe('Rejected input', () => {
	test('a missing binary property is named with the item, and costs nothing', async () => {
		const { outputs, error } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', binaryPropertyName: 'attachment' }), [
			card('idv:face=a'),
			{ json: { note: 'no file' } },
		]);
		expect(error).toBeUndefined();
		expect(outputs[REJECTED]).toHaveLength(2);
		expect((outputs[REJECTED][0].json.problem as { message: string }).message).toBe(
			'Item 0 has no binary property "attachment"; this item has "data"',
		);
		expect((outputs[REJECTED][1].json.problem as { message: string }).message).toBe(
			'Item 1 has no binary property "attachment"; this item has no binary data',
		);
		expect(fx.emulator.accounting().totals.calls).toBe(0);
	});

	test('a file that is not an image is rejected before any call, naming the property and item', async () => {
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD' }), [
			{ binary: { data: { bytes: Buffer.from('not an image at all'), fileName: 'note.txt', mimeType: 'text/plain' } } },
			{ binary: { data: { bytes: makeGif(), fileName: 'x.gif', mimeType: 'image/gif' } } },
		]);
		expect(outputs[REJECTED]).toHaveLength(2);
		for (const [index, item] of outputs[REJECTED].entries()) {
			expect(item.json).toMatchObject({ outcome: 'rejectedInput', charged: false, status: null });
			expect((item.json.problem as { message: string; code: string }).code).toBe('IMAGE_FORMAT_NOT_SUPPORTED');
			expect((item.json.problem as { message: string }).message).toContain(`item ${index}, binary property "data"`);
		}
		expect(fx.emulator.accounting().totals.calls).toBe(0);
	});

	test('an image too small for AccuAuth is rejected with the limit and the value', async () => {
		const { outputs } = await fx.run(ocr({ country: 'EC', document: 'ID_CARD' }), [
			{ binary: { data: { bytes: makePng(64, 64), mimeType: 'image/png' } } },
		]);
		expect(outputs[REJECTED][0].json.problem).toMatchObject({ code: 'IMAGE_TOO_SMALL', limit: '128×128 px', value: '64×64 px' });
	});
});

describe('failures', () => {
	test('stop the run by default with NodeApiError naming the vendor status, reason and item', async () => {
		const { outputs, error } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }), [
			card('idv:face=ok'),
			card('idv:status=RETRY_LATER'),
		]);
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/^AI Solution answered RETRY_LATER for item 1: /);
		expect(everything(error)).not.toContain(fx.credentials.aiSolutionApi.token);
	});

	test('retryable answers are retried (per the core) before the item fails', async () => {
		fx.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 2 } });
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 3 } }), [card('idv:face=retry')]);
		expect([...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]]).toHaveLength(1);
		expect(fx.emulator.accounting().totals.calls).toBe(3);
	});

	test('go to the Failed output with "On Error: Continue"', async () => {
		const { outputs, error } = await fx.run(
			ocr({ country: 'EC', document: 'ID_CARD', options: { attempts: 1 } }, 'continueRegularOutput'),
			[card('idv:status=OUT_OF_QUOTA'), card('idv:face=fine')],
		);
		expect(error).toBeUndefined();
		expect(outputs[FAILED]).toHaveLength(1);
		expect(outputs[FAILED][0].json).toMatchObject({ verdict: 'Failed', status: 'OUT_OF_QUOTA', outcome: 'failed', charged: false });
		expect(outputs[FAILED][0].json.error).toMatch(/^AccuAuth answered OUT_OF_QUOTA for item 0: /);
	});

	test('go to the error output with "Continue (using error output)", the rest on their outputs', async () => {
		const { outputs, error } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, 'continueErrorOutput'), [
			card('idv:face=one'),
			card('idv:status=RETRY_LATER'),
			card('idv:status=FAIL'),
		]);
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(6);
		expect(outputs[FAILED]).toHaveLength(0);
		expect(outputs[ERROR_OUTPUT]).toHaveLength(1);
		// { error, message }: the shape every n8n version moves to the Error output, merged with the input item's fields.
		expect(outputs[ERROR_OUTPUT][0].json.error).toMatch(/RETRY_LATER for item 1/);
		expect(outputs[ERROR_OUTPUT][0].json.message).toMatch(/Code: RETRY_LATER/);
		expect(outputs[ERROR_OUTPUT][0].pairedItem).toEqual({ item: 1 });
		expect(outputs[NOT_RECOGNIZED]).toHaveLength(1);
		expect(outputs[RECOGNIZED].length + outputs[NEEDS_REVIEW].length).toBe(1);
	});

	test('an unreachable vendor fails with a network reason and never shows the token', async () => {
		const token = fx.credentials.aiSolutionApi.token;
		const { runNode } = await import('./support/run');
		const credentials = { ...fx.credentials, aiSolutionApi: { token, baseUrl: 'http://127.0.0.1:9/v1' } };
		const result = await runNode(
			fx.pkg,
			credentials,
			{ ...ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1, timeoutMs: 2000 } }, 'continueRegularOutput') },
			[card('idv:face=z')],
		);
		expect(result.outputs[FAILED]).toHaveLength(1);
		expect(result.outputs[FAILED][0].json.problem).toMatchObject({ code: 'NETWORK_ERROR' });
		expect(everything(result.run)).not.toContain(token);
	});
});

describe('every item, once, in order', () => {
	test('a mixed batch: each item on exactly one output, pairedItem set, order kept within each output', async () => {
		const markers = [
			'idv:face=0',
			'idv:status=FAIL',
			'idv:status=INVALID_REQUEST',
			'idv:face=3',
			'idv:status=RETRY_LATER',
			'idv:status=IMAGE_RECOGNIZE_ERROR',
			'idv:face=6',
			'idv:status=IMAGE_INVALID_FORMAT',
			'idv:face=8',
		];
		const items = markers.map((marker) => card(marker));
		items.splice(4, 0, { json: {} }); // an item without a file
		const { outputs } = await fx.run(
			ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1, concurrency: 3 } }, 'continueRegularOutput'),
			items,
		);
		const branches = branchesByItem(outputs, items.length);
		const success = (b: number) => b === RECOGNIZED || b === NEEDS_REVIEW;
		// INVALID_REQUEST for an input that passed every local check points at the credentials: Failed, not Rejected input.
		expect(branches.map((b) => (success(b) ? 'ok' : b))).toEqual([
			'ok',
			NOT_RECOGNIZED,
			FAILED,
			'ok',
			REJECTED,
			FAILED,
			NOT_RECOGNIZED,
			'ok',
			REJECTED,
			'ok',
		]);
	});

	test('the same image in 20 items is one charged call; the other 19 say they were reused', async () => {
		const image = makePng(320, 200, { marker: 'idv:face=same' });
		const items = Array.from({ length: 20 }, () => ({ binary: { data: { bytes: image, mimeType: 'image/png' } } }));
		const { outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD' }), items);
		const recognized = [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]];
		expect(recognized).toHaveLength(20);
		expect(recognized.filter((item) => item.json.reused === false)).toHaveLength(1);
		const { totals } = fx.emulator.accounting();
		expect(totals.calls).toBe(1);
		expect(totals.charged).toBe(1);
		expect(totals.duplicateCharged).toBe(0);
	});
});

describe('binary data in filesystem mode', () => {
	test('files are stored by the binary-data service, not inline, and the node reads them through it', async () => {
		const { run, outputs } = await fx.run(ocr({ country: 'DE', document: 'ID_CARD' }), [card('idv:face=fs')]);
		const input = run.data.resultData.runData.Input[0].data!.main[0]![0];
		expect(input.binary?.data.id).toMatch(/^filesystem(-v2)?:/);
		expect(input.binary?.data.data).not.toBe(makePng(320, 200, { marker: 'idv:face=fs' }).toString('base64'));
		const recognized = [...outputs[RECOGNIZED], ...outputs[NEEDS_REVIEW]];
		expect(recognized).toHaveLength(1);
		expect(fx.emulator.accounting().calls[0].imageSha256).toBeTruthy();
	});
});

describe('secrets', () => {
	test('neither the token nor the API secret appears in any output or error', async () => {
		const runs = await Promise.all([
			fx.run(ocr({ country: 'DE', document: 'ID_CARD', options: { attempts: 1 } }, 'continueRegularOutput'), [
				card('idv:status=RETRY_LATER'),
				card('idv:face=s'),
				{ json: {} },
			]),
			fx.run(ocr({ country: 'EC', document: 'ID_CARD', options: { attempts: 1 } }, 'continueErrorOutput'), [
				card('idv:status=UNAUTHORIZED'),
				card('idv:status=INVALID_ARGUMENT'),
			]),
			fx.run(ocr({ country: 'ID', document: 'ID_CARD', provider: 'idKtpAccuauth', options: { attempts: 1 } }), [
				card('idv:status=KEY_EXPIRED'),
			]),
		]);
		const text = everything(runs.map((r) => r.run));
		for (const secret of [fx.credentials.aiSolutionApi.token, fx.credentials.accuAuthApi.apiSecret]) expect(text).not.toContain(secret);
	});
});

describe('throughput options reach the core', () => {
	test('concurrency: 20 items at 250 ms latency finish far faster than one after another', async () => {
		fx.emulator.setFaults({ latencyMs: 250 });
		const started = Date.now();
		const { outputs } = await fx.run(
			ocr({ country: 'DE', document: 'ID_CARD', options: { concurrency: 10 } }),
			Array.from({ length: 20 }, (_, i) => card(`idv:face=c${i}`)),
		);
		const elapsed = Date.now() - started;
		expect(outputs[RECOGNIZED].length + outputs[NEEDS_REVIEW].length).toBe(20);
		// Ideal: 20 × 250 ms / 10 = 500 ms; one at a time: 5 s.
		expect(elapsed).toBeLessThan(3500);
	});

	test('requests per second: under a vendor limit of 10/s every item is recognized, none rate-limited', async () => {
		fx.emulator.setFaults({ rateLimit: { accuauth: 10 } });
		const started = Date.now();
		const { outputs } = await fx.run(
			ocr({ country: 'EC', document: 'ID_CARD', options: { requestsPerSecond: 10, attempts: 1 } }, 'continueRegularOutput'),
			Array.from({ length: 30 }, (_, i) => card(`idv:face=r${i}`)),
		);
		const elapsed = Date.now() - started;
		expect(outputs[FAILED]).toHaveLength(0);
		expect(outputs[RECOGNIZED].length + outputs[NEEDS_REVIEW].length).toBe(30);
		expect(fx.emulator.accounting().calls.filter((call) => call.fault === 'rateLimit')).toHaveLength(0);
		// 30 requests at 10/s take about 3 s (the first second's worth may go at once).
		expect(elapsed).toBeGreaterThan(1800);
	}, 20_000);
});
