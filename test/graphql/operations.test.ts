import { makeJpeg, makePng } from '../support/images';
import { b64, charged, startTestServer, vendorCalls, type TestServer } from './support';

/** Every operation other than readDocument: its answer types and its problems, against the sandbox. */

const PROBLEM =
	'... on Problem { code message retryable vendorStatus call { charged attempts } } ... on RejectedInput { input limit value }';
const COMPARE = `query($a: ImageInput!, $b: ImageInput!) { faceCompare(image1: $a, image2: $b) { __typename ... on FaceComparison { similarity verdict samePerson call { charged vendorStatus } } ${PROBLEM} } }`;
const HOLDING = `query($img: ImageInput!) { idHolding(image: $img) { __typename ... on FaceComparison { similarity verdict samePerson } ${PROBLEM} } }`;
const SEARCH = `query($img: ImageInput!) { faceSearch(image: $img) { __typename ... on FaceSearchMatches { found matches { personId confidence } call { charged } } ${PROBLEM} } }`;
const ADD = `mutation($img: ImageInput!) { addFace(image: $img) { __typename ... on FaceAdded { personId personCount call { charged } } ${PROBLEM} } }`;
const DELETE = `mutation($id: String!) { deleteFace(personId: $id) { __typename ... on FaceDeleted { personId } ... on PersonNotFound { personId } ${PROBLEM} } }`;
const WHATSAPP = `query($n: String!, $c: String) { whatsappCheck(number: $n, country: $c) { __typename ... on WhatsappCheck { number status registered signature businessUser avatar call { charged } } ${PROBLEM} } }`;

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer({}, { listen: false });
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

const img = (marker?: string) => ({ base64: b64(makePng(300, 200, marker ? { marker } : {})) });

describe('faceCompare', () => {
	it('SAME_PERSON with the similarity, charged', async () => {
		const { body } = await t.gql(COMPARE, { a: img('idv:face=a'), b: img('idv:face=b') });
		expect(body.data.faceCompare).toMatchObject({
			__typename: 'FaceComparison',
			verdict: 'SAME_PERSON',
			samePerson: true,
			call: { charged: 'CHARGED', vendorStatus: 'OK' },
		});
		expect(body.data.faceCompare.similarity).toEqual(expect.any(Number));
	});

	it('NOT_SAME_PERSON and NOT_SURE are answers, not problems', async () => {
		const notSame = await t.gql(COMPARE, { a: img('idv:verdict=NOT_SAME_PERSON idv:similarity=12.5'), b: img() });
		expect(notSame.body.data.faceCompare).toMatchObject({
			__typename: 'FaceComparison',
			verdict: 'NOT_SAME_PERSON',
			samePerson: false,
			similarity: 12.5,
		});
		const unsure = await t.gql(COMPARE, { a: img('idv:verdict=NOT_SURE'), b: img() });
		expect(unsure.body.data.faceCompare).toMatchObject({ verdict: 'NOT_SURE', samePerson: false });
	});

	it('RejectedInput when the vendor finds no face (RETRY_LATER with IMAGEB_FACE_DETECT_FAILED), free and not retried', async () => {
		const marker = `idv:status=RETRY_LATER idv:message=${Buffer.from(JSON.stringify('IMAGEB_FACE_DETECT_FAILED')).toString('base64url')}`;
		const { body } = await t.gql(COMPARE, { a: img(marker), b: img() });
		expect(body.data.faceCompare).toMatchObject({
			__typename: 'RejectedInput',
			vendorStatus: 'RETRY_LATER',
			retryable: false,
			call: { charged: 'NOT_CHARGED', attempts: 1 },
		});
	});

	it('RejectedInput for an image over the vendor limit, checked locally', async () => {
		const big = makeJpeg(800, 600, { padToBytes: 2 * 1024 * 1024 + 10 });
		const { body } = await t.gql(COMPARE, { a: { base64: b64(big) }, b: img() });
		expect(body.data.faceCompare).toMatchObject({
			__typename: 'RejectedInput',
			code: 'IMAGE_TOO_LARGE',
			input: 'img1',
			limit: `${2 * 1024 * 1024} bytes`,
			value: `${big.length} bytes`,
		});
		expect(vendorCalls(t)).toHaveLength(0);
	});
});

describe('idHolding', () => {
	it('compares the holder with the card photo', async () => {
		const { body } = await t.gql(HOLDING, { img: img() });
		expect(body.data.idHolding).toMatchObject({ __typename: 'FaceComparison', verdict: 'SAME_PERSON', samePerson: true });
	});

	it('RejectedInput when the image does not show a person holding a card (INVALID_FACE_NUM)', async () => {
		const { body } = await t.gql(HOLDING, { img: img('idv:status=INVALID_FACE_NUM') });
		expect(body.data.idHolding).toMatchObject({
			__typename: 'RejectedInput',
			vendorStatus: 'INVALID_FACE_NUM',
			call: { charged: 'NOT_CHARGED' },
		});
	});
});

