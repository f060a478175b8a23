import { fromFormValues, toFormValues, validateTerms, type Terms, type TermsFormValues } from './terms';

const terms: Terms = {
  datasetIds: ['d1'],
  purposes: ['RESEARCH'],
  prohibitions: ['REDISTRIBUTE'],
  duties: [
    { duty: 'ATTRIBUTE', dueInDays: null },
    { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
  ],
  startsOn: '2026-01-01',
  endsOn: '2026-07-01',
  excludedModalities: ['AUDIO'],
};
const valid = toFormValues(terms);
const withDuty = (days: number | null): TermsFormValues => ({
  ...valid,
  duties: { ...valid.duties, DELETE_ON_EXPIRY: { enabled: true, dueInDays: days } },
});

describe('the terms form', () => {
  it('round-trips the terms through the form values', () => {
    expect(fromFormValues(valid)).toEqual(terms);
    expect(valid.duties.NOTIFY_BREACH).toEqual({ enabled: false, dueInDays: null });
  });

  it('drops a duty that is switched off', () => {
    const off = { ...valid, duties: { ...valid.duties, ATTRIBUTE: { enabled: false, dueInDays: null } } };
    expect(fromFormValues(off).duties).toEqual([{ duty: 'DELETE_ON_EXPIRY', dueInDays: 30 }]);
  });

  it.each<[string, TermsFormValues, { name: (string | number)[]; problem: string }[]]>([
    ['valid terms', valid, []],
    ['no dataset', { ...valid, datasetIds: [] }, [{ name: ['datasetIds'], problem: 'datasetsRequired' }]],
    ['no purpose', { ...valid, purposes: [] }, [{ name: ['purposes'], problem: 'purposesRequired' }]],
    [
      'end before start',
      { ...valid, endsOn: '2025-12-31' },
      [{ name: ['endsOn'], problem: 'endBeforeStart' }],
    ],
    [
      'end on the start day',
      { ...valid, endsOn: '2026-01-01' },
      [{ name: ['endsOn'], problem: 'endBeforeStart' }],
    ],
    ['no start date', { ...valid, startsOn: '' }, [{ name: ['startsOn'], problem: 'dateInvalid' }]],
    [
      'an impossible date',
      { ...valid, endsOn: '2026-02-30' },
      [{ name: ['endsOn'], problem: 'dateInvalid' }],
    ],
    [
      'negative days',
      withDuty(-1),
      [{ name: ['duties', 'DELETE_ON_EXPIRY', 'dueInDays'], problem: 'dueInDaysInvalid' }],
    ],
    [
      'too many days',
      withDuty(3651),
      [{ name: ['duties', 'DELETE_ON_EXPIRY', 'dueInDays'], problem: 'dueInDaysInvalid' }],
    ],
    [
      'a fraction of a day',
      withDuty(1.5),
      [{ name: ['duties', 'DELETE_ON_EXPIRY', 'dueInDays'], problem: 'dueInDaysInvalid' }],
    ],
    ['a standing duty', withDuty(null), []],
  ])('%s', (_, values, expected) => {
    expect(validateTerms(values)).toEqual(expected);
  });
});
