import {
  percentToBasisPoints,
  rowsFromShares,
  sharesFromRows,
  splitMode,
  splitProblems,
  totalBasisPoints,
  type SplitRow,
} from './split';

const row = (organizationId: string, percent: number | null): SplitRow => ({
  organizationId,
  name: organizationId,
  percent,
});

describe('percentToBasisPoints', () => {
  it.each([
    [100, 10_000],
    [25, 2_500],
    [12.5, 1_250],
    [0.29, 29],
    [33.33, 3_333],
    [0.01, 1],
    [0.005, 1],
    [0.004, 0],
    [null, 0],
    [Number.NaN, 0],
  ])('%p %% is %p basis points', (percent, expected) => {
    expect(percentToBasisPoints(percent)).toBe(expected);
  });
});

describe('splitProblems', () => {
  it.each<[string, SplitRow[], ReturnType<typeof splitProblems>]>([
    ['exactly 100 %', [row('a', 40), row('b', 60)], []],
    ['thirds rounded to cents that add up', [row('a', 33.33), row('b', 33.33), row('c', 33.34)], []],
    [
      '99.99 %',
      [row('a', 33.33), row('b', 33.33), row('c', 33.33)],
      [{ kind: 'total', totalBasisPoints: 9_999 }],
    ],
    ['over 100 %', [row('a', 60), row('b', 60)], [{ kind: 'total', totalBasisPoints: 12_000 }]],
    ['an empty field counts as 0', [row('a', 100), row('b', null)], []],
    ['nothing held', [row('a', 0), row('b', null)], [{ kind: 'empty' }]],
    [
      'a negative share',
      [row('a', -10), row('b', 110)],
      [
        { kind: 'range', organizationId: 'a' },
        { kind: 'range', organizationId: 'b' },
      ],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(splitProblems(rows)).toEqual(expected);
  });
});

describe('rows and shares', () => {
  it('lists every member, at 0 % without a share, and keeps a share of a former member visible', () => {
    const rows = rowsFromShares(
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      [
        { organizationId: 'a', basisPoints: 7_500 },
        { organizationId: 'x', basisPoints: 2_500 },
      ],
    );
    expect(rows).toEqual([
      { organizationId: 'a', name: 'A', percent: 75 },
      { organizationId: 'b', name: 'B', percent: 0 },
      { organizationId: 'x', name: 'x', percent: 25 },
    ]);
    expect(totalBasisPoints(rows)).toBe(10_000);
  });

  it('sends basis points and leaves out parties at 0 %', () => {
    expect(sharesFromRows([row('a', 12.34), row('b', 0), row('c', 87.66)])).toEqual([
      { organizationId: 'a', basisPoints: 1_234 },
      { organizationId: 'c', basisPoints: 8_766 },
    ]);
  });
});

describe('splitMode', () => {
  it.each([
    ['PROPOSED', ['ORG_ADMIN'], 'direct'],
    ['PROPOSED', ['SIGNATORY'], 'readonly'],
    ['PROPOSED', ['ENGINEER'], 'readonly'],
    ['COMMITTED', ['ORG_ADMIN'], 'propose'],
    ['COMMITTED', ['SIGNATORY'], 'propose'],
    ['COMMITTED', ['ENGINEER'], 'readonly'],
    ['ACHIEVED', ['ORG_ADMIN'], 'readonly'],
    ['MISSED', ['SIGNATORY'], 'readonly'],
    ['WAIVED', ['ORG_ADMIN'], 'readonly'],
  ])('%s, roles %p: %s', (status, roles, expected) => {
    expect(splitMode(status, roles)).toBe(expected);
  });
});
