import { makePng } from '../support/images';
import { KEYS, awayFromMinuteBoundary, b64, charged, startTestServer, vendorCalls, type TestServer } from './support';

const READ_DE = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename ... on Problem { code message } ... on BudgetExceeded { budgetPerDay resetsAt } ... on IdDocument { call { charged reused } } } }`;

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer();
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

const img = (marker = 'idv:face=x') => ({ base64: b64(makePng(300, 200, { marker })) });

describe('authentication', () => {
	it('refuses a request without an API key with 401, before reading it', async () => {
		const { status, body, headers } = await t.http(READ_DE, { img: img() }, { key: null });
		expect(status).toBe(401);
		expect(headers.get('www-authenticate')).toMatch(/Bearer/);
		expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('refuses an unknown key, and the sandbox key when keys are configured', async () => {
		expect((await t.gql(READ_DE, { img: img() }, { key: 'not-a-key' })).status).toBe(401);
		expect((await t.gql('{ documents { id } }', {}, { key: 'idv-sandbox-key' })).status).toBe(401);
	});

	it('accepts the key as Bearer or X-API-Key', async () => {
		expect((await t.gql('{ documents { id } }', {}, { key: KEYS.main })).status).toBe(200);
		const viaHeader = await t.gql('{ documents { id } }', {}, { key: null, headers: { 'x-api-key': KEYS.main } });
		expect(viaHeader.status).toBe(200);
	});

	it('refuses subscriptions without a key too', async () => {
		const response = await fetch(
			`${t.url}/graphql?query=${encodeURIComponent('subscription { whatsappResults(number: "+621") { status } }')}`,
			{ headers: { accept: 'text/event-stream' } },
		);
		expect(response.status).toBe(401);
		await response.body?.cancel();
	});
});

describe('budget of charged calls', () => {
	it('refuses the call past the budget with BudgetExceeded, and the vendor never sees it', async () => {
		// The "small" key may spend 2 charged calls a day.
		for (const face of ['a', 'b']) {
			const { body } = await t.gql(READ_DE, { img: img(`idv:face=${face}`) }, { key: KEYS.small });
			expect(body.data.readDocument.call.charged).toBe('CHARGED');
		}
		const before = vendorCalls(t).length;
		const { body } = await t.gql(READ_DE, { img: img('idv:face=c') }, { key: KEYS.small });
		expect(body.data.readDocument).toMatchObject({ __typename: 'BudgetExceeded', code: 'BUDGET_EXCEEDED', budgetPerDay: 2 });
		expect(body.data.readDocument.resetsAt).toMatch(/T00:00:00.000Z$/);
		expect(vendorCalls(t)).toHaveLength(before);
		expect(charged(t)).toBe(2);
		// Other keys are not affected.
		const other = await t.gql(READ_DE, { img: img('idv:face=c') }, { key: KEYS.main });
		expect(other.body.data.readDocument.__typename).toBe('GermanIdCard');
	});

	it('free answers and free operations do not spend the budget', async () => {
		const fresh = await startTestServer({}, { listen: false });
		try {
			for (let i = 0; i < 3; i++) {
				const { body } = await fresh.gql(READ_DE, { img: img(`idv:status=FAIL idv:face=${i}`) }, { key: KEYS.small });
				expect(body.data.readDocument.__typename).toBe('NotRecognized');
			}
			const added = await fresh.gql(
				`mutation($img: ImageInput!) { addFace(image: $img) { __typename } }`,
				{ img: img() },
				{ key: KEYS.small },
			);
			expect(added.body.data.addFace.__typename).toBe('FaceAdded');
			const { body } = await fresh.gql(READ_DE, { img: img() }, { key: KEYS.small });
			expect(body.data.readDocument.__typename).toBe('GermanIdCard');
			expect(await fresh.server.services.budgets.used({ name: 'small' } as never)).toBe(1);
		} finally {
			await fresh.close();
		}
	});

	it('concurrent fields cannot overspend: 5 different images on a budget of 2 make 2 charged calls', async () => {
		const fresh = await startTestServer({}, { listen: false });
		try {
			const fields = [0, 1, 2, 3, 4].map(
				(i) =>
					`f${i}: readDocument(document: DE_ID_CARD, image: { base64: "${b64(makePng(300, 200, { marker: `idv:face=${i}` }))}" }) { __typename }`,
			);
			const { body } = await fresh.gql(`{ ${fields.join('\n')} }`, {}, { key: KEYS.small });
			const types = Object.values(body.data).map((r: any) => r.__typename);
			expect(types.filter((x) => x === 'GermanIdCard')).toHaveLength(2);
			expect(types.filter((x) => x === 'BudgetExceeded')).toHaveLength(3);
			expect(fresh.server.emulator!.accounting().totals.charged).toBe(2);
		} finally {
			await fresh.close();
		}
	});
});

describe('rate limit', () => {
	it("answers 429 with Retry-After past the key's requests per minute", async () => {
		await awayFromMinuteBoundary();
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await t.gql('{ documents { id } }', {}, { key: KEYS.slow })).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const refused = await t.gql('{ documents { id } }', {}, { key: KEYS.slow });
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
	});
});

describe('vendor-call, alias and depth limits', () => {
	const field = (alias: string) => `${alias}: readDocument(document: DE_ID_CARD, image: $img) { __typename }`;

	it('100 aliased OCR fields are refused before any call', async () => {
		const query = `query($img: ImageInput!) { ${Array.from({ length: 100 }, (_, i) => field(`a${i}`)).join('\n')} }`;
		const { body } = await t.gql(query, { img: img() });
		expect(body.data).toBeUndefined();
		expect(body.errors?.map((e) => e.message).join('\n')).toMatch(/limit/i);
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('paid fields are counted however they are reached: aliases inside fragments, no alias at the root', async () => {
		// Two fragments of six aliased paid fields each, one reached through another fragment: 6 + 6 = 12 > 10.
		const three = (p: string) =>
			`${p}1: readDocument(document: DE_ID_CARD, image: $img) { __typename } ${p}2: faceSearch(image: $img) { __typename } ${p}3: idHolding(image: $img) { __typename }`;
		const query = `query($img: ImageInput!) { ...F ...G }
			fragment F on Query { ${three('f')} ${three('g')} } fragment G on Query { ...H } fragment H on Query { ${three('h')} ${three('i')} }`;
		const { body } = await t.gql(query, { img: img() });
		expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 10, value: 12 } });
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('verification counts as the four calls it may make', async () => {
		const v = (alias: string) => `${alias}: verification(input: { document: DE_ID_CARD, documentImage: $img }) { decision }`;
		const ok = await t.gql(`query($img: ImageInput!) { ${v('a')} ${v('b')} }`, { img: img() });
		expect(ok.body.errors).toBeUndefined();
		const refused = await t.gql(`query($img: ImageInput!) { ${v('a')} ${v('b')} ${v('c')} }`, { img: img() });
		expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', value: 12 });
	});

	it('a request within the limit runs its fields concurrently, and an identical image across fields is charged once', async () => {
		const query = `query($img: ImageInput!) { ${field('a')} ${field('b')} c: readDocument(document: DE_ID_CARD, image: $img) { ... on IdDocument { call { charged reused } } } }`;
		const { body } = await t.gql(query, { img: img() });
		expect(body.data.a.__typename).toBe('GermanIdCard');
		expect(vendorCalls(t, 'deIdCard')).toHaveLength(1);
		expect(charged(t)).toBe(1);
		expect(await t.server.services.budgets.used({ name: 'main' } as never)).toBeGreaterThanOrEqual(1);
	});

	it('an identical image sent once as upload and once as base64 is still one call', async () => {
		const bytes = makePng(300, 200, { marker: 'idv:face=mixed' });
		const form = new FormData();
		const query = `query($a: ImageInput!, $b: ImageInput!) { a: readDocument(document: DE_ID_CARD, image: $a) { ... on IdDocument { call { charged reused } } } b: readDocument(document: DE_ID_CARD, image: $b) { ... on IdDocument { call { charged reused } } } }`;
		form.append('operations', JSON.stringify({ query, variables: { a: { upload: null }, b: { base64: b64(bytes) } } }));
		form.append('map', JSON.stringify({ 0: ['variables.a.upload'] }));
		form.append('0', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'card.png');
		const response = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			body: form,
			headers: { authorization: `Bearer ${KEYS.main}`, 'x-graphql-yoga-csrf': '1' },
		});
		const body = await response.json();
		const calls = [body.data.a.call, body.data.b.call];
		expect(calls.filter((c) => c.charged === 'CHARGED')).toHaveLength(1);
		expect(calls.filter((c) => c.reused)).toHaveLength(1);
		expect(vendorCalls(t, 'deIdCard')).toHaveLength(1);
	});

	it('depth and alias limits', async () => {
		const aliases = Array.from({ length: 20 }, (_, i) => `d${i}: documents { id }`).join(' ');
		const { body } = await t.gql(`{ ${aliases} }`);
		expect(body.errors?.[0]).toMatchObject({
			message: 'This query has 20 aliases; the limit is 15.',
			extensions: { code: 'TOO_MANY_ALIASES' },
		});
		const deep = await t.gql(
			'{ documents { id } __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }',
		);
		expect(deep.body.errors).toBeUndefined(); // introspection is exempt
		const shallow = await startTestServer({ limits: { ...t.server.services.config.limits, maxDepth: 3 } }, { listen: false });
		try {
			const tooDeep = await shallow.gql(
				`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { ... on IdDocument { checks { notExpired { result } } } } }`,
				{ img: img() },
			);
			expect(tooDeep.body.errors?.[0]).toMatchObject({
				message: 'This query nests fields 4 levels deep; the limit is 3.',
				extensions: { code: 'TOO_DEEP' },
			});
			expect(vendorCalls(shallow)).toHaveLength(0);
		} finally {
			await shallow.close();
		}
	});
});

describe('CSRF, CORS and masked errors', () => {
	it('refuses a multipart request without the CSRF header (a browser form could send it)', async () => {
		const form = new FormData();
		form.append('operations', JSON.stringify({ query: '{ documents { id } }' }));
		form.append('map', '{}');
		const response = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${KEYS.main}` } });
		expect(response.status).toBe(403);
	});

	it('answers a preflight only for listed origins', async () => {
		const listed = await startTestServer({ corsOrigins: ['https://app.example'] });
		try {
			const allowed = await fetch(`${listed.url}/graphql`, {
				method: 'OPTIONS',
				headers: {
					origin: 'https://app.example',
					'access-control-request-method': 'POST',
					'access-control-request-headers': 'authorization,content-type',
				},
			});
			expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
			expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
			const other = await fetch(`${listed.url}/graphql`, {
				method: 'OPTIONS',
				headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
			});
			expect(other.headers.get('access-control-allow-origin')).toBeNull();
		} finally {
			await listed.close();
		}
	});

	it('masks an unexpected error as "Unexpected error." without detail', async () => {
		const original = t.server.services.client.scope;
		t.server.services.client.scope = () => ({
			call: async () => {
				throw new Error('socket exploded at 10.0.0.7 with password hunter2');
			},
		});
		try {
			const { body, text } = await t.gql(READ_DE, { img: img() });
			expect(body.errors?.[0].message).toBe('Unexpected error.');
			expect(text).not.toMatch(/hunter2|10\.0\.0\.7|exploded/);
		} finally {
			t.server.services.client.scope = original;
		}
	});

	it('fails closed when the budget store cannot answer: no vendor call, a clear error', async () => {
		const original = t.server.services.budgets.reserve;
		t.server.services.budgets.reserve = async () => {
			throw new Error('connect ECONNREFUSED redis:6379');
		};
		try {
			const { body, text } = await t.gql(READ_DE, { img: img() });
			expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
			expect(text).not.toMatch(/ECONNREFUSED/);
			expect(vendorCalls(t)).toHaveLength(0);
		} finally {
			t.server.services.budgets.reserve = original;
		}
	});

	it('hides the schema when introspection is off, including "Did you mean" hints', async () => {
		const closed = await startTestServer({ introspection: false }, { listen: false });
		try {
			const { body } = await closed.gql('{ __schema { types { name } } }');
			expect(body.errors?.[0].message).toMatch(/introspection/i);
			const typo = await closed.gql('{ document { id } }');
			expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
		} finally {
			await closed.close();
		}
	});
});

