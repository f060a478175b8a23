import { KpiMeasure } from '@tetrad/scenario';
import type { KpiReportMeasures } from './kpi-figures';
import { reconcileKpiValues, unitNoun } from './kpi-reconciliation';

const THROUGHPUT = {
  key: 'throughput',
  unit: 'parcels/min',
  humanBaseline: 30,
  humanBaselineHigh: 40,
};
const SUCCESS = { key: 'success_rate', unit: 'ratio' };
const KPIS = [
  THROUGHPUT,
  SUCCESS,
  { key: 'per_robot', unit: 'parcels/min', measure: KpiMeasure.THROUGHPUT_PER_ROBOT_PER_MINUTE },
  { key: 'interventions', unit: '/h', measure: KpiMeasure.INTERVENTIONS_PER_HOUR },
  { key: 'pace', unit: 'ratio', measure: KpiMeasure.RATIO_TO_BASELINE },
  { key: 'success_pct', unit: '%', measure: KpiMeasure.SUCCESS_RATE },
  { key: 'quality', unit: 'score' },
  { key: 'success_declared', unit: 'ratio', measure: KpiMeasure.DECLARED_ONLY },
];

/** The worked example: 249,600 parcels, 200 h, 3 robots, 14 interventions. */
function report(overrides: Partial<KpiReportMeasures> = {}): KpiReportMeasures {
  return {
    periodStart: '2026-03-01T00:00:00Z',
    periodEnd: '2026-03-11T00:00:00Z',
    unitsProcessed: 249_600,
    operatingHours: 200,
    robotsInService: 3,
    interventions: 14,
    successes: 247_104,
    attempts: 249_600,
    ...overrides,
  };
}

