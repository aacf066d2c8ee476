import { OPERATIONS, countryByCode, type Operation, type StatusRule } from '../../core';
import { makePng } from '../support/images';
import { startSandbox, type Sandbox } from '../support/sandbox';

/**
 * Every documented status of every image operation, through the real client against the emulator:
 * outcome, charged flag and parsed fields. Markers in the image pick the emulator's answer.
 */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

const imageOps = OPERATIONS.filter((op) => op.inputs.some((i) => i.type === 'image'));

/** A valid input for the operation whose images carry the marker. */
function inputFor(op: Operation, marker: string) {
	const input: Record<string, unknown> = {};
	// th_ocr/general serves both Thai cards: `idv:card` says which one the emulator reads.
	for (const spec of op.inputs) if (spec.type === 'image') input[spec.name] = makePng(400, 300, { marker: `${marker} idv:card=${op.id}` });
	return input;
}

/** Every (marker, expected rule) pair an operation documents. */
function cases(op: Operation): [string, string, StatusRule][] {
	const out: [string, string, StatusRule][] = [];
	for (const [status, rule] of Object.entries(op.statuses)) {
		if (status === 'OK' && op.verdicts) {
			if (op.vendor === 'accuauth') out.push(['OK', 'idv:status=OK', op.verdicts.values.recognized]);
			// Face search's verdict depends on the face store: see "face store" below.
			if (op.kind === 'faceSearch') continue;
			for (const [verdict, verdictRule] of Object.entries(op.verdicts.values)) {
				if (op.vendor === 'accuauth') continue;
				out.push([`OK/${verdict}`, `idv:status=OK idv:verdict=${verdict.replace(/ /g, '_')}`, verdictRule]);
			}
		} else out.push([status, `idv:status=${status}`, rule]);
	}
	return out;
}

describe.each(imageOps.map((op) => [op.id, op] as const))('%s', (_id, op) => {
	it.each(cases(op))('%s', async (status, marker, rule) => {
		// A certain rate limit is waited out for as long as the client allows, then reported (free).
		const result = await sandbox.client({ rateLimitWaitMs: 300 }).call(op.id, inputFor(op, marker));
		expect(result.outcome).toBe(rule.outcome);
		expect(result.charged).toBe(rule.charged);
		expect(result.status).toBe(status.split('/')[0]);
		if (rule.rateLimit === true) {
			expect(result.problem?.code).toBe('RATE_LIMITED');
			expect(result.attempts).toBeGreaterThan(1);
			expect(sandbox.emulator.accounting().totals.charged).toBe(0);
			return;
		}
		const expectedAttempts = rule.retryable ? 3 : 1;
		expect(result.attempts).toBe(expectedAttempts);
		expect(sandbox.emulator.accounting().totals.calls).toBe(expectedAttempts);
		if (rule.outcome === 'success') expect(result.problem).toBeNull();
		if (rule.outcome === 'rejectedInput' || rule.outcome === 'failed') expect(result.problem?.vendorStatus).toBe(status.split('/')[0]);
	});

	if (op.fields.length > 0 && op.kind !== 'faceSearch') {
		it('parses the documented success answer', async () => {
			const result = await sandbox.client().call(op.id, inputFor(op, 'idv:status=OK'));
			expect(result.outcome).toBe('success');
			// The face store hands out real ids and counts; everything else answers the documented sample.
			if (op.kind === 'faceAdd')
				expect(Object.keys(result.data as object).sort()).toEqual(
					Object.keys(op.sample as object)
						.filter((key) => !op.withheld?.includes(key))
						.sort(),
				);
			else expect(result.data).toEqual(op.sample);
			if (op.vendor === 'accuauth') expect(result.requestId).toMatch(/\S/);
			if (op.kind === 'ocr') {
				// Recognized documents come back canonical and checked (details in test/normalize).
				expect(result.document).toMatchObject({
					issuingCountry: countryByCode(op.document!.country)!.alpha3,
					documentType: op.document!.documentType,
				});
				expect(Object.keys(result.checks ?? {}).length).toBeGreaterThan(0);
			}
		});
	}
});

describe('answers with nothing in them', () => {
	it.each(['idKtpAccuauth', 'ecIdCard'])('an AccuAuth OK with no card is "not recognized", and billed (%s)', async (operationId) => {
		const empty = Buffer.from(JSON.stringify([])).toString('base64url');
		const result = await sandbox.client().call(operationId, { image: makePng(400, 300, { marker: `idv:message=${empty}` }) });
		expect(result).toMatchObject({ outcome: 'negative', verdict: 'Not recognized', charged: true, data: null });
	});

	it('a face search with no match is "no match", and billed', async () => {
		const result = await sandbox.client().call('faceSearch', { img: makePng(400, 300, { marker: 'idv:status=OK' }) });
		expect(result).toMatchObject({ outcome: 'negative', verdict: 'No match', charged: true });
	});

	it('facecompare RETRY_LATER with IMAGEB_FACE_DETECT_FAILED is a rejected input, not retried', async () => {
		const message = Buffer.from(JSON.stringify('IMAGEB_FACE_DETECT_FAILED')).toString('base64url');
		const result = await sandbox
			.client()
			.call('faceCompare', inputFor(OPERATIONS.find((o) => o.id === 'faceCompare')!, `idv:status=RETRY_LATER idv:message=${message}`));
		expect(result).toMatchObject({ outcome: 'rejectedInput', charged: false, attempts: 1, status: 'RETRY_LATER' });
	});
});

describe('face store', () => {
	it('adds a face, finds it, deletes it, and then does not find the person', async () => {
		const client = sandbox.client();
		const face = makePng(400, 300, { marker: 'idv:face=alice' });
		const added = await client.call('faceAdd', { img: face });
		expect(added).toMatchObject({ outcome: 'success', verdict: 'Added', charged: false });
		const personId = (added.data as { person_id: string }).person_id;
		const found = await client.call('faceSearch', { img: face });
		expect(found).toMatchObject({ outcome: 'success', verdict: 'Match found', charged: true });
		expect(found.data).toEqual([expect.objectContaining({ person_id: personId })]);
		const deleted = await client.call('faceDelete', { person_id: personId });
		expect(deleted).toMatchObject({ outcome: 'success', verdict: 'Deleted', charged: false });
		const again = await client.call('faceDelete', { person_id: personId });
		expect(again).toMatchObject({ outcome: 'negative', verdict: 'Person not found', status: 'PERSON_ID_NOT_EXIST' });
	});
});
