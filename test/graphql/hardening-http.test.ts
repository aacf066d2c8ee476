import { Agent, request as httpRequest } from 'http';
import { DEFAULT_LIMITS } from '../../graphql/src/config';
import { makeJpeg, makePng } from '../support/images';
import { KEYS, startTestServer, vendorCalls, type TestServer } from './support';

/** The HTTP edges: refusals that leave a body half-read, multipart limits, files mapped onto the wrong variable. */

const auth = { authorization: `Bearer ${KEYS.main}`, 'x-graphql-yoga-csrf': '1' };
const READ = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxUploadBytes: 2 * 1024 * 1024, maxRequestBytes: 4 * 1024 * 1024 } });
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

/** A multipart request: operations, map, and one file part per mapped path. */
function multipart(query: string, variables: Record<string, unknown>, files: { path: string; bytes: Buffer }[]) {
	const form = new FormData();
	form.append('operations', JSON.stringify({ query, variables }));
	form.append('map', JSON.stringify(Object.fromEntries(files.map((file, i) => [String(i), [file.path]]))));
	files.forEach((file, i) => form.append(String(i), new Blob([new Uint8Array(file.bytes)]), `${i}.jpg`));
	return form;
}

/** The form as bytes with its content type, to send with node:http and a given agent. */
async function encoded(form: FormData) {
	const request = new Request('http://localhost/', { method: 'POST', body: form });
	return { type: request.headers.get('content-type')!, body: Buffer.from(await request.arrayBuffer()) };
}

interface Sent {
	status: number;
	connection: string | undefined;
	reusedSocket: boolean;
	body: any;
}

function send(agent: Agent, body: Buffer | (() => AsyncIterable<Buffer>), type: string): Promise<Sent> {
	const url = new URL(`${t.url}/graphql`);
	const headers: Record<string, string | number> = { ...auth, 'content-type': type };
	if (Buffer.isBuffer(body)) headers['content-length'] = body.length;
	return new Promise<Sent>((resolve, reject) => {
		const req = httpRequest({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode!, connection: res.headers.connection, reusedSocket: req.reusedSocket, body: JSON.parse(text) }),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		if (Buffer.isBuffer(body)) req.end(body);
		else
			void (async () => {
				for await (const chunk of body()) if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
				req.end();
			})().catch(reject);
	});
}

const small = Buffer.from(JSON.stringify({ query: '{ documents { id } }' }));

describe('a refusal before the body is read does not break the connection', () => {
	it('after a 413 for a file too large, the next request on the same keep-alive connection succeeds (3 of 3)', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const { type, body } = await encoded(
				multipart(READ, { img: { upload: null } }, [
					{ path: 'variables.img.upload', bytes: makeJpeg(640, 480, { padToBytes: 3_000_000 }) },
				]),
			);
			for (let round = 0; round < 3; round++) {
				const refused = await send(agent, body, type);
				expect(refused.status).toBe(413);
				expect(refused.body.errors[0].extensions.code).toBe('FILE_TOO_LARGE');
				const next = await send(agent, small, 'application/json');
				expect(next.status).toBe(200);
				// The refused body was drained: the same connection served the next request.
				expect(next.reusedSocket).toBe(true);
			}
			expect(vendorCalls(t)).toHaveLength(0);
		} finally {
			agent.destroy();
		}
	});

	it('a body declared over the request limit is not read: 413 with Connection: close, and the next request gets a new connection', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const { type, body } = await encoded(
				multipart(READ, { img: { upload: null } }, [
					{ path: 'variables.img.upload', bytes: makeJpeg(640, 480, { padToBytes: 5_000_000 }) },
				]),
			);
			const refused = await send(agent, body, type);
			expect(refused.status).toBe(413);
			expect(refused.connection).toBe('close');
			expect(refused.body.errors[0]).toEqual({
				message: `The request body is ${body.length.toLocaleString('en-US')} bytes; the limit is 4,194,304 bytes (4 MB).`,
				extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
			});
			const next = await send(agent, small, 'application/json');
			expect(next.status).toBe(200);
		} finally {
			agent.destroy();
		}
	});

	it('a chunked body over the request limit: 413, and the next request on the agent succeeds', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const json = JSON.stringify({ query: READ, variables: { img: { base64: 'A'.repeat(5_000_000) } } });
			async function* chunks() {
				for (let i = 0; i < json.length; i += 65_536) yield Buffer.from(json.slice(i, i + 65_536));
			}
			const refused = await send(agent, chunks, 'application/json');
			expect(refused.status).toBe(413);
			expect(refused.body.errors[0].message).toBe('The request body is larger than 4,194,304 bytes (4 MB), the limit.');
			expect(refused.connection).toBe('close');
			const next = await send(agent, small, 'application/json');
			expect(next.status).toBe(200);
		} finally {
			agent.destroy();
		}
	});
});

