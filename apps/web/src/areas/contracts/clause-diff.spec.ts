import { alignClauses, diffWords, rowsFromChanges, type Segment } from './clause-diff';

const text = (segments: Segment[], keep: Segment['kind']) =>
  segments
    .filter((segment) => segment.kind === 'SAME' || segment.kind === keep)
    .map((segment) => segment.text)
    .join('');

describe('diffWords', () => {
  it.each([
    ['same text', 'a b c', 'a b c', [{ kind: 'SAME', text: 'a b c' }]],
    [
      'a word added',
      'keep logs',
      'keep access logs',
      [
        { kind: 'SAME', text: 'keep ' },
        { kind: 'ADDED', text: 'access ' },
        { kind: 'SAME', text: 'logs' },
      ],
    ],
    [
      'a word replaced',
      'delete in 30 days',
      'delete in 60 days',
      [
        { kind: 'SAME', text: 'delete in ' },
        { kind: 'REMOVED', text: '30' },
        { kind: 'ADDED', text: '60' },
        { kind: 'SAME', text: ' days' },
      ],
    ],
    ['all new', '', 'new text', [{ kind: 'ADDED', text: 'new text' }]],
  ] as const)('%s', (_, before, after, expected) => {
    expect(diffWords(before, after)).toEqual(expected);
  });

  it('rebuilds both texts exactly', () => {
    const before = 'The Recipient keeps the Data\nencrypted at rest.';
    const after = 'The Recipient keeps all the Data\nencrypted in transit and at rest.';
    const segments = diffWords(before, after);
    expect(text(segments, 'REMOVED')).toBe(before);
    expect(text(segments, 'ADDED')).toBe(after);
  });
});

describe('alignClauses', () => {
  const a = { key: 'a', title: 'Grant', text: 'may use the data' };
  const b = { key: 'b', title: 'Security', text: 'keep it safe' };
  const c = { key: 'c', title: 'Law', text: 'PRC law' };

  it('aligns clauses by key and marks added, removed, changed and unchanged rows', () => {
    const rows = alignClauses(
      [a, b, c],
      [{ ...a, text: 'may not use the data' }, c, { key: 'd', title: 'New', text: 'x' }],
    );
    expect(rows.map((row) => [row.key, row.kind])).toEqual([
      ['a', 'CHANGED'],
      ['b', 'REMOVED'],
      ['c', 'UNCHANGED'],
      ['d', 'ADDED'],
    ]);
    expect(rows[0]!.left?.segments.some((s) => s.kind === 'ADDED')).toBe(false);
    expect(rows[0]!.right?.segments).toContainEqual({ kind: 'ADDED', text: 'not ' });
    expect(rows[1]!.right).toBeNull();
    expect(rows[3]!.left).toBeNull();
  });

  it('puts a clause removed at the top first, and flags a title-only change', () => {
    const rows = alignClauses([a, b], [{ ...b, title: 'Data security' }]);
    expect(rows.map((row) => [row.key, row.kind, row.titleChanged])).toEqual([
      ['a', 'REMOVED', false],
      ['b', 'CHANGED', true],
    ]);
  });
});

describe('rowsFromChanges', () => {
  it('splits the server redline into the older and the newer side', () => {
    const [row] = rowsFromChanges([
      {
        key: 'security',
        change: 'CHANGED',
        titleChanged: false,
        before: { title: 'Security', text: 'keep logs' },
        after: { title: 'Security', text: 'keep access logs' },
        segments: [
          { kind: 'SAME', text: 'keep ' },
          { kind: 'ADDED', text: 'access ' },
          { kind: 'SAME', text: 'logs' },
        ],
      },
    ]);
    expect(row!.left?.segments.map((s) => s.text).join('')).toBe('keep logs');
    expect(row!.right?.segments).toEqual([
      { kind: 'SAME', text: 'keep ' },
      { kind: 'ADDED', text: 'access ' },
      { kind: 'SAME', text: 'logs' },
    ]);
  });
});
