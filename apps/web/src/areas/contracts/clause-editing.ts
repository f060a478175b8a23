import type { Terms } from './terms';

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

export interface Content {
  clauses: Clause[];
  terms: Terms;
}
