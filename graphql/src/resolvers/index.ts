import type { Resolvers } from '../schema/types.generated';
import type { MutationResolvers, QueryResolvers, SubscriptionResolvers } from '../schema/types.generated';
import { addFace } from './Mutation/addFace';
import { deleteFace } from './Mutation/deleteFace';
import { documents } from './Query/documents';
import { faceCompare } from './Query/faceCompare';
import { faceSearch } from './Query/faceSearch';
import { idHolding } from './Query/idHolding';
import { readDocument } from './Query/readDocument';
import { verification, VERIFICATION_CALLS } from './Query/verification';
import { whatsappCheck } from './Query/whatsappCheck';
import type { Topics } from '../services';
import { JSONScalar } from './scalars';
import { whatsappResults } from './Subscription/whatsappResults';

/**
 * One resolver per root field, typed by the generated resolver types: a field added to the schema
 * without a resolver, or a resolver whose result does not fit its type, fails the build.
 * Unions and interfaces resolve by the __typename every result object carries.
 */
const Query: Required<Omit<QueryResolvers, '__isTypeOf'>> = {
	documents: (_root, args) => documents(args),
	readDocument: (_root, args, ctx) => readDocument(args, ctx),
	faceCompare: (_root, args, ctx) => faceCompare(args, ctx),
	idHolding: (_root, args, ctx) => idHolding(args, ctx),
	faceSearch: (_root, args, ctx) => faceSearch(args, ctx),
	whatsappCheck: (_root, args, ctx) => whatsappCheck(args, ctx),
	verification: (_root, args, ctx) => verification(args, ctx),
};

const Mutation: Required<Omit<MutationResolvers, '__isTypeOf'>> = {
	addFace: (_root, args, ctx) => addFace(args, ctx),
	deleteFace: (_root, args, ctx) => deleteFace(args, ctx),
};

const Subscription: Required<SubscriptionResolvers> = {
	whatsappResults: {
		subscribe: (_root, args, ctx) => whatsappResults(args, ctx),
		resolve: (payload: Topics['whatsapp'][1]) => payload,
	},
};

export const resolvers: Resolvers = { JSON: JSONScalar, Query, Mutation, Subscription };

/** How many vendor calls each root field may make, for the per-request limit checked before execution. */
export const VENDOR_CALLS: Readonly<Record<string, number>> = {
	'Query.readDocument': 1,
	'Query.faceCompare': 1,
	'Query.idHolding': 1,
	'Query.faceSearch': 1,
	'Query.whatsappCheck': 1,
	'Query.verification': VERIFICATION_CALLS,
	'Mutation.addFace': 1,
	'Mutation.deleteFace': 1,
};
