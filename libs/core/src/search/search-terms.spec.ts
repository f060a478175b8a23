import { documentTerms, matchRanges, searchQuery, searchTerms } from './search-terms';

const TITLE = '夜班时机器人抓手掉落包裹（软包）';

describe('search terms', () => {
  it.each([
    ['抓手', "'抓手'"],
    ['抓手掉落', "'抓手' & '手掉' & '掉落'"],
    ['抓', "'抓'"],
    ['1 号线', "'1' & '号线'"],
    ['Gripper drops', "'gripper':* & 'drops':*"],
    ['gripper 抓手', "'gripper':* & '抓手'"],
    ['ＡＧＶ１２ 号线', "'agv12':* & '号线'"],
    ['"drop" -arm OR (x)', "'drop':* & 'arm':* & 'or':* & 'x':*"],
    ["o'brien \\ & |", "'o':* & 'brien':*"],
    ['抓手 抓手', "'抓手'"],
  ])('%s → %s', (search, query) => {
    expect(searchQuery(search)).toBe(query);
  });

  it.each(['', '   ', '！？，', '&|!<->'])('%p asks for nothing', (search) => {
    expect(searchQuery(search)).toBeNull();
  });

  it('looks for a word longer than 100 characters as a prefix of its first 100', () => {
    expect(searchTerms('y'.repeat(150))).toEqual([{ kind: 'word', text: 'y'.repeat(100), prefix: true }]);
    expect(searchTerms('7'.repeat(150))).toEqual([{ kind: 'word', text: '7'.repeat(100), prefix: true }]);
    expect(documentTerms(`${'z'.repeat(3_000)} ok`)).toEqual(['ok', 'z'.repeat(100)]);
  });

  it('cuts a long search to 64 terms', () => {
    expect(
      searchTerms('字'.repeat(10) + ' ' + Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')),
    ).toHaveLength(64);
  });

  it('indexes every character and character pair of Chinese, and whole words', () => {
    expect(documentTerms('抓手掉落 1号线 Gripper')).toEqual(
      ['1', 'gripper', '抓', '抓手', '手', '手掉', '掉', '掉落', '落', '号', '号线', '线'].sort(),
    );
    expect(documentTerms(TITLE)).not.toContain('手抓');
  });
});

describe('match ranges', () => {
  const marked = (text: string, search: string) =>
    matchRanges(text, search).map(({ start, length }) => text.slice(start, start + length));

  it.each([
    [TITLE, '抓手', ['抓手']],
    [TITLE, '抓手掉落', ['抓手掉落']],
    [TITLE, '软包', ['软包']],
    [TITLE, '包', ['包', '包']],
    ['抓手 1号线 and 1 号线 12号线', '1 号线', ['1号线', '1', '号线', '号线']],
    ['Gripper drops parcels', 'drop grip', ['Gripper', 'drops']],
    ['Gripper drops parcels', 'rip', []],
    ['ＡＧＶ１２ stalls', 'agv', ['ＡＧＶ１２']],
    ['😀抓手', '抓手', ['抓手']],
  ])('in %p, %p marks %p', (text, search, expected) => {
    expect(marked(text, search)).toEqual(expected);
  });

  it('gives UTF-16 offsets of the original text', () => {
    expect(matchRanges('😀 抓手', '抓手')).toEqual([{ start: 3, length: 2 }]);
    expect(matchRanges('', '抓手')).toEqual([]);
    expect(matchRanges('抓手', '!!')).toEqual([]);
  });
});
