/**
 * Label additions and removals applied to the labels a ticket has when the edit lands, so that two
 * people adding labels at once both keep theirs. A label both added and removed is removed.
 */
export function editLabels(
  labels: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[] {
  const removed = new Set(remove);
  const kept = labels.filter((label) => !removed.has(label));
  return [...new Set([...kept, ...add.filter((label) => !removed.has(label))])];
}
