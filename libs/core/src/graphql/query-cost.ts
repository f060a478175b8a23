import { GraphQLError, Kind, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';
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

/**
 * What work costs, in points (the limit is GRAPHQL_MAX_COST, 5,000 by default). A field costs 1; these
 * are declared next to the fields that do more than read a loaded value.
 */
export const COST = {
  /** `totalCount`: a count over the filtered rows, one statement per alias. */
  totalCount: 25,
  /**
   * A full-text or name search on top of a list: ranking every match in the list's scope, tens of
   * milliseconds on a large consortium; counting a search's matches runs it again and costs as much.
   */
  search: 800,
  /** Verifying an audit chain from its last intact checkpoint; `full` re-reads the whole chain. */
  verification: 250,
  fullVerification: 1_000,
  /** Rendering a file (Word, PDF, Excel). */
  document: 250,
} as const;

/**
 * Cost of a connection field: its children once per requested item, plus a search and a count
 * (`totalCount`, one statement per connection, whatever the page size) when asked for.
 */
export function connectionCost(options: {
  args: { first?: number; search?: unknown; filter?: { search?: unknown } | null };
  childComplexity: number;
  node?: FieldNode;
}): number {
  // Clamped like the page size itself, so a negative `first` cannot pay for its siblings.
  const first = Math.min(Math.max(Math.trunc(options.args.first ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const search = options.args.search ?? options.args.filter?.search;
  const searching = typeof search === 'string' && search.trim() !== '';
  const counting = options.node?.selectionSet?.selections.some(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === 'totalCount',
  );
  return (
    1 +
    first * Math.max(options.childComplexity, 1) +
    (searching ? COST.search : 0) +
    (counting ? (searching ? COST.search : COST.totalCount) : 0)
  );
}
