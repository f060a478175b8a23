import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { toApiProblem, type ApiProblem } from '../api/errors';

interface Connection<N> {
  nodes: readonly N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount?: number;
}

/**
 * A cursor-paginated list (the API's connections): the first page, then "load more" appends the
 * next one. Changing the filter variables starts again from the first page.
 * `pick` finds the connection in the query's data.
 */
export function useConnection<Data, Variables extends AnyVariables & { after?: string | null }, N>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  pick: (data: Data) => Connection<N>,
  options: { pause?: boolean } = {},
): {
  nodes: N[];
  totalCount: number | undefined;
  hasMore: boolean;
  loadMore: () => void;
  fetching: boolean;
  problem: ApiProblem | undefined;
  refetch: () => void;
} {
  const key = JSON.stringify(variables);
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<{ key: string; cursor: string | null; nodes: N[] }[]>([]);
  useEffect(() => {
    setAfter(null);
    setPages([]);
  }, [key]);
  const vars = useMemo(() => ({ ...variables, after }) as unknown as Variables, [key, after]); // eslint-disable-line react-hooks/exhaustive-deps
  const [{ data, error, fetching }, reexecute] = useQuery({ query, variables: vars, pause: options.pause });
  const connection = data ? pick(data) : undefined;
  useEffect(() => {
    if (!connection) return;
    setPages((current) => {
      const kept = current.filter((p) => p.key === key && p.cursor !== after);
      return [...kept, { key, cursor: after, nodes: [...connection.nodes] }];
    });
  }, [connection, key, after]);
  const nodes = useMemo(() => pages.filter((p) => p.key === key).flatMap((p) => p.nodes), [pages, key]);
  const loadMore = useCallback(() => {
    if (connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor)
      setAfter(connection.pageInfo.endCursor);
  }, [connection]);
  const refetch = useCallback(() => {
    setAfter(null);
    setPages([]);
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);
  return {
    nodes,
    totalCount: connection?.totalCount,
    hasMore: Boolean(connection?.pageInfo.hasNextPage),
    loadMore,
    fetching,
    problem: toApiProblem(error),
    refetch,
  };
}
