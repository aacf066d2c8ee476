import { makeJpeg, makePng } from '../support/images';
import { KEYS, b64, readEvents, startTestServer, vendorCalls, type TestServer } from './support';

/** The real HTTP server on 127.0.0.1: multipart uploads, upload limits, SSE, /health and /metrics. */

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer();
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

const auth = { authorization: `Bearer ${KEYS.main}`, 'x-graphql-yoga-csrf': '1' };

function multipart(
	query: string,
	variables: Record<string, unknown>,
	files: Record<string, { path: string; bytes: Buffer; name?: string }>,
) {
	const form = new FormData();
	form.append('operations', JSON.stringify({ query, variables }));
	form.append('map', JSON.stringify(Object.fromEntries(Object.entries(files).map(([key, f]) => [key, [f.path]]))));
	for (const [key, file] of Object.entries(files)) form.append(key, new Blob([new Uint8Array(file.bytes)]), file.name ?? `${key}.png`);
	return form;
}

describe('multipart uploads', () => {
	it('reads a document uploaded as a file', async () => {
		const query = `query($img: ImageInput!) { readDocument(document: TH_ID_CARD, image: $img) { __typename ... on IdDocument { call { charged } } } }`;
		const form = multipart(query, { img: { upload: null } }, { 0: { path: 'variables.img.upload', bytes: makeJpeg(640, 480) } });
		const response = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: auth });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ data: { readDocument: { __typename: 'ThaiIdCard', call: { charged: 'CHARGED' } } } });
	});

	it('mixes an upload and base64 in one request: face compare of an uploaded card and a base64 selfie, concurrently with the OCR', async () => {
		const card = makePng(400, 300, { marker: 'idv:face=card' });
		const selfie = makePng(300, 300, { marker: 'idv:face=selfie' });
		const query = `query($card: ImageInput!, $selfie: ImageInput!) {
			doc: readDocument(document: DE_ID_CARD, image: $card) { __typename }
			face: faceCompare(image1: $card, image2: $selfie) { __typename ... on FaceComparison { verdict } }
		}`;
		const form = multipart(
			query,
			{ card: { upload: null }, selfie: { base64: b64(selfie) } },
			{ card: { path: 'variables.card.upload', bytes: card } },
		);
		const body = await (await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: auth })).json();
		expect(body).toEqual({ data: { doc: { __typename: 'GermanIdCard' }, face: { __typename: 'FaceComparison', verdict: 'SAME_PERSON' } } });
		expect(
			vendorCalls(t)
				.map((c) => c.operationId)
				.sort(),
		).toEqual(['deIdCard', 'faceCompare']);
	});

	it('refuses an image given both as upload and base64', async () => {
		const bytes = makePng(300, 200);
		const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename ... on RejectedInput { code input } } }`;
		const form = multipart(query, { img: { upload: null, base64: b64(bytes) } }, { 0: { path: 'variables.img.upload', bytes } });
		const body = await (await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: auth })).json();
		expect(body.data.readDocument).toEqual({ __typename: 'RejectedInput', code: 'AMBIGUOUS_IMAGE', input: 'img' });
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('refuses an upload over the multipart limit with 413, before any resolver runs', async () => {
		const small = await startTestServer({ limits: { ...t.server.services.config.limits, maxUploadBytes: 100_000 } });
		try {
			const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;
			const form = multipart(
				query,
				{ img: { upload: null } },
				{ 0: { path: 'variables.img.upload', bytes: makeJpeg(640, 480, { padToBytes: 150_000 }) } },
			);
			const response = await fetch(`${small.url}/graphql`, { method: 'POST', body: form, headers: auth });
			expect(response.status).toBe(413);
			expect((await response.json()).errors[0]).toMatchObject({
				message: 'An uploaded file is larger than 100,000 bytes, the limit per file.',
				extensions: { code: 'FILE_TOO_LARGE' },
			});
			expect(vendorCalls(small)).toHaveLength(0);
		} finally {
			await small.close();
		}
	});

	it('refuses a JSON body over the request limit with 413', async () => {
		const small = await startTestServer({ limits: { ...t.server.services.config.limits, maxRequestBytes: 50_000 } });
		try {
			const { status } = await small.http(`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`, {
				img: { base64: b64(makeJpeg(640, 480, { padToBytes: 60_000 })) },
			});
			expect(status).toBe(413);
			expect(vendorCalls(small)).toHaveLength(0);
		} finally {
			await small.close();
		}
	});

	it('refuses a chunked JSON body (no Content-Length) over the request limit with 413', async () => {
		const small = await startTestServer({ limits: { ...t.server.services.config.limits, maxRequestBytes: 50_000 } });
		try {
			const json = JSON.stringify({
				query: `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`,
				variables: { img: { base64: b64(makeJpeg(640, 480, { padToBytes: 60_000 })) } },
			});
			// A stream body makes fetch send it chunked, so only counting the bytes can find it too large.
			const body = new ReadableStream({
				start(controller) {
					for (let i = 0; i < json.length; i += 8192) controller.enqueue(new TextEncoder().encode(json.slice(i, i + 8192)));
					controller.close();
				},
			});
			const response = await fetch(`${small.url}/graphql`, {
				method: 'POST',
				body,
				duplex: 'half',
				headers: { ...auth, 'content-type': 'application/json' },
			} as RequestInit);
			expect(response.status).toBe(413);
			expect(vendorCalls(small)).toHaveLength(0);
		} finally {
			await small.close();
		}
	});

	it('refuses an invalid Content-Length with 400', async () => {
		const { request } = await import('http');
		const url = new URL(`${t.url}/graphql`);
		const status = await new Promise<number>((resolve, reject) => {
			const req = request(
				{
					host: url.hostname,
					port: url.port,
					path: url.pathname,
					method: 'POST',
					headers: { ...auth, 'content-type': 'application/json', 'content-length': '+2' },
				},
				(res) => {
					res.resume();
					resolve(res.statusCode!);
				},
			);
			req.on('error', reject);
			req.end('{}');
		});
		expect(status).toBe(400);
	});

	it('serves uploads beyond the in-flight byte budget one after another, none refused', async () => {
		const tight = await startTestServer({ limits: { ...t.server.services.config.limits, maxUploadBytesInFlight: 1 } });
		try {
			const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;
			const send = (i: number) =>
				fetch(`${tight.url}/graphql`, {
					method: 'POST',
					body: multipart(
						query,
						{ img: { upload: null } },
						{ 0: { path: 'variables.img.upload', bytes: makePng(300, 200, { marker: `idv:face=${i}` }) } },
					),
					headers: auth,
				}).then((r) => r.json());
			const answers = await Promise.all([0, 1, 2, 3].map(send));
			expect(answers.map((a) => a.data.readDocument.__typename)).toEqual(['GermanIdCard', 'GermanIdCard', 'GermanIdCard', 'GermanIdCard']);
		} finally {
			await tight.close();
		}
	});

	it('counts JSON bodies with base64 images in the same budget, and never holds a small query behind them', async () => {
		const tight = await startTestServer({ limits: { ...t.server.services.config.limits, maxUploadBytesInFlight: 1 } });
		try {
			tight.server.emulator!.setFaults({ latencyMs: 300 });
			const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;
			const post = (body: unknown) =>
				fetch(`${tight.url}/graphql`, {
					method: 'POST',
					body: JSON.stringify(body),
					headers: { ...auth, 'content-type': 'application/json' },
				}).then(async (r) => ({ body: await r.json(), at: performance.now() }));
			// Over 64 KB each: with a 1-byte budget they run one at a time, so the third ends after three latencies.
			const image = (i: number) => b64(makeJpeg(400, 300, { marker: `idv:face=${i}`, padToBytes: 80 * 1024 }));
			const started = performance.now();
			const large = [0, 1, 2].map((i) => post({ query, variables: { img: { base64: image(i) } } }));
			const small = await post({ query: '{ __typename }' });
			const answers = await Promise.all(large);
			expect(answers.map((a) => a.body.data.readDocument.__typename)).toEqual(['GermanIdCard', 'GermanIdCard', 'GermanIdCard']);
			expect(Math.max(...answers.map((a) => a.at)) - started).toBeGreaterThanOrEqual(3 * 300);
			expect(small.body).toEqual({ data: { __typename: 'Query' } });
			expect(small.at).toBeLessThan(Math.min(...answers.map((a) => a.at)));
		} finally {
			await tight.close();
		}
	});

	it('refuses more files than allowed', async () => {
		const few = await startTestServer({ limits: { ...t.server.services.config.limits, maxFiles: 1 } });
		try {
			const query = `query($a: ImageInput!, $b: ImageInput!) { faceCompare(image1: $a, image2: $b) { __typename } }`;
			const files = {
				0: { path: 'variables.a.upload', bytes: makePng(300, 200) },
				1: { path: 'variables.b.upload', bytes: makePng(300, 201) },
			};
			const response = await fetch(`${few.url}/graphql`, {
				method: 'POST',
				body: multipart(query, { a: { upload: null }, b: { upload: null } }, files),
				headers: auth,
			});
			expect(response.status).toBe(413);
			expect((await response.json()).errors[0].extensions).toEqual({ code: 'TOO_MANY_FILES', limit: 1 });
			expect(vendorCalls(few)).toHaveLength(0);
		} finally {
			await few.close();
		}
	});
});

describe('WhatsApp subscription (SSE)', () => {
	it('delivers the result the vendor calls back with, for a number still being checked', async () => {
		const number = '+6281234567808'; // the sandbox answers "checking", then calls back with the final result
		const subscription = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
			body: JSON.stringify({
				query: `subscription($n: String!) { whatsappResults(number: $n) { number status registered call { charged } } }`,
				variables: { n: number },
			}),
		});
		expect(subscription.status).toBe(200);
		expect(subscription.headers.get('content-type')).toMatch(/text\/event-stream/);
		const events = readEvents(subscription, (list) => list.some((e) => e.event === 'next'), 15_000);

		const { body } = await t.http(`query($n: String!) { whatsappCheck(number: $n) { __typename ... on WhatsappCheck { status } } }`, {
			n: number,
		});
		expect(body.data.whatsappCheck).toEqual({ __typename: 'WhatsappCheck', status: 'CHECKING' });

		const received = (await events).find((e) => e.event === 'next')!;
		expect(received.data).toEqual({ data: { whatsappResults: { number, status: 'YES', registered: true, call: null } } });
		const delivery = t.server.emulator!.accounting().callbacks[0];
		expect(delivery).toMatchObject({ httpStatus: 200, whatsapp: 'yes' });
		expect(delivery.url).toContain(`${t.url}/callbacks/whatsapp/`);
	});

	it('a number typed nationally, with its country, gets the callback too (signed and delivered in E.164)', async () => {
		const typed = '0812-3456-7818'; // +6281234567818: "checking", then a callback with the final result
		const subscription = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
			body: JSON.stringify({
				query: `subscription($n: String!, $c: String) { whatsappResults(number: $n, country: $c) { number status } }`,
				variables: { n: typed, c: 'ID' },
			}),
		});
		const events = readEvents(subscription, (list) => list.some((e) => e.event === 'next'), 15_000);
		const { body } = await t.http(
			`query($n: String!, $c: String) { whatsappCheck(number: $n, country: $c) { __typename ... on WhatsappCheck { status } } }`,
			{
				n: typed,
				c: 'ID',
			},
		);
		expect(body.data.whatsappCheck).toEqual({ __typename: 'WhatsappCheck', status: 'CHECKING' });
		const received = (await events).find((e) => e.event === 'next')!;
		expect(received.data).toEqual({ data: { whatsappResults: { number: '+6281234567818', status: 'YES' } } });
		const deliveries = t.server.emulator!.accounting().callbacks.filter((c) => c.whatsapp === 'yes');
		expect(deliveries.at(-1)).toMatchObject({ httpStatus: 200 });
	});

	it('refuses a callback whose signature does not match its number', async () => {
		const forged = await fetch(`${t.url}/callbacks/whatsapp/AAAAAAAAAAAAAAAAAAAAAAAA?number=%2B6281234567808&whatsapp=yes`);
		expect(forged.status).toBe(403);
		const { callbacks } = t.server.services;
		const genuine = callbacks.urlFor('+6281234567808')!;
		expect((await fetch(`${genuine}?number=%2B6281234567809&whatsapp=yes`)).status).toBe(403);
		expect((await fetch(`${genuine}?number=%2B6281234567808&whatsapp=maybe`)).status).toBe(400);
		expect((await fetch(`${genuine}?number=%2B6281234567808&whatsapp=no`)).status).toBe(200);
	});
});

describe('operations endpoints', () => {
	it('/health says the mode and the shared state, without a key', async () => {
		const response = await fetch(`${t.url}/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', mode: 'sandbox', sharedState: 'memory' });
	});

	it('/metrics counts requests, vendor calls by outcome, charged calls and latency', async () => {
		await t.http(`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`, {
			img: { base64: b64(makePng(300, 200, { marker: 'idv:face=metrics' })) },
		});
		await t.http(`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`, {
			img: { base64: b64(makePng(300, 200, { marker: 'idv:status=FAIL' })) },
		});
		const text = await (await fetch(`${t.url}/metrics`)).text();
		expect(text).toMatch(/idverify_graphql_requests_total\{status="200"\} \d+/);
		expect(text).toMatch(/idverify_vendor_calls_total\{operation="deIdCard",vendor="aisolution",outcome="success",source="vendor"\} [1-9]/);
		expect(text).toMatch(
			/idverify_vendor_calls_total\{operation="deIdCard",vendor="aisolution",outcome="negative",source="vendor"\} [1-9]/,
		);
		expect(text).toMatch(/idverify_vendor_charged_calls_total\{operation="deIdCard",vendor="aisolution"\} [1-9]/);
		expect(text).toMatch(/idverify_vendor_call_duration_seconds_bucket/);
		expect(text).toMatch(/idverify_graphql_request_duration_seconds_bucket/);
		expect(text).toMatch(/idverify_refusals_total\{reason="unauthenticated"\}|idverify_refusals_total/);
	});

	it('/metrics wants its token when one is configured', async () => {
		const guarded = await startTestServer({ metricsToken: 'metrics-secret' });
		try {
			expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
			expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })).status).toBe(200);
		} finally {
			await guarded.close();
		}
	});

	it('serves GraphiQL to a browser in development, without a key', async () => {
		const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
		expect(response.status).toBe(200);
		expect(await response.text()).toMatch(/idverify GraphQL/);
	});
});
