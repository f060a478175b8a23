/**
 * The purpose matcher (libs/dataset purpose-match/1) explains itself in English sentences. To show
 * them in the reader's language we recognise each sentence it can write; a sentence we do not
 * know (a newer matcher version) is shown as the API wrote it.
 */
export type RationaleLine =
  | { key: 'offered' | 'notOffered'; purpose: string }
  | { key: 'tradeSecret' | 'privacy' | 'commercial' }
  | { key: 'related'; related: string[]; purpose: string }
  | { key: 'long'; days: number }
  | { key: 'verbatim'; text: string };

const PATTERNS: { pattern: RegExp; read: (m: RegExpMatchArray) => RationaleLine }[] = [
  { pattern: /^The dataset's offer allows ([A-Z_]+)\.$/, read: (m) => ({ key: 'offered', purpose: m[1]! }) },
  {
    pattern: /^The dataset's offer does not include ([A-Z_]+)\.$/,
    read: (m) => ({ key: 'notOffered', purpose: m[1]! }),
  },
  { pattern: /^It is a trade secret: /, read: () => ({ key: 'tradeSecret' }) },
  {
    pattern: /^It records identifiable people, and the purpose is commercial/,
    read: () => ({ key: 'privacy' }),
  },
  { pattern: /^Commercial use and redistribution are granted only/, read: () => ({ key: 'commercial' }) },
  {
    pattern: /^It offers the related ([A-Za-z_ ]+?); the steward may judge ([A-Z_]+) close enough\.$/,
    read: (m) => ({ key: 'related', related: m[1]!.split(' and '), purpose: m[2]! }),
  },
  {
    pattern: /^The requested (\d+) days exceed one year/,
    read: (m) => ({ key: 'long', days: Number(m[1]) }),
  },
];

export function readRationale(line: string): RationaleLine {
  for (const { pattern, read } of PATTERNS) {
    const match = line.match(pattern);
    if (match) return read(match);
  }
  return { key: 'verbatim', text: line };
}
