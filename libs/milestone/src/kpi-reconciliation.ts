import { KpiMeasure, kpiMeasureOf, type KpiDefinition } from '@tetrad/scenario';
import { deriveKpiFigures, type HumanBaseline, type KpiFigures, type KpiReportMeasures } from './kpi-figures';

/**
 * Declared KPI values against the figures Tetrad computes from a report's raw counts (issue 14,
 * "Reports reconcile"). A declared value may differ from the computed one by rounding only: by at
 * most 0.5 % of the computed figure, or by the rounding floor of its measure (half of its last
 * shown digit: 0.05 for rates a minute, 0.005 for fractions and hourly rates), whichever is more.
 * 0.5 % rather than more: the worked example's 20.8 a minute must not pass as the 21 of its target.
 */
export const RELATIVE_TOLERANCE = 0.005;

export type ComputedMeasure = Exclude<KpiMeasure, KpiMeasure.DECLARED_ONLY>;

export const ROUNDING_FLOOR: Readonly<Record<ComputedMeasure, number>> = {
  [KpiMeasure.THROUGHPUT_PER_MINUTE]: 0.05,
  [KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE]: 0.05,
  [KpiMeasure.SUCCESS_RATE]: 0.005,
  [KpiMeasure.INTERVENTIONS_PER_HOUR]: 0.005,
  [KpiMeasure.RATIO_TO_BASELINE]: 0.005,
};

export interface DeclaredValue {
  kpiKey: string;
  value: number;
}

export interface ReconciliationProblem {
  kpiKey: string;
  /** Index of the declared value in the report's `values`. */
  index: number;
  message: string;
}

export interface Reconciliation {
  /** The declared values, and the computable ones that were left out, filled from the counts. */
  values: DeclaredValue[];
  problems: ReconciliationProblem[];
}

/** A computed figure: one number, or a range when the human baseline is a range (30–40 a minute). */
interface Computed {
  low: number;
  high: number;
}

type Kpi = Pick<KpiDefinition, 'key' | 'unit' | 'measure' | 'humanBaseline' | 'humanBaselineHigh'>;

export function reconcileKpiValues(
  report: KpiReportMeasures,
  kpis: readonly Kpi[],
  declared: readonly DeclaredValue[],
): Reconciliation {
  const baseline = throughputBaseline(kpis);
  const figures = deriveKpiFigures(report, baseline);
  const noun = unitNoun(kpis.find((kpi) => kpiMeasureOf(kpi) === KpiMeasure.THROUGHPUT_PER_MINUTE)?.unit);
  const problems: ReconciliationProblem[] = [];
  const values = declared.map(({ kpiKey, value }) => ({ kpiKey, value }));
  for (const kpi of kpis) {
    const measure = kpiMeasureOf(kpi);
    if (measure === KpiMeasure.DECLARED_ONLY) continue;
    const scale = percent(kpi.unit) && FRACTIONS.includes(measure) ? 100 : 1;
    const computed = computedFigure(measure, figures, scale);
    const index = values.findIndex((value) => value.kpiKey === kpi.key);
    const sentence = { report, kpi, measure, noun, scale, computed, baseline };
    if (index < 0) {
      // Filled only when one number says it; a ratio to a range of human paces is not one number.
      if (computed && computed.low === computed.high) {
        values.push({ kpiKey: kpi.key, value: Number(computed.low.toPrecision(6)) });
      }
      continue;
    }
    const declaredValue = values[index]!.value;
    if (!computed) {
      problems.push({ kpiKey: kpi.key, index, message: missingCounts(sentence) });
      continue;
    }
    const off = distance(declaredValue, computed);
    const allowed = allowance(measure, computed, declaredValue, scale);
    if (off > allowed.amount + 1e-9) {
      problems.push({ kpiKey: kpi.key, index, message: offBy(sentence, declaredValue, off, allowed) });
    }
  }
  return { values, problems };
}

const FRACTIONS: readonly KpiMeasure[] = [KpiMeasure.SUCCESS_RATE, KpiMeasure.RATIO_TO_BASELINE];

function percent(unit: string | undefined): boolean {
  return unit?.trim() === '%';
}

/** The human pace the ratio is taken against: the baseline of the scenario's throughput KPI. */
export function throughputBaseline(kpis: readonly Kpi[]): HumanBaseline | null {
  const throughput = kpis.find((kpi) => kpiMeasureOf(kpi) === KpiMeasure.THROUGHPUT_PER_MINUTE);
  const low = throughput?.humanBaseline ?? null;
  return low === null ? null : { low, high: throughput?.humanBaselineHigh ?? low };
}

function computedFigure(measure: ComputedMeasure, figures: KpiFigures, scale: number): Computed | null {
  const single = (value: number | null) =>
    value === null ? null : { low: value * scale, high: value * scale };
  switch (measure) {
    case KpiMeasure.THROUGHPUT_PER_MINUTE:
      return single(figures.throughputPerMinute);
    case KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE:
      return single(figures.throughputPerRobotPerMinute);
    case KpiMeasure.SUCCESS_RATE:
      return single(figures.successRate);
    case KpiMeasure.INTERVENTIONS_PER_HOUR:
      return single(figures.interventionsPerHour);
    case KpiMeasure.RATIO_TO_BASELINE:
      return figures.ratioToBaseline
        ? { low: figures.ratioToBaseline.low * scale, high: figures.ratioToBaseline.high * scale }
        : null;
  }
}

