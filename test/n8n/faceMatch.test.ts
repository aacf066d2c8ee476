import type { INodeParameters } from 'n8n-workflow';
import { getOperation } from '../../core';
import { encodeMessageMarker } from '../../emulator';
import { makePng } from '../support/images';
import { branchesByItem, everything, itemFor } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';
import type { InputItem } from './support/inputNode';

/** Face Match in real workflow executions against the emulator. */

const [SAME, NOT_SAME, NOT_SURE, FAILED, ERROR_OUTPUT] = [0, 1, 2, 3, 4];
const VERDICT_BRANCH: Record<string, number> = { 'SAME PERSON': SAME, 'NOT SAME PERSON': NOT_SAME, 'NOT SURE': NOT_SURE };

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const png = (marker: string) => ({ bytes: makePng(200, 200, { marker }), mimeType: 'image/png', fileName: 'face.png' });
const pair = (marker: string, label = marker): InputItem => ({
	binary: { data: png(`${marker} idv:face=${label}-1`), data2: png(`idv:face=${label}-2`) },
});
const selfie = (marker: string): InputItem => ({ binary: { data: png(`${marker} idv:face=${marker}`) } });

const faceMatch = (parameters: INodeParameters, onError?: 'continueRegularOutput' | 'continueErrorOutput') => ({
	type: fx.pkg.type('faceMatch'),
	parameters,
	...(onError ? { onError } : {}),
});

describe.each([
	['compare', 'faceCompare', pair],
	['handHeldId', 'idHolding', selfie],
] as const)('%s: every documented answer lands on its output', (operation, operationId, input) => {
	const op = getOperation(operationId);

	test(`verdicts ${Object.keys(op.verdicts!.values).join(', ')}`, async () => {
		const verdicts = Object.keys(op.verdicts!.values);
		const { outputs } = await fx.run(
			faceMatch({ operation }),
			verdicts.map((verdict) => input(`idv:verdict=${verdict.replace(/ /g, '_')}`)),
		);
		expect(outputs).toHaveLength(4);
		const branches = branchesByItem(outputs, verdicts.length);
		expect(branches).toEqual(verdicts.map((verdict) => VERDICT_BRANCH[verdict]));
		verdicts.forEach((verdict, index) => {
			expect(itemFor(outputs, index).json).toMatchObject({
				vendorVerdict: op.verdicts!.values[verdict].label,
				judgedBy: 'vendor',
				similarity: expect.any(Number),
				status: 'OK',
				charged: true,
			});
		});
	});

	test(`statuses ${Object.keys(op.statuses).join(', ')} (and message overrides)`, async () => {
		const cases = [
			...Object.keys(op.statuses).map((status) => ({ status, marker: `idv:status=${status}` })),
			...Object.entries(op.messageOverrides ?? {}).flatMap(([status, byMessage]) =>
				Object.keys(byMessage).map((message) => ({ status, marker: `idv:status=${status} ${encodeMessageMarker(message)}` })),
			),
		];
		const { outputs, error } = await fx.run(
			faceMatch({ operation, options: { attempts: 1 } }, 'continueRegularOutput'),
			cases.map((c, i) => input(c.marker, `${c.status}-${i}`)),
		);
		expect(error).toBeUndefined();
		const branches = branchesByItem(outputs, cases.length);
		cases.forEach(({ status }, index) => {
			expect({ status, branch: branches[index] }).toEqual({ status, branch: status === 'OK' ? SAME : FAILED });
			expect(itemFor(outputs, index).json.status).toBe(status);
		});
		const overridden = cases.findIndex((c) => c.marker.includes('idv:message='));
		if (overridden >= 0) expect(itemFor(outputs, overridden).json.outcome).toBe('rejectedInput');
	});
});

