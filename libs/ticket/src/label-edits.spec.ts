import { editLabels } from './label-edits';

describe('editLabels', () => {
  it.each([
    ['adds after the labels it has', ['a', 'b'], ['c'], [], ['a', 'b', 'c']],
    ['keeps a label added twice once', ['a'], ['a', 'b', 'b'], [], ['a', 'b']],
    ['removes only labels it has', ['a', 'b'], [], ['b', 'z'], ['a']],
    ['removes a label both added and removed', ['a'], ['b'], ['b'], ['a']],
    ['adds and removes at once, in the order it had them', ['c', 'a', 'b'], ['d'], ['a'], ['c', 'b', 'd']],
    ['changes nothing with nothing to do', ['a'], [], [], ['a']],
  ])('%s', (_case, labels, add, remove, expected) => {
    expect(editLabels(labels, add, remove)).toEqual(expected);
  });
});
