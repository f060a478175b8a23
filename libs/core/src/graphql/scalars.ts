import {
  DateTimeResolver,
  GraphQLSafeInt,
  JSONResolver,
  LocalDateResolver,
  UUIDResolver,
} from 'graphql-scalars';

/** Shared scalars (graphql-scalars): use these in `@Field(() => …)`. */
export const DateTimeScalar = DateTimeResolver;
export const UUIDScalar = UUIDResolver;
export const JSONScalar = JSONResolver;
/** A calendar date, `YYYY-MM-DD` (contract start and end dates). */
export const LocalDateScalar = LocalDateResolver;
/** An integer exact in JavaScript (|n| < 2^53): money in minor units. */
export const SafeIntScalar = GraphQLSafeInt;
