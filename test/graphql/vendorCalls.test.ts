import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { MUTATION_FIELDS, QUERY_FIELDS, VENDOR_CALLS } from '../../graphql/src/resolvers';
import { createSchema } from '../../graphql/src/schema';

/**
 * Every root field declares, beside its resolver, how many vendor calls it may make; the cost limit adds these up.
 * A field whose result can report a vendor call (it reaches CallInfo) must declare at least one: otherwise it would
 * cost 0 and slip past the request's vendor-call limit.
 */

/** Can a value of this type carry a CallInfo, however deep? */
function reachesCallInfo(schema: GraphQLSchema, type: GraphQLNamedType, seen = new Set<string>()): boolean {
	if (type.name === 'CallInfo') return true;
	if (seen.has(type.name)) return false;
	seen.add(type.name);
	const next = isUnionType(type) ? type.getTypes() : isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
	if (next.some((member) => reachesCallInfo(schema, member, seen))) return true;
	if (!isObjectType(type) && !isInterfaceType(type)) return false;
	return Object.values(type.getFields()).some((field) => reachesCallInfo(schema, getNamedType(field.type), seen));
}

const schema = createSchema();
const roots = [
	['Query', schema.getQueryType()!, QUERY_FIELDS],
	['Mutation', schema.getMutationType()!, MUTATION_FIELDS],
] as const;

describe.each(roots)('%s fields', (rootName, root, declared) => {
	it.each(Object.keys(root.getFields()))('%s declares its vendor calls, at least one when it can call a vendor', (name) => {
		const field = (declared as Record<string, { vendorCalls: number } | undefined>)[name];
		expect(field).toBeDefined();
		const paid = reachesCallInfo(schema, getNamedType(root.getFields()[name].type));
		if (paid) expect(field!.vendorCalls).toBeGreaterThanOrEqual(1);
		else expect(field!.vendorCalls).toBe(0);
		expect(VENDOR_CALLS[`${rootName}.${name}`]).toBe(field!.vendorCalls);
	});
});

it('the walk finds paid fields (it would catch an undeclared one)', () => {
	const paid = Object.entries(schema.getQueryType()!.getFields()).filter(([, f]) => reachesCallInfo(schema, getNamedType(f.type)));
	expect(paid.map(([name]) => name).sort()).toEqual([
		'faceCompare',
		'faceSearch',
		'idHolding',
		'readDocument',
		'verification',
		'whatsappCheck',
	]);
	expect(VENDOR_CALLS['Query.documents']).toBe(0);
	expect(VENDOR_CALLS['Query.verification']).toBe(4);
});
