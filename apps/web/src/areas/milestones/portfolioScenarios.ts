import type { EChartOption } from '../../components/EChart';
import type { ChartSpec } from './portfolioCharts';

export interface ScenarioKpiRow {
  kpiKey: string;
  name: string;
  unit: string;
  latestValue: number | null;
  humanBaseline: number | null;
  target: number | null;
  ratioToBaseline: number | null;
  targetMet: boolean | null;
}

export interface ScenarioRow {
  scenarioId: string;
  name: string;
  kpis: readonly ScenarioKpiRow[];
}

/**
 * Each scenario's KPIs against the human baseline as a bar per KPI (1 = the human pace; above is
 * better whatever the KPI's direction), with the table beneath for screen readers. KPIs without a
 * verified value or a baseline are left out of the drawing and read "—" in the table.
 */
export function baselineRatioChart(
  rows: readonly ScenarioRow[],
  names: {
    columns: [string, string, string, string, string];
    baseline: string;
    value: (v: number | null) => string;
  },
): ChartSpec {
  const bars = rows.flatMap((row) =>
    row.kpis
      .filter((kpi) => kpi.ratioToBaseline !== null)
      .map((kpi) => ({
        label: `${row.name} · ${kpi.name}`,
        ratio: kpi.ratioToBaseline!,
        met: kpi.targetMet,
      })),
  );
  const option: EChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', data: bars.map((bar) => bar.label), inverse: true },
    series: [
      {
        type: 'bar',
        name: names.baseline,
        barMaxWidth: 24,
        data: bars.map((bar) => ({
          value: Math.round(bar.ratio * 1000) / 1000,
          itemStyle: { color: bar.met === false ? '#d4380d' : bar.met ? '#389e0d' : '#1668dc' },
        })),
        markLine: {
          symbol: 'none',
          data: [{ xAxis: 1, name: names.baseline }],
          label: { formatter: names.baseline },
        },
      },
    ],
  };
  const table = rows.flatMap((row) =>
    row.kpis.map((kpi) => [
      row.name,
      `${kpi.name} (${kpi.unit})`,
      names.value(kpi.latestValue),
      names.value(kpi.humanBaseline),
      names.value(kpi.target),
    ]),
  );
  return { option, table: { columns: names.columns, rows: table }, empty: bars.length === 0 };
}
