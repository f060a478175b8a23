import type { DataAccessRequestStatus } from '../../gql/graphql';
import { oneOf, REQUEST_STATUSES } from './enums';

export type ReviewView = 'awaiting' | 'mine';

export interface ReviewFilters {
  view: ReviewView;
  status?: DataAccessRequestStatus;
  overdue?: boolean;
}

export function reviewFiltersFromSearchParams(params: URLSearchParams): ReviewFilters {
  const overdue = params.get('overdue');
  return {
    view: params.get('view') === 'mine' ? 'mine' : 'awaiting',
    ...(oneOf(REQUEST_STATUSES, params.get('status'))
      ? { status: oneOf(REQUEST_STATUSES, params.get('status')) }
      : {}),
    ...(overdue === 'true' || overdue === 'false' ? { overdue: overdue === 'true' } : {}),
  };
}

export function reviewFiltersToSearchParams(filters: ReviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view === 'mine') params.set('view', 'mine');
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  return params;
}

/** dataAccessRequests(...) variables: both views are the API's own filters, so pages and counts are exact. */
export function reviewVariables(consortiumId: string, filters: ReviewFilters, first = 20) {
  return {
    consortiumId,
    first,
    ...(filters.view === 'awaiting' ? { awaitingMyReview: true } : { mine: true }),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.overdue !== undefined ? { overdue: filters.overdue } : {}),
  };
}
