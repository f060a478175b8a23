import { baselineRatioChart, type ScenarioRow } from './portfolioScenarios';

const ROW: ScenarioRow = {
  scenarioId: 's1',
  name: 'Parcel sorting',
  kpis: [
    {
      kpiKey: 'throughput',
      name: 'Parcels a minute',
      unit: 'parcels/min',
      latestValue: 20.8,
      humanBaseline: 30,
      target: 21,
      ratioToBaseline: 20.8 / 30,
      targetMet: false,
    },
    {
      kpiKey: 'success_rate',
      name: 'Success',
      unit: 'ratio',
      latestValue: null,
      humanBaseline: 0.99,
      target: 0.95,
      ratioToBaseline: null,
      targetMet: null,
    },
  ],
};
const NAMES = {
  columns: ['Scenario', 'KPI', 'Latest', 'Human', 'Target'] as [string, string, string, string, string],
  baseline: 'Human pace',
  value: (v: number | null) => (v === null ? '—' : String(v)),
};

describe('baselineRatioChart', () => {
  it('draws a bar per KPI with a verified value against the human pace, and tables every KPI', () => {
    const spec = baselineRatioChart([ROW], NAMES);
    expect(spec.empty).toBe(false);
    const yAxis = spec.option['yAxis'] as { data: string[] };
    expect(yAxis.data).toEqual(['Parcel sorting · Parcels a minute']);
    const [series] = spec.option['series'] as { data: { value: number }[] }[];
    expect(series!.data[0]!.value).toBe(0.693);
    expect(spec.table.rows).toEqual([
      ['Parcel sorting', 'Parcels a minute (parcels/min)', '20.8', '30', '21'],
      ['Parcel sorting', 'Success (ratio)', '—', '0.99', '0.95'],
    ]);
  });

  it('is empty when no scenario has a verified value against a baseline', () => {
    expect(baselineRatioChart([{ ...ROW, kpis: [ROW.kpis[1]!] }], NAMES).empty).toBe(true);
    expect(baselineRatioChart([], NAMES).empty).toBe(true);
  });
});
