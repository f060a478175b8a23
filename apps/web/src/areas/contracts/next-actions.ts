import type { TFunction } from 'i18next';
import type { UserRole } from '../../gql/graphql';
import type { Formatters } from '../../i18n/format';
import type { Contract } from './contract-types';

export type NextAction = Contract['nextActions'][number];

/** Where the acting person goes: the editor, or the card on this page where the action is. */
const TARGETS: Record<NextAction['action'], string> = {
  EDIT: 'edit',
  AGREE: '#contract-actions',
  SIGN: '#contract-actions',
  FULFIL_OBLIGATION: '#contract-obligations',
  DECIDE_SUSPENSION: '#contract-actions',
};

export interface Viewer {
  organizationId: string | null;
  roles: readonly UserRole[];
}

/**
 * What the viewer can do about an action: take it (it is their party and they hold a role), have
 * someone assigned (their party has nobody in the role and they are its admin), or nothing.
 */
export function nextActionLink(
  action: NextAction,
  viewer: Viewer,
): { kind: 'take'; to: string } | { kind: 'assign'; to: string } | null {
  if (action.organizationId !== viewer.organizationId) return null;
  if (action.roles.some((role) => viewer.roles.includes(role))) {
    return { kind: 'take', to: TARGETS[action.action] };
  }
  if (action.people.length === 0 && viewer.roles.includes('ORG_ADMIN'))
    return { kind: 'assign', to: '/people' };
  return null;
}

/** One line: who (party, role, people) must do what; or that nobody there can. */
export function nextActionLine(
  t: TFunction<'contracts'>,
  tc: TFunction,
  format: Formatters,
  action: NextAction,
  viewerIsParty: boolean,
): string {
  const what = t(`next.what.${action.action}`, {
    version: action.version ?? '',
    duty: action.duty ? t(`duty.${action.duty}`) : '',
    due: format.date(action.dueAt),
  });
  const roles = action.roles.map((role) => tc(`roles.${role}`)).join(t('next.or'));
  const party = action.organizationName;
  if (!viewerIsParty) return t('next.waitingUnnamed', { party, roles, what });
  if (action.people.length === 0) return t('next.nobody', { party, roles, what });
  return t('next.waiting', { party, roles, what, people: action.people.join(t('next.separator')) });
}