describe('multipart limits', () => {
	it('a file over the size limit: 413 with the exact limit in bytes', async () => {
		const form = multipart(READ, { img: { upload: null } }, [
			{ path: 'variables.img.upload', bytes: makeJpeg(640, 480, { padToBytes: 2 * 1024 * 1024 + 1 }) },
		]);
		const response = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: auth });
		expect(response.status).toBe(413);
		expect((await response.json()).errors).toEqual([
			{
				message: 'An uploaded file is larger than 2,097,152 bytes (2 MB), the limit per file.',
				extensions: { code: 'FILE_TOO_LARGE', limit: 2_097_152 },
			},
		]);
	});

	it('eleven files where ten are allowed: 413 TOO_MANY_FILES, before any call', async () => {
		const files = Array.from({ length: 11 }, (_, i) => ({
			path: `variables.images.${i}.upload`,
			bytes: makePng(40, 40, { marker: `idv:face=${i}` }),
		}));
		const query = `query($images: [ImageInput!]!) { documents { id } }`;
		const form = multipart(query, { images: files.map(() => ({ upload: null })) }, files);
		const response = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: auth });
		expect(response.status).toBe(413);
		expect((await response.json()).errors).toEqual([
			{
				message: 'This request has more than 10 files; the limit is 10 files per request.',
				extensions: { code: 'TOO_MANY_FILES', limit: 10 },
			},
		]);
		expect(vendorCalls(t)).toHaveLength(0);
	});
});

describe('a file mapped onto a variable that takes none', () => {
	const sendFileAt = async (query: string, variables: Record<string, unknown>, path: string) => {
		const response = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			body: multipart(query, variables, [{ path, bytes: makePng(40, 40) }]),
			headers: auth,
		});
		return { status: response.status, text: await response.text() };
	};
	const noInternals = (text: string) => expect(text).not.toMatch(/blobParts|_buffer|_size|webkitRelativePath|lastModified/);

	it('names the variable and its type, without the file object', async () => {
		const { status, text } = await sendFileAt(
			'query($n: String!) { whatsappCheck(number: $n) { __typename } }',
			{ n: null },
			'variables.n',
		);
		expect(status).toBe(400);
		expect(JSON.parse(text).errors).toEqual([
			{
				message:
					'Variable "$n" got a file, where the expected type is "String!": a file goes only where the type is File (ImageInput.upload).',
				extensions: { code: 'BAD_USER_INPUT', variable: 'n', path: 'n', expected: 'String!' },
			},
		]);
		noInternals(text);
	});

	it('names the place inside an input object (base64 instead of upload)', async () => {
		const { status, text } = await sendFileAt(READ, { img: { base64: null } }, 'variables.img.base64');
		expect(status).toBe(400);
		expect(JSON.parse(text).errors[0]).toMatchObject({
			message: expect.stringContaining('Variable "$img" got a file at "img.base64", where the expected type is "String"'),
			extensions: { code: 'BAD_USER_INPUT' },
		});
		noInternals(text);
	});

	it('a file at a field the input type does not have', async () => {
		const { text } = await sendFileAt(READ, { img: { image: null } }, 'variables.img.image');
		expect(JSON.parse(text).errors[0].message).toBe(
			'Variable "$img" got a file at "img.image", which is not a field of its type: a file goes only where the type is File (ImageInput.upload).',
		);
		noInternals(text);
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('a file where the type is File still goes through', async () => {
		const response = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			body: multipart(READ, { img: { upload: null } }, [{ path: 'variables.img.upload', bytes: makePng(300, 200) }]),
			headers: auth,
		});
		expect(await response.json()).toEqual({ data: { readDocument: { __typename: 'GermanIdCard' } } });
	});
});
