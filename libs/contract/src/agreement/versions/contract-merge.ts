import type { DataPurpose } from '@tetrad/dataset';
import type {
  Clause,
  ClauseTranslation,
  ContractTerms,
  Duty,
  DutyTerm,
  Modality,
  Prohibition,
} from '../contract-terms';

/**
 * Edits as three-way merges (issue 15). A person edits version `base`; what they changed is a
 * patch against it. When other versions were saved meanwhile, the patch is merged onto the latest
 * version: what only one side changed is kept, what both changed differently is a conflict,
 * reported field by field until the person picks a side. Nothing here reads the database.
 *
 * - Sets (datasets, purposes, prohibitions, excluded modalities) merge element by element: the
 *   person's additions and removals are applied to the latest set, so they never conflict.
 * - Duties merge per duty (present or not, and its period); dates and the title as single values.
 * - Clauses merge per clause and field (title, text); a clause one side removed and the other
 *   changed is a conflict; the order of clauses is one value (a reordering on both sides that
 *   disagrees is a conflict), and added clauses keep their place after the clause they followed.
 */

export interface DraftContent {
  title: string;
  terms: ContractTerms;
  clauses: Clause[];
}

export interface SetChange<T extends string> {
  add: T[];
  remove: T[];
}

export interface ClauseFieldChange {
  key: string;
  title?: string | null;
  text?: string | null;
  /**
   * The convenience translation: a new one, or null to drop it. Left out while the title or text
   * changes, it is dropped, since it would no longer translate what the clause says.
   */
  translation?: ClauseTranslation | null;
}

/** What a person changed against the version they edited. Absent means untouched. */
export interface ContractChanges {
  title?: string | null;
  datasetIds?: SetChange<string> | null;
  purposes?: SetChange<DataPurpose> | null;
  prohibitions?: SetChange<Prohibition> | null;
  excludedModalities?: SetChange<Modality> | null;
  /** Duties added or given another period, and duties removed. */
  duties?: { set: DutyTerm[]; remove: Duty[] } | null;
  startsOn?: string | null;
  endsOn?: string | null;
  clauses?: {
    changed?: ClauseFieldChange[] | null;
    added?: Clause[] | null;
    removed?: string[] | null;
    /** Every clause key in the order the person left them; absent keeps the base order, additions last. */
    order?: string[] | null;
  } | null;
}

export type ConflictKind = 'BOTH_CHANGED' | 'CHANGED_REMOVED' | 'REMOVED_CHANGED' | 'BOTH_ADDED' | 'ORDER';
export type ConflictSide = 'MINE' | 'THEIRS';

export interface MergeConflict {
  /** `title`, `terms.startsOn`, `terms.duties.NOTIFY_BREACH`, `clauses.<key>.text`, `clauses.<key>`, `clauses.order`. */
  path: string;
  kind: ConflictKind;
  clauseKey: string | null;
  /** Values as JSON (null when absent on that side). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** The side the person chose, or null while it is open. */
  resolution: ConflictSide | null;
}

/** A change that cannot be applied to the version it claims to be based on: the person's mistake. */
export class PatchProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MergeResult {
  content: DraftContent;
  /** Every conflict, resolved or not; open ones keep the latest version's value in `content`. */
  conflicts: MergeConflict[];
  /** Whether any conflict is still open: such a result cannot be stored. */
  open: boolean;
}

const SET_FIELDS = ['datasetIds', 'purposes', 'prohibitions', 'excludedModalities'] as const;
const DATE_FIELDS = ['startsOn', 'endsOn'] as const;
const CLAUSE_FIELDS = ['title', 'text'] as const;
/** Compared and merged per clause: the governing text and its convenience translation. */
const MERGED_FIELDS = ['title', 'text', 'translation'] as const;

