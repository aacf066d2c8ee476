import type { MutationResolvers, QueryResolvers } from './types.generated';

/**
 * A root field: its resolver, and the vendor calls one selection of it may make, declared side by side.
 * The request's cost limit adds these up before anything runs, so a field cannot be paid for without being counted.
 */
export interface RootField<Resolve> {
	vendorCalls: number;
	resolve: Resolve;
}

/** A field that may call a vendor `vendorCalls` times (aliases and fragments count each selection). */
export const paid = <Resolve>(vendorCalls: number, resolve: Resolve): RootField<Resolve> => {
	if (!(Number.isInteger(vendorCalls) && vendorCalls > 0))
		throw new RangeError(`a paid field makes at least one vendor call, got ${vendorCalls}`);
	return { vendorCalls, resolve };
};

/** A field that never calls a vendor. */
export const free = <Resolve>(resolve: Resolve): RootField<Resolve> => ({ vendorCalls: 0, resolve });

type Fields<Resolvers> = { [Name in Exclude<keyof Resolvers, '__isTypeOf'>]-?: RootField<NonNullable<Resolvers[Name]>> };
export type QueryFields = Fields<QueryResolvers>;
export type MutationFields = Fields<MutationResolvers>;
