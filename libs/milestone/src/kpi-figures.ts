/**
 * Figures derived from one KPI report (issue 7, "KPI reports"), shown beside the measured values.
 * Plain data in, plain data out: a figure that cannot be computed (no hours, no robots, no attempts,
 * no baseline) is `null`, never `Infinity` or `NaN`, so a screen or a ledger never shows nonsense.
 */

export interface KpiReportMeasures {
  periodStart: string;
  periodEnd: string;
  /** Units (parcels, screws, ...) the consortium's robots processed together in the period. */
  unitsProcessed: number;
  /**
   * Wall-clock hours the cell ran in the period (not robot-hours): three robots working side by side
   * for one hour count as 1 h, which is what makes `throughputPerMinute` the cell's overall pace.
   */
  operatingHours: number;
  robotsInService: number;
  interventions: number;
  successes?: number | null;
  attempts?: number | null;
}

/** The human pace for the same station, in units per minute, as a range (e.g. 30–40). */
export interface HumanBaseline {
  low: number;
  high: number;
}

export interface KpiFigures {
  /** All robots together, units per minute of operation. */
  throughputPerMinute: number | null;
  throughputPerRobotPerMinute: number | null;
  successRate: number | null;
  interventionsPerHour: number | null;
  /** Overall throughput as fractions of the human pace: `low` against the fastest humans, `high` against the slowest. */
  ratioToBaseline: { low: number; high: number } | null;
}

export function deriveKpiFigures(report: KpiReportMeasures, baseline?: HumanBaseline | null): KpiFigures {
  const throughputPerMinute = ratio(report.unitsProcessed, report.operatingHours * 60);
  return {
    throughputPerMinute,
    throughputPerRobotPerMinute:
      throughputPerMinute === null ? null : ratio(throughputPerMinute, report.robotsInService),
    successRate: ratio(report.successes ?? null, report.attempts ?? null),
    interventionsPerHour: ratio(report.interventions, report.operatingHours),
    ratioToBaseline: ratioToBaseline(throughputPerMinute, baseline ?? null),
  };
}

/** A division that answers `null` rather than a non-finite number when there is nothing to divide by. */
function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

function ratioToBaseline(
  throughput: number | null,
  baseline: HumanBaseline | null,
): { low: number; high: number } | null {
  if (throughput === null || baseline === null) return null;
  // Tolerate a range entered backwards: the range is what matters, not the field order.
  const slowest = Math.min(baseline.low, baseline.high);
  const fastest = Math.max(baseline.low, baseline.high);
  const low = ratio(throughput, fastest);
  const high = ratio(throughput, slowest);
  return low === null || high === null ? null : { low, high };
}