/** The patch from `base` to `edited`: what a client sends, computed here for callers that send whole content. */
export function changesBetween(base: DraftContent, edited: DraftContent): ContractChanges {
  const changes: ContractChanges = {};
  if (edited.title !== base.title) changes.title = edited.title;
  for (const field of SET_FIELDS) {
    const before = new Set<string>(base.terms[field]);
    const after = new Set<string>(edited.terms[field]);
    const add = [...after].filter((value) => !before.has(value));
    const remove = [...before].filter((value) => !after.has(value));
    if (add.length > 0 || remove.length > 0) Object.assign(changes, { [field]: { add, remove } });
  }
  const baseDuties = dutyMap(base.terms.duties);
  const editedDuties = dutyMap(edited.terms.duties);
  const set = edited.terms.duties.filter((term) => baseDuties.get(term.duty) !== normalPeriod(term));
  const remove = [...baseDuties.keys()].filter((duty) => !editedDuties.has(duty));
  if (set.length > 0 || remove.length > 0) changes.duties = { set, remove };
  for (const field of DATE_FIELDS) {
    if (edited.terms[field] !== base.terms[field]) changes[field] = edited.terms[field];
  }
  const baseClauses = new Map(base.clauses.map((clause) => [clause.key, clause]));
  const editedKeys = new Set(edited.clauses.map((clause) => clause.key));
  const changed: ClauseFieldChange[] = [];
  const added: Clause[] = [];
  for (const clause of edited.clauses) {
    const original = baseClauses.get(clause.key);
    if (!original) {
      added.push(copyClause(clause));
      continue;
    }
    const change: ClauseFieldChange = { key: clause.key };
    for (const field of CLAUSE_FIELDS) if (clause[field] !== original[field]) change[field] = clause[field];
    if (!same(translationOf(clause), translationOf(original))) change.translation = translationOf(clause);
    if (Object.keys(change).length > 1) changed.push(change);
  }
  const removed = base.clauses.map((clause) => clause.key).filter((key) => !editedKeys.has(key));
  const order = edited.clauses.map((clause) => clause.key);
  const implied = [
    ...base.clauses.map((clause) => clause.key).filter((key) => editedKeys.has(key)),
    ...added.map((c) => c.key),
  ];
  const clauses: NonNullable<ContractChanges['clauses']> = {};
  if (changed.length > 0) clauses.changed = changed;
  if (added.length > 0) clauses.added = added;
  if (removed.length > 0) clauses.removed = removed;
  if (!sameList(order, implied)) clauses.order = order;
  if (Object.keys(clauses).length > 0) changes.clauses = clauses;
  return changes;
}

/**
 * The person's version: their patch applied to the version it is based on. Refuses a patch that
 * does not fit that version (a changed or removed clause it does not have, an added one it does).
 */
export function applyChanges(base: DraftContent, changes: ContractChanges): DraftContent {
  const terms: ContractTerms = { ...base.terms };
  for (const field of SET_FIELDS) {
    const change = changes[field];
    if (!change) continue;
    const clash = change.add.find((value) => (change.remove as string[]).includes(value));
    if (clash !== undefined) {
      throw new PatchProblem(`input.changes.${field}`, `"${clash}" is both added and removed`);
    }
    Object.assign(terms, { [field]: applySet(base.terms[field] as string[], change) });
  }
  if (changes.duties) {
    const duties = dutyMap(base.terms.duties);
    const seen = new Set<Duty>();
    for (const term of changes.duties.set) {
      if (seen.has(term.duty) || changes.duties.remove.includes(term.duty)) {
        throw new PatchProblem('input.changes.duties', `${term.duty} is changed twice`);
      }
      seen.add(term.duty);
      duties.set(term.duty, normalPeriod(term));
    }
    for (const duty of changes.duties.remove) duties.delete(duty);
    terms.duties = [...duties].map(([duty, dueInDays]) => ({ duty, dueInDays }));
  }
  for (const field of DATE_FIELDS) {
    const value = changes[field];
    if (value !== undefined && value !== null) terms[field] = value;
  }
  return {
    title: changes.title ?? base.title,
    terms,
    clauses: applyClauseChanges(base.clauses, changes.clauses ?? {}),
  };
}

