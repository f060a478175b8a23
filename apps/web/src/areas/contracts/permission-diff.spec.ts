import { permissionChanges } from './permission-diff';
import type { Terms } from './terms';

const before: Terms = {
  datasetIds: ['d1'],
  purposes: ['RESEARCH'],
  prohibitions: ['REDISTRIBUTE'],
  duties: [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 30 }],
  startsOn: '2026-01-01',
  endsOn: '2026-07-01',
  excludedModalities: [],
};

describe('permissionChanges', () => {
  it.each<[string, Partial<Terms>, { message: string; effect: string; values: object }[]]>([
    ['nothing', {}, []],
    [
      'a purpose added',
      { purposes: ['RESEARCH', 'MODEL_TRAINING'] },
      [{ message: 'purposeAdded', effect: 'WIDENS', values: { value: 'MODEL_TRAINING' } }],
    ],
    [
      'a prohibition lifted',
      { prohibitions: [] },
      [{ message: 'prohibitionRemoved', effect: 'WIDENS', values: { value: 'REDISTRIBUTE' } }],
    ],
    [
      'a modality withheld',
      { excludedModalities: ['AUDIO'] },
      [{ message: 'modalityWithheld', effect: 'NARROWS', values: { value: 'AUDIO' } }],
    ],
    [
      'less time for a duty',
      { duties: [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 7 }] },
      [
        {
          message: 'dutyDueChanged',
          effect: 'NARROWS',
          values: { value: 'DELETE_ON_EXPIRY', from: 30, to: 7 },
        },
      ],
    ],
    [
      'a standing duty',
      { duties: [{ duty: 'DELETE_ON_EXPIRY', dueInDays: null }] },
      [{ message: 'dutyStanding', effect: 'NEUTRAL', values: { value: 'DELETE_ON_EXPIRY' } }],
    ],
    [
      'a later end',
      { endsOn: '2026-12-31' },
      [{ message: 'endsChanged', effect: 'WIDENS', values: { from: '2026-07-01', to: '2026-12-31' } }],
    ],
    [
      'a later start',
      { startsOn: '2026-02-01' },
      [{ message: 'startsChanged', effect: 'NARROWS', values: { from: '2026-01-01', to: '2026-02-01' } }],
    ],
  ])('%s', (_, change, expected) => {
    expect(permissionChanges(before, { ...before, ...change })).toEqual(
      expected.map((item): unknown => expect.objectContaining(item)),
    );
  });
});
