/**
 * The API explains an evaluation in English sentences; these helpers turn its structured checks
 * into the parts of a sentence in the reader's language (KPI names, numbers, units, verdict).
 */

export interface TargetCheckLike {
  kpiKey: string;
  comparator: 'GTE' | 'LTE';
  target: number;
  actual?: number | null;
  operatingHours: number;
  minOperatingHours?: number | null;
  met: boolean;
  reportIds: readonly string[];
}

export interface KpiLike {
  key: string;
  name: string;
  unit: string;
}

export const COMPARATOR_SYMBOL = { GTE: '≥', LTE: '≤' } as const;

/** Which sentence explains the check (a key under `evaluation.check`). */
export type CheckSentence = 'noReport' | 'noHours' | 'value' | 'valueAndHours' | 'hoursShort';

export interface ExplainedCheck {
  sentence: CheckSentence;
  params: {
    kpi: string;
    symbol: string;
    actual: string;
    target: string;
    hours: string;
    required: string;
    reports: number;
  };
  met: boolean;
  /** Whether the value reached the target (apart from the hours). */
  valueMet: boolean;
}

/** Ratios (0–1) read as percentages; anything else as a number with its unit. */
export function formatKpiValue(
  value: number | null | undefined,
  unit: string | undefined,
  format: { number(v: number, digits?: number): string; percent(v: number, digits?: number): string },
): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'ratio') return format.percent(value, 2);
  return unit ? `${format.number(value, 3)} ${unit}` : format.number(value, 3);
}

function reaches(actual: number, comparator: 'GTE' | 'LTE', target: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  return comparator === 'GTE' ? actual >= target - tolerance : actual <= target + tolerance;
}

/** The parts of one target's explanation; `valueOf` formats a KPI value with its unit. */
export function explainCheck(
  check: TargetCheckLike,
  kpi: KpiLike | undefined,
  valueOf: (value: number | null | undefined, unit: string | undefined) => string,
  hoursOf: (hours: number) => string,
): ExplainedCheck {
  const actual = check.actual ?? null;
  const valueMet = actual !== null && reaches(actual, check.comparator, check.target);
  const required = check.minOperatingHours ?? null;
  const params = {
    kpi: kpi?.name ?? check.kpiKey,
    symbol: COMPARATOR_SYMBOL[check.comparator],
    actual: valueOf(actual, kpi?.unit),
    target: valueOf(check.target, kpi?.unit),
    hours: hoursOf(check.operatingHours),
    required: required === null ? '' : hoursOf(required),
    reports: check.reportIds.length,
  };
  let sentence: CheckSentence;
  if (actual === null) sentence = check.reportIds.length === 0 ? 'noReport' : 'noHours';
  else if (required === null) sentence = 'value';
  else sentence = check.operatingHours >= required ? 'valueAndHours' : 'hoursShort';
  return { sentence, params, met: check.met, valueMet };
}

/** How many targets are met, for the summary line. */
export function metCount(checks: readonly { met: boolean }[]): { met: number; total: number } {
  return { met: checks.filter((c) => c.met).length, total: checks.length };
}

/** What people achieve today: "30–40 parcels/min" reads the unit once, after the top of a range. */
export function formatBaseline(
  kpi: { unit: string; humanBaseline?: number | null; humanBaselineHigh?: number | null } | undefined,
  format: { number(v: number, digits?: number): string; percent(v: number, digits?: number): string },
): string {
  if (kpi?.humanBaseline === null || kpi?.humanBaseline === undefined) return '—';
  const high = kpi.humanBaselineHigh;
  if (high === null || high === undefined || high === kpi.humanBaseline)
    return formatKpiValue(kpi.humanBaseline, kpi.unit, format);
  const low =
    kpi.unit === 'ratio'
      ? formatKpiValue(kpi.humanBaseline, kpi.unit, format)
      : format.number(kpi.humanBaseline, 3);
  return `${low}–${formatKpiValue(high, kpi.unit, format)}`;
}
