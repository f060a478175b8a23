import type { EChartOption } from '../../components/EChart';

/**
 * ECharts options built from portfolio figures, each with the rows of the table that stands
 * beneath its chart for screen readers. Pure: names and formats come in as functions.
 */

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartSpec {
  option: EChartOption;
  table: ChartTable;
  empty: boolean;
}

const STATUS_ORDER = ['PROPOSED', 'COMMITTED', 'ACHIEVED', 'MISSED', 'WAIVED'];
const STATUS_COLOR: Record<string, string> = {
  PROPOSED: '#bfbfbf',
  COMMITTED: '#1677ff',
  ACHIEVED: '#52c41a',
  MISSED: '#ff4d4f',
  WAIVED: '#faad14',
};

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Scenarios per sector, one stacked series per region. */
export function scenariosBySectorChart(
  groups: readonly {
    sector: string;
    region: string;
    scenarios: number;
    unitsDeployed: number;
    targetUnits: number;
  }[],
  names: { sector: (key: string) => string; columns: [string, string, string, string, string] },
): ChartSpec {
  const sectors = unique(groups.map((g) => g.sector)).sort();
  const regions = unique(groups.map((g) => g.region)).sort();
  const option: EChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: sectors.map(names.sector) },
    yAxis: { type: 'value', minInterval: 1 },
    series: regions.map((region) => ({
      name: region,
      type: 'bar',
      stack: 'scenarios',
      barMaxWidth: 56,
      data: sectors.map((sector) =>
        groups.filter((g) => g.sector === sector && g.region === region).reduce((s, g) => s + g.scenarios, 0),
      ),
    })),
  };
  const rows = [...groups]
    .sort((a, b) => a.sector.localeCompare(b.sector) || a.region.localeCompare(b.region))
    .map((g) => [names.sector(g.sector), g.region, g.scenarios, g.unitsDeployed, g.targetUnits]);
  return { option, table: { columns: names.columns, rows }, empty: groups.length === 0 };
}

/** Milestones by state, as a ring, in the order of their life. */
export function milestoneOutcomesChart(
  counts: readonly { key: string; count: number }[],
  names: { status: (key: string) => string; columns: [string, string]; series: string },
): ChartSpec {
  const ordered = [...counts].sort(
    (a, b) => rank(STATUS_ORDER, a.key) - rank(STATUS_ORDER, b.key) || a.key.localeCompare(b.key),
  );
  const option: EChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        name: names.series,
        type: 'pie',
        radius: ['40%', '70%'],
        label: { formatter: '{b}: {c}' },
        data: ordered.map((c) => ({
          name: names.status(c.key),
          value: c.count,
          itemStyle: STATUS_COLOR[c.key] ? { color: STATUS_COLOR[c.key] } : undefined,
        })),
      },
    ],
  };
  const rows = ordered.map((c) => [names.status(c.key), c.count]);
  return { option, table: { columns: names.columns, rows }, empty: total(counts) === 0 };
}

/** Reward owed to and risk owed by each party, in major units (yuan) on the value axis. */
export function ledgerByPartyChart(
  totals: readonly {
    organizationId: string;
    currency: string;
    rewardMinor: number;
    riskMinor: number;
    netMinor: number;
  }[],
  names: {
    party: (organizationId: string) => string;
    money: (minor: number, currency: string) => string;
    reward: string;
    risk: string;
    columns: [string, string, string, string];
  },
): ChartSpec {
  const sorted = [...totals].sort(
    (a, b) =>
      names.party(a.organizationId).localeCompare(names.party(b.organizationId)) ||
      a.currency.localeCompare(b.currency),
  );
  const multiCurrency = unique(sorted.map((t) => t.currency)).length > 1;
  const category = (t: (typeof sorted)[number]) =>
    multiCurrency ? `${names.party(t.organizationId)} (${t.currency})` : names.party(t.organizationId);
  const option: EChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // Party names are long: they read best on the vertical axis, bars running right.
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map(category),
      axisLabel: { width: 160, overflow: 'break' },
    },
    xAxis: { type: 'value' },
    series: [
      {
        name: names.reward,
        type: 'bar',
        itemStyle: { color: '#52c41a' },
        data: sorted.map((t) => t.rewardMinor / 100),
      },
      {
        name: names.risk,
        type: 'bar',
        itemStyle: { color: '#ff4d4f' },
        data: sorted.map((t) => t.riskMinor / 100),
      },
    ],
  };
  const rows = sorted.map((t) => [
    category(t),
    names.money(t.rewardMinor, t.currency),
    names.money(t.riskMinor, t.currency),
    names.money(t.netMinor, t.currency),
  ]);
  return { option, table: { columns: names.columns, rows }, empty: sorted.length === 0 };
}

/** Open pain-point tickets per category, largest first, as horizontal bars. */
export function ticketsByCategoryChart(
  counts: readonly { key: string; count: number }[],
  names: { category: (key: string) => string; columns: [string, string]; series: string },
): ChartSpec {
  const ordered = [...counts].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const option: EChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 16, bottom: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: ordered.map((c) => names.category(c.key)) },
    series: [{ name: names.series, type: 'bar', barMaxWidth: 32, data: ordered.map((c) => c.count) }],
  };
  const rows = ordered.map((c) => [names.category(c.key), c.count]);
  return { option, table: { columns: names.columns, rows }, empty: total(counts) === 0 };
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function total(counts: readonly { count: number }[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}
