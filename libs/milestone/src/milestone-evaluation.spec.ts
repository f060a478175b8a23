import {
  evaluateMilestone,
  type KpiTarget,
  type MilestoneState,
  type MilestoneToEvaluate,
  type VerifiedReport,
} from './milestone-evaluation';

const SUCCESS: KpiTarget = { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 };
const THROUGHPUT: KpiTarget = { kpiKey: 'throughput', comparator: 'GTE', value: 21 };

function milestone(overrides: Partial<MilestoneToEvaluate> = {}): MilestoneToEvaluate {
  return {
    targets: [SUCCESS, THROUGHPUT],
    windowStart: '2026-01-01T00:00:00Z',
    windowEnd: '2026-07-01T00:00:00Z',
    dueAt: '2026-06-30T00:00:00Z',
    status: 'COMMITTED',
    ...overrides,
  };
}

/** One report per month of 2026 (1 = January), 120 h unless told. */
function report(
  id: string,
  month: number,
  values: Record<string, number>,
  operatingHours = 120,
): VerifiedReport {
  const at = (m: number) => new Date(Date.UTC(2026, m - 1, 1)).toISOString();
  return { id, periodStart: at(month), periodEnd: at(month + 1), operatingHours, values };
}

const JAN = report('r-jan', 1, { success_rate: 0.96, throughput: 21.5 });
const FEB = report('r-feb', 2, { success_rate: 0.94, throughput: 21.1 });
const MAR_DIP = report('r-mar', 3, { success_rate: 0.8, throughput: 18 });
const BEFORE_DUE = '2026-05-01T00:00:00Z';
const AFTER_DUE = '2026-07-15T00:00:00Z';

describe('evaluateMilestone: outcome', () => {
  it.each([
    ['one report, too few hours, before the due date', [JAN], BEFORE_DUE, 'PENDING', undefined],
    ['one report, too few hours, after the due date', [JAN], AFTER_DUE, 'MISSED', undefined],
    ['no reports after the due date', [], AFTER_DUE, 'MISSED', undefined],
    ['exactly at the due date', [JAN], '2026-06-30T00:00:00Z', 'PENDING', undefined],
    ['two reports meeting every target', [JAN, FEB], BEFORE_DUE, 'ACHIEVED', 'r-feb'],
    ['the same reports out of order', [FEB, JAN], BEFORE_DUE, 'ACHIEVED', 'r-feb'],
    ['a later dip below target', [JAN, FEB, MAR_DIP], BEFORE_DUE, 'ACHIEVED', 'r-feb'],
    ['targets met, judged only after the due date', [JAN, FEB], AFTER_DUE, 'ACHIEVED', 'r-feb'],
  ])('%s → %s', (_case, reports, now, outcome, achievedBy) => {
    const evaluation = evaluateMilestone(milestone(), reports, now);
    expect(evaluation.outcome).toBe(outcome);
    expect(evaluation.achievedBy).toBe(achievedBy);
  });

  it.each<[MilestoneState, string]>([
    ['ACHIEVED', AFTER_DUE],
    ['MISSED', BEFORE_DUE],
    ['WAIVED', AFTER_DUE],
  ])('a %s milestone stays %s, whatever the reports say', (status, now) => {
    const evaluation = evaluateMilestone(milestone({ status }), [JAN, FEB], now);
    expect(evaluation.outcome).toBe(status);
    expect(evaluation.achievedBy).toBeUndefined();
    expect(evaluation.summary).toBe(`${status[0]}${status.slice(1).toLowerCase()}.`);
  });

  it('a final milestone says what was found when it was decided, not "already"', () => {
    const summary = 'Missed: the due date 2026-06-30T00:00:00.000Z has passed with 0 of 2 targets met.';
    const evaluation = evaluateMilestone(
      milestone({ status: 'MISSED', decisionSummary: summary }),
      [],
      AFTER_DUE,
    );
    expect(evaluation).toMatchObject({ outcome: 'MISSED', summary });
  });

  it('a COMMITTED milestone is judged; a PROPOSED one binds nobody and stays PENDING', () => {
    expect(evaluateMilestone(milestone(), [JAN, FEB], BEFORE_DUE).outcome).toBe('ACHIEVED');
    const proposed = evaluateMilestone(milestone({ status: 'PROPOSED' }), [JAN, FEB], AFTER_DUE);
    expect(proposed.outcome).toBe('PENDING');
    expect(proposed.summary).toMatch(/every bound party accepts/);
  });
});

