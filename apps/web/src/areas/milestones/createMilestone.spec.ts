import type { ApiProblem } from '../../api/errors';
import {
  changedFieldNames,
  createInput,
  createProblems,
  dayEnd,
  dayStart,
  formProblem,
  localDayFromNow,
  targetProblems,
  targetValueToApi,
  windowProblems,
  yuanToMinor,
  type CreateValues,
  type KpiOption,
} from './createMilestone';

const KPIS: KpiOption[] = [
  { key: 'throughput', unit: 'parcels/min', direction: 'HIGHER_IS_BETTER' },
  { key: 'success_rate', unit: 'ratio', direction: 'HIGHER_IS_BETTER' },
];
const MEMBERS = [
  { id: 'org-a', name: 'Jiading' },
  { id: 'org-b', name: 'Lingbu' },
];

/** The day the tests pretend it is: the windows below start after it. */
const TODAY = '2026-12-03';

const VALID: CreateValues = {
  scenarioId: 'scenario-1',
  name: '  Pilot acceptance  ',
  description: 'Line 1',
  windowStart: '2027-01-01',
  windowEnd: '2027-03-31',
  dueAt: '2027-04-15',
  currency: 'CNY',
  rewardPoolYuan: 300_000,
  riskAmountYuan: 1_234.56,
  targets: [
    { kpiKey: 'throughput', comparator: 'GTE', value: 21 },
    { kpiKey: 'success_rate', comparator: 'GTE', value: 95, minOperatingHours: 200 },
  ],
  split: { 'org-a': 60, 'org-b': 40 },
};

describe('yuanToMinor', () => {
  it.each([
    [300_000, 30_000_000],
    [1_234.56, 123_456],
    [0.29, 29],
    [0, 0],
    [null, null],
    [undefined, null],
    [-1, null],
    [Number.NaN, null],
    [1e14, null],
  ])('%p yuan → %p fen', (yuan, minor) => {
    expect(yuanToMinor(yuan)).toBe(minor);
  });
});

describe('targetValueToApi', () => {
  it.each([
    [95, 'ratio', 0.95],
    [99.5, 'ratio', 0.995],
    [21, 'parcels/min', 21],
    [21, undefined, 21],
  ])('%p typed for unit %p is sent as %p', (value, unit, sent) => {
    expect(targetValueToApi(value, unit)).toBe(sent);
  });
});

describe('day boundaries', () => {
  it('opens the window at the first instant of its first day and closes it at the end of its last', () => {
    expect(dayStart('2027-01-01')).toBe(new Date(2027, 0, 1).toISOString());
    expect(dayEnd('2027-03-31')).toBe(new Date(2027, 2, 31, 23, 59, 59, 999).toISOString());
  });
});

describe('windowProblems', () => {
  it.each([
    ['a valid window', {}, []],
    ['a one-day window due that day', { windowEnd: '2027-01-01', dueAt: '2027-01-01' }, []],
    ['an end before the start', { windowEnd: '2026-12-31' }, ['windowEnd:endBeforeStart']],
    ['a due date before the end', { dueAt: '2027-03-30' }, ['dueAt:dueBeforeEnd']],
    [
      'a due date before the start, with no end',
      { windowEnd: null, dueAt: '2026-12-01' },
      ['windowEnd:required', 'dueAt:dueBeforeStart'],
    ],
    ['missing days', { windowStart: null, dueAt: undefined }, ['windowStart:required', 'dueAt:required']],
    ['a window starting today', { windowStart: TODAY }, ['windowStart:startNotFuture']],
    [
      'a window that started last month',
      { windowStart: '2026-11-01', windowEnd: '2026-11-30', dueAt: '2026-12-01' },
      ['windowStart:startNotFuture'],
    ],
    ['a window starting tomorrow', { windowStart: '2026-12-04' }, []],
  ] as [string, Partial<CreateValues>, string[]][])('%s', (_, change, expected) => {
    const found = windowProblems({ ...VALID, ...change }, TODAY).map((p) => `${p.name.join('.')}:${p.key}`);
    expect(found).toEqual(expected);
  });
});

describe('localDayFromNow', () => {
  it.each([
    [0, '2026-12-03'],
    [1, '2026-12-04'],
    [29, '2027-01-01'],
  ])('%p days after 3 December 2026 → %s', (days, expected) => {
    expect(localDayFromNow(days, new Date(2026, 11, 3, 18, 30))).toBe(expected);
  });
});

describe('targetProblems', () => {
  it.each([
    ['valid targets', VALID.targets, []],
    ['no target', [], ['targets:noTargets']],
    [
      'a missing KPI and value',
      [{ comparator: 'GTE' }],
      ['targets.0.kpiKey:required', 'targets.0.value:required'],
    ],
    [
      'a KPI of another scenario',
      [{ kpiKey: 'uptime', comparator: 'GTE', value: 1 }],
      ['targets.0.kpiKey:unknownKpi'],
    ],
    [
      'a ratio above 100 %',
      [{ kpiKey: 'success_rate', comparator: 'GTE', value: 120 }],
      ['targets.0.value:percentRange'],
    ],
    [
      'the same KPI and comparator twice',
      [
        { kpiKey: 'throughput', comparator: 'GTE', value: 20 },
        { kpiKey: 'throughput', comparator: 'GTE', value: 21 },
      ],
      ['targets.1.kpiKey:duplicateTarget'],
    ],
    [
      'a floor and a ceiling on one KPI',
      [
        { kpiKey: 'throughput', comparator: 'GTE', value: 20 },
        { kpiKey: 'throughput', comparator: 'LTE', value: 40 },
      ],
      [],
    ],
    [
      'negative minimum hours',
      [{ kpiKey: 'throughput', comparator: 'GTE', value: 20, minOperatingHours: -1 }],
      ['targets.0.minOperatingHours:notNegative'],
    ],
    [
      'eleven targets',
      Array.from({ length: 11 }, () => VALID.targets![0]!),
      expect.arrayContaining(['targets:tooManyTargets']),
    ],
  ] as [string, CreateValues['targets'], unknown][])('%s', (_, targets, expected) => {
    const found = targetProblems(targets, KPIS).map((p) => `${p.name.join('.')}:${p.key}`);
    expect(found).toEqual(expected);
  });
});

