import type { ContractChangesInput } from '../../gql/graphql';
import type { Clause, Content } from './clause-editing';
import type { Terms } from './terms';

/**
 * What the person changed against the version they edited, as the API's patch: only the places
 * they touched, so the server can merge them onto whatever version is the latest when they save.
 */
export function contractChanges(base: Content, mine: Content): ContractChangesInput {
  const changes: ContractChangesInput = {};
  const sets = ['datasetIds', 'purposes', 'prohibitions', 'excludedModalities'] as const;
  for (const field of sets) {
    const before = new Set<string>(base.terms[field]);
    const after = new Set<string>(mine.terms[field]);
    const add = mine.terms[field].filter((value: string) => !before.has(value));
    const remove = base.terms[field].filter((value: string) => !after.has(value));
    if (add.length > 0 || remove.length > 0) Object.assign(changes, { [field]: { add, remove } });
  }
  const baseDuties = new Map(base.terms.duties.map((term) => [term.duty, term.dueInDays ?? null]));
  const mineDuties = new Set(mine.terms.duties.map((term) => term.duty));
  const set = mine.terms.duties
    .filter((term) => !baseDuties.has(term.duty) || baseDuties.get(term.duty) !== (term.dueInDays ?? null))
    .map((term) => ({ duty: term.duty, dueInDays: term.dueInDays ?? null }));
  const remove = [...baseDuties.keys()].filter((duty) => !mineDuties.has(duty));
  if (set.length > 0 || remove.length > 0) changes.duties = { set, remove };
  for (const field of ['startsOn', 'endsOn'] as const satisfies readonly (keyof Terms)[]) {
    if (mine.terms[field] !== base.terms[field]) changes[field] = mine.terms[field];
  }
  const clauses = clauseChanges(base.clauses, mine.clauses);
  if (clauses) changes.clauses = clauses;
  return changes;
}

function clauseChanges(base: readonly Clause[], mine: readonly Clause[]): ContractChangesInput['clauses'] {
  const before = new Map(base.map((clause) => [clause.key, clause]));
  const mineKeys = new Set(mine.map((clause) => clause.key));
  const changed: { key: string; title?: string; text?: string }[] = [];
  const added: Clause[] = [];
  for (const clause of mine) {
    const original = before.get(clause.key);
    if (!original) {
      added.push({ key: clause.key, title: clause.title, text: clause.text });
      continue;
    }
    const change: { key: string; title?: string; text?: string } = { key: clause.key };
    if (clause.title !== original.title) change.title = clause.title;
    if (clause.text !== original.text) change.text = clause.text;
    if (change.title !== undefined || change.text !== undefined) changed.push(change);
  }
  const removed = base.map((clause) => clause.key).filter((key) => !mineKeys.has(key));
  const implied = [
    ...base.map((clause) => clause.key).filter((key) => mineKeys.has(key)),
    ...added.map((clause) => clause.key),
  ];
  const order = mine.map((clause) => clause.key);
  const reordered = order.some((key, index) => implied[index] !== key);
  if (changed.length === 0 && added.length === 0 && removed.length === 0 && !reordered) return undefined;
  return {
    ...(changed.length > 0 ? { changed } : {}),
    ...(added.length > 0 ? { added } : {}),
    ...(removed.length > 0 ? { removed } : {}),
    ...(reordered ? { order } : {}),
  };
}

/** Whether the patch changes anything at all. */
export function hasChanges(changes: ContractChangesInput): boolean {
  return Object.keys(changes).length > 0;
}
