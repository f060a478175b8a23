import { KpiDirection, type KpiDefinition } from '@tetrad/scenario';
import { portfolioKpis } from './portfolio-kpis';

const THROUGHPUT: KpiDefinition = {
  key: 'throughput',
  name: 'Parcels a minute',
  unit: 'parcels/min',
  direction: KpiDirection.HIGHER_IS_BETTER,
  humanBaseline: 30,
  humanBaselineHigh: 40,
  target: 21,
};
const CYCLE: KpiDefinition = {
  key: 'cycle_time',
  name: 'Cycle time',
  unit: 's',
  direction: KpiDirection.LOWER_IS_BETTER,
  humanBaseline: 12,
  target: 15,
};
const AT = new Date('2026-11-20T00:00:00Z');

describe('portfolioKpis', () => {
  it.each([
    [
      'the worked example: 20.8 a minute against people at 30, short of 21',
      THROUGHPUT,
      20.8,
      20.8 / 30,
      false,
    ],
    ['a target reached', THROUGHPUT, 21.5, 21.5 / 30, true],
    ['lower is better: 16 s against people at 12 s, over the 15 s target', CYCLE, 16, 12 / 16, false],
    ['lower is better, target reached', CYCLE, 14, 12 / 14, true],
  ])('%s', (_case, kpi, value, ratio, met) => {
    const [row] = portfolioKpis([kpi], [{ kpiKey: kpi.key, value, periodEnd: AT }]);
    expect(row!.latestValue).toBe(value);
    expect(row!.ratioToBaseline).toBeCloseTo(ratio, 9);
    expect(row!.targetMet).toBe(met);
    expect(row!.latestPeriodEnd).toBe(AT);
  });

  it.each([
    ['no verified value', THROUGHPUT, []],
    ['a value of another KPI', THROUGHPUT, [{ kpiKey: 'other', value: 3, periodEnd: AT }]],
  ])('is empty with %s', (_case, kpi, latest) => {
    expect(portfolioKpis([kpi], latest)[0]).toMatchObject({
      latestValue: null,
      ratioToBaseline: null,
      targetMet: null,
    });
  });

  it('gives no ratio without a baseline or for a zero value of a lower-is-better KPI, and no verdict without a target', () => {
    const [noBaseline] = portfolioKpis(
      [{ ...THROUGHPUT, humanBaseline: null, target: null }],
      [{ kpiKey: 'throughput', value: 20, periodEnd: AT }],
    );
    expect(noBaseline).toMatchObject({ ratioToBaseline: null, targetMet: null });
    const [zero] = portfolioKpis([CYCLE], [{ kpiKey: 'cycle_time', value: 0, periodEnd: AT }]);
    expect(zero!.ratioToBaseline).toBeNull();
  });
});
