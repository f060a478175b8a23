import { DateTimeResolver, JSONResolver, UUIDResolver } from 'graphql-scalars';

/** Shared scalars (graphql-scalars): use these in `@Field(() => …)`. */
export const DateTimeScalar = DateTimeResolver;
export const UUIDScalar = UUIDResolver;
export const JSONScalar = JSONResolver;