describe('createProblems', () => {
  it.each([
    ['valid values', {}, []],
    ['a name of two characters once trimmed', { name: ' ab ' }, ['name:nameLength']],
    ['no scenario (targets are not judged without one)', { scenarioId: null }, ['scenarioId:required']],
    [
      'no amounts',
      { rewardPoolYuan: null, riskAmountYuan: -5 },
      ['rewardPoolYuan:required', 'riskAmountYuan:amount'],
    ],
    ['a split of 90 %', { split: { 'org-a': 50, 'org-b': 40 } }, ['split:split']],
    ['no split at all', { split: {} }, ['split:split']],
  ] as [string, Partial<CreateValues>, string[]][])('%s', (_, change, expected) => {
    const found = createProblems({ ...VALID, ...change }, KPIS, MEMBERS, TODAY).map(
      (p) => `${p.name.join('.')}:${p.key}`,
    );
    expect(found).toEqual(expected);
  });
});

describe('createInput', () => {
  it('builds the API input: trimmed text, instants, minor units, ratios and basis points', () => {
    expect(createInput(VALID, KPIS, MEMBERS)).toEqual({
      scenarioId: 'scenario-1',
      name: 'Pilot acceptance',
      description: 'Line 1',
      currency: 'CNY',
      windowStart: new Date(2027, 0, 1).toISOString(),
      windowEnd: new Date(2027, 2, 31, 23, 59, 59, 999).toISOString(),
      dueAt: new Date(2027, 3, 15, 23, 59, 59, 999).toISOString(),
      rewardPoolMinor: 30_000_000,
      riskAmountMinor: 123_456,
      targets: [
        { kpiKey: 'throughput', comparator: 'GTE', value: 21, minOperatingHours: null },
        { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 },
      ],
      shares: [
        { organizationId: 'org-a', basisPoints: 6_000 },
        { organizationId: 'org-b', basisPoints: 4_000 },
      ],
    });
  });

  it('names the funder and the beneficiary when chosen (the API defaults to the scenario user)', () => {
    const input = createInput(
      { ...VALID, rewardFunderOrganizationId: 'org-b', riskBeneficiaryOrganizationId: 'org-a' },
      KPIS,
      MEMBERS,
    );
    expect(input).toMatchObject({
      rewardFunderOrganizationId: 'org-b',
      riskBeneficiaryOrganizationId: 'org-a',
    });
  });

  it('leaves out parties at 0 %', () => {
    const input = createInput({ ...VALID, split: { 'org-a': 100, 'org-b': 0 } }, KPIS, MEMBERS);
    expect(input.shares).toEqual([{ organizationId: 'org-a', basisPoints: 10_000 }]);
  });
});

describe('formProblem', () => {
  it('names the API fields as the form does', () => {
    const problem: ApiProblem = {
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: {
        rewardPoolMinor: 'rewardPoolMinor cannot be negative',
        'shares.1.basisPoints': 'basisPoints are whole numbers',
        shares: 'The shares sum to 9,000 basis points',
        'targets.0.kpiKey': 'not a KPI of the scenario',
        name: 'name must be 3 to 200 characters long',
      },
    };
    expect(formProblem(problem).fields).toEqual({
      rewardPoolYuan: 'rewardPoolMinor cannot be negative',
      split: 'basisPoints are whole numbers',
      'targets.0.kpiKey': 'not a KPI of the scenario',
      name: 'name must be 3 to 200 characters long',
    });
  });

  it('reads an amendment’s `changes.` fields as the form’s', () => {
    const problem: ApiProblem = {
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: { 'changes.windowStart': 'The window cannot start in the past', 'changes.shares': 'no' },
    };
    expect(formProblem(problem).fields).toEqual({
      windowStart: 'The window cannot start in the past',
      split: 'no',
    });
  });
});

describe('changedFieldNames', () => {
  it.each([
    [{ name: 'Pilot' }, [['name']]],
    [{ split: { 'org-a': 25 } }, [['split']]],
    // eslint-disable-next-line no-sparse-arrays
    [{ targets: [, { value: 97 }] }, [['targets'], ['targets', 1, 'value']]],
    [
      { targets: [{ kpiKey: 'throughput', comparator: 'GTE' }] },
      [['targets'], ['targets', 0, 'kpiKey'], ['targets', 0, 'comparator']],
    ],
  ] as [Record<string, unknown>, (string | number)[][]][])('%j touches %j', (changed, names) => {
    expect(changedFieldNames(changed)).toEqual(names);
  });
});
