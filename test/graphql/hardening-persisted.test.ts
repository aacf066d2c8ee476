import { createHash } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, loadConfig } from '../../graphql/src/config';
import { registeredOperations } from '../../graphql/src/security/persistedOperations';
import { makePng } from '../support/images';
import { KEYS, b64, parse, startTestServer, vendorCalls, type TestServer } from './support';

/** Registered operations: a frontend's persisted documents (id → document), and a server that runs only those. */

const DOCUMENTS = 'query Documents { documents(country: DE) { id } }';
const READ = 'query Read($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }';
// GraphQL codegen's client preset keys its persisted-documents.json by the document's hash (here sha256).
const idOf = (document: string) => createHash('sha256').update(document).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'idverify-persisted-'));
const registeredFile = join(dir, 'persisted-documents.json');
writeFileSync(registeredFile, JSON.stringify({ [idOf(DOCUMENTS)]: DOCUMENTS, [idOf(READ)]: READ }));

const img = { base64: b64(makePng(300, 200, { marker: 'idv:face=persisted' })) };

/** A POST of any body (documentId, extensions, query) through yoga.fetch. */
async function post(t: TestServer, body: Record<string, unknown>) {
	const response = await t.server.yoga.fetch('http://localhost/graphql', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/graphql-response+json, application/json',
			authorization: `Bearer ${KEYS.main}`,
		},
		body: JSON.stringify(body),
	});
	return parse<any>(response);
}

describe('only-persisted', () => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer({ persistedOperations: 'only-persisted', persistedOperationsFile: registeredFile }, { listen: false });
	});
	afterAll(() => t.close());
	beforeEach(() => t.server.emulator!.reset());

	it('runs a registered operation sent by its documentId, with variables', async () => {
		const { status, body } = await post(t, { documentId: idOf(READ), variables: { img } });
		expect(status).toBe(200);
		expect(body).toEqual({ data: { readDocument: { __typename: 'GermanIdCard' } } });
		expect(vendorCalls(t)).toHaveLength(1);
	});

	it('runs one sent as extensions.persistedQuery.sha256Hash, and by GET', async () => {
		const viaExtension = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: idOf(DOCUMENTS) } } });
		expect(viaExtension.body.data.documents.length).toBeGreaterThan(0);
		const response = await t.server.yoga.fetch(`http://localhost/graphql?documentId=${idOf(DOCUMENTS)}`, {
			headers: { accept: 'application/json', authorization: `Bearer ${KEYS.main}`, 'x-graphql-yoga-csrf': '1' },
		});
		expect((await parse<any>(response)).body.data.documents.length).toBeGreaterThan(0);
	});

	it('runs one sent by id in a multipart upload', async () => {
		const form = new FormData();
		form.append('operations', JSON.stringify({ documentId: idOf(READ), variables: { img: { upload: null } } }));
		form.append('map', JSON.stringify({ 0: ['variables.img.upload'] }));
		form.append('0', new Blob([new Uint8Array(makePng(300, 200, { marker: 'idv:face=upload' }))]), 'card.png');
		const response = await t.server.yoga.fetch('http://localhost/graphql', {
			method: 'POST',
			body: form,
			headers: { authorization: `Bearer ${KEYS.main}`, 'x-graphql-yoga-csrf': '1' },
		});
		expect(await response.json()).toEqual({ data: { readDocument: { __typename: 'GermanIdCard' } } });
	});

	it('refuses a document that is not registered, before any call, with PERSISTED_OPERATION_REQUIRED', async () => {
		const { status, body } = await post(t, { query: READ, variables: { img } });
		expect(status).toBe(400);
		expect(body).toEqual({
			errors: [
				{
					message:
						'This server runs only registered operations: send the operation\'s "documentId" (or extensions.persistedQuery.sha256Hash), not its text.',
					extensions: { code: 'PERSISTED_OPERATION_REQUIRED' },
				},
			],
		});
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('refuses an unknown id with PERSISTED_OPERATION_NOT_FOUND', async () => {
		const unknown = idOf('query Other { documents { id } }');
		const { status, body } = await post(t, { documentId: unknown });
		expect(status).toBe(400);
		expect(body.errors).toEqual([
			{ message: `No registered operation has the id "${unknown}".`, extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND' } },
		]);
	});

	it('still applies the limits to a registered operation (its depth, here)', async () => {
		const tight = await startTestServer(
			{
				persistedOperations: 'only-persisted',
				persistedOperationsFile: registeredFile,
				limits: { ...t.server.services.config.limits, maxDepth: 1 },
			},
			{ listen: false },
		);
		try {
			const { body } = await post(tight, { documentId: idOf(READ), variables: { img } });
			expect(body.errors?.[0].extensions).toMatchObject({ code: 'TOO_DEEP', limit: 1, value: 2 });
			expect(vendorCalls(tight)).toHaveLength(0);
		} finally {
			await tight.close();
		}
	});
});

describe('allow-also-arbitrary', () => {
	it('runs registered operations and other documents too', async () => {
		const t = await startTestServer(
			{ persistedOperations: 'allow-also-arbitrary', persistedOperationsFile: registeredFile },
			{ listen: false },
		);
		try {
			expect((await post(t, { documentId: idOf(DOCUMENTS) })).body.data.documents.length).toBeGreaterThan(0);
			expect((await post(t, { query: '{ documents(country: TH) { id } }' })).body.data.documents.length).toBeGreaterThan(0);
		} finally {
			await t.close();
		}
	});
});

describe('settings', () => {
	it('a mode other than off needs the file, and the mode must be one of three', () => {
		expect(() => loadConfig({ PERSISTED_OPERATIONS: 'only-persisted' })).toThrow(/needs PERSISTED_OPERATIONS_FILE/);
		expect(() => loadConfig({ PERSISTED_OPERATIONS: 'sometimes' })).toThrow(
			/must be off, allow-also-arbitrary or only-persisted, got "sometimes"/,
		);
		const config = loadConfig({ PERSISTED_OPERATIONS: 'only-persisted', PERSISTED_OPERATIONS_FILE: registeredFile });
		expect(config).toMatchObject({ persistedOperations: 'only-persisted', persistedOperationsFile: registeredFile });
		expect(loadConfig({}).persistedOperations).toBe('off');
	});

	it('a broken file is refused at start, naming the operation', () => {
		const broken = join(dir, 'broken.json');
		writeFileSync(broken, JSON.stringify({ abc: 'query { documents { id }' }));
		expect(() => registeredOperations('only-persisted', broken)).toThrow(ConfigError);
		expect(() => registeredOperations('only-persisted', broken)).toThrow(/the operation "abc" does not parse/);
		writeFileSync(broken, JSON.stringify(['query { documents { id } }']));
		expect(() => registeredOperations('only-persisted', broken)).toThrow(/must be a JSON object of id → GraphQL document/);
		expect(() => registeredOperations('only-persisted', join(dir, 'missing.json'))).toThrow(/Cannot read the registered operations/);
		expect(registeredOperations('off', null)).toBeNull();
	});
});
