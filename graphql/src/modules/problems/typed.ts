/** A result object that names its GraphQL type, so unions and interfaces resolve by __typename. */
export type Typed<T, Name extends string> = Omit<T, '__typename'> & { __typename: Name };
