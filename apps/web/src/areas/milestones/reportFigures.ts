/**
 * The figures a KPI report's counts give, shown live beside the declared values as a person types.
 * The server decides (libs/milestone kpi-reconciliation.ts); this mirrors its arithmetic and its
 * tolerance so that a refusal is seen, and explained, before the report is sent.
 */
import type { KpiMeasure } from '../../gql/graphql';

export const RELATIVE_TOLERANCE = 0.005;

const ROUNDING_FLOOR: Record<Exclude<KpiMeasure, 'DECLARED_ONLY'>, number> = {
  THROUGHPUT_PER_MINUTE: 0.05,
  THROUGHPUT_PER_ROBOT_PER_MINUTE: 0.05,
  SUCCESS_RATE: 0.005,
  INTERVENTIONS_PER_HOUR: 0.005,
  RATIO_TO_BASELINE: 0.005,
};

export interface ReportCounts {
  operatingHours?: number | null;
  unitsProcessed?: number | null;
  robotsInService?: number | null;
  interventions?: number | null;
  successes?: number | null;
  attempts?: number | null;
}

export interface MeasuredKpi {
  key: string;
  unit: string;
  measure?: KpiMeasure | null;
  humanBaseline?: number | null;
  humanBaselineHigh?: number | null;
}

export type KpiCheck =
  | { key: string; kind: 'declaredOnly' }
  /** Computable, but the counts it needs are not (yet) there. */
  | { key: string; kind: 'missingCounts'; measure: KpiMeasure }
  | {
      key: string;
      kind: 'computed';
      measure: KpiMeasure;
      low: number;
      high: number;
      /** Null while nothing is declared: the server fills it from the counts (unless a range). */
      declared: number | null;
      off: number;
      allowed: number;
      agrees: boolean;
    };

function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

function throughputBaseline(kpis: readonly MeasuredKpi[]): { slow: number; fast: number } | null {
  const throughput = kpis.find((kpi) => kpi.measure === 'THROUGHPUT_PER_MINUTE');
  const low = throughput?.humanBaseline ?? null;
  if (low === null || low === undefined) return null;
  const high = throughput?.humanBaselineHigh ?? low;
  return { slow: Math.min(low, high), fast: Math.max(low, high) };
}

function computed(
  measure: KpiMeasure,
  counts: ReportCounts,
  baseline: { slow: number; fast: number } | null,
): { low: number; high: number } | null {
  const hours = counts.operatingHours ?? null;
  const perMinute = ratio(counts.unitsProcessed, hours === null ? null : hours * 60);
  const single = (value: number | null) => (value === null ? null : { low: value, high: value });
  switch (measure) {
    case 'THROUGHPUT_PER_MINUTE':
      return single(perMinute);
    case 'THROUGHPUT_PER_ROBOT_PER_MINUTE':
      return single(ratio(perMinute, counts.robotsInService));
    case 'SUCCESS_RATE':
      return single(ratio(counts.successes, counts.attempts));
    case 'INTERVENTIONS_PER_HOUR':
      return single(ratio(counts.interventions, hours));
    case 'RATIO_TO_BASELINE': {
      const low = baseline ? ratio(perMinute, baseline.fast) : null;
      const high = baseline ? ratio(perMinute, baseline.slow) : null;
      return low === null || high === null ? null : { low, high };
    }
    case 'DECLARED_ONLY':
      return null;
  }
}

/** Each KPI of the scenario: what the counts give, and whether the declared value agrees. */
export function kpiChecks(
  counts: ReportCounts,
  kpis: readonly MeasuredKpi[],
  declared: Record<string, number | null | undefined>,
): KpiCheck[] {
  const baseline = throughputBaseline(kpis);
  return kpis.map((kpi): KpiCheck => {
    const measure = kpi.measure ?? 'DECLARED_ONLY';
    if (measure === 'DECLARED_ONLY') return { key: kpi.key, kind: 'declaredOnly' };
    const fraction = measure === 'SUCCESS_RATE' || measure === 'RATIO_TO_BASELINE';
    const scale = fraction && kpi.unit.trim() === '%' ? 100 : 1;
    const figure = computed(measure, counts, baseline);
    if (!figure) return { key: kpi.key, kind: 'missingCounts', measure };
    const low = figure.low * scale;
    const high = figure.high * scale;
    const value = declared[kpi.key];
    const has = typeof value === 'number' && Number.isFinite(value);
    const off = !has ? 0 : value < low ? low - value : value > high ? value - high : 0;
    const nearest = has && value < low ? low : high;
    const allowed = Math.max(Math.abs(nearest) * RELATIVE_TOLERANCE, ROUNDING_FLOOR[measure] * scale);
    return {
      key: kpi.key,
      kind: 'computed',
      measure,
      low,
      high,
      declared: has ? value : null,
      off,
      allowed,
      agrees: off <= allowed + 1e-9,
    };
  });
}

export type CountProblem =
  | { kind: 'hoursOverPeriod'; hours: number; periodHours: number }
  | { kind: 'robotsOverUnits'; robots: number; units: number };

/** Counts that cannot be true: more operating hours than the period has, more robots than deployed. */
export function countProblems(
  counts: ReportCounts,
  period: { periodStart: string; periodEnd: string } | null,
  unitsDeployed: number | null | undefined,
): CountProblem[] {
  const problems: CountProblem[] = [];
  if (period && counts.operatingHours != null) {
    const periodHours = (Date.parse(period.periodEnd) - Date.parse(period.periodStart)) / 3_600_000;
    if (periodHours > 0 && counts.operatingHours > periodHours + 1e-9)
      problems.push({ kind: 'hoursOverPeriod', hours: counts.operatingHours, periodHours });
  }
  if (unitsDeployed != null && counts.robotsInService != null && counts.robotsInService > unitsDeployed)
    problems.push({ kind: 'robotsOverUnits', robots: counts.robotsInService, units: unitsDeployed });
  return problems;
}
