import * as documents from '../modules/documents/resolvers';
import * as faces from '../modules/faces/resolvers';
import * as verification from '../modules/verification/resolvers';
import * as whatsapp from '../modules/whatsapp/resolvers';
import type { MutationFields, QueryFields, RootField } from '../schema/fields';
import type { Resolvers } from '../schema/types.generated';
import { JSONScalar } from './scalars';

/**
 * The modules' root fields, each typed by the generated resolver types: a field added to the schema without a
 * resolver and its declared vendor calls, or a resolver whose result does not fit its type, fails the build.
 * Unions and interfaces resolve by the __typename every result object carries.
 */
export const QUERY_FIELDS: QueryFields = { ...documents.query, ...faces.query, ...whatsapp.query, ...verification.query };
export const MUTATION_FIELDS: MutationFields = { ...faces.mutation };

const resolversOf = <Fields extends Record<string, RootField<unknown>>>(fields: Fields) =>
	Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.resolve])) as {
		[Name in keyof Fields]: Fields[Name]['resolve'];
	};

export const resolvers: Resolvers = {
	JSON: JSONScalar,
	Query: resolversOf(QUERY_FIELDS),
	Mutation: resolversOf(MUTATION_FIELDS),
	Subscription: whatsapp.subscription,
};

/** How many vendor calls each root field may make, as declared beside its resolver: the request's cost limit reads it. */
export const VENDOR_CALLS: Readonly<Record<string, number>> = Object.fromEntries([
	...Object.entries(QUERY_FIELDS).map(([name, field]) => [`Query.${name}`, field.vendorCalls] as const),
	...Object.entries(MUTATION_FIELDS).map(([name, field]) => [`Mutation.${name}`, field.vendorCalls] as const),
]);
