import type { TicketCategory, TicketFilter, TicketSeverity, TicketStatus } from '../../gql/graphql';
import { CATEGORIES, SEVERITIES, STATUSES } from './ticket-meta';

/** What the filter bar holds; the URL's search params carry the same, so a view can be bookmarked. */
export interface TicketFilterValues {
  search?: string;
  statuses?: TicketStatus[];
  severities?: TicketSeverity[];
  categories?: TicketCategory[];
  scenarioId?: string;
  label?: string;
  assigneeOrganizationId?: string;
  assigneeUserId?: string;
  overdue?: boolean;
}

const LISTS = {
  status: ['statuses', STATUSES],
  severity: ['severities', SEVERITIES],
  category: ['categories', CATEGORIES],
} as const;

const SINGLES = {
  q: 'search',
  scenario: 'scenarioId',
  label: 'label',
  org: 'assigneeOrganizationId',
  user: 'assigneeUserId',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's TicketFilter for a consortium: empty choices are left out (they would match nothing). */
export function toTicketFilter(values: TicketFilterValues, consortiumId: string): TicketFilter {
  const filter: TicketFilter = { consortiumId };
  const search = values.search?.trim();
  if (search) filter.search = search;
  if (values.statuses?.length) filter.statuses = [...values.statuses];
  if (values.severities?.length) filter.severities = [...values.severities];
  if (values.categories?.length) filter.categories = [...values.categories];
  if (values.scenarioId) filter.scenarioId = values.scenarioId;
  if (values.label) filter.label = values.label;
  if (values.assigneeOrganizationId) filter.assigneeOrganizationId = values.assigneeOrganizationId;
  if (values.assigneeUserId) filter.assigneeUserId = values.assigneeUserId;
  if (values.overdue) filter.overdue = true;
  return filter;
}

/** Reads a bookmarked filter; unknown enum values and malformed ids are dropped, not sent. */
export function fromSearchParams(params: URLSearchParams): TicketFilterValues {
  const values: TicketFilterValues = {};
  for (const [param, [key, allowed]] of Object.entries(LISTS)) {
    const picked = (params.get(param) ?? '')
      .split(',')
      .filter((v) => (allowed as readonly string[]).includes(v));
    if (picked.length) (values as Record<string, string[]>)[key] = picked;
  }
  for (const [param, key] of Object.entries(SINGLES)) {
    const value = params.get(param)?.trim();
    if (!value) continue;
    if (key !== 'search' && key !== 'label' && !UUID.test(value)) continue;
    values[key] = value;
  }
  if (params.get('overdue') === '1') values.overdue = true;
  return values;
}

/** Writes the filter into search params, keeping params that are not the filter's (e.g. order). */
export function toSearchParams(values: TicketFilterValues, keep?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  keep?.forEach((value, key) => {
    if (!(key in LISTS) && !(key in SINGLES) && key !== 'overdue') params.set(key, value);
  });
  for (const [param, [key]] of Object.entries(LISTS)) {
    const list = values[key];
    if (list?.length) params.set(param, list.join(','));
  }
  for (const [param, key] of Object.entries(SINGLES)) {
    const value = values[key]?.trim();
    if (value) params.set(param, value);
  }
  if (values.overdue) params.set('overdue', '1');
  return params;
}

/** How many conditions are set (shown on the filter bar's reset). */
export function activeFilterCount(values: TicketFilterValues): number {
  return Object.values(values).filter((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))).length;
}