function distance(value: number, computed: Computed): number {
  if (value < computed.low) return computed.low - value;
  if (value > computed.high) return value - computed.high;
  return 0;
}

interface Allowance {
  amount: number;
  /** Whether the relative tolerance (rather than the rounding floor) set the amount. */
  relative: boolean;
  floor: number;
}

function allowance(measure: ComputedMeasure, computed: Computed, value: number, scale: number): Allowance {
  const nearest = value < computed.low ? computed.low : computed.high;
  const relative = Math.abs(nearest) * RELATIVE_TOLERANCE;
  const floor = ROUNDING_FLOOR[measure] * scale;
  return { amount: Math.max(relative, floor), relative: relative >= floor, floor };
}

interface Sentence {
  report: KpiReportMeasures;
  kpi: Kpi;
  measure: ComputedMeasure;
  noun: string;
  scale: number;
  computed: Computed | null;
  baseline: HumanBaseline | null;
}

const number = (value: number, digits = 2): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });

/** "a minute", "%", ... after a figure of this measure. */
function per(measure: ComputedMeasure, scale: number): string {
  switch (measure) {
    case KpiMeasure.THROUGHPUT_PER_MINUTE:
      return ' a minute';
    case KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE:
      return ' a minute per robot';
    case KpiMeasure.INTERVENTIONS_PER_HOUR:
      return ' an hour';
    case KpiMeasure.SUCCESS_RATE:
    case KpiMeasure.RATIO_TO_BASELINE:
      return scale === 100 ? ' %' : '';
  }
}

/** What the counts say, e.g. "249,600 parcels over 200 h". */
function fromCounts({ report, measure, noun, baseline }: Sentence): string {
  const over = `${number(report.unitsProcessed)} ${noun} over ${number(report.operatingHours)} h`;
  switch (measure) {
    case KpiMeasure.THROUGHPUT_PER_MINUTE:
      return over;
    case KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE:
      return `${over} by ${number(report.robotsInService)} robot${report.robotsInService === 1 ? '' : 's'}`;
    case KpiMeasure.SUCCESS_RATE:
      return `${number(report.successes ?? 0)} successes in ${number(report.attempts ?? 0)} attempts`;
    case KpiMeasure.INTERVENTIONS_PER_HOUR:
      return `${number(report.interventions)} interventions over ${number(report.operatingHours)} h`;
    case KpiMeasure.RATIO_TO_BASELINE: {
      const pace = baseline ? range(baseline.low, baseline.high, 2) : '';
      return `${over} against a human ${pace} a minute`;
    }
  }
}

function range(low: number, high: number, digits: number): string {
  return low === high ? number(low, digits) : `${number(low, digits)}–${number(high, digits)}`;
}

function digitsOf(measure: ComputedMeasure, scale: number): number {
  return FRACTIONS.includes(measure) || measure === KpiMeasure.INTERVENTIONS_PER_HOUR
    ? scale === 100
      ? 1
      : 3
    : 2;
}

/** E.g. "throughput: declared 25 a minute, but 249,600 parcels over 200 h is 20.8 a minute (off by 4.2, more than the 0.5 % allowed)." */
function offBy(sentence: Sentence, declared: number, off: number, allowed: Allowance): string {
  const { kpi, measure, scale, computed } = sentence;
  const digits = digitsOf(measure, scale);
  const unit = per(measure, scale);
  const limit = allowed.relative
    ? `more than the ${number(RELATIVE_TOLERANCE * 100, 1)} % allowed`
    : `more than the ${number(allowed.floor, 3)} allowed for rounding`;
  return `${kpi.key}: declared ${number(declared, 4)}${unit}, but ${fromCounts(sentence)} is ${range(computed!.low, computed!.high, digits)}${unit} (off by ${number(off, digits)}, ${limit}).`;
}

function missingCounts({ kpi, measure }: Sentence): string {
  const needs: Record<ComputedMeasure, string> = {
    [KpiMeasure.THROUGHPUT_PER_MINUTE]: 'operating hours above 0',
    [KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE]: 'operating hours and robots in service above 0',
    [KpiMeasure.SUCCESS_RATE]: 'successes and attempts (attempts above 0)',
    [KpiMeasure.INTERVENTIONS_PER_HOUR]: 'operating hours above 0',
    [KpiMeasure.RATIO_TO_BASELINE]:
      "operating hours above 0 and a human baseline on the scenario's throughput KPI",
  };
  return `${kpi.key} is computed from the counts, and they are missing: it needs ${needs[measure]}. Report those counts, or leave the value out.`;
}

/** "parcels" from "parcels/min"; "units" when the unit names none. */
export function unitNoun(unit: string | undefined): string {
  const noun = unit?.split('/')[0]?.trim();
  return noun && /\p{L}/u.test(noun) && noun !== unit?.trim() ? noun : 'units';
}
