import { sameTerms, type Terms } from './terms';

export interface Clause {
  key: string;
  title: string;
  text: string;
}

/** Moves the clause at `index` by `delta` places (−1 up, +1 down); out of range leaves the list as is. */
export function moveClause(clauses: readonly Clause[], index: number, delta: number): Clause[] {
  const target = index + delta;
  if (index < 0 || index >= clauses.length || target < 0 || target >= clauses.length) return [...clauses];
  const next = [...clauses];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** A key the API accepts (lower-case letters, digits, dashes) that no clause uses yet. */
export function newClauseKey(clauses: readonly Clause[], taken: readonly string[] = []): string {
  const used = new Set([...clauses.map((clause) => clause.key), ...taken]);
  let n = clauses.length + 1;
  while (used.has(`clause-${n}`)) n++;
  return `clause-${n}`;
}

export function addClause(clauses: readonly Clause[], title: string): Clause[] {
  return [...clauses, { key: newClauseKey(clauses), title, text: '' }];
}

export function removeClause(clauses: readonly Clause[], key: string): Clause[] {
  return clauses.filter((clause) => clause.key !== key);
}

export function updateClause(
  clauses: readonly Clause[],
  key: string,
  patch: Partial<Pick<Clause, 'title' | 'text'>>,
): Clause[] {
  return clauses.map((clause) => (clause.key === key ? { ...clause, ...patch } : clause));
}

function same(a: Clause, b: Clause): boolean {
  return a.title === b.title && a.text === b.text;
}

/** Why a reapplied clause or term needs a second look. */
export interface ReapplyNote {
  key: string;
  kind: 'bothChanged' | 'removedByThem' | 'removedByMe' | 'termsBothChanged';
}

export interface Content {
  clauses: Clause[];
  terms: Terms;
}

/**
 * After a stale-edit conflict: my changes (base → mine) replayed onto the latest version.
 * My edits win where both sides changed the same thing, and each such place is noted; what only
 * the other side changed is kept; clauses only they added stay where they put them.
 */
export function reapplyEdits(
  base: Content,
  mine: Content,
  latest: Content,
): { content: Content; notes: ReapplyNote[] } {
  const baseByKey = new Map(base.clauses.map((clause) => [clause.key, clause]));
  const latestByKey = new Map(latest.clauses.map((clause) => [clause.key, clause]));
  const mineKeys = new Set(mine.clauses.map((clause) => clause.key));
  const notes: ReapplyNote[] = [];
  const merged: Clause[] = [];
  const taken = latest.clauses.map((clause) => clause.key);

  for (const clause of mine.clauses) {
    const original = baseByKey.get(clause.key);
    const theirs = latestByKey.get(clause.key);
    if (!original) {
      // My new clause: keep it, under a fresh key if they added one with the same key.
      const key = theirs ? newClauseKey([...merged, ...mine.clauses], taken) : clause.key;
      merged.push({ ...clause, key });
      continue;
    }
    const mineChanged = !same(clause, original);
    if (!theirs) {
      if (mineChanged) {
        merged.push(clause);
        notes.push({ key: clause.key, kind: 'removedByThem' });
      }
      continue;
    }
    const theirsChanged = !same(theirs, original);
    if (mineChanged && theirsChanged && !same(clause, theirs))
      notes.push({ key: clause.key, kind: 'bothChanged' });
    merged.push(mineChanged ? clause : theirs);
  }

  // Clauses they added: after the nearest clause that precedes them in their version.
  latest.clauses.forEach((clause, index) => {
    if (baseByKey.has(clause.key) || merged.some((candidate) => candidate.key === clause.key)) return;
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const found = merged.findIndex((candidate) => candidate.key === latest.clauses[i]!.key);
      if (found >= 0) {
        at = found + 1;
        break;
      }
    }
    merged.splice(at, 0, clause);
  });

  for (const original of base.clauses) {
    const theirs = latestByKey.get(original.key);
    if (!mineKeys.has(original.key) && theirs && !same(theirs, original))
      notes.push({ key: original.key, kind: 'removedByMe' });
  }

  const { terms, conflicting } = mergeTerms(base.terms, mine.terms, latest.terms);
  if (conflicting) notes.push({ key: 'terms', kind: 'termsBothChanged' });
  return { content: { clauses: merged, terms }, notes };
}

/** Field by field: the fields I changed take my value, the others the latest one. */
function mergeTerms(base: Terms, mine: Terms, latest: Terms): { terms: Terms; conflicting: boolean } {
  const fields = Object.keys(base) as (keyof Terms)[];
  const differs = (a: Terms, b: Terms, field: keyof Terms) => {
    const pick = (terms: Terms): Terms => ({ ...base, [field]: terms[field] });
    return !sameTerms(pick(a), pick(b));
  };
  let conflicting = false;
  const terms = { ...latest };
  for (const field of fields) {
    if (!differs(mine, base, field)) continue;
    if (differs(latest, base, field) && differs(latest, mine, field)) conflicting = true;
    Object.assign(terms, { [field]: mine[field] });
  }
  return { terms, conflicting };
}
