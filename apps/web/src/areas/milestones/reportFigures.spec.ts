import { countProblems, kpiChecks, type MeasuredKpi, type ReportCounts } from './reportFigures';

const KPIS: MeasuredKpi[] = [
  {
    key: 'throughput',
    unit: 'parcels/min',
    measure: 'THROUGHPUT_PER_MINUTE',
    humanBaseline: 30,
    humanBaselineHigh: 40,
  },
  { key: 'success_rate', unit: 'ratio', measure: 'SUCCESS_RATE' },
  { key: 'success_pct', unit: '%', measure: 'SUCCESS_RATE' },
  { key: 'per_robot', unit: 'parcels/min', measure: 'THROUGHPUT_PER_ROBOT_PER_MINUTE' },
  { key: 'interventions', unit: '/h', measure: 'INTERVENTIONS_PER_HOUR' },
  { key: 'pace', unit: 'ratio', measure: 'RATIO_TO_BASELINE' },
  { key: 'quality', unit: 'points', measure: 'DECLARED_ONLY' },
];

/** The worked example: 249,600 parcels, 200 h, 3 robots. */
const COUNTS: ReportCounts = {
  unitsProcessed: 249_600,
  operatingHours: 200,
  robotsInService: 3,
  interventions: 14,
  successes: 247_104,
  attempts: 249_600,
};

const check = (key: string, declared: number | undefined, counts: ReportCounts = COUNTS) =>
  kpiChecks(counts, KPIS, { [key]: declared }).find((c) => c.key === key)!;

describe('kpiChecks', () => {
  it.each([
    ['throughput', 20.8, true],
    ['throughput', 20.9, true],
    ['throughput', 21, false],
    ['throughput', 25, false],
    ['success_rate', 0.99, true],
    ['success_rate', 0.999, false],
    ['success_pct', 99, true],
    ['success_pct', 0.99, false],
    ['per_robot', 6.93, true],
    ['per_robot', 7, false],
    ['interventions', 0.07, true],
    ['interventions', 0.1, false],
    ['pace', 0.6, true],
    ['pace', 0.75, false],
  ])('%s declared as %p agrees: %p (as the server decides)', (key, declared, agrees) => {
    const result = check(key, declared);
    expect(result.kind).toBe('computed');
    expect(result.kind === 'computed' && result.agrees).toBe(agrees);
  });

  it('works the worked example: 25 declared is 4.2 off the computed 20.8', () => {
    const result = check('throughput', 25);
    expect(result).toMatchObject({ kind: 'computed', declared: 25 });
    if (result.kind !== 'computed') throw new Error('not computed');
    expect(result.low).toBeCloseTo(20.8, 9);
    expect(result.off).toBeCloseTo(4.2, 9);
    expect(result.allowed).toBeCloseTo(0.104, 9);
  });

  it.each([
    ['throughput', { operatingHours: 0 }],
    ['throughput', { operatingHours: null }],
    ['per_robot', { robotsInService: 0 }],
    ['success_rate', { attempts: null }],
    ['pace', { unitsProcessed: null }],
  ])('%s waits for the counts it needs (%j)', (key, counts) => {
    expect(check(key, 1, { ...COUNTS, ...counts }).kind).toBe('missingCounts');
  });

  it('agrees while nothing is declared, and leaves declared-only KPIs alone', () => {
    expect(check('throughput', undefined)).toMatchObject({ kind: 'computed', declared: null, agrees: true });
    expect(check('quality', 123)).toEqual({ key: 'quality', kind: 'declaredOnly' });
  });
});

describe('countProblems', () => {
  const day = { periodStart: '2026-11-01T00:00:00.000Z', periodEnd: '2026-11-02T00:00:00.000Z' };
  it.each([
    ['200 h in a day', { operatingHours: 200 }, day, 3, ['hoursOverPeriod']],
    ['24 h in a day', { operatingHours: 24 }, day, 3, []],
    ['4 robots, 3 deployed', { robotsInService: 4 }, day, 3, ['robotsOverUnits']],
    ['no period yet', { operatingHours: 200 }, null, 3, []],
    ['both', { operatingHours: 25, robotsInService: 5 }, day, 0, ['hoursOverPeriod', 'robotsOverUnits']],
  ] as const)('%s', (_case, counts, period, units, kinds) => {
    expect(countProblems(counts, period, units).map((problem) => problem.kind)).toEqual(kinds);
  });
});
