import type { DataModality, DatasetFormat, DatasetSensitivity, Purpose, Sector } from '../../gql/graphql';
import { FORMATS, MODALITIES, oneOf, PURPOSES, SECTORS, SENSITIVITIES } from './enums';

/** The catalog's filters: exactly the datasets(...) arguments a person can set. */
export interface CatalogFilters {
  search?: string;
  modality?: DataModality;
  format?: DatasetFormat;
  robotType?: string;
  sector?: Sector;
  sensitivity?: DatasetSensitivity;
  purpose?: Purpose;
}

export const FILTER_KEYS = [
  'search',
  'modality',
  'format',
  'robotType',
  'sector',
  'sensitivity',
  'purpose',
] as const satisfies readonly (keyof CatalogFilters)[];

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads the filters from the URL; unknown enum values are dropped rather than sent to the API. */
export function filtersFromSearchParams(params: URLSearchParams): CatalogFilters {
  const filters: CatalogFilters = {
    search: text(params.get('search')),
    modality: oneOf(MODALITIES, params.get('modality')),
    format: oneOf(FORMATS, params.get('format')),
    robotType: text(params.get('robotType')),
    sector: oneOf(SECTORS, params.get('sector')),
    sensitivity: oneOf(SENSITIVITIES, params.get('sensitivity')),
    purpose: oneOf(PURPOSES, params.get('purpose')),
  };
  return withoutEmpty(filters);
}

/** Writes the filters to the URL (so a filtered catalog can be bookmarked and shared). */
export function filtersToSearchParams(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && String(value).trim() !== '') params.set(key, String(value).trim());
  }
  return params;
}

/** The datasets(...) variables for one page of the catalog. */
export function catalogVariables(
  consortiumId: string,
  filters: CatalogFilters,
  first = 20,
): CatalogFilters & { consortiumId: string; first: number } {
  return { consortiumId, first, ...withoutEmpty(filters) };
}

function withoutEmpty(filters: CatalogFilters): CatalogFilters {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

export function hasFilters(filters: CatalogFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}
