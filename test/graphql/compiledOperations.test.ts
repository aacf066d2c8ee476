import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { useCompiledOperations } from '../../graphql/src/useCompiledOperations';

/**
 * Compiled operations (graphql-jit) answer exactly as Yoga's own executor does. Every request below goes to two Yoga
 * servers on one schema, one with the plugin, three times each (the first run is interpreted, later ones compiled),
 * and every answer must be the same. The schema has what ours uses: unions and interfaces resolved by type,
 * enums, input objects with defaults, a custom scalar, async resolvers, thrown and coded errors, non-null fields.
 */

const typeDefs = /* GraphQL */ `
	scalar Stamp
	enum Color {
		RED
		GREEN
	}
	interface Problem {
		code: String!
		message: String!
	}
	type Card {
		number: String!
		color: Color
		stamp: Stamp
		tags: [String!]!
		secret: String
	}
	type Rejected implements Problem {
		code: String!
		message: String!
		limit: Int
	}
	union Result = Card | Rejected
	input Img {
		base64: String!
		size: Int = 3
	}
	type Query {
		read(img: Img!, color: Color): Result!
		cards: [Card!]!
		boom: String
		coded: String
		strict: String!
	}
	type Mutation {
		charge(units: Int!): Int!
	}
`;

/** Whether each resolver call came from Yoga's executor (its executeField frame) or from compiled code. */
const callers: ('executor' | 'compiled')[] = [];
const caller = () => callers.push(/executeField/.test(new Error().stack ?? '') ? 'executor' : 'compiled');

const schema = makeExecutableSchema({
	typeDefs,
	resolvers: {
		Stamp: new GraphQLScalarType({ name: 'Stamp', serialize: (value) => `@${String(value)}` }),
		Result: { __resolveType: (value: { code?: string }) => (value.code ? 'Rejected' : 'Card') },
		Problem: { __resolveType: () => 'Rejected' },
		Card: {
			secret: () => {
				throw new Error('secret internals');
			},
		},
		Query: {
			read: async (_: unknown, args: { img: { base64: string; size: number }; color?: string }) => {
				caller();
				if (args.img.base64 === 'bad') return { code: 'INVALID_BASE64', message: 'not base64', limit: args.img.size };
				return { number: `${args.img.base64}-${args.img.size}`, color: args.color ?? null, stamp: 7, tags: ['a', 'b'] };
			},
			cards: () => {
				caller();
				return [Promise.resolve({ number: '1', tags: [] }), { number: '2', color: 'GREEN', tags: ['x'] }];
			},
			boom: () => {
				caller();
				throw new Error('secret internals');
			},
			coded: () => {
				caller();
				throw new GraphQLError('Refused', { extensions: { code: 'REFUSED' } });
			},
			strict: () => {
				caller();
				return null;
			},
		},
		Mutation: {
			charge: (_: unknown, args: { units: number }) => {
				caller();
				return args.units * 2;
			},
		},
	},
});

const interpreted = createYoga({ schema, logging: false });
const compiled = createYoga({ schema, logging: false, plugins: [useCompiledOperations()] });

async function ask(yoga: typeof interpreted, body: Record<string, unknown>) {
	const response = await yoga.fetch('http://localhost/graphql', {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

const READ = `query Read($img: Img!, $color: Color, $full: Boolean!, $short: Boolean!) {
	read(img: $img, color: $color) {
		__typename
		... on Card { number }
		...CardDetails @include(if: $full)
		...CardNumber @skip(if: $short)
		... on Problem { code message }
		... on Rejected { limit }
	}
}
fragment CardDetails on Card { color stamp tags }
fragment CardNumber on Card { number color @skip(if: $short) }`;

const TWO_OPERATIONS = `query Cards { cards { number color stamp } }
mutation Charge($units: Int!) { charge(units: $units) }`;

const requests: [string, Record<string, unknown>][] = [
	['a card, every fragment', { query: READ, variables: { img: { base64: 'abc', size: 5 }, color: 'RED', full: true, short: false } }],
	['fragments skipped', { query: READ, variables: { img: { base64: 'abc' }, full: false, short: true } }],
	['a problem in the union', { query: READ, variables: { img: { base64: 'bad' }, full: true, short: false } }],
	['aliases', { query: '{ a: read(img: { base64: "x" }) { ... on Card { n: number } } b: read(img: { base64: "bad" }) { __typename } }' }],
	['an async list', { query: '{ cards { number color stamp tags } }' }],
	['an unexpected error is masked', { query: '{ boom cards { number } }' }],
	[
		'errors in list items, under an alias, in a fragment',
		{ query: '{ cards { secret } read(img: { base64: "x" }) { ...S } } fragment S on Card { s: secret }' },
	],
	['a coded error keeps its code', { query: '{ coded }' }],
	['null in a non-null field', { query: '{ strict cards { number } }' }],
	['the first of two operations', { query: TWO_OPERATIONS, operationName: 'Cards' }],
	['the second of two operations', { query: TWO_OPERATIONS, operationName: 'Charge', variables: { units: 21 } }],
	['no operation named', { query: TWO_OPERATIONS }],
	['a variable of the wrong type', { query: READ, variables: { img: { base64: 5 }, full: true, short: true } }],
	['a variable missing', { query: READ, variables: { full: true, short: true } }],
	['an unknown input field', { query: READ, variables: { img: { base64: 'a', nope: 1 }, full: true, short: true } }],
	['an enum value that does not exist', { query: READ, variables: { img: { base64: 'a' }, color: 'BLUE', full: true, short: true } }],
];

describe('compiled operations answer as the interpreter does', () => {
	it.each(requests)('%s', async (_, body) => {
		for (let run = 1; run <= 3; run++) {
			expect(await ask(compiled, body)).toEqual(await ask(interpreted, body));
		}
	});

	it('compiles from the second run of an operation, and runs the compiled code', async () => {
		const body = { query: '{ cards { number } }' };
		callers.length = 0;
		await ask(compiled, body);
		await ask(compiled, body);
		await ask(compiled, body);
		expect(callers).toEqual(['executor', 'compiled', 'compiled']);
	});

	it('runs the operation each request names, after compiling another of the same document', async () => {
		await ask(compiled, { query: TWO_OPERATIONS, operationName: 'Cards' });
		await ask(compiled, { query: TWO_OPERATIONS, operationName: 'Cards' });
		const charge = await ask(compiled, { query: TWO_OPERATIONS, operationName: 'Charge', variables: { units: 4 } });
		expect(charge.body).toEqual({ data: { charge: 8 } });
	});
});
