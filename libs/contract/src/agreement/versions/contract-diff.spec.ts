import { diffClauses, diffTerms, type ClauseChange, type TermChange } from './contract-diff';
import type { Clause, ContractTerms } from '../contract-terms';

function terms(overrides: Partial<ContractTerms> = {}): ContractTerms {
  return {
    datasetIds: ['ds-1'],
    purposes: ['RESEARCH'],
    prohibitions: ['REDISTRIBUTE'],
    duties: [
      { duty: 'ATTRIBUTE', dueInDays: null },
      { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
    ],
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
    excludedModalities: ['AUDIO'],
    ...overrides,
  };
}

const base = terms();

describe('diffTerms', () => {
  it.each<[string, Partial<ContractTerms>, TermChange]>([
    [
      'a dataset added',
      { datasetIds: ['ds-1', 'ds-2'] },
      { field: 'datasets', effect: 'WIDENS', summary: 'Adds dataset «ds-2».' },
    ],
    [
      'a dataset removed',
      { datasetIds: [] },
      { field: 'datasets', effect: 'NARROWS', summary: 'Removes dataset «ds-1».' },
    ],
    [
      'a purpose added',
      { purposes: ['RESEARCH', 'MODEL_TRAINING'] },
      { field: 'purposes', effect: 'WIDENS', summary: 'Adds purpose MODEL_TRAINING.' },
    ],
    [
      'a purpose removed',
      { purposes: [] },
      { field: 'purposes', effect: 'NARROWS', summary: 'Removes purpose RESEARCH.' },
    ],
    [
      'a prohibition added',
      { prohibitions: ['REDISTRIBUTE', 'COMMERCIAL_USE'] },
      { field: 'prohibitions', effect: 'NARROWS', summary: 'Prohibits COMMERCIAL_USE.' },
    ],
    [
      'a prohibition lifted',
      { prohibitions: [] },
      { field: 'prohibitions', effect: 'WIDENS', summary: 'No longer prohibits REDISTRIBUTE.' },
    ],
    [
      'a duty added with a due date',
      { duties: [...base.duties, { duty: 'REPORT_PUBLICATIONS', dueInDays: 90 }] },
      { field: 'duties', effect: 'NARROWS', summary: 'Adds duty REPORT_PUBLICATIONS within 90 days.' },
    ],
    [
      'a standing duty added',
      { duties: [...base.duties, { duty: 'NOTIFY_BREACH', dueInDays: null }] },
      { field: 'duties', effect: 'NARROWS', summary: 'Adds duty NOTIFY_BREACH.' },
    ],
    [
      'a duty dropped',
      { duties: [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 30 }] },
      { field: 'duties', effect: 'WIDENS', summary: 'Drops duty ATTRIBUTE.' },
    ],
    [
      'more time to meet a duty',
      {
        duties: [
          { duty: 'ATTRIBUTE', dueInDays: null },
          { duty: 'DELETE_ON_EXPIRY', dueInDays: 60 },
        ],
      },
      {
        field: 'duties',
        effect: 'WIDENS',
        summary: 'Allows 60 days instead of 30 for duty DELETE_ON_EXPIRY.',
      },
    ],
    [
      'less time to meet a duty',
      {
        duties: [
          { duty: 'ATTRIBUTE', dueInDays: null },
          { duty: 'DELETE_ON_EXPIRY', dueInDays: 1 },
        ],
      },
      {
        field: 'duties',
        effect: 'NARROWS',
        summary: 'Allows 1 day instead of 30 for duty DELETE_ON_EXPIRY.',
      },
    ],
    [
      'a due date set on a standing duty',
      {
        duties: [
          { duty: 'ATTRIBUTE', dueInDays: 7 },
          { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
        ],
      },
      {
        field: 'duties',
        effect: 'NEUTRAL',
        summary: 'Sets a due date of 7 days for duty ATTRIBUTE (was a standing duty).',
      },
    ],
    [
      'a due date removed',
      {
        duties: [
          { duty: 'ATTRIBUTE', dueInDays: null },
          { duty: 'DELETE_ON_EXPIRY', dueInDays: null },
        ],
      },
      {
        field: 'duties',
        effect: 'NEUTRAL',
        summary: 'Makes duty DELETE_ON_EXPIRY a standing duty with no due date (was 30 days).',
      },
    ],
    [
      'an earlier start',
      { startsOn: '2026-12-01' },
      {
        field: 'period',
        effect: 'WIDENS',
        summary: 'Access starts on 2026-12-01 instead of 2027-01-01: 31 days earlier.',
      },
    ],
    [
      'a later start',
      { startsOn: '2027-01-02' },
      {
        field: 'period',
        effect: 'NARROWS',
        summary: 'Access starts on 2027-01-02 instead of 2027-01-01: 1 day later.',
      },
    ],
    [
      'a later end',
      { endsOn: '2028-12-31' },
      {
        field: 'period',
        effect: 'WIDENS',
        summary: 'Access ends on 2028-12-31 instead of 2027-12-31: 366 days longer.',
      },
    ],
    [
      'an earlier end',
      { endsOn: '2027-06-30' },
      {
        field: 'period',
        effect: 'NARROWS',
        summary: 'Access ends on 2027-06-30 instead of 2027-12-31: 184 days shorter.',
      },
    ],
    [
      'a modality withheld',
      { excludedModalities: ['AUDIO', 'TACTILE'] },
      { field: 'excludedModalities', effect: 'NARROWS', summary: 'Withholds the TACTILE modality.' },
    ],
    [
      'a modality released',
      { excludedModalities: [] },
      { field: 'excludedModalities', effect: 'WIDENS', summary: 'No longer withholds the AUDIO modality.' },
    ],
  ])('describes %s', (_name, overrides, expected) => {
    const diff = diffTerms(base, terms(overrides));

    expect(diff.changes).toEqual([expected]);
    expect(diff.widens).toBe(expected.effect === 'WIDENS');
    expect(diff.narrows).toBe(expected.effect === 'NARROWS');
    expect(diff.summary).toBe(expected.summary);
  });

  it.each<[string, Partial<ContractTerms>]>([
    ['identical terms', {}],
    [
      'the same sets in another order',
      {
        datasetIds: ['ds-1', 'ds-1'],
        duties: [
          { duty: 'DELETE_ON_EXPIRY', dueInDays: 30 },
          { duty: 'ATTRIBUTE', dueInDays: null },
        ],
      },
    ],
  ])('says nothing changed for %s', (_name, overrides) => {
    expect(diffTerms(base, terms(overrides))).toEqual({
      changes: [],
      widens: false,
      narrows: false,
      summary: 'No change to access.',
    });
  });

  it('uses dataset names when given and falls back to the id', () => {
    const diff = diffTerms(base, terms({ datasetIds: ['ds-2', 'ds-3'] }), {
      datasets: { 'ds-1': 'Kitchen grasps', 'ds-2': 'Warehouse picks' },
    });

    expect(diff.changes.map((change) => change.summary)).toEqual([
      'Adds dataset «Warehouse picks».',
      'Adds dataset «ds-3».',
      'Removes dataset «Kitchen grasps».',
    ]);
  });

  it('lists one change per atomic change, in field order, and says it both widens and narrows', () => {
    const diff = diffTerms(
      base,
      terms({ purposes: ['MODEL_TRAINING'], startsOn: '2027-02-01', endsOn: '2028-01-01' }),
    );

    expect(diff.changes.map(({ field, effect }) => `${field}:${effect}`)).toEqual([
      'purposes:WIDENS',
      'purposes:NARROWS',
      'period:NARROWS',
      'period:WIDENS',
    ]);
    expect(diff).toMatchObject({ widens: true, narrows: true });
    expect(diff.summary).toBe(
      'Adds purpose MODEL_TRAINING. Removes purpose RESEARCH. ' +
        'Access starts on 2027-02-01 instead of 2027-01-01: 31 days later. ' +
        'Access ends on 2028-01-01 instead of 2027-12-31: 1 day longer.',
    );
  });
});

const scope: Clause = { key: 'scope', title: 'Scope', text: 'The recipient may use the data for research.' };
const law: Clause = { key: 'law', title: 'Law', text: 'Dutch law applies.' };
const term: Clause = { key: 'term', title: 'Term', text: 'One year.' };

function shape(changes: ClauseChange[]): string[] {
  return changes.map((change) => `${change.key}:${change.change}`);
}

describe('diffClauses', () => {
  it.each<[string, Clause[], Clause[], string[]]>([
    ['nothing changed', [scope, law], [scope, law], ['scope:UNCHANGED', 'law:UNCHANGED']],
    ['a clause added', [scope], [scope, law], ['scope:UNCHANGED', 'law:ADDED']],
    [
      'a clause removed from the middle',
      [scope, term, law],
      [scope, law],
      ['scope:UNCHANGED', 'term:REMOVED', 'law:UNCHANGED'],
    ],
    ['the first clause removed', [term, scope], [scope], ['term:REMOVED', 'scope:UNCHANGED']],
    ['everything replaced', [scope], [law], ['scope:REMOVED', 'law:ADDED']],
    ['clauses reordered', [scope, law], [law, scope], ['law:UNCHANGED', 'scope:UNCHANGED']],
    [
      'a clause reworded',
      [scope, law],
      [{ ...scope, text: 'The recipient may use the data for benchmarking.' }, law],
      ['scope:CHANGED', 'law:UNCHANGED'],
    ],
    ['a clause retitled', [law], [{ ...law, title: 'Governing law' }], ['law:CHANGED']],
  ])('orders and classifies %s', (_name, before, after, expected) => {
    expect(shape(diffClauses(before, after))).toEqual(expected);
  });

  it('gives the word-level redline of a reworded clause', () => {
    const [change] = diffClauses(
      [scope],
      [{ ...scope, text: 'The recipient may use the data for benchmarking only.' }],
    );

    expect(change).toMatchObject({ change: 'CHANGED', titleChanged: false, before: scope });
    expect(change!.segments).toEqual([
      { kind: 'SAME', text: 'The recipient may use the data for ' },
      { kind: 'REMOVED', text: 'research' },
      { kind: 'ADDED', text: 'benchmarking only' },
      { kind: 'SAME', text: '.' },
    ]);
    const read = (kind: 'ADDED' | 'REMOVED'): string =>
      change!.segments
        .filter((segment) => segment.kind !== kind)
        .map((segment) => segment.text)
        .join('');
    expect(read('ADDED')).toBe(scope.text);
    expect(read('REMOVED')).toBe('The recipient may use the data for benchmarking only.');
  });

  it('flags a retitled clause and shows its unchanged text as the same', () => {
    const [change] = diffClauses([law], [{ ...law, title: 'Governing law' }]);

    expect(change).toMatchObject({ change: 'CHANGED', titleChanged: true });
    expect(change!.segments).toEqual([{ kind: 'SAME', text: 'Dutch law applies.' }]);
  });

  it('shows the whole text of added, removed and unchanged clauses', () => {
    const changes = diffClauses([scope, term], [scope, law]);

    expect(changes).toEqual([
      {
        key: 'scope',
        change: 'UNCHANGED',
        before: scope,
        after: scope,
        titleChanged: false,
        segments: [{ kind: 'SAME', text: scope.text }],
      },
      {
        key: 'term',
        change: 'REMOVED',
        before: term,
        after: null,
        titleChanged: false,
        segments: [{ kind: 'REMOVED', text: term.text }],
      },
      {
        key: 'law',
        change: 'ADDED',
        before: null,
        after: law,
        titleChanged: false,
        segments: [{ kind: 'ADDED', text: law.text }],
      },
    ]);
  });
});
