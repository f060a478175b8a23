import type { EChartOption } from '../../components/EChart';

export interface KpiDefinitionLike {
  key: string;
  name: string;
  unit: string;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  humanBaseline?: number | null;
  humanBaselineHigh?: number | null;
  target?: number | null;
}

export interface KpiReportLike {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: 'SUBMITTED' | 'VERIFIED' | 'DISPUTED' | 'WITHDRAWN';
  values: readonly { kpiKey: string; value: number }[];
}

export interface MilestoneLike {
  id: string;
  name: string;
  windowStart: string;
  windowEnd: string;
  targets: readonly { kpiKey: string; comparator: 'GTE' | 'LTE'; value: number }[];
}

export interface KpiPoint {
  reportId: string;
  periodStart: string;
  periodEnd: string;
  status: 'SUBMITTED' | 'VERIFIED';
  value: number;
}

export interface KpiTargetLine {
  milestoneId: string;
  milestoneName: string;
  comparator: 'GTE' | 'LTE';
  value: number;
  from: string;
  to: string;
}

/** Words the chart shows, already translated (the builder stays free of i18n). */
export interface KpiChartLabels {
  verified: string;
  submitted: string;
  baseline: string;
  /** A short legend name for a target line, unique among `lines`. */
  target: (line: KpiTargetLine, index: number, lines: readonly KpiTargetLine[]) => string;
  /** What a screen reader announces for the chart (the table beneath holds the values). */
  description: string;
}

/** A KPI's values from reports that count or may count: disputed reports are left out. */
export function kpiPoints(kpiKey: string, reports: readonly KpiReportLike[]): KpiPoint[] {
  const points: KpiPoint[] = [];
  for (const report of reports) {
    if (report.status === 'DISPUTED' || report.status === 'WITHDRAWN') continue;
    const found = report.values.find((v) => v.kpiKey === kpiKey);
    if (!found) continue;
    points.push({
      reportId: report.id,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      status: report.status,
      value: found.value,
    });
  }
  return points.sort((a, b) => Date.parse(a.periodEnd) - Date.parse(b.periodEnd));
}

/** The milestone targets set on this KPI, each over its milestone's window. */
export function kpiTargets(kpiKey: string, milestones: readonly MilestoneLike[]): KpiTargetLine[] {
  return milestones.flatMap((m) =>
    m.targets
      .filter((t) => t.kpiKey === kpiKey)
      .map((t) => ({
        milestoneId: m.id,
        milestoneName: m.name,
        comparator: t.comparator,
        value: t.value,
        from: m.windowStart,
        to: m.windowEnd,
      })),
  );
}

/**
 * The y range that shows points, baseline and targets together, with a little air, widened to
 * round numbers (a power of ten below the span) so the axis labels read cleanly.
 */
export function valueRange(values: readonly number[]): { min: number; max: number } | undefined {
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || Math.abs(high) || 1;
  const step = 10 ** Math.floor(Math.log10(span));
  const min = Math.floor((low - span * 0.05) / step) * step;
  const max = Math.ceil((high + span * 0.05) / step) * step;
  return { min: round(low >= 0 && min < 0 ? 0 : min), max: round(max) };
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

export const KPI_COLORS = {
  verified: '#1677ff',
  submitted: '#fa8c16',
  baseline: '#8c8c8c',
  target: '#cf1322',
} as const;

/**
 * The ECharts option of one KPI over time: verified and submitted report values (at the end of
 * each report's period), the human baseline as a band (a range) or a line, and each milestone
 * target as a dashed step over the milestone's window.
 */
export function buildKpiChartOption(
  kpi: KpiDefinitionLike,
  reports: readonly KpiReportLike[],
  milestones: readonly MilestoneLike[],
  labels: KpiChartLabels,
): EChartOption {
  const points = kpiPoints(kpi.key, reports);
  const targets = kpiTargets(kpi.key, milestones);
  const times = [
    ...points.flatMap((p) => [Date.parse(p.periodStart), Date.parse(p.periodEnd)]),
    ...targets.flatMap((t) => [Date.parse(t.from), Date.parse(t.to)]),
  ].filter((time) => Number.isFinite(time));
  const xMin = times.length ? Math.min(...times) : undefined;
  const xMax = times.length ? Math.max(...times) : undefined;

  const submitted = points.some((p) => p.status === 'SUBMITTED');
  const series: Record<string, unknown>[] = [
    {
      name: labels.verified,
      type: 'line',
      color: KPI_COLORS.verified,
      data: points.filter((p) => p.status === 'VERIFIED').map((p) => [p.periodEnd, p.value]),
      symbol: 'circle',
      symbolSize: 8,
      z: 5,
    },
    {
      // Every value in time order, dotted, so the trend runs on into reports not yet verified;
      // only the unverified ones get a (hollow) marker of their own.
      name: labels.submitted,
      type: 'line',
      color: KPI_COLORS.submitted,
      data: submitted
        ? points.map((p) =>
            p.status === 'SUBMITTED'
              ? [p.periodEnd, p.value]
              : { value: [p.periodEnd, p.value], symbol: 'none' },
          )
        : [],
      symbol: 'emptyCircle',
      symbolSize: 8,
      lineStyle: { type: 'dotted' },
      z: 4,
    },
  ];
  const legend = [labels.verified, labels.submitted];

  const low = kpi.humanBaseline ?? undefined;
  const high = kpi.humanBaselineHigh ?? undefined;
  if (low !== undefined && xMin !== undefined && xMax !== undefined) {
    const span = [xMin, xMax];
    if (high !== undefined && high > low) {
      // A band: an invisible line at the low end, with the range stacked on it and filled.
      series.push(
        {
          name: `${labels.baseline}-low`,
          type: 'line',
          color: KPI_COLORS.baseline,
          stack: 'baseline',
          data: span.map((x) => [x, low]),
          symbol: 'none',
          lineStyle: { opacity: 0 },
          silent: true,
          tooltip: { show: false },
        },
        {
          name: labels.baseline,
          type: 'line',
          color: KPI_COLORS.baseline,
          stack: 'baseline',
          data: span.map((x) => [x, high - low]),
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { opacity: 0.18 },
          silent: true,
          tooltip: { show: false },
        },
      );
    } else {
      series.push({
        name: labels.baseline,
        type: 'line',
        color: KPI_COLORS.baseline,
        data: span.map((x) => [x, low]),
        symbol: 'none',
        lineStyle: { type: 'solid', width: 2, opacity: 0.5 },
        silent: true,
        tooltip: { show: false },
      });
    }
    legend.push(labels.baseline);
  }

  targets.forEach((target, index) => {
    const name = labels.target(target, index, targets);
    series.push({
      name,
      type: 'line',
      color: KPI_COLORS.target,
      data: [
        [target.from, target.value],
        [target.to, target.value],
      ],
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2 },
    });
    legend.push(name);
  });

  const range = valueRange([
    ...points.map((p) => p.value),
    ...targets.map((t) => t.value),
    ...(low !== undefined ? [low] : []),
    ...(high !== undefined ? [high] : []),
  ]);

  return {
    aria: { enabled: true, label: { description: labels.description } },
    tooltip: { trigger: 'item' },
    legend: { data: legend, bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 24, top: 24, bottom: 56, containLabel: true },
    xAxis: {
      type: 'time',
      // Month/day on every tick: the default mixes bare days with month names.
      axisLabel: { hideOverlap: true, formatter: '{M}/{d}' },
      ...(xMin !== undefined ? { min: xMin, max: xMax } : {}),
    },
    yAxis: { type: 'value', name: kpi.unit, ...(range ?? {}) },
    series,
  };
}
