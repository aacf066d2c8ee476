import { documentOperations } from '../../core';
import type { LogLevel } from '../../graphql/src/log';
import { enumValueName } from '../../graphql/src/schema/names';
import { makePng } from '../support/images';
import { b64, startTestServer, type TestServer } from './support';

/**
 * What the server keeps: its log lines and /metrics never carry an image, a document's numbers, a name, a date of
 * birth, an address or a phone number, at any log level. Real requests, with the personal data of the emulator's
 * documented sample answers; the data to look for is read from the answers themselves.
 */

const PERSONAL = `documentNumber personalNumber firstName lastName fullName firstNameLocal lastNameLocal fullNameLocal dateOfBirth placeOfBirth address { raw street city }`;
const READ = `query($d: DocumentId!, $img: ImageInput!) { readDocument(document: $d, image: $img) { __typename ... on IdDocument { ${PERSONAL} raw } } }`;
const COMPARE = `query($a: ImageInput!, $b: ImageInput!) { faceCompare(image1: $a, image2: $b) { __typename } }`;
const ADD = `mutation($img: ImageInput!) { addFace(image: $img) { __typename ... on FaceAdded { personId } } }`;
const SEARCH = `query($img: ImageInput!) { faceSearch(image: $img) { __typename } }`;
const WHATSAPP = `query($n: String!) { whatsappCheck(number: $n) { __typename ... on WhatsappCheck { number signature raw } } }`;
const VERIFY = `query($input: VerificationInput!) { verification(input: $input) { decision } }`;

const PHONES = ['+62 812 3456 7890', '+6281234567895', '+6281234567808', '+6281234567899'];

/**
 * Every text in a value long enough to be telling: what a leak would have to contain. Short figures (0001, 1.72)
 * also occur in timestamps and durations, so a text of digits counts from 6 characters, any other from 5.
 */
function texts(value: unknown, into: Set<string>): Set<string> {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
	if (text !== null && text.length >= (/^[\d.,:\- ]+$/.test(text) ? 6 : 5)) into.add(text);
	else if (value && typeof value === 'object') for (const v of Object.values(value)) texts(v, into);
	return into;
}

async function traffic(t: TestServer): Promise<Set<string>> {
	const personal = new Set<string>();
	const face = b64(makePng(320, 240, { marker: 'idv:face=privacy' }));
	// The image as the server got it: its base64 text, and a piece of it from the middle.
	personal.add(face.slice(0, 64)).add(face.slice(200, 264));
	for (const op of documentOperations()) {
		const { body } = await t.gql(READ, { d: enumValueName(op.id), img: { base64: b64(makePng(300, 200)) } });
		expect(body.data.readDocument.__typename).not.toMatch(/Unavailable|Failed/);
		texts(body.data.readDocument, personal);
	}
	await t.gql(READ, { d: 'DE_ID_CARD', img: { base64: 'not an image' } });
	await t.gql(COMPARE, { a: { base64: face }, b: { base64: face } });
	await t.gql(ADD, { img: { base64: face } });
	await t.gql(SEARCH, { img: { base64: face } });
	for (const n of PHONES) {
		const { body } = await t.gql(WHATSAPP, { n });
		texts(body.data.whatsappCheck, personal);
		personal.add(n.replace(/\D/g, ''));
	}
	await t.gql(VERIFY, { input: { document: 'DE_ID_CARD', documentImage: { base64: face }, selfie: { base64: face }, phone: PHONES[0] } });
	return personal;
}

describe.each(['debug', 'info', 'warn', 'error'] as LogLevel[])('at log level %s', (logLevel) => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer({}, { logLevel });
	});
	afterAll(() => t.close());

	it('no image, number, name or phone number reaches the logs or /metrics', async () => {
		const personal = await traffic(t);
		// Enough data to look for: names and numbers of every document, and the phone numbers.
		expect(personal.size).toBeGreaterThan(40);
		const metrics = await (await fetch(`${t.url}/metrics`)).text();
		const kept = `${t.logs.join('')}\n${metrics}`;
		if (logLevel === 'debug') expect(t.logs.length).toBeGreaterThan(20);
		const leaked = [...personal].filter((text) => kept.includes(text) || kept.includes(JSON.stringify(text).slice(1, -1)));
		expect(leaked).toEqual([]);
	});
});

describe('INCLUDE_RAW', () => {
	const RAW = `query($img: ImageInput!, $n: String!) {
		readDocument(document: DE_ID_CARD, image: $img) { __typename ... on IdDocument { documentNumber raw } }
		faceCompare(image1: $img, image2: $img) { __typename ... on FaceComparison { verdict raw } }
		faceSearch(image: $img) { __typename ... on FaceSearchMatches { raw } }
		whatsappCheck(number: $n) { __typename ... on WhatsappCheck { registered raw } }
	}`;
	const variables = { img: { base64: b64(makePng(300, 200, { marker: 'idv:face=raw' })) }, n: '+6281234567890' };
	let t: TestServer | undefined;
	afterEach(() => t?.close());

	it('on by default: every result carries the vendor answer as it came', async () => {
		t = await startTestServer({}, { listen: false });
		const { data } = (await t.gql(RAW, variables)).body;
		for (const field of ['readDocument', 'faceCompare', 'faceSearch', 'whatsappCheck'])
			expect({ field, raw: data[field].raw }).toEqual({ field, raw: expect.anything() });
	});

	it('off: raw is null everywhere, the typed fields are unchanged', async () => {
		t = await startTestServer({ includeRaw: false }, { listen: false });
		const { data } = (await t.gql(RAW, variables)).body;
		for (const field of ['readDocument', 'faceCompare', 'faceSearch', 'whatsappCheck'])
			expect({ field, raw: data[field].raw }).toEqual({ field, raw: null });
		expect(data.readDocument.documentNumber).toEqual(expect.any(String));
		expect(data.faceCompare.verdict).toEqual(expect.any(String));
		expect(data.whatsappCheck.registered).toBe(true);
	});

	it('is read from the environment', async () => {
		const { loadConfig } = await import('../../graphql/src/config');
		expect(loadConfig({}).includeRaw).toBe(true);
		expect(loadConfig({ INCLUDE_RAW: 'false' }).includeRaw).toBe(false);
	});
});