describe('addFace, faceSearch, deleteFace', () => {
	it('a face added is found by search, then deleted, then not found', async () => {
		const face = img('idv:face=alice');
		const added = await t.gql(ADD, { img: face });
		expect(added.body.data.addFace).toMatchObject({ __typename: 'FaceAdded', personCount: 1, call: { charged: 'NOT_CHARGED' } });
		const personId = added.body.data.addFace.personId;
		expect(personId).toMatch(/^[a-z0-9]+$/);
		expect(JSON.stringify(added.body)).not.toContain('group');

		const found = await t.gql(SEARCH, { img: face });
		expect(found.body.data.faceSearch).toMatchObject({ __typename: 'FaceSearchMatches', found: true, call: { charged: 'CHARGED' } });
		expect(found.body.data.faceSearch.matches).toEqual([{ personId, confidence: expect.any(Number) }]);

		const deleted = await t.gql(DELETE, { id: personId });
		expect(deleted.body.data.deleteFace).toEqual({ __typename: 'FaceDeleted', personId });
		const again = await t.gql(DELETE, { id: personId });
		expect(again.body.data.deleteFace).toMatchObject({ __typename: 'PersonNotFound', personId, vendorStatus: 'PERSON_ID_NOT_EXIST' });

		const gone = await t.gql(SEARCH, { img: face });
		expect(gone.body.data.faceSearch).toMatchObject({ __typename: 'FaceSearchMatches', found: false, matches: [] });
	});

	it('addFace is never merged: two adds of one face in one request are two calls', async () => {
		const face = img('idv:face=bob');
		const { body } = await t.gql(
			`mutation($img: ImageInput!) { a: addFace(image: $img) { ... on FaceAdded { personCount } } b: addFace(image: $img) { ... on FaceAdded { personCount } } }`,
			{ img: face },
		);
		expect([body.data.a.personCount, body.data.b.personCount].sort()).toEqual([1, 2]);
		expect(vendorCalls(t, 'faceAdd')).toHaveLength(2);
	});

	it('faceSearch: RejectedInput when no face is found in the image', async () => {
		const { body } = await t.gql(SEARCH, { img: img('idv:status=FACE_DETECT_FAILED') });
		expect(body.data.faceSearch).toMatchObject({ __typename: 'RejectedInput', vendorStatus: 'FACE_DETECT_FAILED' });
	});

	it('addFace: VendorUnavailable when the store fails (FAIL is retried, then reported)', async () => {
		const { body } = await t.gql(ADD, { img: img('idv:status=FAIL') });
		expect(body.data.addFace).toMatchObject({ __typename: 'VendorUnavailable', vendorStatus: 'FAIL', retryable: true });
	});
});

describe('whatsappCheck', () => {
	it('registered: details typed, charged', async () => {
		const { body } = await t.gql(WHATSAPP, { n: '+6281234567890' });
		expect(body.data.whatsappCheck).toMatchObject({
			__typename: 'WhatsappCheck',
			number: '+6281234567890',
			status: 'YES',
			registered: true,
			businessUser: false,
			avatar: true,
			call: { charged: 'CHARGED' },
		});
		expect(body.data.whatsappCheck.signature).toEqual(expect.any(String));
	});

	it('not registered, and still checking (free, registered unknown)', async () => {
		const no = await t.gql(WHATSAPP, { n: '+6281234567895' });
		expect(no.body.data.whatsappCheck).toMatchObject({ status: 'NO', registered: false, call: { charged: 'CHARGED' } });
		const checking = await t.gql(WHATSAPP, { n: '+6281234567808' });
		expect(checking.body.data.whatsappCheck).toMatchObject({ status: 'CHECKING', registered: null, call: { charged: 'NOT_CHARGED' } });
	});

	it('RejectedInput for a number the vendor finds invalid', async () => {
		const invalid = await t.gql(WHATSAPP, { n: '+6281234567899' });
		expect(invalid.body.data.whatsappCheck).toMatchObject({
			__typename: 'RejectedInput',
			vendorStatus: 'INVALID_INPUT',
			call: { charged: 'NOT_CHARGED' },
		});
	});

	it('numbers as people type them reach the vendor in international form; a country by name is its code', async () => {
		const spaced = await t.gql(WHATSAPP, { n: '+62 812 3456 7890' });
		expect(spaced.body.data.whatsappCheck).toMatchObject({ __typename: 'WhatsappCheck', number: '+6281234567890', status: 'YES' });
		const local = await t.gql(WHATSAPP, { n: '0812-3456-7891', c: 'ID' });
		expect(local.body.data.whatsappCheck).toMatchObject({ __typename: 'WhatsappCheck', number: '+6281234567891', status: 'YES' });
		const named = await t.gql(WHATSAPP, { n: '+6281234567892', c: 'Indonesia' });
		expect(named.body.data.whatsappCheck).toMatchObject({ __typename: 'WhatsappCheck', status: 'YES' });
	});

	it('a number that cannot be a phone number is refused locally: RejectedInput, no vendor call', async () => {
		const before = vendorCalls(t, 'whatsappCheck').length;
		for (const n of ['12', '0812-3456-7891', 'not a number']) {
			const { body } = await t.gql(WHATSAPP, { n });
			expect({ n, result: body.data.whatsappCheck }).toMatchObject({
				n,
				result: { __typename: 'RejectedInput', input: 'number', vendorStatus: null, call: { attempts: 0, charged: 'NOT_CHARGED' } },
			});
			expect(body.data.whatsappCheck.message).toContain(JSON.stringify(n));
		}
		expect(vendorCalls(t, 'whatsappCheck')).toHaveLength(before);
	});

	it('VendorUnavailable when the service is down (servstatus=y answers "unavailable" at once, free)', async () => {
		t.server.emulator!.setFaults({ whatsappUnavailable: true });
		const { body } = await t.gql(WHATSAPP, { n: '+6281234567890' });
		expect(body.data.whatsappCheck).toMatchObject({ __typename: 'VendorUnavailable', retryable: true, call: { charged: 'NOT_CHARGED' } });
		expect(charged(t)).toBe(0);
	});
});
