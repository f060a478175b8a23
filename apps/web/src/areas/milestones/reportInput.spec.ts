import { reportInput, reportPeriod } from './reportInput';

describe('reportPeriod', () => {
  const now = new Date(2026, 10, 26, 10, 30);
  it.each([
    [
      'whole past days',
      new Date(2026, 10, 10, 15),
      new Date(2026, 10, 19, 9),
      new Date(2026, 10, 10),
      new Date(2026, 10, 20),
    ],
    [
      'a period ending today ends now',
      new Date(2026, 10, 20),
      new Date(2026, 10, 26),
      new Date(2026, 10, 20),
      now,
    ],
  ])('%s', (_name, first, last, start, end) => {
    expect(reportPeriod(first, last, now)).toEqual({
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
    });
  });
});

describe('reportInput', () => {
  it('sends only the KPI values that were filled in, and null for missing counts', () => {
    const input = reportInput(
      {
        scenarioId: 's',
        periodStart: new Date(2026, 10, 1),
        periodEnd: new Date(2026, 10, 2),
        operatingHours: 50,
        unitsProcessed: 66_000,
        robotsInService: 3,
        interventions: 2,
        values: { throughput: 22, success_rate: undefined },
      },
      new Date(2026, 10, 26),
    );
    expect(input.values).toEqual([{ kpiKey: 'throughput', value: 22 }]);
    expect(input.successes).toBeNull();
    expect(input.attempts).toBeNull();
  });
});
