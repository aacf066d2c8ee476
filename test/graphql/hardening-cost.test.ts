import {
	getNamedType,
	isAbstractType,
	isCompositeType,
	isInterfaceType,
	isObjectType,
	isUnionType,
	type GraphQLSchema,
	type GraphQLCompositeType,
} from 'graphql';
import { makePng } from '../support/images';
import { b64, startTestServer, vendorCalls, type TestServer } from './support';

/** A request costs the vendor calls it can make; depth and aliases are structural limits with their own codes. */

let t: TestServer;
beforeAll(async () => {
	t = await startTestServer({}, { listen: false });
});
afterAll(() => t.close());
beforeEach(() => t.server.emulator!.reset());

const img = (marker = 'idv:face=x') => ({ base64: b64(makePng(300, 200, { marker })) });
const schemaOf = (server: TestServer) =>
	(server.server.yoga as unknown as { getEnveloped(ctx: object): { schema: GraphQLSchema } }).getEnveloped({}).schema;

/** Every field of a type, objects expanded, as a client generated from the schema would select them. */
function everyField(type: GraphQLCompositeType): string {
	if (isAbstractType(type)) return '__typename';
	return Object.values(type.getFields())
		.filter((field) => field.args.every((arg) => !arg.type.toString().endsWith('!')))
		.map((field) => {
			const named = getNamedType(field.type);
			return isCompositeType(named) ? `${field.name} { ${everyField(named)} }` : field.name;
		})
		.join(' ');
}

/**
 * One readDocument with an inline fragment for every document type, each spreading a canonical fragment on
 * the IdDocument interface: the natural codegen style.
 */
function everyDocumentTypeQuery(schema: GraphQLSchema) {
	const results = schema.getType('ReadDocumentResult');
	const canonical = schema.getType('IdDocument');
	if (!isUnionType(results) || !isInterfaceType(canonical))
		throw new Error('the schema has no ReadDocumentResult union or IdDocument interface');
	const documents = results.getTypes().filter((type) => isObjectType(type) && type.getInterfaces().includes(canonical));
	const perType = documents.map((type) => `... on ${type.name} { ...Canonical ${everyField(type)} }`).join('\n');
	const query = `query Read($img: ImageInput!) {
		readDocument(document: DE_ID_CARD, image: $img) { __typename ${perType} ... on Problem { code message } }
	}
	fragment Canonical on IdDocument { ${everyField(canonical)} }`;
	return { query, documentTypes: documents.length };
}

const paid = (alias: string, marker = 'x') =>
	`${alias}: readDocument(document: DE_ID_CARD, image: { base64: "${b64(makePng(300, 200, { marker: `idv:face=${marker}` }))}" }) { __typename }`;

