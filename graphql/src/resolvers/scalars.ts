import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Any JSON value, passed through as it is (the vendor's raw answer). */
export const JSONScalar = new GraphQLScalarType({
	name: 'JSON',
	serialize: (value) => value,
	parseValue: (value) => value,
	parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
