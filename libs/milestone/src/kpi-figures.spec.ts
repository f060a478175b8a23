import { deriveKpiFigures, type KpiReportMeasures } from './kpi-figures';

const period = { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z' };

function report(overrides: Partial<KpiReportMeasures>): KpiReportMeasures {
  return {
    ...period,
    unitsProcessed: 249_600,
    operatingHours: 200,
    robotsInService: 3,
    interventions: 50,
    ...overrides,
  };
}

describe('deriveKpiFigures', () => {
  it('works the example of issue 7: 3 robots, 200 h, 249,600 parcels against a human 30–40 a minute', () => {
    const figures = deriveKpiFigures(report({}), { low: 30, high: 40 });

    expect(figures.throughputPerMinute).toBeCloseTo(20.8, 6);
    expect(figures.throughputPerRobotPerMinute).toBeCloseTo(6.933, 3);
    expect(figures.ratioToBaseline!.low).toBeCloseTo(0.52, 6);
    expect(figures.ratioToBaseline!.high).toBeCloseTo(0.693, 3);
    // What a person reads: 52 %–69 % of the human pace.
    expect(Math.round(figures.ratioToBaseline!.low * 100)).toBe(52);
    expect(Math.floor(figures.ratioToBaseline!.high * 100)).toBe(69);
    expect(figures.interventionsPerHour).toBeCloseTo(0.25, 6);
  });

  it('reads a baseline entered backwards the same way', () => {
    expect(deriveKpiFigures(report({}), { low: 40, high: 30 }).ratioToBaseline).toEqual(
      deriveKpiFigures(report({}), { low: 30, high: 40 }).ratioToBaseline,
    );
  });

  it.each([
    [950, 1000, 0.95],
    [0, 10, 0],
    [10, 10, 1],
    [5, 0, null],
    [null, 10, null],
    [10, null, null],
    [undefined, undefined, null],
  ])('success rate of %p successes in %p attempts is %p', (successes, attempts, expected) => {
    expect(deriveKpiFigures(report({ successes, attempts })).successRate).toBe(expected);
  });

  it.each([
    [
      'no operating hours',
      { operatingHours: 0 },
      ['throughputPerMinute', 'throughputPerRobotPerMinute', 'interventionsPerHour', 'ratioToBaseline'],
    ],
    ['no robots in service', { robotsInService: 0 }, ['throughputPerRobotPerMinute']],
    [
      'negative hours',
      { operatingHours: -5 },
      ['throughputPerMinute', 'throughputPerRobotPerMinute', 'interventionsPerHour', 'ratioToBaseline'],
    ],
    [
      'non-finite units',
      { unitsProcessed: Number.NaN },
      ['throughputPerMinute', 'throughputPerRobotPerMinute', 'ratioToBaseline'],
    ],
  ] as const)('with %s, %j are null and nothing is Infinity or NaN', (_case, overrides, nulls) => {
    const figures = deriveKpiFigures(report(overrides), { low: 30, high: 40 });
    for (const key of nulls) expect(figures[key]).toBeNull();
    for (const value of Object.values(figures)) {
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    }
  });

  it.each([
    ['no baseline', undefined],
    ['a null baseline', null],
    ['a zero baseline', { low: 0, high: 40 }],
  ])('has no ratio to the baseline with %s', (_case, baseline) => {
    expect(deriveKpiFigures(report({}), baseline).ratioToBaseline).toBeNull();
  });
});