function applyClauseChanges(base: Clause[], changes: NonNullable<ContractChanges['clauses']>): Clause[] {
  const byKey = new Map(base.map((clause) => [clause.key, { ...clause }]));
  const touched = new Set<string>();
  const once = (key: string, field: string) => {
    if (touched.has(key)) throw new PatchProblem(field, `clause "${key}" is changed more than once`);
    touched.add(key);
  };
  for (const [index, change] of (changes.changed ?? []).entries()) {
    const field = `input.changes.clauses.changed.${index}.key`;
    const clause = byKey.get(change.key);
    if (!clause) throw new PatchProblem(field, `the version you edited has no clause "${change.key}"`);
    once(change.key, field);
    for (const name of CLAUSE_FIELDS) {
      const value = change[name];
      if (value !== undefined && value !== null) clause[name] = value;
    }
    const rewritten = CLAUSE_FIELDS.some((name) => change[name] !== undefined && change[name] !== null);
    if (change.translation !== undefined || rewritten) setTranslation(clause, change.translation ?? null);
  }
  for (const [index, key] of (changes.removed ?? []).entries()) {
    const field = `input.changes.clauses.removed.${index}`;
    if (!byKey.has(key)) throw new PatchProblem(field, `the version you edited has no clause "${key}"`);
    once(key, field);
  }
  const removed = new Set(changes.removed ?? []);
  const added = changes.added ?? [];
  for (const [index, clause] of added.entries()) {
    const field = `input.changes.clauses.added.${index}.key`;
    if (byKey.has(clause.key) || added.findIndex((other) => other.key === clause.key) !== index) {
      throw new PatchProblem(field, `clause key "${clause.key}" is already used`);
    }
  }
  const kept = base.filter((clause) => !removed.has(clause.key)).map((clause) => byKey.get(clause.key)!);
  const all = [...kept, ...added.map(copyClause)];
  if (!changes.order) return all;
  const wanted = new Set(changes.order);
  if (
    wanted.size !== changes.order.length ||
    wanted.size !== all.length ||
    all.some((c) => !wanted.has(c.key))
  ) {
    throw new PatchProblem(
      'input.changes.clauses.order',
      'lists every clause of the edited version exactly once (without removed ones, with added ones)',
    );
  }
  const index = new Map(all.map((clause) => [clause.key, clause]));
  return changes.order.map((key) => index.get(key)!);
}

/**
 * The person's changes (base → mine) merged onto `theirs`, the latest version. `resolutions`
 * settles conflicts by path; a conflict without one stays open and keeps their value.
 */
export function mergeContent(
  base: DraftContent,
  mine: DraftContent,
  theirs: DraftContent,
  resolutions: ReadonlyMap<string, ConflictSide> = new Map(),
): MergeResult {
  const conflicts: MergeConflict[] = [];
  const pick = <T>(
    path: string,
    kind: ConflictKind,
    values: { base: T; mine: T; theirs: T },
    clauseKey: string | null = null,
  ): T => {
    const resolution = resolutions.get(path) ?? null;
    conflicts.push({ path, kind, clauseKey, ...values, resolution });
    return resolution === 'MINE' ? values.mine : values.theirs;
  };
  const value = <T>(path: string, values: { base: T; mine: T; theirs: T }): T => {
    const mineChanged = !same(values.mine, values.base);
    if (!mineChanged) return values.theirs;
    if (same(values.theirs, values.base) || same(values.theirs, values.mine)) return values.mine;
    return pick(path, 'BOTH_CHANGED', values);
  };

  const title = value('title', { base: base.title, mine: mine.title, theirs: theirs.title });
  const terms: ContractTerms = { ...theirs.terms };
  for (const field of SET_FIELDS) {
    Object.assign(terms, { [field]: mergeSet(base.terms[field], mine.terms[field], theirs.terms[field]) });
  }
  for (const field of DATE_FIELDS) {
    terms[field] = value(`terms.${field}`, {
      base: base.terms[field],
      mine: mine.terms[field],
      theirs: theirs.terms[field],
    });
  }
  terms.duties = mergeDuties(base.terms.duties, mine.terms.duties, theirs.terms.duties, value);
  const clauses = mergeClauses(base.clauses, mine.clauses, theirs.clauses, value, pick);
  return {
    content: { title, terms, clauses },
    conflicts,
    open: conflicts.some((conflict) => conflict.resolution === null),
  };
}

