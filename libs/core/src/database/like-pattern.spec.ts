import { containsPattern } from './like-pattern';

describe('containsPattern', () => {
  it.each([
    ['robot', '%robot%'],
    ['  padded  ', '%padded%'],
    ['100%', '%100\\%%'],
    ['snake_case', '%snake\\_case%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%p becomes %p', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