describe('evaluateMilestone: reports that do not count yet', () => {
  it.each([
    ['a disputed report freezes an achievement', [JAN, FEB], BEFORE_DUE, 'DISPUTED', 'PENDING', /Frozen/],
    ['a disputed report freezes a miss', [JAN], AFTER_DUE, 'DISPUTED', 'PENDING', /Frozen/],
    ['a report awaiting verification holds a miss back', [JAN], AFTER_DUE, 'SUBMITTED', 'PENDING', /waiting/],
    ['but never an achievement', [JAN, FEB], BEFORE_DUE, 'SUBMITTED', 'ACHIEVED', /Achieved/],
    ['nor the wait before the due date', [JAN], BEFORE_DUE, 'SUBMITTED', 'PENDING', /Pending/],
  ] as const)('%s', (_case, reports, now, status, outcome, summary) => {
    const evaluation = evaluateMilestone(milestone(), reports, now, [{ id: 'r-apr', status }]);
    expect(evaluation.outcome).toBe(outcome);
    expect(evaluation.summary).toMatch(summary);
  });
});

describe('evaluateMilestone: the window', () => {
  it.each([
    ['starts before the window', report('r-dec', 0, { success_rate: 1, throughput: 30 }, 500)],
    ['ends after the window', report('r-jul', 7, { success_rate: 1, throughput: 30 }, 500)],
    [
      'straddles the window end',
      { ...report('r-jun', 6, { success_rate: 1, throughput: 30 }, 500), periodEnd: '2026-07-02T00:00:00Z' },
    ],
  ])('ignores a report that %s', (_case, outside) => {
    const evaluation = evaluateMilestone(milestone(), [JAN, outside], BEFORE_DUE);
    expect(evaluation.outcome).toBe('PENDING');
    expect(evaluation.explanation.flatMap((check) => check.reportIds)).toEqual(['r-jan', 'r-jan']);
  });

  it('counts a report that fills the window exactly', () => {
    const whole = {
      ...report('r-h1', 1, { success_rate: 0.97, throughput: 22 }, 400),
      periodEnd: '2026-07-01T00:00:00Z',
    };
    expect(evaluateMilestone(milestone(), [whole], BEFORE_DUE).achievedBy).toBe('r-h1');
  });
});