type ValueMerge = <T>(path: string, values: { base: T; mine: T; theirs: T }) => T;
type Pick = <T>(
  path: string,
  kind: ConflictKind,
  values: { base: T; mine: T; theirs: T },
  clauseKey?: string | null,
) => T;

function mergeSet<T extends string>(base: readonly T[], mine: readonly T[], theirs: readonly T[]): T[] {
  const before = new Set(base);
  const after = new Set(mine);
  const add = mine.filter((item) => !before.has(item));
  const remove = new Set(base.filter((item) => !after.has(item)));
  const result = theirs.filter((item) => !remove.has(item));
  for (const item of add) if (!result.includes(item)) result.push(item);
  return result;
}

function mergeDuties(
  base: readonly DutyTerm[],
  mine: readonly DutyTerm[],
  theirs: readonly DutyTerm[],
  value: ValueMerge,
): DutyTerm[] {
  const [b, m, t] = [dutyMap(base), dutyMap(mine), dutyMap(theirs)];
  const order = [...t.keys(), ...[...m.keys()].filter((duty) => !t.has(duty))];
  for (const duty of b.keys()) if (!order.includes(duty)) order.push(duty);
  const result: DutyTerm[] = [];
  for (const duty of order) {
    // Absent is a value too: `undefined` (removed) differs from `null` (a standing duty).
    const merged = value(`terms.duties.${duty}`, {
      base: presence(b, duty),
      mine: presence(m, duty),
      theirs: presence(t, duty),
    });
    if (merged !== ABSENT) result.push({ duty, dueInDays: merged });
  }
  return result;
}

const ABSENT = 'absent';

function presence(map: Map<Duty, number | null>, duty: Duty): number | null | typeof ABSENT {
  return map.has(duty) ? map.get(duty)! : ABSENT;
}

function mergeClauses(
  base: readonly Clause[],
  mine: readonly Clause[],
  theirs: readonly Clause[],
  value: ValueMerge,
  pick: Pick,
): Clause[] {
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
  const merged = new Map<string, Clause>();
  const keys = [...new Set([...theirs, ...mine, ...base].map((clause) => clause.key))];
  for (const key of keys) {
    const [inBase, inMine, inTheirs] = [b.get(key), m.get(key), t.get(key)];
    const mineChanged = inBase !== undefined && inMine !== undefined && !sameClause(inBase, inMine);
    const theirsChanged = inBase !== undefined && inTheirs !== undefined && !sameClause(inBase, inTheirs);
    if (inBase && !inMine && inTheirs) {
      // I removed it: removed, unless they changed it meanwhile.
      if (!theirsChanged) continue;
      const keep = pick(
        `clauses.${key}`,
        'REMOVED_CHANGED',
        { base: inBase, mine: null, theirs: inTheirs },
        key,
      );
      if (keep) merged.set(key, keep);
      continue;
    }
    if (inBase && inMine && !inTheirs) {
      // They removed it: removed, unless I changed it.
      if (!mineChanged) continue;
      const keep = pick(
        `clauses.${key}`,
        'CHANGED_REMOVED',
        { base: inBase, mine: inMine, theirs: null },
        key,
      );
      if (keep) merged.set(key, keep);
      continue;
    }
    if (inBase && !inMine && !inTheirs) continue;
    if (!inBase && inMine && inTheirs && !sameClause(inMine, inTheirs)) {
      const keep = pick<Clause | null>(
        `clauses.${key}`,
        'BOTH_ADDED',
        { base: null, mine: inMine, theirs: inTheirs },
        key,
      );
      merged.set(key, keep ?? inTheirs);
      continue;
    }
    const only = inTheirs ?? inMine!;
    if (!inBase || !inMine || !inTheirs) {
      merged.set(key, { ...only });
      continue;
    }
    const field = <T>(name: string, read: (clause: Clause) => T): T =>
      value(`clauses.${key}.${name}`, { base: read(inBase), mine: read(inMine), theirs: read(inTheirs) });
    const clause: Clause = {
      key,
      title: field('title', (c) => c.title),
      text: field('text', (c) => c.text),
    };
    setTranslation(clause, field('translation', translationOf));
    merged.set(key, clause);
  }
  return orderClauses(base, mine, theirs, merged, pick);
}

