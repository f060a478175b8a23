import {
  addClause,
  moveClause,
  newClauseKey,
  reapplyEdits,
  removeClause,
  type Clause,
  type Content,
} from './clause-editing';
import type { Terms } from './terms';

const clause = (key: string, text = `${key} text`): Clause => ({ key, title: key.toUpperCase(), text });
const keys = (clauses: Clause[]) => clauses.map((c) => c.key);
const terms: Terms = {
  datasetIds: ['d1'],
  purposes: ['RESEARCH'],
  prohibitions: ['REDISTRIBUTE'],
  duties: [{ duty: 'ATTRIBUTE', dueInDays: null }],
  startsOn: '2026-01-01',
  endsOn: '2026-07-01',
  excludedModalities: [],
};

describe('moveClause', () => {
  const list = [clause('a'), clause('b'), clause('c')];
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [0, 2, ['b', 'c', 'a']],
  ])('moves index %i by %i', (index, delta, expected) => {
    expect(keys(moveClause(list, index, delta))).toEqual(expected);
  });
});

describe('adding and removing', () => {
  it('gives a new clause a key no clause uses, in the form the API accepts', () => {
    const list = [clause('clause-2'), clause('clause-3')];
    expect(newClauseKey(list)).toBe('clause-4');
    expect(newClauseKey(list, ['clause-4'])).toBe('clause-5');
    const added = addClause(list, 'New clause');
    expect(added[2]).toEqual({ key: 'clause-4', title: 'New clause', text: '' });
    expect(newClauseKey(added)).toMatch(/^[a-z0-9][a-z0-9-]{0,59}$/);
  });

  it('removes by key', () => {
    expect(keys(removeClause([clause('a'), clause('b')], 'a'))).toEqual(['b']);
  });
});

describe('reapplyEdits after a stale-edit conflict', () => {
  const base: Content = { clauses: [clause('a'), clause('b'), clause('c')], terms };

  it('keeps my edit and theirs when they touched different clauses and terms', () => {
    const mine: Content = {
      clauses: [clause('a', 'mine'), clause('b'), clause('c')],
      terms: { ...terms, excludedModalities: ['AUDIO'] },
    };
    const latest: Content = {
      clauses: [clause('a'), clause('b', 'theirs'), clause('c')],
      terms: { ...terms, endsOn: '2026-12-31' },
    };
    const { content, notes } = reapplyEdits(base, mine, latest);
    expect(content.clauses.map((c) => c.text)).toEqual(['mine', 'theirs', 'c text']);
    expect(content.terms.excludedModalities).toEqual(['AUDIO']);
    expect(content.terms.endsOn).toBe('2026-12-31');
    expect(notes).toEqual([]);
  });

  it('prefers my text where both changed a clause, and says so', () => {
    const mine: Content = { clauses: [clause('a', 'mine'), clause('b'), clause('c')], terms };
    const latest: Content = { clauses: [clause('a', 'theirs'), clause('b'), clause('c')], terms };
    const { content, notes } = reapplyEdits(base, mine, latest);
    expect(content.clauses[0]!.text).toBe('mine');
    expect(notes).toEqual([{ key: 'a', kind: 'bothChanged' }]);
  });

  it('keeps my order and my removals, and places their new clause after its neighbour', () => {
    const mine: Content = { clauses: [clause('c'), clause('a')], terms };
    const latest: Content = { clauses: [clause('a'), clause('x'), clause('b'), clause('c')], terms };
    const { content } = reapplyEdits(base, mine, latest);
    expect(keys(content.clauses)).toEqual(['c', 'a', 'x']);
  });

  it('keeps my new clause, renamed if they added one with the same key', () => {
    const mine: Content = { clauses: [...base.clauses, clause('clause-4', 'mine')], terms };
    const latest: Content = { clauses: [...base.clauses, clause('clause-4', 'theirs')], terms };
    const { content } = reapplyEdits(base, mine, latest);
    expect(content.clauses.map((c) => c.text)).toEqual(['a text', 'b text', 'c text', 'theirs', 'mine']);
    const renamed = content.clauses[4]!.key;
    expect(renamed).not.toBe('clause-4');
    expect(renamed).toMatch(/^clause-\d+$/);
    expect(new Set(content.clauses.map((c) => c.key)).size).toBe(5);
  });

  it('notes a clause they removed that I changed, and one I removed that they changed', () => {
    const mine: Content = { clauses: [clause('a', 'mine'), clause('c')], terms };
    const latest: Content = { clauses: [clause('b', 'theirs'), clause('c')], terms };
    const { content, notes } = reapplyEdits(base, mine, latest);
    expect(keys(content.clauses)).toEqual(['a', 'c']);
    expect(notes).toEqual([
      { key: 'a', kind: 'removedByThem' },
      { key: 'b', kind: 'removedByMe' },
    ]);
  });

  it('takes the latest terms when I did not touch them, and notes terms both sides changed', () => {
    const latest: Content = { clauses: base.clauses, terms: { ...terms, purposes: ['BENCHMARKING'] } };
    expect(reapplyEdits(base, base, latest).content.terms.purposes).toEqual(['BENCHMARKING']);
    const mine: Content = { clauses: base.clauses, terms: { ...terms, purposes: ['MODEL_TRAINING'] } };
    const result = reapplyEdits(base, mine, latest);
    expect(result.content.terms.purposes).toEqual(['MODEL_TRAINING']);
    expect(result.notes).toEqual([{ key: 'terms', kind: 'termsBothChanged' }]);
  });
});
