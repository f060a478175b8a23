/**
 * A side-by-side redline of clauses. The server compares saved versions (compareContractVersions);
 * the editor also needs to compare an unsaved draft with the latest version, so the same rows can
 * be built here from two clause lists.
 */

export type SegmentKind = 'SAME' | 'ADDED' | 'REMOVED';
export interface Segment {
  kind: SegmentKind;
  text: string;
}

export interface ClauseLike {
  key: string;
  title: string;
  text: string;
}

export type RowKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

export interface DiffSide {
  title: string;
  segments: Segment[];
}

/** One clause, aligned: `left` is the older text, `right` the newer; null where it does not exist. */
export interface DiffRow {
  key: string;
  kind: RowKind;
  titleChanged: boolean;
  left: DiffSide | null;
  right: DiffSide | null;
}

/** The API's ClauseChange, as selected by the diff page. */
export interface ApiClauseChange {
  key: string;
  change: RowKind;
  titleChanged: boolean;
  before?: { title: string; text: string } | null;
  after?: { title: string; text: string } | null;
  /** The API types `kind` as a string: SAME, ADDED or REMOVED. */
  segments: readonly { kind: string; text: string }[];
}

// Beyond this many token pairs a word diff costs too much in the browser: show whole texts instead.
const MAX_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

function push(out: Segment[], kind: SegmentKind, text: string): void {
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** Word-level diff (whitespace kept): SAME runs plus REMOVED runs rebuild `before`, plus ADDED ones `after`. */
export function diffWords(before: string, after: string): Segment[] {
  if (before === after) return before === '' ? [] : [{ kind: 'SAME', text: before }];
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    const out: Segment[] = [];
    if (before) out.push({ kind: 'REMOVED', text: before });
    if (after) out.push({ kind: 'ADDED', text: after });
    return out;
  }
  // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(out, 'SAME', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push(out, 'REMOVED', a[i++]!);
    } else {
      push(out, 'ADDED', b[j++]!);
    }
  }
  while (i < a.length) push(out, 'REMOVED', a[i++]!);
  while (j < b.length) push(out, 'ADDED', b[j++]!);
  return tidy(out);
}

/**
 * Reads as a redline: a lone space kept between two changes joins them, and each run of changes
 * becomes one removed then one added segment ("one year." → "three years.", not word by word).
 */
function tidy(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'REMOVED', text: removed });
    if (added) out.push({ kind: 'ADDED', text: added });
    removed = '';
    added = '';
  };
  segments.forEach((segment, index) => {
    const inChange = removed !== '' || added !== '';
    const next = segments[index + 1];
    if (segment.kind === 'SAME' && inChange && next && /^\s+$/.test(segment.text)) {
      removed += segment.text;
      added += segment.text;
    } else if (segment.kind === 'REMOVED') removed += segment.text;
    else if (segment.kind === 'ADDED') added += segment.text;
    else {
      flush();
      push(out, 'SAME', segment.text);
    }
  });
  flush();
  return out;
}

function side(
  title: string,
  segments: readonly { kind: string; text: string }[],
  hide: SegmentKind,
): DiffSide {
  return {
    title,
    segments: segments
      .filter((segment) => segment.kind !== hide)
      .map((segment) => ({
        kind: segment.kind === 'ADDED' || segment.kind === 'REMOVED' ? segment.kind : 'SAME',
        text: segment.text,
      })),
  };
}

/** Rows from the server's clause diff: the left side drops ADDED runs, the right side REMOVED ones. */
export function rowsFromChanges(changes: readonly ApiClauseChange[]): DiffRow[] {
  return changes.map((change) => ({
    key: change.key,
    kind: change.change,
    titleChanged: change.titleChanged,
    left: change.before ? side(change.before.title, change.segments, 'ADDED') : null,
    right: change.after ? side(change.after.title, change.segments, 'REMOVED') : null,
  }));
}

/**
 * Rows for two clause lists, matched by key, in the order of `after`; a removed clause sits right
 * after the clause that preceded it in `before` (as the server orders them).
 */
export function alignClauses(before: readonly ClauseLike[], after: readonly ClauseLike[]): DiffRow[] {
  const beforeByKey = new Map(before.map((clause) => [clause.key, clause]));
  const afterKeys = new Set(after.map((clause) => clause.key));
  const removedAfter = new Map<string | null, ClauseLike[]>();
  let anchor: string | null = null;
  for (const clause of before) {
    if (afterKeys.has(clause.key)) anchor = clause.key;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), clause]);
  }
  const removed = (key: string | null): DiffRow[] =>
    (removedAfter.get(key) ?? []).map((clause) => ({
      key: clause.key,
      kind: 'REMOVED' as const,
      titleChanged: false,
      left: { title: clause.title, segments: diffWords(clause.text, '') },
      right: null,
    }));
  const rows: DiffRow[] = [...removed(null)];
  for (const clause of after) {
    const old = beforeByKey.get(clause.key);
    if (!old) {
      rows.push({
        key: clause.key,
        kind: 'ADDED',
        titleChanged: false,
        left: null,
        right: { title: clause.title, segments: diffWords('', clause.text) },
      });
    } else {
      const titleChanged = old.title !== clause.title;
      const segments = diffWords(old.text, clause.text);
      rows.push({
        key: clause.key,
        kind: titleChanged || old.text !== clause.text ? 'CHANGED' : 'UNCHANGED',
        titleChanged,
        left: side(old.title, segments, 'ADDED'),
        right: side(clause.title, segments, 'REMOVED'),
      });
    }
    rows.push(...removed(clause.key));
  }
  return rows;
}
