import type { CombinedError } from 'urql';
import type { UserRole, UserStatus } from '../../gql/graphql';

/** Every role, in the order the page shows them (DOMAIN.md). */
export const ROLES: readonly UserRole[] = [
  'ORG_ADMIN',
  'LEGAL',
  'SIGNATORY',
  'DATA_STEWARD',
  'ENGINEER',
  'RESEARCHER',
];

export interface Person {
  id: string;
  roles: readonly UserRole[];
  /** Null only for people of another organisation (the API does not say): never on this page. */
  status: UserStatus | null;
}

/** The API's refusals on people and invitations (extensions.reason), explained by the page. */
export const REFUSALS = [
  'LAST_ADMIN',
  'SELF_DEACTIVATION',
  'INVITATION_NOT_PENDING',
  'ALREADY_MEMBER',
  'PENDING_INVITATION',
  'NOT_ORGANIZATION_ADMIN',
] as const;

export type Refusal = (typeof REFUSALS)[number];

export function refusalOf(error: CombinedError | undefined): Refusal | undefined {
  const reason = error?.graphQLErrors[0]?.extensions?.['reason'];
  return REFUSALS.find((known) => known === reason);
}

/** Roles in the page's order, whatever order they were picked in. */
export function sortRoles(roles: readonly UserRole[]): UserRole[] {
  return ROLES.filter((role) => roles.includes(role));
}

const isActiveAdmin = (person: Person): boolean =>
  person.status === 'ACTIVE' && person.roles.includes('ORG_ADMIN');

/** Whether removing this person's admin role (or deactivating them) would leave no active admin. */
export function isLastAdmin(person: Person, people: readonly Person[]): boolean {
  return isActiveAdmin(person) && !people.some((other) => other.id !== person.id && isActiveAdmin(other));
}

/** What the API would refuse about new roles, said before asking it. */
export function roleChangeRefusal(
  person: Person,
  roles: readonly UserRole[],
  people: readonly Person[],
): Refusal | null {
  return !roles.includes('ORG_ADMIN') && isLastAdmin(person, people) ? 'LAST_ADMIN' : null;
}

/** What the API would refuse about deactivating this person, said before asking it. */
export function deactivationRefusal(person: Person, meId: string, people: readonly Person[]): Refusal | null {
  if (person.id === meId) return 'SELF_DEACTIVATION';
  return isLastAdmin(person, people) ? 'LAST_ADMIN' : null;
}

/** A pending invitation past its date can no longer be accepted (revoke it to invite again). */
export function invitationExpired(invitation: { expiresAt: string }, now: Date): boolean {
  return new Date(invitation.expiresAt).getTime() <= now.getTime();
}