describe('cost is the vendor calls a request can make', () => {
	it('one readDocument with a fragment for every document type passes, and makes one call', async () => {
		const { query, documentTypes } = everyDocumentTypeQuery(schemaOf(t));
		expect(documentTypes).toBeGreaterThanOrEqual(15);
		const { body } = await t.gql(query, { img: img() });
		expect(body.errors).toBeUndefined();
		expect(body.data.readDocument.__typename).toBe('GermanIdCard');
		expect(body.data.readDocument.documentNumber).toEqual(expect.any(String));
		expect(vendorCalls(t)).toHaveLength(1);
	});

	it('an alias bomb of paid fields is refused before any call, with QUERY_TOO_COSTLY', async () => {
		const query = `{ ${Array.from({ length: 11 }, (_, i) => paid(`a${i}`, String(i))).join('\n')} }`;
		const { body } = await t.gql(query);
		expect(body.data).toBeUndefined();
		expect(body.errors).toHaveLength(1);
		expect(body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 10, value: 11 } });
		expect(body.errors![0].message).toBe(
			'This request could make 11 vendor calls; the limit is 10 per request. Split it into several requests.',
		);
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('fragments that multiply paid fields are refused before any call', async () => {
		// Two fragments of six aliased paid fields each, reached through nested fragments and inline fragments.
		const six = (prefix: string) => Array.from({ length: 6 }, (_, i) => paid(`${prefix}${i}`, `${prefix}${i}`)).join(' ');
		const query = `{ ...Outer }
			fragment Outer on Query { ... on Query { ...A } ...B }
			fragment A on Query { ${six('a')} }
			fragment B on Query { ${six('b')} }`;
		const { body } = await t.gql(query);
		expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', value: 12 } });
		expect(vendorCalls(t)).toHaveLength(0);
	});

	it('counts what runs: a fragment spread four times runs its paid fields once, and the emulator agrees', async () => {
		const query = `query($img: ImageInput!) { ...F ...F ...F ...F }
			fragment F on Query { readDocument(document: DE_ID_CARD, image: $img) { __typename } faceSearch(image: $img) { __typename } idHolding(image: $img) { __typename } }`;
		const { body } = await t.gql(query, { img: img() });
		expect(body.errors).toBeUndefined();
		expect(
			vendorCalls(t)
				.map((call) => call.operationId)
				.sort(),
		).toEqual(['deIdCard', 'faceSearch', 'idHolding']);

		const tight = await startTestServer({ limits: { ...t.server.services.config.limits, maxVendorCalls: 2 } }, { listen: false });
		try {
			const refused = await tight.gql(query, { img: img() });
			expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 2, value: 3 } });
			expect(vendorCalls(tight)).toHaveLength(0);
		} finally {
			await tight.close();
		}
	});

	it('a fragment chain that doubles at every level is checked at once, and counts the one field it runs', async () => {
		// 40 levels of "...Next ...Next": walking every spread would take 2^40 steps.
		const levels = Array.from({ length: 40 }, (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`).join('\n');
		const query = `query($img: ImageInput!) { ...L0 }\n${levels}\nfragment L40 on Query { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;
		const { body } = await t.gql(query, { img: img() });
		expect(body.errors).toBeUndefined();
		expect(vendorCalls(t)).toHaveLength(1);
	});
});

describe('structural limits have their own codes', () => {
	it('too many aliases: TOO_MANY_ALIASES, counted at each spread of a fragment', async () => {
		const aliases = Array.from({ length: 8 }, (_, i) => `d${i}: documents { id }`).join(' ');
		const { body } = await t.gql(`{ ...F ...G } fragment F on Query { ${aliases} } fragment G on Query { ...F }`);
		expect(body.errors).toHaveLength(1);
		expect(body.errors![0]).toMatchObject({
			message: 'This query has 16 aliases; the limit is 15.',
			extensions: { code: 'TOO_MANY_ALIASES', limit: 15, value: 16 },
		});
	});

	it('too deep: TOO_DEEP, fields counted through fragments (a fragment adds no level)', async () => {
		const shallow = await startTestServer({ limits: { ...t.server.services.config.limits, maxDepth: 3 } }, { listen: false });
		try {
			const fits = await shallow.gql(
				`query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { ... on IdDocument { ...C } } } fragment C on IdDocument { checks { __typename } }`,
				{ img: img() },
			);
			expect(fits.body.errors).toBeUndefined();
			shallow.server.emulator!.reset();
			const query = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { ...D } } fragment D on IdDocument { checks { notExpired { result } } }`;
			const tooDeep = await shallow.gql(query, { img: img() });
			expect(tooDeep.body.errors).toHaveLength(1);
			expect(tooDeep.body.errors![0]).toMatchObject({
				message: 'This query nests fields 4 levels deep; the limit is 3.',
				extensions: { code: 'TOO_DEEP', limit: 3, value: 4 },
			});
			expect(vendorCalls(shallow)).toHaveLength(0);
		} finally {
			await shallow.close();
		}
	});

	it('no refusal is labelled as a syntax error', async () => {
		const answers = await Promise.all([
			t.gql(`{ ${Array.from({ length: 11 }, (_, i) => paid(`a${i}`, String(i))).join('\n')} }`),
			t.gql(`{ ${Array.from({ length: 16 }, (_, i) => `d${i}: documents { id }`).join(' ')} }`),
		]);
		const messages = answers.flatMap((answer) => answer.body.errors ?? []).map((error) => error.message);
		expect(messages).toHaveLength(2);
		for (const message of messages) expect(message).not.toMatch(/syntax/i);
	});
});
