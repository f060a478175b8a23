import {
  buildKpiChartOption,
  kpiPoints,
  valueRange,
  type KpiChartLabels,
  type KpiDefinitionLike,
  type KpiReportLike,
  type MilestoneLike,
} from './kpiChart';

const throughput: KpiDefinitionLike = {
  key: 'throughput',
  name: 'Parcels sorted a minute',
  unit: 'parcels/min',
  direction: 'HIGHER_IS_BETTER',
  humanBaseline: 30,
  humanBaselineHigh: 40,
  target: 21,
};

function report(id: string, end: string, status: KpiReportLike['status'], value: number): KpiReportLike {
  return {
    id,
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: end,
    status,
    values: [
      { kpiKey: 'throughput', value },
      { kpiKey: 'success_rate', value: 0.9 },
    ],
  };
}

const reports = [
  report('r2', '2026-02-10T00:00:00.000Z', 'SUBMITTED', 22),
  report('r1', '2026-01-10T00:00:00.000Z', 'VERIFIED', 20.8),
  report('r3', '2026-02-20T00:00:00.000Z', 'DISPUTED', 99),
  report('r4', '2026-02-25T00:00:00.000Z', 'WITHDRAWN', 98),
];

const milestones: MilestoneLike[] = [
  {
    id: 'm1',
    name: 'Pilot acceptance',
    windowStart: '2025-12-01T00:00:00.000Z',
    windowEnd: '2026-03-01T00:00:00.000Z',
    targets: [
      { kpiKey: 'throughput', comparator: 'GTE', value: 21 },
      { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95 },
    ],
  },
];

const labels: KpiChartLabels = {
  verified: 'Verified',
  submitted: 'Submitted',
  baseline: 'Human baseline',
  target: (t, index, all) => `${t.milestoneName} ${t.comparator} ${t.value} (${index + 1}/${all.length})`,
  description: 'Throughput over time',
};

interface Series {
  name: string;
  data: unknown[][];
  stack?: string;
  areaStyle?: unknown;
  lineStyle?: { type?: string };
}

function seriesOf(option: Record<string, unknown>): Series[] {
  return option['series'] as Series[];
}

describe('kpiPoints', () => {
  it('keeps verified and submitted values in period order and leaves disputed and withdrawn ones out', () => {
    expect(kpiPoints('throughput', reports).map((p) => [p.reportId, p.status, p.value])).toEqual([
      ['r1', 'VERIFIED', 20.8],
      ['r2', 'SUBMITTED', 22],
    ]);
  });

  it('skips reports without a value for the KPI', () => {
    expect(kpiPoints('interventions', reports)).toEqual([]);
  });
});

describe('valueRange', () => {
  it.each([
    [[], undefined],
    [[20.8, 40], { min: 10, max: 50 }],
    [[0.95, 0.99], { min: 0.94, max: 1 }],
    [[5], { min: 4, max: 6 }],
    [[0], { min: 0, max: 1 }],
    [[1, 100], { min: 0, max: 110 }],
    [[-5, 5], { min: -10, max: 10 }],
  ])('%j → %j', (values, expected) => {
    expect(valueRange(values)).toEqual(expected);
  });
});

describe('buildKpiChartOption', () => {
  const option = buildKpiChartOption(throughput, reports, milestones, labels) as Record<string, unknown>;
  const series = seriesOf(option);

  it('draws verified values at the end of each period, and the trend on into submitted ones', () => {
    expect(series[0]).toMatchObject({ name: 'Verified', data: [['2026-01-10T00:00:00.000Z', 20.8]] });
    expect(series[1]).toMatchObject({
      name: 'Submitted',
      data: [{ value: ['2026-01-10T00:00:00.000Z', 20.8], symbol: 'none' }, ['2026-02-10T00:00:00.000Z', 22]],
    });
  });

  it('draws no submitted line when every report is verified', () => {
    const verifiedOnly = buildKpiChartOption(throughput, reports.slice(1, 2), milestones, labels);
    expect(seriesOf(verifiedOnly as Record<string, unknown>)[1]?.data).toEqual([]);
  });

  it('draws a human baseline range as a stacked band over the whole time span', () => {
    const start = Date.parse('2025-12-01T00:00:00.000Z');
    const end = Date.parse('2026-03-01T00:00:00.000Z');
    const [low, band] = series.filter((s) => s.stack === 'baseline');
    expect(low?.data).toEqual([
      [start, 30],
      [end, 30],
    ]);
    expect(band).toMatchObject({
      name: 'Human baseline',
      data: [
        [start, 10],
        [end, 10],
      ],
    });
    expect(band?.areaStyle).toBeDefined();
  });

  it('draws each milestone target on this KPI as a dashed line over its window, and no other KPI', () => {
    const targets = series.filter((s) => s.lineStyle?.type === 'dashed');
    expect(targets).toEqual([
      expect.objectContaining({
        name: 'Pilot acceptance GTE 21 (1/1)',
        data: [
          ['2025-12-01T00:00:00.000Z', 21],
          ['2026-03-01T00:00:00.000Z', 21],
        ],
      }),
    ]);
  });

  it('lists the visible series in the legend, not the band’s helper line', () => {
    expect((option['legend'] as { data: string[] }).data).toEqual([
      'Verified',
      'Submitted',
      'Human baseline',
      'Pilot acceptance GTE 21 (1/1)',
    ]);
  });

  it('describes itself to screen readers in the words given, not the generated series dump', () => {
    expect(option['aria']).toEqual({ enabled: true, label: { description: 'Throughput over time' } });
  });

  it('sets the y range so baseline, target and values all show', () => {
    expect(option['yAxis']).toMatchObject({ name: 'parcels/min', min: 10, max: 50 });
  });

  it('draws a single baseline as a line when there is no range', () => {
    const single = buildKpiChartOption(
      { ...throughput, key: 'success_rate', unit: 'ratio', humanBaseline: 0.99, humanBaselineHigh: null },
      reports,
      milestones,
      labels,
    ) as Record<string, unknown>;
    const baseline = seriesOf(single).filter((s) => s.name === 'Human baseline');
    expect(baseline).toHaveLength(1);
    expect(baseline[0]?.stack).toBeUndefined();
    expect(baseline[0]?.data.map((d) => d[1])).toEqual([0.99, 0.99]);
  });

  it('draws no baseline without one, and no time span without reports or milestones', () => {
    const bare = buildKpiChartOption({ ...throughput, humanBaseline: null }, [], [], labels) as Record<
      string,
      unknown
    >;
    expect(seriesOf(bare).map((s) => s.name)).toEqual(['Verified', 'Submitted']);
    expect(bare['xAxis']).not.toHaveProperty('min');
  });
});
