import { diffWordsWithSpace } from 'diff';
import type { Clause, ContractTerms, DutyTerm } from '../contract-terms';

/** A run of clause text, as a reader sees it in a redline. */
export interface TextSegment {
  kind: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

/**
 * How one clause (matched by `key`) differs between two versions. `segments` always covers the
 * text: a word-level redline for CHANGED, one run of the whole text otherwise (ADDED, REMOVED or
 * SAME). The title is not part of the redline; `titleChanged` says whether it was reworded, and a
 * clause whose only change is its title is still CHANGED.
 */
export interface ClauseChange {
  key: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';
  before: Clause | null;
  after: Clause | null;
  titleChanged: boolean;
  segments: TextSegment[];
}

export type TermField = 'datasets' | 'purposes' | 'prohibitions' | 'duties' | 'period' | 'excludedModalities';

/** One atomic change of terms, judged from the recipient's access: WIDENS gives more, NARROWS less. */
export interface TermChange {
  field: TermField;
  effect: 'WIDENS' | 'NARROWS' | 'NEUTRAL';
  summary: string;
}

export interface TermsDiff {
  changes: TermChange[];
  widens: boolean;
  narrows: boolean;
  summary: string;
}

export interface TermsDiffNames {
  /** Dataset names by id, so people read names rather than ids. */
  datasets?: Record<string, string>;
}

/**
 * Clauses of `after` in their order, with each removed clause placed right after the clause that
 * preceded it in `before` (or first, when nothing kept preceded it).
 */
export function diffClauses(before: Clause[], after: Clause[]): ClauseChange[] {
  const beforeByKey = new Map(before.map((clause) => [clause.key, clause]));
  const afterKeys = new Set(after.map((clause) => clause.key));
  const removedAfter = new Map<string | null, Clause[]>();
  let anchor: string | null = null;
  for (const clause of before) {
    if (afterKeys.has(clause.key)) {
      anchor = clause.key;
    } else {
      removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), clause]);
    }
  }
  const removed = (key: string | null): ClauseChange[] => (removedAfter.get(key) ?? []).map(removedClause);
  return [
    ...removed(null),
    ...after.flatMap((clause) => [
      compareClause(beforeByKey.get(clause.key) ?? null, clause),
      ...removed(clause.key),
    ]),
  ];
}

function removedClause(clause: Clause): ClauseChange {
  return {
    key: clause.key,
    change: 'REMOVED',
    before: clause,
    after: null,
    titleChanged: false,
    segments: wholeText('REMOVED', clause.text),
  };
}

function compareClause(before: Clause | null, after: Clause): ClauseChange {
  const base = { key: after.key, before, after };
  if (before === null) {
    return { ...base, change: 'ADDED', titleChanged: false, segments: wholeText('ADDED', after.text) };
  }
  const titleChanged = before.title !== after.title;
  if (!titleChanged && before.text === after.text) {
    return { ...base, change: 'UNCHANGED', titleChanged, segments: wholeText('SAME', after.text) };
  }
  return { ...base, change: 'CHANGED', titleChanged, segments: diffText(before.text, after.text) };
}

function wholeText(kind: TextSegment['kind'], text: string): TextSegment[] {
  return text === '' ? [] : [{ kind, text }];
}

/** Word-level, whitespace kept: the segments concatenate back to either version's exact text. */
function diffText(before: string, after: string): TextSegment[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'SAME',
    text: part.value,
  }));
}

/** In plain words, what access the new terms widen or narrow for the recipient. */
export function diffTerms(
  before: ContractTerms,
  after: ContractTerms,
  names: TermsDiffNames = {},
): TermsDiff {
  const datasetName = (id: string): string =>
    names.datasets && Object.hasOwn(names.datasets, id) ? (names.datasets[id] ?? id) : id;
  const changes: TermChange[] = [
    ...setChanges('datasets', before.datasetIds, after.datasetIds, 'WIDENS', (id, added) =>
      added ? `Adds dataset «${datasetName(id)}».` : `Removes dataset «${datasetName(id)}».`,
    ),
    ...setChanges('purposes', before.purposes, after.purposes, 'WIDENS', (purpose, added) =>
      added ? `Adds purpose ${purpose}.` : `Removes purpose ${purpose}.`,
    ),
    ...setChanges('prohibitions', before.prohibitions, after.prohibitions, 'NARROWS', (prohibition, added) =>
      added ? `Prohibits ${prohibition}.` : `No longer prohibits ${prohibition}.`,
    ),
    ...dutyChanges(before.duties, after.duties),
    ...periodChanges(before, after),
    ...setChanges(
      'excludedModalities',
      before.excludedModalities,
      after.excludedModalities,
      'NARROWS',
      (m, added) => (added ? `Withholds the ${m} modality.` : `No longer withholds the ${m} modality.`),
    ),
  ];
  return {
    changes,
    widens: changes.some((change) => change.effect === 'WIDENS'),
    narrows: changes.some((change) => change.effect === 'NARROWS'),
    summary:
      changes.length === 0 ? 'No change to access.' : changes.map((change) => change.summary).join(' '),
  };
}

