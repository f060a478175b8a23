/**
 * How search cuts text into terms, for Chinese as well as English. The database builds each record's
 * document with `tetrad_search_document` (migration ChineseSearch1764830000000); these functions cut a
 * search the same way, and find where it occurs in a text for highlighting.
 *
 * - Runs of Chinese, Japanese or Korean characters have no spaces between words: a document holds
 *   every character and every overlapping pair; a search run of two or more characters asks for all
 *   of its pairs (抓手掉落 → 抓手 & 手掉 & 掉落), one character asks for that character.
 * - Other letters and digits form words. A search word matches words starting with it (`drop` finds
 *   "drops"); a number matches only itself (`1` does not find "12").
 * - Full-width forms are folded first (ＡＧＶ１ → agv1) and only A–Z are lower-cased, exactly as in SQL.
 * Every term must occur (as websearch does for English); punctuation, quotes and operators are ignored.
 */
const WORD = '0-9a-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff';
const CJK = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const RUNS = new RegExp(`[${WORD}]+|[${CJK}]+`, 'g');
const WORD_START = new RegExp(`^[${WORD}]`);
/** Words are indexed by their first 100 characters (the SQL function's MAX_WORD_LENGTH). */
export const MAX_WORD_LENGTH = 100;
/** A search longer than this many terms is cut: enough for any sentence someone types. */
const MAX_QUERY_TERMS = 64;

export type SearchTerm =
  { kind: 'word'; text: string; prefix: boolean } | { kind: 'characters'; text: string };

/** Full-width forms folded, A–Z lower-cased: the text the terms are cut from. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** The terms a search asks for, each once, in order. */
export function searchTerms(search: string): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  for (const [run] of foldForSearch(search).matchAll(RUNS)) {
    if (WORD_START.test(run)) {
      const text = run.slice(0, MAX_WORD_LENGTH);
      // A word cut to its first 100 characters can only be looked for as a prefix.
      const prefix = run.length > MAX_WORD_LENGTH || !/^[0-9]+$/.test(run);
      terms.set(`w:${text}`, { kind: 'word', text, prefix });
    } else if (run.length === 1) {
      terms.set(`c:${run}`, { kind: 'characters', text: run });
    } else {
      for (let i = 0; i + 2 <= run.length; i++) {
        const pair = run.slice(i, i + 2);
        terms.set(`c:${pair}`, { kind: 'characters', text: pair });
      }
    }
  }
  return [...terms.values()].slice(0, MAX_QUERY_TERMS);
}

/**
 * The search as a `tsquery` literal (every term must occur), or null when it has no term at all.
 * Terms hold only letters and digits, so they need no escaping.
 */
export function searchQuery(search: string | null | undefined): string | null {
  const terms = searchTerms(search ?? '');
  if (terms.length === 0) return null;
  return terms.map((term) => `'${term.text}'${term.kind === 'word' && term.prefix ? ':*' : ''}`).join(' & ');
}

/** The lexemes a document's text yields (what the SQL function indexes, without positions). */
export function documentTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [run] of foldForSearch(text).matchAll(RUNS)) {
    if (WORD_START.test(run)) {
      terms.add(run.slice(0, MAX_WORD_LENGTH));
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      terms.add(run[i]!);
      if (i + 1 < run.length) terms.add(run.slice(i, i + 2));
    }
  }
  return [...terms].sort();
}

export interface TextRange {
  /** Offset in the original text, in UTF-16 code units (what JavaScript's `slice` counts). */
  start: number;
  length: number;
}

/**
 * Where a search's terms occur in a text, as ranges of the original text (merged, in order): each
 * character pair or character of a Chinese term, each word a search word starts.
 */
export function matchRanges(text: string, search: string): TextRange[] {
  const terms = searchTerms(search);
  if (terms.length === 0 || !text) return [];
  // Fold character by character so every folded position knows where it came from.
  let folded = '';
  const origin: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = foldForSearch(text.slice(i, i + width));
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push({ start: i, end: i + width });
    i += width;
  }
  const marked = new Array<boolean>(folded.length).fill(false);
  const mark = (from: number, length: number) => marked.fill(true, from, from + length);
  for (const term of terms.filter((t) => t.kind === 'characters')) {
    for (let at = folded.indexOf(term.text); at >= 0; at = folded.indexOf(term.text, at + 1)) {
      mark(at, term.text.length);
    }
  }
  const words = terms.filter((t) => t.kind === 'word');
  for (const run of folded.matchAll(RUNS)) {
    const matches = words.some((w) => (w.prefix ? run[0].startsWith(w.text) : run[0] === w.text));
    if (WORD_START.test(run[0]) && matches) mark(run.index, run[0].length);
  }
  return toRanges(marked, origin);
}

function toRanges(marked: boolean[], origin: { start: number; end: number }[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    const { start, end } = origin[i]!;
    const last = ranges.at(-1);
    if (last && last.start + last.length >= start) {
      last.length = Math.max(last.length, end - last.start);
    } else {
      ranges.push({ start, length: end - start });
    }
  }
  return ranges;
}