/** The order of the side that reordered (theirs when neither did), then every other clause after its neighbour. */
function orderClauses(
  base: readonly Clause[],
  mine: readonly Clause[],
  theirs: readonly Clause[],
  merged: Map<string, Clause>,
  pick: Pick,
): Clause[] {
  const keysOf = (clauses: readonly Clause[]) => clauses.map((clause) => clause.key);
  const [baseKeys, mineKeys, theirKeys] = [keysOf(base), keysOf(mine), keysOf(theirs)];
  const common = baseKeys.filter((key) => mineKeys.includes(key) && theirKeys.includes(key));
  const relative = (keys: string[]) => keys.filter((key) => common.includes(key));
  const mineMoved = !sameList(relative(mineKeys), relative(baseKeys));
  const theirsMoved = !sameList(relative(theirKeys), relative(baseKeys));
  let primary = theirKeys;
  if (mineMoved && !theirsMoved) primary = mineKeys;
  if (mineMoved && theirsMoved && !sameList(relative(mineKeys), relative(theirKeys))) {
    primary = pick('clauses.order', 'ORDER', { base: baseKeys, mine: mineKeys, theirs: theirKeys });
  }
  const secondary = primary === theirKeys ? mineKeys : theirKeys;
  const result = primary.filter((key) => merged.has(key));
  for (const source of [secondary, baseKeys]) {
    for (const [index, key] of source.entries()) {
      if (!merged.has(key) || result.includes(key)) continue;
      let at = 0;
      for (let i = index - 1; i >= 0; i--) {
        const found = result.indexOf(source[i]!);
        if (found >= 0) {
          at = found + 1;
          break;
        }
      }
      result.splice(at, 0, key);
    }
  }
  return result.map((key) => merged.get(key)!);
}

/** Whether two contents say the same (what a new version would not change). */
export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return (
    a.title === b.title &&
    sameList(a.clauses.map(clauseJson), b.clauses.map(clauseJson)) &&
    same(normalTerms(a.terms), normalTerms(b.terms))
  );
}

function normalTerms(terms: ContractTerms): unknown {
  const sorted = (values: readonly string[]) => [...values].sort();
  return {
    datasetIds: sorted(terms.datasetIds),
    purposes: sorted(terms.purposes),
    prohibitions: sorted(terms.prohibitions),
    excludedModalities: sorted(terms.excludedModalities),
    duties: terms.duties.map((term) => `${term.duty}:${normalPeriod(term)}`).sort(),
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
  };
}

function clauseJson(clause: Clause): string {
  return JSON.stringify([clause.key, clause.title, clause.text, translationOf(clause)]);
}

/** A clause's translation, null when it has none (absent and null mean the same). */
function translationOf(clause: Clause): ClauseTranslation | null {
  return clause.translation ? { title: clause.translation.title, text: clause.translation.text } : null;
}

function setTranslation(clause: Clause, translation: ClauseTranslation | null): void {
  if (translation) clause.translation = { title: translation.title, text: translation.text };
  else delete clause.translation;
}

function copyClause(clause: Clause): Clause {
  const copy: Clause = { key: clause.key, title: clause.title, text: clause.text };
  setTranslation(copy, translationOf(clause));
  return copy;
}

function applySet<T extends string>(values: readonly T[], change: SetChange<T>): T[] {
  const remove = new Set(change.remove);
  const result = values.filter((value) => !remove.has(value));
  for (const value of change.add) if (!result.includes(value)) result.push(value);
  return result;
}

function dutyMap(duties: readonly DutyTerm[]): Map<Duty, number | null> {
  return new Map(duties.map((term) => [term.duty, normalPeriod(term)]));
}

function normalPeriod(term: DutyTerm): number | null {
  return term.dueInDays ?? null;
}

function byKey(clauses: readonly Clause[]): Map<string, Clause> {
  return new Map(clauses.map((clause) => [clause.key, clause]));
}

function sameClause(a: Clause, b: Clause): boolean {
  return MERGED_FIELDS.every((field) =>
    field === 'translation' ? same(translationOf(a), translationOf(b)) : a[field] === b[field],
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
