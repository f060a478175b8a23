import { explainCheck, formatKpiValue, metCount, type TargetCheckLike } from './evaluation';

const format = {
  number: (v: number, digits = 2) => String(Number(v.toFixed(digits))),
  percent: (v: number) => `${Number((v * 100).toFixed(2))}%`,
};
const valueOf = (v: number | null | undefined, unit: string | undefined) => formatKpiValue(v, unit, format);
const hoursOf = (h: number) => `${h} h`;
const throughput = { key: 'throughput', name: 'Parcels a minute', unit: 'parcels/min' };
const successRate = { key: 'success_rate', name: 'Success rate', unit: 'ratio' };

const check = (over: Partial<TargetCheckLike>): TargetCheckLike => ({
  kpiKey: 'throughput',
  comparator: 'GTE',
  target: 21,
  actual: 20.8,
  operatingHours: 200,
  minOperatingHours: null,
  met: false,
  reportIds: ['r1'],
  ...over,
});

describe('formatKpiValue', () => {
  it.each([
    [20.8, 'parcels/min', '20.8 parcels/min'],
    [0.95, 'ratio', '95%'],
    [3, '', '3'],
    [null, 'ratio', '—'],
  ])('%p %s → %s', (value, unit, expected) => {
    expect(formatKpiValue(value, unit, format)).toBe(expected);
  });
});

describe('explainCheck', () => {
  it.each<[string, TargetCheckLike, typeof throughput, string, Record<string, unknown>]>([
    [
      'the demo: 20.8 against 21, no hours required',
      check({}),
      throughput,
      'value',
      {
        kpi: 'Parcels a minute',
        symbol: '≥',
        actual: '20.8 parcels/min',
        target: '21 parcels/min',
        hours: '200 h',
        reports: 1,
      },
    ],
    [
      'enough hours',
      check({ kpiKey: 'success_rate', target: 0.95, actual: 0.99, minOperatingHours: 200, met: true }),
      successRate,
      'valueAndHours',
      { actual: '99%', target: '95%', required: '200 h' },
    ],
    [
      'too few hours',
      check({
        kpiKey: 'success_rate',
        target: 0.95,
        actual: 0.99,
        operatingHours: 50,
        minOperatingHours: 200,
      }),
      successRate,
      'hoursShort',
      { hours: '50 h', required: '200 h' },
    ],
    [
      'no report in the window',
      check({ actual: null, operatingHours: 0, reportIds: [] }),
      throughput,
      'noReport',
      { actual: '—', reports: 0 },
    ],
    [
      'reports without hours',
      check({ actual: null, operatingHours: 0 }),
      throughput,
      'noHours',
      { reports: 1 },
    ],
    ['at most', check({ comparator: 'LTE', target: 2, actual: 1 }), throughput, 'value', { symbol: '≤' }],
  ])('%s', (_name, input, kpi, sentence, params) => {
    const explained = explainCheck(input, kpi, valueOf, hoursOf);
    expect(explained.sentence).toBe(sentence);
    expect(explained.params).toMatchObject(params);
  });

  it('names the KPI by its key when the scenario no longer defines it', () => {
    expect(explainCheck(check({}), undefined, valueOf, hoursOf).params.kpi).toBe('throughput');
  });

  it('tells a value short of its target apart from hours short', () => {
    expect(explainCheck(check({}), throughput, valueOf, hoursOf).valueMet).toBe(false);
    expect(explainCheck(check({ actual: 21 }), throughput, valueOf, hoursOf).valueMet).toBe(true);
  });
});

describe('metCount', () => {
  it('counts met targets', () => {
    expect(metCount([{ met: true }, { met: false }, { met: true }])).toEqual({ met: 2, total: 3 });
  });
});