/** Additions (in `after` order) then removals (in `before` order); removing has the opposite effect. */
function setChanges<T extends string>(
  field: TermField,
  before: readonly T[],
  after: readonly T[],
  addEffect: 'WIDENS' | 'NARROWS',
  describe: (value: T, added: boolean) => string,
): TermChange[] {
  const removeEffect: TermChange['effect'] = addEffect === 'WIDENS' ? 'NARROWS' : 'WIDENS';
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  return [
    ...[...afterSet]
      .filter((value) => !beforeSet.has(value))
      .map((value) => ({ field, effect: addEffect, summary: describe(value, true) })),
    ...[...beforeSet]
      .filter((value) => !afterSet.has(value))
      .map((value) => ({ field, effect: removeEffect, summary: describe(value, false) })),
  ];
}

/** A new duty is one more obligation (narrows); a dropped one, one less (widens). */
function dutyChanges(before: DutyTerm[], after: DutyTerm[]): TermChange[] {
  const beforeByDuty = new Map(before.map((term) => [term.duty, term]));
  const afterByDuty = new Map(after.map((term) => [term.duty, term]));
  const changes: TermChange[] = [];
  for (const term of afterByDuty.values()) {
    const previous = beforeByDuty.get(term.duty);
    if (!previous) {
      changes.push({ field: 'duties', effect: 'NARROWS', summary: `Adds duty ${term.duty}${dueIn(term)}.` });
    } else if (previous.dueInDays !== term.dueInDays) {
      changes.push(dueDateChange(previous, term));
    }
  }
  for (const term of beforeByDuty.values()) {
    if (!afterByDuty.has(term.duty)) {
      changes.push({ field: 'duties', effect: 'WIDENS', summary: `Drops duty ${term.duty}.` });
    }
  }
  return changes;
}

function dueIn(term: DutyTerm): string {
  return term.dueInDays === null ? '' : ` within ${days(term.dueInDays)}`;
}

/**
 * More time to meet a duty widens, less narrows. Adding or removing a due date altogether is
 * NEUTRAL: a null due date marks a standing duty, not an unlimited one, so neither is more lenient.
 */
function dueDateChange(before: DutyTerm, after: DutyTerm): TermChange {
  const field = 'duties';
  if (before.dueInDays === null || after.dueInDays === null) {
    const summary =
      after.dueInDays === null
        ? `Makes duty ${after.duty} a standing duty with no due date (was ${days(before.dueInDays ?? 0)}).`
        : `Sets a due date of ${days(after.dueInDays)} for duty ${after.duty} (was a standing duty).`;
    return { field, effect: 'NEUTRAL', summary };
  }
  const longer = after.dueInDays > before.dueInDays;
  return {
    field,
    effect: longer ? 'WIDENS' : 'NARROWS',
    summary: `Allows ${days(after.dueInDays)} instead of ${before.dueInDays} for duty ${after.duty}.`,
  };
}

/** One change for the start and one for the end, each with both dates and the difference in days. */
function periodChanges(before: ContractTerms, after: ContractTerms): TermChange[] {
  return [
    dateChange('starts', before.startsOn, after.startsOn),
    dateChange('ends', before.endsOn, after.endsOn),
  ].filter((change) => change !== null);
}

/** An earlier start or a later end gives more time with the data. */
function dateChange(edge: 'starts' | 'ends', before: string, after: string): TermChange | null {
  if (before === after) return null;
  // ISO dates order as strings.
  const widens = edge === 'starts' ? after < before : after > before;
  const direction = edge === 'starts' ? (widens ? 'earlier' : 'later') : widens ? 'longer' : 'shorter';
  return {
    field: 'period',
    effect: widens ? 'WIDENS' : 'NARROWS',
    summary: `Access ${edge} on ${after} instead of ${before}${by(daysBetween(before, after), direction)}.`,
  };
}

/** The day count is only for the words; it is left out (NaN) if a date is malformed. */
function daysBetween(from: string, to: string): number {
  return Math.abs(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function by(gap: number, direction: string): string {
  return Number.isFinite(gap) ? `: ${days(gap)} ${direction}` : '';
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
