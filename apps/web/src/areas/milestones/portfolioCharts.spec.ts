import {
  ledgerByPartyChart,
  milestoneOutcomesChart,
  scenariosBySectorChart,
  ticketsByCategoryChart,
} from './portfolioCharts';

const upper = (key: string) => key.toLowerCase();

describe('scenariosBySectorChart', () => {
  const groups = [
    { sector: 'LOGISTICS', region: 'Shanghai', scenarios: 2, unitsDeployed: 3, targetUnits: 50 },
    { sector: 'MANUFACTURING', region: 'Shanghai', scenarios: 1, unitsDeployed: 5, targetUnits: 20 },
    { sector: 'LOGISTICS', region: 'Jiangsu', scenarios: 4, unitsDeployed: 8, targetUnits: 10 },
  ];
  const spec = scenariosBySectorChart(groups, { sector: upper, columns: ['s', 'r', 'n', 'u', 't'] });
  const option = spec.option as {
    xAxis: { data: string[] };
    series: { name: string; data: number[]; stack: string }[];
  };

  it('puts sectors on the axis and stacks one series per region', () => {
    expect(option.xAxis.data).toEqual(['logistics', 'manufacturing']);
    expect(option.series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['Jiangsu', [4, 0], 'scenarios'],
      ['Shanghai', [2, 1], 'scenarios'],
    ]);
  });

  it('lists every group in the table, by sector then region', () => {
    expect(spec.table.rows).toEqual([
      ['logistics', 'Jiangsu', 4, 8, 10],
      ['logistics', 'Shanghai', 2, 3, 50],
      ['manufacturing', 'Shanghai', 1, 5, 20],
    ]);
    expect(spec.empty).toBe(false);
  });

  it('is empty without groups', () => {
    expect(scenariosBySectorChart([], { sector: upper, columns: ['s', 'r', 'n', 'u', 't'] }).empty).toBe(
      true,
    );
  });
});

describe('milestoneOutcomesChart', () => {
  it('orders the states as a milestone lives them and colours them', () => {
    const spec = milestoneOutcomesChart(
      [
        { key: 'MISSED', count: 1 },
        { key: 'COMMITTED', count: 4 },
        { key: 'PROPOSED', count: 2 },
        { key: 'ACHIEVED', count: 3 },
      ],
      { status: upper, columns: ['status', 'count'], series: 'milestones' },
    );
    const data = (
      spec.option as { series: { data: { name: string; value: number; itemStyle?: { color: string } }[] }[] }
    ).series[0]!.data;
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['proposed', 2],
      ['committed', 4],
      ['achieved', 3],
      ['missed', 1],
    ]);
    expect(data[1]!.itemStyle?.color).toBe('#1677ff');
    expect(data[2]!.itemStyle?.color).toBe('#52c41a');
    expect(spec.table.rows).toEqual([
      ['proposed', 2],
      ['committed', 4],
      ['achieved', 3],
      ['missed', 1],
    ]);
  });

  it('is empty when every count is zero', () => {
    expect(
      milestoneOutcomesChart([{ key: 'PROPOSED', count: 0 }], {
        status: upper,
        columns: ['a', 'b'],
        series: 'm',
      }).empty,
    ).toBe(true);
  });
});

describe('ledgerByPartyChart', () => {
  const names = {
    party: (id: string) => ({ o1: 'Lingbu', o2: 'Jiading' })[id] ?? id,
    money: (minor: number, currency: string) => `${currency} ${minor / 100}`,
    reward: 'reward',
    risk: 'risk',
    columns: ['p', 'r', 'k', 'n'] as [string, string, string, string],
  };

  it('draws reward and risk in major units per party, by party name', () => {
    const spec = ledgerByPartyChart(
      [
        {
          organizationId: 'o1',
          currency: 'CNY',
          rewardMinor: 20_000_000,
          riskMinor: 0,
          netMinor: 20_000_000,
        },
        {
          organizationId: 'o2',
          currency: 'CNY',
          rewardMinor: 12_500_000,
          riskMinor: 100,
          netMinor: 12_499_900,
        },
      ],
      names,
    );
    const option = spec.option as { yAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['Jiading', 'Lingbu']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['reward', [125_000, 200_000]],
      ['risk', [1, 0]],
    ]);
    expect(spec.table.rows[0]).toEqual(['Jiading', 'CNY 125000', 'CNY 1', 'CNY 124999']);
  });

  it('names the currency when parties hold several', () => {
    const spec = ledgerByPartyChart(
      [
        { organizationId: 'o1', currency: 'CNY', rewardMinor: 1, riskMinor: 0, netMinor: 1 },
        { organizationId: 'o1', currency: 'EUR', rewardMinor: 1, riskMinor: 0, netMinor: 1 },
      ],
      names,
    );
    expect((spec.option as { yAxis: { data: string[] } }).yAxis.data).toEqual([
      'Lingbu (CNY)',
      'Lingbu (EUR)',
    ]);
  });
});

describe('ticketsByCategoryChart', () => {
  it('puts the largest category first', () => {
    const spec = ticketsByCategoryChart(
      [
        { key: 'DATA', count: 1 },
        { key: 'SAFETY', count: 4 },
        { key: 'OTHER', count: 1 },
      ],
      { category: upper, columns: ['c', 'n'], series: 'open' },
    );
    const option = spec.option as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['safety', 'data', 'other']);
    expect(option.series[0]!.data).toEqual([4, 1, 1]);
  });
});
