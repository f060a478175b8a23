import { registerEnumType } from '@nestjs/graphql';

/**
 * What a scenario's KPI measures, so that Tetrad can compute it from a KPI report's raw counts and
 * check the declared value against it (README, "KPI reports reconcile"). DECLARED_ONLY: a figure
 * Tetrad cannot compute (e.g. a quality score); it is taken as declared.
 */
export enum KpiMeasure {
  /** Units processed ÷ (operating hours × 60): the cell's pace, all robots together. */
  THROUGHPUT_PER_MINUTE = 'THROUGHPUT_PER_MINUTE',
  /** The above ÷ robots in service. */
  THROUGHPUT_PER_ROBOT_PER_MINUTE = 'THROUGHPUT_PER_ROBOT_PER_MINUTE',
  /** Successes ÷ attempts, as a fraction 0–1 (0.95 is 95 %). */
  SUCCESS_RATE = 'SUCCESS_RATE',
  /** Interventions ÷ operating hours. */
  INTERVENTIONS_PER_HOUR = 'INTERVENTIONS_PER_HOUR',
  /** Throughput a minute ÷ the human baseline of the scenario's throughput KPI, as a fraction. */
  RATIO_TO_BASELINE = 'RATIO_TO_BASELINE',
  DECLARED_ONLY = 'DECLARED_ONLY',
}

registerEnumType(KpiMeasure, {
  name: 'KpiMeasure',
  description:
    'What a KPI measures, so Tetrad can compute it from the raw counts of a report and check the declared value; DECLARED_ONLY is taken as declared.',
});

/** Well-known KPI keys measure what their names say unless the KPI says otherwise. */
export const DEFAULT_KPI_MEASURES: Readonly<Record<string, KpiMeasure>> = {
  throughput: KpiMeasure.THROUGHPUT_PER_MINUTE,
  throughput_per_robot: KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE,
  success_rate: KpiMeasure.SUCCESS_RATE,
  interventions_per_hour: KpiMeasure.INTERVENTIONS_PER_HOUR,
  ratio_to_baseline: KpiMeasure.RATIO_TO_BASELINE,
};

/** The measure a KPI is checked by: its own, else the default of its key, else declared only. */
export function kpiMeasureOf(kpi: { key: string; measure?: KpiMeasure | null }): KpiMeasure {
  return kpi.measure ?? DEFAULT_KPI_MEASURES[kpi.key] ?? KpiMeasure.DECLARED_ONLY;
}
