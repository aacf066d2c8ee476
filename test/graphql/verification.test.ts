import { decide, type Parts, type Policy } from '../../graphql/src/modules/verification/decide';
import { makePng } from '../support/images';
import { b64, startTestServer, vendorCalls, type TestServer } from './support';

const policy: Policy = { minimumSimilarity: 80, requiredChecks: [], requireWhatsapp: false };
const doc = (checks: Record<string, { result: boolean | null; reason: string }> = {}) =>
	({ __typename: 'GermanIdCard', checks }) as unknown as Parts['document'];
const face = (verdict: string, similarity: number | null, samePerson = verdict === 'SAME_PERSON') => ({
	__typename: 'FaceComparison' as const,
	verdict,
	similarity,
	samePerson,
});
const problem = (__typename: string, code = 'X') => ({ __typename, code, message: 'm' });
const parts = (over: Partial<Parts>): Parts => ({ document: doc(), faceMatch: null, idHolding: null, whatsapp: null, ...over });

describe('decide', () => {
	it('APPROVED when everything passed', () => {
		expect(decide(parts({ faceMatch: face('SAME_PERSON', 97) }), policy)).toEqual({ decision: 'APPROVED', reasons: [] });
	});

	it('REJECTED for a document that was not recognized or an input to fix', () => {
		expect(decide(parts({ document: problem('NotRecognized') }), policy).reasons[0]).toMatchObject({
			decision: 'REJECTED',
			code: 'DOCUMENT_NOT_RECOGNIZED',
		});
		expect(decide(parts({ document: problem('RejectedInput') }), policy).decision).toBe('REJECTED');
	});

	it('REVIEW when a call could not be made (vendor down, budget spent): never a silent pass', () => {
		expect(decide(parts({ document: problem('VendorUnavailable') }), policy).reasons[0]).toMatchObject({
			decision: 'REVIEW',
			code: 'DOCUMENT_UNAVAILABLE',
		});
		expect(decide(parts({ faceMatch: problem('BudgetExceeded', 'BUDGET_EXCEEDED') }), policy).decision).toBe('REVIEW');
	});

	it('required checks: failed rejects, could not run reviews; other failed checks review', () => {
		const checks = {
			notExpired: { result: false, reason: 'expired on 2020-01-01' },
			documentNumberChecksum: { result: null, reason: 'no number' },
			ageOver: { result: false, reason: 'under 18' },
		};
		const result = decide(parts({ document: doc(checks) }), { ...policy, requiredChecks: ['notExpired', 'documentNumberChecksum'] });
		expect(result.decision).toBe('REJECTED');
		expect(result.reasons.map((r) => [r.code, r.check, r.decision])).toEqual([
			['CHECK_FAILED', 'notExpired', 'REJECTED'],
			['CHECK_NOT_RUN', 'documentNumberChecksum', 'REVIEW'],
			['CHECK_FAILED', 'ageOver', 'REVIEW'],
		]);
		expect(decide(parts({ document: doc({}) }), { ...policy, requiredChecks: ['notExpired'] }).reasons[0]).toMatchObject({
			code: 'CHECK_NOT_RUN',
			decision: 'REVIEW',
		});
	});

	it('faces: below the minimum similarity or NOT_SAME_PERSON rejects, NOT_SURE reviews', () => {
		expect(decide(parts({ faceMatch: face('SAME_PERSON', 79.9) }), policy).reasons[0]).toMatchObject({
			code: 'FACE_MISMATCH',
			decision: 'REJECTED',
		});
		expect(decide(parts({ faceMatch: face('NOT_SAME_PERSON', 90) }), policy).decision).toBe('REJECTED');
		expect(decide(parts({ idHolding: face('NOT_SURE', 85) }), policy).reasons[0]).toMatchObject({
			code: 'HOLDING_NOT_SURE',
			decision: 'REVIEW',
		});
	});

	it('WhatsApp only counts when the policy requires it', () => {
		const no = { __typename: 'WhatsappCheck' as const, status: 'NO', registered: false };
		const checking = { __typename: 'WhatsappCheck' as const, status: 'CHECKING', registered: null };
		expect(decide(parts({ whatsapp: no }), policy).decision).toBe('APPROVED');
		const required = { ...policy, requireWhatsapp: true };
		expect(decide(parts({ whatsapp: no }), required).reasons[0]).toMatchObject({ code: 'WHATSAPP_NOT_REGISTERED', decision: 'REJECTED' });
		expect(decide(parts({ whatsapp: checking }), required).decision).toBe('REVIEW');
		expect(decide(parts({}), required).reasons[0]).toMatchObject({ code: 'WHATSAPP_REQUIRED', decision: 'REJECTED' });
	});
});

describe('verification', () => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer({}, { listen: false });
	});
	afterAll(() => t.close());
	beforeEach(() => t.server.emulator!.reset());

	const QUERY = `query($input: VerificationInput!) { verification(input: $input) {
		decision reasons { code decision check }
		document { __typename } faceMatch { __typename ... on FaceComparison { similarity verdict } } idHolding { __typename } whatsapp { __typename ... on WhatsappCheck { status } }
	} }`;
	const img = (marker: string) => ({ base64: b64(makePng(400, 300, { marker })) });

	it('runs document, selfie, hand-held ID and phone concurrently in one request and decides', async () => {
		const input = {
			document: 'SE_ID_CARD',
			documentImage: img('idv:face=card'),
			selfie: img('idv:face=me'),
			holdingSelfie: img('idv:face=holding'),
			phone: '+6281234567890',
			policy: { requireWhatsapp: true },
		};
		const { body } = await t.gql(QUERY, { input });
		expect(body.errors).toBeUndefined();
		const v = body.data.verification;
		expect(v.document.__typename).toBe('SwedishIdCard');
		expect(v.faceMatch.__typename).toBe('FaceComparison');
		expect(v.idHolding.__typename).toBe('FaceComparison');
		expect(v.whatsapp).toEqual({ __typename: 'WhatsappCheck', status: 'YES' });
		expect(v.reasons.filter((r: { decision: string }) => r.decision === 'REJECTED')).toEqual([]);
		expect(
			vendorCalls(t)
				.map((c) => c.operationId)
				.sort(),
		).toEqual(['faceCompare', 'idHolding', 'seIdCard', 'whatsappCheck']);
	});

	it('rejects a selfie of someone else, and a number without WhatsApp when required', async () => {
		const input = {
			document: 'SE_ID_CARD',
			documentImage: img('idv:face=card'),
			selfie: img('idv:verdict=NOT_SAME_PERSON idv:similarity=20'),
			phone: '+6281234567895',
			policy: { requireWhatsapp: true },
		};
		const { body } = await t.gql(QUERY, { input });
		expect(body.data.verification.decision).toBe('REJECTED');
		expect(body.data.verification.reasons.map((r: { code: string }) => r.code)).toEqual(
			expect.arrayContaining(['FACE_MISMATCH', 'WHATSAPP_NOT_REGISTERED']),
		);
	});

	it('reviews when the document vendor is unavailable, and still returns the other results', async () => {
		const input = { document: 'SE_ID_CARD', documentImage: img('idv:status=RETRY_LATER'), selfie: img('idv:face=me') };
		const { body } = await t.gql(QUERY, { input });
		expect(body.data.verification).toMatchObject({ decision: 'REVIEW', document: { __typename: 'VendorUnavailable' } });
		expect(body.data.verification.reasons[0]).toMatchObject({ code: 'DOCUMENT_UNAVAILABLE', decision: 'REVIEW' });
	});
});
