import { documentOperations } from '../../core';
import { enumValueName } from '../../graphql/src/schema/names';
import { makeGif, makePng } from '../support/images';
import { b64, startTestServer, vendorCalls, type TestServer } from './support';

const READ = /* GraphQL */ `
	query Read($document: DocumentId!, $image: ImageInput!, $detectFace: Boolean) {
		readDocument(document: $document, image: $image, detectFace: $detectFace) {
			__typename
			... on IdDocument {
				documentType
				issuingCountry
				needsReview
				raw
				call {
					operation
					vendor
					charged
					reused
					attempts
					vendorStatus
				}
			}
			... on Problem {
				code
				message
				retryable
				vendorStatus
				call {
					charged
					attempts
				}
			}
			... on RejectedInput {
				input
				limit
				value
			}
		}
	}
`;

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer({}, { listen: false });
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

const image = (marker?: string) => ({ base64: b64(makePng(300, 200, marker ? { marker } : {})) });

describe('readDocument', () => {
	it.each(documentOperations().map((op) => [op.id, op] as const))('%s: a readable image gives its own document type', async (_id, op) => {
		// The Thai endpoint reads both Thai cards; the sandbox answers as the licence when asked to.
		const marker = op.id === 'thDrivingLicence' ? 'idv:card=licence' : undefined;
		const { body } = await t.gql(READ, { document: enumValueName(op.id), image: image(marker) });
		expect(body.errors).toBeUndefined();
		const result = body.data.readDocument;
		expect(result.__typename).toBe(op.document!.typeName);
		expect(result.documentType).toBe(op.document!.documentType);
		expect(result.issuingCountry).toHaveLength(3);
		expect(result.call).toMatchObject({ operation: op.id, charged: 'CHARGED', reused: false, attempts: 1, vendorStatus: 'OK' });
		expect(result.raw).toEqual(expect.any(Object));
	});

	it('maps every documented status of every document to the problem of its outcome', async () => {
		const family: Record<string, string[]> = {
			negative: ['NotRecognized'],
			rejectedInput: ['RejectedInput'],
			failed: ['VendorUnavailable', 'AuthFailed', 'QuotaExceeded', 'Failed'],
		};
		for (const op of documentOperations()) {
			for (const [status, rule] of Object.entries(op.statuses)) {
				if (status === 'OK' || rule.retryable) continue; // retried answers are covered below
				const { body } = await t.gql(READ, { document: enumValueName(op.id), image: image(`idv:status=${status}`) });
				const result = body.data.readDocument;
				expect({ op: op.id, status, type: family[rule.outcome].includes(result.__typename) }).toEqual({ op: op.id, status, type: true });
				expect(result.vendorStatus).toBe(status);
				expect(result.call.charged).toBe(rule.charged ? 'CHARGED' : 'NOT_CHARGED');
			}
		}
	});

	it('the kind the vendor read decides the type: a Thai ID card read as a licence is a ThaiIdCard, flagged for review', async () => {
		const { body } = await t.gql(
			`query($img: ImageInput!) { readDocument(document: TH_DRIVING_LICENCE, image: $img) { __typename ... on IdDocument { documentType needsReview checks { documentTypeMatches { result reason } } } } }`,
			{ img: image() },
		);
		expect(body.data.readDocument).toMatchObject({
			__typename: 'ThaiIdCard',
			documentType: 'ID_CARD',
			needsReview: true,
			checks: { documentTypeMatches: { result: false } },
		});
	});

	it("carries the canonical fields, the document's extras and its checks", async () => {
		const { body } = await t.gql(
			`query($img: ImageInput!) { readDocument(document: IN_AADHAAR_FRONT, image: $img) { __typename ... on IdDocument { personalNumber dateOfBirth sex checks { personalNumberChecksum { result reason } } } ... on IndianAadhaarFront { vid aadhaarMasked } } }`,
			{ img: image() },
		);
		const doc = body.data.readDocument;
		expect(doc.__typename).toBe('IndianAadhaarFront');
		expect(doc.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(['M', 'F', 'X']).toContain(doc.sex);
		expect(doc.checks.personalNumberChecksum).toEqual({ result: expect.any(Boolean), reason: expect.any(String) });
		expect(doc).toHaveProperty('vid');
		expect(typeof doc.aadhaarMasked).toBe('boolean');
	});

	it('NotRecognized when the vendor cannot read the card, free', async () => {
		const { body } = await t.gql(READ, { document: 'DE_ID_CARD', image: image('idv:status=FAIL') });
		expect(body.data.readDocument).toMatchObject({
			__typename: 'NotRecognized',
			code: 'NOT_RECOGNIZED',
			vendorStatus: 'FAIL',
			retryable: false,
			call: { charged: 'NOT_CHARGED' },
		});
		expect(body.data.readDocument.message).toMatch(/could not read a ID card \(Personalausweis\)|could not read/);
	});

	it('VendorUnavailable after the bounded retries of a RETRY_LATER', async () => {
		// While other calls are accepted, RETRY_LATER may be the vendor's rate limit: the core then retries it for as
		// long as rateLimitWaitMs allows, not just 3 times. Either way each attempt is one request, none charged.
		const { body } = await t.gql(READ, { document: 'NL_ID_CARD', image: image('idv:status=RETRY_LATER') });
		expect(body.data.readDocument).toMatchObject({
			__typename: 'VendorUnavailable',
			vendorStatus: 'RETRY_LATER',
			retryable: true,
			call: { charged: 'NOT_CHARGED' },
		});
		expect(body.data.readDocument.call.attempts).toBeGreaterThanOrEqual(3);
		expect(vendorCalls(t, 'nlIdCard')).toHaveLength(body.data.readDocument.call.attempts);
	});

	it('AuthFailed and QuotaExceeded name what the operator must fix', async () => {
		const auth = await t.gql(READ, { document: 'ID_KTP_ACCUAUTH', image: image('idv:status=KEY_EXPIRED') });
		expect(auth.body.data.readDocument).toMatchObject({ __typename: 'AuthFailed', vendorStatus: 'KEY_EXPIRED', retryable: false });
		const quota = await t.gql(READ, { document: 'EC_ID_CARD', image: image('idv:status=OUT_OF_QUOTA') });
		expect(quota.body.data.readDocument).toMatchObject({ __typename: 'QuotaExceeded', vendorStatus: 'OUT_OF_QUOTA', retryable: false });
	});

	it('RejectedInput from the local checks names the limit and the value, and costs no vendor call', async () => {
		const { body } = await t.gql(READ, { document: 'DE_ID_CARD', image: { base64: b64(makeGif()) } });
		expect(body.data.readDocument).toMatchObject({
			__typename: 'RejectedInput',
			code: 'IMAGE_FORMAT_NOT_SUPPORTED',
			input: 'img',
			limit: 'jpeg, png, bmp',
			value: 'gif',
			call: { charged: 'NOT_CHARGED', attempts: 0 },
		});
		const small = await t.gql(READ, { document: 'EC_ID_CARD', image: { base64: b64(makePng(100, 100)) } });
		expect(small.body.data.readDocument).toMatchObject({
			__typename: 'RejectedInput',
			code: 'IMAGE_TOO_SMALL',
			limit: '128×128 px',
			value: '100×100 px',
		});
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('RejectedInput for a missing or undecodable image, before any call', async () => {
		const none = await t.gql(READ, { document: 'DE_ID_CARD', image: {} });
		expect(none.body.data.readDocument).toMatchObject({ __typename: 'RejectedInput', code: 'MISSING_IMAGE', input: 'img' });
		const bad = await t.gql(READ, { document: 'DE_ID_CARD', image: { base64: 'not base64!' } });
		expect(bad.body.data.readDocument).toMatchObject({ __typename: 'RejectedInput', code: 'INVALID_BASE64' });
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('detectFace reaches Ecuador as detect_face=1', async () => {
		const { body } = await t.gql(READ, { document: 'EC_ID_CARD', image: image(), detectFace: true });
		expect(body.data.readDocument.__typename).toBe('EcuadorianIdCard');
		expect(body.data.readDocument.raw).toHaveProperty('face_region');
	});

	it('an unknown document is a GraphQL validation error, not a call', async () => {
		const { body } = await t.gql(READ, { document: 'XX_PASSPORT', image: image() });
		expect(body.errors?.[0].message).toMatch(/DocumentId/);
		expect(vendorCalls(t)).toHaveLength(0);
	});
});

describe('documents', () => {
	it('lists the catalog documents of a country, with no vendor call', async () => {
		const { body } = await t.gql('{ documents(country: IN) { id country kind label typeName vendor side maxBytes formats } }');
		expect(body.data.documents.map((d: { id: string }) => d.id)).toEqual(['IN_AADHAAR_FRONT', 'IN_AADHAAR_BACK', 'IN_PAN']);
		expect(body.data.documents[0]).toMatchObject({
			country: 'IN',
			kind: 'ID_CARD',
			vendor: 'AISOLUTION',
			side: 'FRONT',
			typeName: 'IndianAadhaarFront',
			formats: ['jpeg', 'png', 'bmp'],
		});
		expect(vendorCalls(t)).toHaveLength(0);
	});
});
