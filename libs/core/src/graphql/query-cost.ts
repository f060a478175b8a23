import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-args';

/**
 * The cost of a query before it runs: every field costs 1 unless it declares a `complexity`
 * (connections multiply their children by `first`). Over the limit, nothing is resolved.
 */
export function assertQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
  operationName?: string,
): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : 'The query variables are not valid.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (cost > maxCost) {
    throw new GraphQLError(
      `This query would cost ${cost} points and the limit is ${maxCost}. Ask for fewer fields or smaller pages (lower \`first\`).`,
      { extensions: { code: 'BAD_USER_INPUT', cost, maxCost } },
    );
  }
  return cost;
}

/** Cost of a connection field: its children once per requested item. */
export function connectionCost(options: { args: { first?: number }; childComplexity: number }): number {
  // Clamped like the page size itself, so a negative `first` cannot pay for its siblings.
  const first = Math.min(Math.max(Math.trunc(options.args.first ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  return 1 + first * Math.max(options.childComplexity, 1);
}
