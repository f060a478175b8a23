import { addClause, moveClause, newClauseKey, removeClause, type Clause } from './clause-editing';

const clause = (key: string, text = `${key} text`): Clause => ({ key, title: key.toUpperCase(), text });
const keys = (clauses: Clause[]) => clauses.map((c) => c.key);

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