describe('compare two faces', () => {
	test('the second image may be base64 text from the item', async () => {
		const base64 = png('idv:face=b64 idv:verdict=NOT_SAME_PERSON').bytes.toString('base64');
		const { outputs } = await fx.run(faceMatch({ operation: 'compare', image2Source: 'base64', image2Base64: '={{ $json.selfie }}' }), [
			{ json: { selfie: base64 }, binary: { data: png('idv:face=card') } },
		]);
		expect(outputs[NOT_SAME]).toHaveLength(1);
		expect(fx.emulator.accounting().calls).toHaveLength(1);
	});

	test('an own similarity threshold replaces the vendor judgment, and the item says so', async () => {
		const { outputs } = await fx.run(faceMatch({ operation: 'compare', options: { similarityThreshold: 80 } }), [
			pair('idv:verdict=SAME_PERSON idv:similarity=42.5', 'a'),
			pair('idv:verdict=NOT_SURE idv:similarity=91', 'b'),
			pair('idv:verdict=NOT_SAME_PERSON idv:similarity=80', 'c'),
		]);
		expect(branchesByItem(outputs, 3)).toEqual([NOT_SAME, SAME, SAME]);
		expect(itemFor(outputs, 0).json).toMatchObject({
			verdict: 'Not same person',
			vendorVerdict: 'Same person',
			judgedBy: 'threshold',
			threshold: 80,
			similarity: 42.5,
		});
		expect(itemFor(outputs, 1).json).toMatchObject({ verdict: 'Same person', vendorVerdict: 'Not sure', judgedBy: 'threshold' });
		expect(outputs[NOT_SURE]).toHaveLength(0);
	});

	test('a missing second file stops the run naming the property and the item', async () => {
		const { error } = await fx.run(faceMatch({ operation: 'compare' }), [pair('idv:face=ok'), { binary: { data: png('idv:face=alone') } }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Item 1 has no binary property "data2"');
	});

	test('with "Continue (using error output)" failures go to the error output and the rest to their outputs', async () => {
		const { outputs, error } = await fx.run(faceMatch({ operation: 'compare', options: { attempts: 1 } }, 'continueErrorOutput'), [
			pair('idv:status=RETRY_LATER', 'x'),
			pair('idv:verdict=NOT_SURE', 'y'),
			{ binary: { data: png('idv:face=alone') } },
		]);
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(5);
		expect(outputs[ERROR_OUTPUT].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(outputs[ERROR_OUTPUT][0].json).toMatchObject({ error: expect.stringMatching(/^AI Solution answered RETRY_LATER for item 0/) });
		// { error, message }: the shape every n8n version moves to the Error output without dropping the input fields.
		expect(outputs[ERROR_OUTPUT][0].json.message).toMatch(/Code: RETRY_LATER/);
		expect(outputs[NOT_SURE]).toHaveLength(1);
		expect(outputs[FAILED]).toHaveLength(0);
	});

	test('a vendor failure stops the run with NodeApiError naming the status and item, without the token', async () => {
		const { error, run } = await fx.run(faceMatch({ operation: 'compare', options: { attempts: 1 } }), [pair('idv:status=RETRY_LATER')]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/^AI Solution answered RETRY_LATER for item 0: /);
		expect(everything(run)).not.toContain(fx.credentials.aiSolutionApi.token);
	});

	test('the same pair in 10 items is one charged call', async () => {
		const item = pair('idv:verdict=SAME_PERSON', 'same');
		const { outputs } = await fx.run(
			faceMatch({ operation: 'compare' }),
			Array.from({ length: 10 }, () => item),
		);
		expect(outputs[SAME]).toHaveLength(10);
		expect(fx.emulator.accounting().totals.charged).toBe(1);
	});
});

describe('privacy options', () => {
	test('by default the images and the raw answer stay; switched off, both are left out', async () => {
		const kept = await fx.run(faceMatch({ operation: 'compare' }), [pair('idv:verdict=SAME_PERSON', 'keep')]);
		expect(kept.outputs[SAME][0].json).toHaveProperty('raw');
		expect(Object.keys(kept.outputs[SAME][0].binary ?? {})).toEqual(['data', 'data2']);
		const dropped = await fx.run(faceMatch({ operation: 'compare', options: { includeInputBinary: false, includeRawAnswer: false } }), [
			pair('idv:verdict=SAME_PERSON', 'drop'),
		]);
		expect(dropped.outputs[SAME][0].json).not.toHaveProperty('raw');
		expect(dropped.outputs[SAME][0].binary).toBeUndefined();
		expect(dropped.outputs[SAME][0].json).toMatchObject({ verdict: 'Same person', similarity: expect.any(Number) });
	});
});
