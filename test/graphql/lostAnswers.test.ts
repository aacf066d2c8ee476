import { makePng } from '../support/images';
import { sha256 } from '../../graphql/src/security/apiKeys';
import { KEYS, b64, startTestServer, vendorCalls, type TestServer } from './support';

/**
 * An answer lost after sending (a reset after billing, an answer slower than the timeout, a cut body) may have been
 * billed: the call reads charged UNKNOWN, keeps its unit of budget, and is never sent again on its own.
 */

const READ = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) {
	__typename ... on IdDocument { call { charged } } ... on Problem { code message call { charged attempts } }
} }`;
const ADD = `mutation($img: ImageInput!) { addFace(image: $img) { __typename ... on FaceAdded { personId call { charged } } ... on Problem { code message call { charged attempts } } } }`;

const BUDGET = 3;
const budgetKey = [{ name: 'main', sha256: sha256(KEYS.main), budgetPerDay: BUDGET, ratePerMinute: 10_000 }];
/** Distinct images, so that no call is reused from an earlier one. */
const image = (i: number) => ({ base64: b64(makePng(300 + i, 200)) });

let t: TestServer;
afterEach(() => t?.close());

async function readAll(count: number) {
	const results = [];
	for (let i = 0; i < count; i++) results.push((await t.gql(READ, { img: image(i) })).body.data.readDocument);
	return results;
}

describe.each([
	['resetAfterBilled', {}],
	['timeout', { holdMs: 1500 }],
	['cutBody', {}],
] as const)('a budget of %s charged calls under %s', (kind, extra) => {
	it(`is never exceeded: lost answers count as charged`, async () => {
		t = await startTestServer({ apiKeys: budgetKey, vendorTimeoutMs: 500 }, { listen: false });
		t.server.emulator!.setFaults({ burst: { kind, count: 2, operationId: 'deIdCard', ...extra } });
		const results = await readAll(6);
		// A held answer reaches the emulator's books when its hold ends.
		if ('holdMs' in extra) await new Promise((resolve) => setTimeout(resolve, extra.holdMs + 300));
		const lost = results.filter((r) => r.code === 'ANSWER_LOST');
		expect(lost).toHaveLength(2);
		for (const r of lost) expect(r.call).toMatchObject({ charged: 'UNKNOWN', attempts: 1 });
		expect(results.filter((r) => r.__typename === 'BudgetExceeded')).toHaveLength(6 - BUDGET);
		// The emulator billed the two lost answers and one answered call: the budget, not more.
		const { totals } = t.server.emulator!.accounting();
		expect(totals.charged).toBeLessThanOrEqual(BUDGET);
		expect(totals.duplicateCharged).toBe(0);
		expect(vendorCalls(t, 'deIdCard')).toHaveLength(BUDGET);
	});
});

it('a budget holds under a random mix of lost answers', async () => {
	t = await startTestServer({ apiKeys: budgetKey, vendorTimeoutMs: 500 }, { listen: false });
	t.server.emulator!.setFaults({ random: { seed: 7, probability: { resetAfterBilled: 0.2, timeout: 0.2, cutBody: 0.2 }, holdMs: 1500 } });
	const results = await readAll(8);
	await new Promise((resolve) => setTimeout(resolve, 1800));
	expect(t.server.emulator!.accounting().totals.charged).toBeLessThanOrEqual(BUDGET);
	expect(results.filter((r) => r.__typename === 'BudgetExceeded').length).toBeGreaterThanOrEqual(8 - BUDGET);
});

it('/metrics counts a lost answer as a charged call', async () => {
	t = await startTestServer({ apiKeys: budgetKey, vendorTimeoutMs: 500 }, { listen: false });
	t.server.emulator!.setFaults({ burst: { kind: 'resetAfterBilled', count: 1, operationId: 'deIdCard' } });
	await readAll(1);
	const metrics = await t.server.services.metrics.registry.metrics();
	expect(metrics).toMatch(/idverify_vendor_charged_calls_total\{operation="deIdCard",vendor="aisolution"\} 1/);
});

describe('addFace', () => {
	it('is never resent after a lost answer: the face is added once', async () => {
		t = await startTestServer({}, { listen: false });
		t.server.emulator!.setFaults({ burst: { kind: 'resetAfterBilled', count: 1, operationId: 'faceAdd' } });
		const { body } = await t.gql(ADD, { img: image(1) });
		// Adding a face is free, so the lost answer costs nothing; but the face may be stored, so it is not sent again.
		expect(body.data.addFace).toMatchObject({ code: 'ANSWER_LOST', call: { charged: 'NOT_CHARGED', attempts: 1 } });
		expect(vendorCalls(t, 'faceAdd')).toHaveLength(1);
		expect(t.server.emulator!.accounting().totals.duplicateApplied).toBe(0);
	});

	it('is resent only when the server is set to resend lost answers, and then may be added twice', async () => {
		t = await startTestServer({ resendLostAnswers: true }, { listen: false });
		t.server.emulator!.setFaults({ burst: { kind: 'resetAfterBilled', count: 1, operationId: 'faceAdd' } });
		const { body } = await t.gql(ADD, { img: image(2) });
		expect(body.data.addFace.__typename).toBe('FaceAdded');
		expect(vendorCalls(t, 'faceAdd')).toHaveLength(2);
		expect(t.server.emulator!.accounting().totals.duplicateApplied).toBe(1);
	});
});
