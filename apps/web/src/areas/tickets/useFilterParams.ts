import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { fromSearchParams, toSearchParams, type TicketFilterValues } from './ticket-filter';

/** The filter lives in the URL's search params: bookmarkable, and shared by the board and the list. */
export function useFilterParams(): [
  TicketFilterValues,
  (values: TicketFilterValues) => void,
  URLSearchParams,
] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const values = useMemo(() => fromSearchParams(new URLSearchParams(key)), [key]);
  const set = useCallback(
    (next: TicketFilterValues) => setParams((current) => toSearchParams(next, current), { replace: true }),
    [setParams],
  );
  return [values, set, params];
}
