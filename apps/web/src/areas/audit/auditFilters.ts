/** The audit trail's filters, as the API takes them (auditEntries) and as the URL keeps them. */
export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  subjectType?: string;
  subjectId?: string;
}

/** URL search parameter of each filter: short, readable, stable for shared links. */
const PARAMS: Record<keyof AuditFilters, string> = {
  action: 'action',
  actorUserId: 'actor',
  subjectType: 'type',
  subjectId: 'subject',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's limits (libs/core/src/audit/audit.resolver.ts): longer values are refused. */
const MAX_LENGTH: Record<keyof AuditFilters, number> = {
  action: 100,
  actorUserId: 36,
  subjectType: 50,
  subjectId: 100,
};

/** Trims every value and drops the empty ones and those the API would refuse. */
export function normalizeFilters(input: { [K in keyof AuditFilters]?: string | null }): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of Object.keys(PARAMS) as (keyof AuditFilters)[]) {
    const value = input[key]?.trim();
    if (!value || value.length > MAX_LENGTH[key]) continue;
    if (key === 'actorUserId' && !UUID.test(value)) continue;
    filters[key] = value;
  }
  return filters;
}

export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const raw: { [K in keyof AuditFilters]?: string | null } = {};
  for (const [key, param] of Object.entries(PARAMS) as [keyof AuditFilters, string][])
    raw[key] = params.get(param);
  return normalizeFilters(raw);
}

/** The filters written into `params` (other parameters kept), in a fixed order. */
export function filtersToSearchParams(
  filters: AuditFilters,
  params: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(params);
  const clean = normalizeFilters(filters);
  for (const [key, param] of Object.entries(PARAMS) as [keyof AuditFilters, string][]) {
    next.delete(param);
    const value = clean[key];
    if (value) next.set(param, value);
  }
  return next;
}

/** The auditEntries variables of one consortium's trail: absent filters are not sent at all. */
export function auditVariables(
  consortiumId: string,
  filters: AuditFilters,
  first = 50,
): { consortiumId: string; first: number } & AuditFilters {
  return { consortiumId, first, ...normalizeFilters(filters) };
}

export function activeFilterCount(filters: AuditFilters): number {
  return Object.keys(normalizeFilters(filters)).length;
}
