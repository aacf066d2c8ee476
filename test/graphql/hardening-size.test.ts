import { KEYS, startTestServer, vendorCalls, type TestServer } from './support';

/** Big documents are refused before parsing (bytes) or as soon as the parser has read too many tokens. */

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer();
});
afterAll(() => t.close());

// 400,000 fields, 4.4 MB: a comment makes each copy new to Yoga's parse cache, as an attacker's would be.
const bigQuery = (tag: string) => `{ ${'__typename '.repeat(400_000)}} # ${tag}`;

describe('query size', () => {
	it('refuses a 4.4 MB query of 400k fields with QUERY_TOO_LARGE, cheaply (CPU printed)', async () => {
		const cpuMs: number[] = [];
		for (let i = 0; i < 3; i++) {
			const query = bigQuery(`in-process ${i}`);
			const before = process.cpuUsage();
			const { status, body } = await t.gql(query);
			const used = process.cpuUsage(before);
			cpuMs.push((used.user + used.system) / 1000);
			expect(status).toBe(413);
			expect(body.errors).toEqual([
				{
					message: `This query is ${Buffer.byteLength(query).toLocaleString('en-US')} bytes; the limit is 131,072 bytes.`,
					extensions: { code: 'QUERY_TOO_LARGE', limit: 131072, value: Buffer.byteLength(query) },
				},
			]);
		}
		// No timed assertion (the machine is shared): the figure is for the record.
		console.log(
			`4.4 MB query, CPU of the whole in-process request (JSON body parse included): ${cpuMs.map((ms) => ms.toFixed(1)).join(' / ')} ms`,
		);
	});

	it('keeps /health answering while three 4.4 MB queries arrive over HTTP', async () => {
		// The bodies are encoded before the clock starts: this process is also the client.
		const bodies = [0, 1, 2].map((i) => Buffer.from(JSON.stringify({ query: bigQuery(`http ${i}`) })));
		const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEYS.main}` };
		let worst = 0;
		let stop = false;
		const poll = (async () => {
			while (!stop) {
				const start = performance.now();
				expect((await fetch(`${t.url}/health`)).status).toBe(200);
				worst = Math.max(worst, performance.now() - start);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
		})();
		const answers = await Promise.all(
			bodies.map((body) => fetch(`${t.url}/graphql`, { method: 'POST', headers, body }).then((r) => r.json())),
		);
		stop = true;
		await poll;
		expect(answers.map((answer) => answer.errors?.[0].extensions?.code)).toEqual(['QUERY_TOO_LARGE', 'QUERY_TOO_LARGE', 'QUERY_TOO_LARGE']);
		console.log(`slowest /health answer while three 4.4 MB queries were refused: ${worst.toFixed(1)} ms`);
	});

	it('refuses a query of more tokens than allowed with TOO_MANY_TOKENS, within the byte limit', async () => {
		const query = `{ ${'__typename '.repeat(10_001)}}`;
		expect(Buffer.byteLength(query)).toBeLessThan(131_072);
		const { status, body } = await t.gql(query);
		expect(status).toBe(413);
		expect(body.errors).toEqual([
			{ message: 'This query has more than 10,000 tokens, the limit.', extensions: { code: 'TOO_MANY_TOKENS', limit: 10_000 } },
		]);
	});

	it('counts bytes, not characters, and comments too', async () => {
		const small = await startTestServer({ limits: { ...t.server.services.config.limits, maxQueryBytes: 100 } }, { listen: false });
		try {
			// 40 characters of "é" are 80 bytes: with the rest, over 100 bytes though under 100 characters.
			const { body } = await small.gql(`{ documents { id } } # ${'é'.repeat(40)}`);
			expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: 100, value: 103 });
			const fits = await small.gql(`{ documents { id } } # ${'e'.repeat(40)}`);
			expect(fits.body.errors).toBeUndefined();
		} finally {
			await small.close();
		}
	});

	it('a refused query makes no vendor call', async () => {
		t.server.emulator!.reset();
		const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } } # ${'x'.repeat(140_000)}`;
		const { body } = await t.gql(query, { img: { base64: 'AAAA' } });
		expect(body.errors?.[0].extensions?.code).toBe('QUERY_TOO_LARGE');
		expect(vendorCalls(t)).toHaveLength(0);
	});
});