describe('secrets and personal data', () => {
	it('no vendor credential or API key appears in any response, error or log line', async () => {
		const { credentials } = t.server.emulator!;
		const answers = [
			await t.gql(READ_DE, { img: img() }),
			await t.gql(READ_DE, { img: img('idv:status=RETRY_LATER') }),
			await t.gql(
				`query($img: ImageInput!) { readDocument(document: ID_KTP_ACCUAUTH, image: $img) { __typename ... on Problem { message } } }`,
				{ img: img('idv:status=UNAUTHORIZED') },
			),
			await t.gql(`mutation($img: ImageInput!) { addFace(image: $img) { __typename ... on FaceAdded { personId } } }`, { img: img() }),
			await t.gql('{ nope }'),
			await t.http(READ_DE, { img: img() }, { key: 'wrong' }),
		];
		const metrics = await (await fetch(`${t.url}/metrics`)).text();
		const everything = [...answers.map((a) => a.text), ...t.logs, metrics].join('\n');
		for (const secret of [credentials.token, credentials.apiId, credentials.apiSecret, KEYS.main]) expect(everything).not.toContain(secret);
	});

	it('logs carry no image bytes and no document data', async () => {
		const bytes = makePng(300, 200, { marker: 'idv:face=logcheck' });
		const { body } = await t.gql(
			`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { ... on IdDocument { raw } } }`,
			{ img: { base64: b64(bytes) } },
		);
		const raw = body.data.readDocument.raw as Record<string, string>;
		const logs = t.logs.join('\n');
		expect(logs).not.toContain(b64(bytes).slice(0, 40));
		for (const value of Object.values(raw)) expect(logs).not.toContain(String(value));
		expect(logs).toContain('"operation":"deIdCard"');
	});
});
