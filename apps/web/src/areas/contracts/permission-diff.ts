import type { Terms } from './terms';

export type Effect = 'WIDENS' | 'NARROWS' | 'NEUTRAL';

/**
 * One change of access for the recipient, as an i18n message key with its values, so that the
 * permission diff reads in the person's language. Same rules as the server's diffTerms: more
 * datasets, purposes or time widen; more prohibitions, duties or withheld modalities narrow.
 */
export interface PermissionChange {
  field: 'datasets' | 'purposes' | 'prohibitions' | 'duties' | 'period' | 'excludedModalities';
  effect: Effect;
  message:
    | 'datasetAdded'
    | 'datasetRemoved'
    | 'purposeAdded'
    | 'purposeRemoved'
    | 'prohibitionAdded'
    | 'prohibitionRemoved'
    | 'dutyAdded'
    | 'dutyDropped'
    | 'dutyDueChanged'
    | 'dutyStanding'
    | 'dutyDueSet'
    | 'startsChanged'
    | 'endsChanged'
    | 'modalityWithheld'
    | 'modalityReleased';
  /** `value` is an enum value or a dataset id (the view names it); `from`/`to` dates or days. */
  values: { value?: string; from?: string | number; to?: string | number };
}

function setChanges(
  field: PermissionChange['field'],
  before: readonly string[],
  after: readonly string[],
  addEffect: 'WIDENS' | 'NARROWS',
  messages: [PermissionChange['message'], PermissionChange['message']],
): PermissionChange[] {
  const removeEffect: Effect = addEffect === 'WIDENS' ? 'NARROWS' : 'WIDENS';
  return [
    ...after
      .filter((value) => !before.includes(value))
      .map((value) => ({ field, effect: addEffect, message: messages[0], values: { value } })),
    ...before
      .filter((value) => !after.includes(value))
      .map((value) => ({ field, effect: removeEffect, message: messages[1], values: { value } })),
  ];
}

function dutyChanges(before: Terms['duties'], after: Terms['duties']): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const term of after) {
    const previous = before.find((candidate) => candidate.duty === term.duty);
    const values = { value: term.duty };
    if (!previous) {
      changes.push({ field: 'duties', effect: 'NARROWS', message: 'dutyAdded', values });
    } else if (previous.dueInDays !== term.dueInDays) {
      if (term.dueInDays === null)
        changes.push({ field: 'duties', effect: 'NEUTRAL', message: 'dutyStanding', values });
      else if (previous.dueInDays === null)
        changes.push({
          field: 'duties',
          effect: 'NEUTRAL',
          message: 'dutyDueSet',
          values: { ...values, to: term.dueInDays },
        });
      else
        changes.push({
          field: 'duties',
          effect: term.dueInDays > previous.dueInDays ? 'WIDENS' : 'NARROWS',
          message: 'dutyDueChanged',
          values: { ...values, from: previous.dueInDays, to: term.dueInDays },
        });
    }
  }
  for (const term of before) {
    if (!after.some((candidate) => candidate.duty === term.duty))
      changes.push({
        field: 'duties',
        effect: 'WIDENS',
        message: 'dutyDropped',
        values: { value: term.duty },
      });
  }
  return changes;
}

export function permissionChanges(before: Terms, after: Terms): PermissionChange[] {
  const changes = [
    ...setChanges('datasets', before.datasetIds, after.datasetIds, 'WIDENS', [
      'datasetAdded',
      'datasetRemoved',
    ]),
    ...setChanges('purposes', before.purposes, after.purposes, 'WIDENS', ['purposeAdded', 'purposeRemoved']),
    ...setChanges('prohibitions', before.prohibitions, after.prohibitions, 'NARROWS', [
      'prohibitionAdded',
      'prohibitionRemoved',
    ]),
    ...dutyChanges(before.duties, after.duties),
  ];
  // ISO dates order as strings: an earlier start or a later end gives more time with the data.
  if (before.startsOn !== after.startsOn)
    changes.push({
      field: 'period',
      effect: after.startsOn < before.startsOn ? 'WIDENS' : 'NARROWS',
      message: 'startsChanged',
      values: { from: before.startsOn, to: after.startsOn },
    });
  if (before.endsOn !== after.endsOn)
    changes.push({
      field: 'period',
      effect: after.endsOn > before.endsOn ? 'WIDENS' : 'NARROWS',
      message: 'endsChanged',
      values: { from: before.endsOn, to: after.endsOn },
    });
  changes.push(
    ...setChanges('excludedModalities', before.excludedModalities, after.excludedModalities, 'NARROWS', [
      'modalityWithheld',
      'modalityReleased',
    ]),
  );
  return changes;
}