describe('evaluateMilestone: explanation', () => {
  it('names the report, the values and the targets when achieved', () => {
    const evaluation = evaluateMilestone(milestone(), [JAN, FEB, MAR_DIP], BEFORE_DUE);
    expect(evaluation.summary).toBe('Achieved with report r-feb: all 2 targets met from 2 verified reports.');
    expect(evaluation.explanation.map((check) => check.sentence)).toEqual([
      'success_rate: 0.95 ≥ 0.95 over 240 h (200 h required) from 2 verified reports — met.',
      'throughput: 21.3 ≥ 21 over 240 h from 2 verified reports — met.',
    ]);
    expect(evaluation.explanation[1]).toEqual({
      kpiKey: 'throughput',
      comparator: 'GTE',
      target: 21,
      actual: expect.closeTo(21.3, 9),
      operatingHours: 240,
      minOperatingHours: null,
      met: true,
      reportIds: ['r-jan', 'r-feb'],
      sentence: 'throughput: 21.3 ≥ 21 over 240 h from 2 verified reports — met.',
    });
  });

  it.each([
    [
      'too few hours',
      [SUCCESS],
      [JAN],
      'success_rate: 0.96 ≥ 0.95 over 120 h from 1 verified report, but 200 h are required — not met.',
    ],
    [
      'a value short of its target and too few hours',
      [SUCCESS],
      [report('r', 1, { success_rate: 0.9 })],
      'success_rate: 0.9, not ≥ 0.95, over 120 h from 1 verified report, but 200 h are required — not met.',
    ],
    [
      'a mean exactly at its target despite floating-point rounding (0.9499999999999998)',
      [SUCCESS],
      [0.94, 0.95, 0.96].map((rate, i) => report(`r${i}`, i + 1, { success_rate: rate }, 170)),
      'success_rate: 0.95 ≥ 0.95 over 510 h (200 h required) from 3 verified reports — met.',
    ],
    [
      'a value just short of its target',
      [THROUGHPUT],
      [report('r', 1, { throughput: 20.9996 })],
      'throughput: 20.9996, not ≥ 21, over 120 h from 1 verified report — not met.',
    ],
    [
      'no report carrying the KPI',
      [THROUGHPUT],
      [report('r', 1, { success_rate: 1 })],
      'throughput: no verified report in the window (target ≥ 21) — not met.',
    ],
    [
      'reports with no operating hours',
      [THROUGHPUT],
      [report('r', 1, { throughput: 25 }, 0)],
      'throughput: no operating hours in 1 verified report (target ≥ 21) — not met.',
    ],
    [
      'a lower-is-better target',
      [{ kpiKey: 'interventions_per_hour', comparator: 'LTE' as const, value: 0.5 }],
      [
        report('a', 1, { interventions_per_hour: 0.6 }, 100),
        report('b', 2, { interventions_per_hour: 0.3 }, 300),
      ],
      'interventions_per_hour: 0.375 ≤ 0.5 over 400 h from 2 verified reports — met.',
    ],
  ])('explains %s', (_case, targets, reports, sentence) => {
    const [check] = evaluateMilestone(milestone({ targets }), reports, BEFORE_DUE).explanation;
    expect(check!.sentence).toBe(sentence);
  });

  it('weights by hours and counts only the hours of reports that carry the KPI', () => {
    const reports = [
      report('a', 1, { success_rate: 0.9 }, 100),
      report('b', 2, { success_rate: 0.99 }, 300),
      report('c', 3, { throughput: 25 }, 1000),
    ];
    const [check] = evaluateMilestone(milestone({ targets: [SUCCESS] }), reports, BEFORE_DUE).explanation;
    expect(check!.actual).toBeCloseTo(0.9675, 9);
    expect(check!.operatingHours).toBe(400);
    expect(check!.reportIds).toEqual(['a', 'b']);
  });

  it.each([
    ['before the due date', BEFORE_DUE, 'Pending: 1 of 2 targets met so far; due 2026-06-30T00:00:00.000Z.'],
    [
      'after the due date',
      AFTER_DUE,
      'Missed: the due date 2026-06-30T00:00:00.000Z has passed with 1 of 2 targets met.',
    ],
  ])('summarises progress %s', (_case, now, summary) => {
    expect(evaluateMilestone(milestone(), [JAN], now).summary).toBe(summary);
  });

  it('is deterministic: sorted targets and reports, whatever the input order', () => {
    const reversed = milestone({ targets: [THROUGHPUT, SUCCESS] });
    const a = evaluateMilestone(reversed, [MAR_DIP, FEB, JAN], BEFORE_DUE);
    const b = evaluateMilestone(milestone(), [JAN, FEB, MAR_DIP], BEFORE_DUE);
    expect(a).toEqual(b);
    expect(a.explanation.map((check) => check.kpiKey)).toEqual(['success_rate', 'throughput']);
  });
});

describe('evaluateMilestone: bad input', () => {
  it.each([
    ['no targets', milestone({ targets: [] }), [JAN], /at least one KPI target/],
    ['a due date that is not a date', milestone({ dueAt: 'soon' }), [JAN], /due date "soon"/],
    [
      'a report period that is not a date',
      milestone(),
      [{ ...JAN, periodEnd: '2026-13-45' }],
      /end of report r-jan/,
    ],
    [
      'negative operating hours',
      milestone(),
      [{ ...JAN, operatingHours: -1 }],
      /r-jan has -1 operating hours/,
    ],
  ])('refuses %s', (_case, toJudge, reports, message) => {
    expect(() => evaluateMilestone(toJudge, reports, BEFORE_DUE)).toThrow(message);
  });
});