describe('reconcileKpiValues', () => {
  it('refuses the worked example declaring 25 a minute, naming both figures and the difference', () => {
    const { problems } = reconcileKpiValues(report(), KPIS, [{ kpiKey: 'throughput', value: 25 }]);
    expect(problems).toEqual([
      {
        kpiKey: 'throughput',
        index: 0,
        message:
          'throughput: declared 25 a minute, but 249,600 parcels over 200 h is 20.8 a minute (off by 4.2, more than the 0.5 % allowed).',
      },
    ]);
  });

  it.each([
    // [kpi, declared, accepted]
    ['throughput', 20.8, true],
    ['throughput', 20.75, true], // within the 0.05 rounding floor and 0.5 %
    ['throughput', 20.9, true], // 0.1 off: within 0.5 % of 20.8 (0.104)
    ['throughput', 21, false], // 0.2 off: the 21 of the target is not 20.8
    ['throughput', 25, false],
    ['per_robot', 6.93, true],
    ['per_robot', 6.9, true], // 0.033 off, within the 0.05 floor
    ['per_robot', 7, false],
    ['success_rate', 0.99, true],
    ['success_rate', 0.994, true],
    ['success_rate', 0.999, false],
    ['success_pct', 99, true],
    ['success_pct', 99.4, true],
    ['success_pct', 0.99, false], // a fraction where the KPI is in per cent
    ['interventions', 0.07, true],
    ['interventions', 0.1, false],
    ['pace', 0.52, true], // against the fastest people
    ['pace', 0.6, true], // inside the range 0.52–0.693
    ['pace', 0.69, true],
    ['pace', 0.697, true], // 0.004 above 0.693: within the 0.005 floor
    ['pace', 0.7, false], // 0.007 above
    ['pace', 0.75, false],
    ['pace', 0.45, false],
    ['quality', 1_000, true], // declared only
    ['success_declared', 0.5, true], // declared only, though its key says more
  ] as const)('%s declared as %p is accepted: %p', (kpiKey, value, accepted) => {
    const { problems } = reconcileKpiValues(report(), KPIS, [{ kpiKey, value }]);
    expect(problems.length === 0).toBe(accepted);
  });

  it.each([
    ['throughput', { operatingHours: 0 }, 'it needs operating hours above 0'],
    ['per_robot', { robotsInService: 0 }, 'operating hours and robots in service above 0'],
    ['success_rate', { attempts: null, successes: null }, 'it needs successes and attempts'],
    ['success_rate', { attempts: 0, successes: 0 }, 'attempts above 0'],
    ['interventions', { operatingHours: 0 }, 'it needs operating hours above 0'],
  ] as const)('refuses a declared %s when %j leave nothing to compute it from', (kpiKey, counts, words) => {
    const { problems } = reconcileKpiValues(report(counts), KPIS, [{ kpiKey, value: 1 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(words);
    expect(problems[0]!.message).toContain('leave the value out');
  });

  it('refuses a ratio to the baseline when the throughput KPI has no baseline', () => {
    const kpis = [{ key: 'throughput', unit: 'parcels/min' }, KPIS[4]!];
    const { problems } = reconcileKpiValues(report(), kpis, [{ kpiKey: 'pace', value: 0.6 }]);
    expect(problems[0]!.message).toContain("human baseline on the scenario's throughput KPI");
  });

  it('fills the computable values left out, to six significant digits, and leaves the rest out', () => {
    const { values, problems } = reconcileKpiValues(report({ unitsProcessed: 262_000 }), KPIS, [
      { kpiKey: 'quality', value: 4 },
    ]);
    expect(problems).toEqual([]);
    expect(values).toEqual([
      { kpiKey: 'quality', value: 4 },
      { kpiKey: 'throughput', value: 21.8333 },
      { kpiKey: 'success_rate', value: 0.99 },
      { kpiKey: 'per_robot', value: 7.27778 },
      { kpiKey: 'interventions', value: 0.07 },
      // pace: a ratio to a range of paces (30–40) is not one number, so it is not filled
      { kpiKey: 'success_pct', value: 99 },
    ]);
  });

  it('fills a ratio to a single human baseline, and nothing that cannot be computed', () => {
    const kpis = [{ ...THROUGHPUT, humanBaselineHigh: null }, SUCCESS, KPIS[4]!];
    const { values } = reconcileKpiValues(report({ attempts: null, successes: null }), kpis, []);
    expect(values).toEqual([
      { kpiKey: 'throughput', value: 20.8 },
      { kpiKey: 'pace', value: 0.693333 },
    ]);
  });

  it('says every KPI that is off, each with its index', () => {
    const { problems } = reconcileKpiValues(report(), KPIS, [
      { kpiKey: 'quality', value: 3 },
      { kpiKey: 'success_rate', value: 0.5 },
      { kpiKey: 'throughput', value: 30 },
    ]);
    expect(problems.map((problem) => [problem.kpiKey, problem.index])).toEqual([
      ['throughput', 2],
      ['success_rate', 1],
    ]);
    expect(problems[1]!.message).toBe(
      'success_rate: declared 0.5, but 247,104 successes in 249,600 attempts is 0.99 (off by 0.49, more than the 0.005 allowed for rounding).',
    );
  });

  it('names the rounding floor when it, not the percentage, sets the limit', () => {
    const { problems } = reconcileKpiValues(report({ unitsProcessed: 1_200 }), KPIS, [
      { kpiKey: 'throughput', value: 0.2 },
    ]);
    expect(problems[0]!.message).toBe(
      'throughput: declared 0.2 a minute, but 1,200 parcels over 200 h is 0.1 a minute (off by 0.1, more than the 0.05 allowed for rounding).',
    );
  });
});

describe('unitNoun', () => {
  it.each([
    ['parcels/min', 'parcels'],
    ['screws / h', 'screws'],
    ['件/分钟', '件'],
    ['ratio', 'units'],
    ['/h', 'units'],
    [undefined, 'units'],
  ])('%p names %p', (unit, noun) => {
    expect(unitNoun(unit)).toBe(noun);
  });
});
