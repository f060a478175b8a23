import { KpiDirection, type KpiDefinition } from '@tetrad/scenario';

export interface LatestValue {
  kpiKey: string;
  value: number;
  periodEnd: Date;
}

export interface PortfolioKpiRow {
  kpiKey: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  humanBaseline: number | null;
  humanBaselineHigh: number | null;
  target: number | null;
  latestValue: number | null;
  latestPeriodEnd: Date | null;
  ratioToBaseline: number | null;
  targetMet: boolean | null;
}

/**
 * A scenario's KPIs against the human baseline and the target, from each KPI's latest verified value.
 * The ratio reads "above 1 is better than people" whatever the KPI's direction, and is null where it
 * cannot be computed (no value, no baseline, a zero), never Infinity.
 */
export function portfolioKpis(
  kpis: readonly KpiDefinition[],
  latest: readonly LatestValue[],
): PortfolioKpiRow[] {
  return kpis.map((kpi) => {
    const found = latest.find((value) => value.kpiKey === kpi.key);
    const value = found?.value ?? null;
    const baseline = kpi.humanBaseline ?? null;
    const target = kpi.target ?? null;
    const higher = kpi.direction === KpiDirection.HIGHER_IS_BETTER;
    return {
      kpiKey: kpi.key,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      humanBaseline: baseline,
      humanBaselineHigh: kpi.humanBaselineHigh ?? null,
      target,
      latestValue: value,
      latestPeriodEnd: found?.periodEnd ?? null,
      ratioToBaseline:
        value === null || baseline === null ? null : higher ? ratio(value, baseline) : ratio(baseline, value),
      targetMet: value === null || target === null ? null : higher ? value >= target : value <= target,
    };
  });
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 && Number.isFinite(numerator) ? numerator / denominator : null;
}
