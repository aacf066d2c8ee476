import { exactBytes } from '../../graphql/src/http/bytes';
import { makePng } from '../support/images';
import { b64, startTestServer, type TestServer } from './support';

/** Messages a client reads: exact sizes, and English articles. */

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer({}, { listen: false });
});
afterAll(() => t.close());

describe('messages', () => {
	it('sizes are exact bytes, with the binary unit only where it is exact', () => {
		expect(exactBytes(2_097_152)).toBe('2,097,152 bytes (2 MB)');
		expect(exactBytes(2_097_153)).toBe('2,097,153 bytes');
		expect(exactBytes(131_072)).toBe('131,072 bytes (128 KB)');
		expect(exactBytes(100_000)).toBe('100,000 bytes');
	});

	it('"could not read an ID card", not "a ID card"', async () => {
		const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename ... on Problem { message } } }`;
		const { body } = await t.gql(query, { img: { base64: b64(makePng(300, 200, { marker: 'idv:status=FAIL' })) } });
		expect(body.data.readDocument.__typename).toBe('NotRecognized');
		expect(body.data.readDocument.message).toMatch(/^The vendor could not read an ID card \(Personalausweis\) in the image/);
	});
});
