import type { MembershipStatus, OrganizationKind } from '../../gql/graphql';

/** The four parties of a consortium, in the order people read them (DOMAIN.md). */
export const PARTY_KINDS: readonly OrganizationKind[] = [
  'SCENARIO_USER',
  'ROBOT_MAKER',
  'SUPPLIER',
  'RESEARCH_INSTITUTE',
];

export interface MemberLike {
  id: string;
  partyRole: OrganizationKind;
  status: MembershipStatus;
  organization: { id: string; name: string };
}

export interface ChecklistItem {
  kind: OrganizationKind;
  /** An active member holds this party kind. */
  done: boolean;
  /** Organisations invited for this kind that have not answered yet. */
  invited: string[];
  active: string[];
}

const STATUS_ORDER: Record<MembershipStatus, number> = { ACTIVE: 0, INVITED: 1, DECLINED: 2, WITHDRAWN: 3 };

/**
 * The activation rule as the API applies it (libs/consortium, missingPartyKinds): a FORMING
 * consortium becomes ACTIVE only when each party kind has an ACTIVE member. An invitation not
 * yet accepted does not count, but is worth showing as "on its way".
 */
export function activationChecklist(members: readonly MemberLike[]): ChecklistItem[] {
  return PARTY_KINDS.map((kind) => {
    const ofKind = members.filter((m) => m.partyRole === kind);
    const active = ofKind.filter((m) => m.status === 'ACTIVE').map((m) => m.organization.name);
    const invited = ofKind.filter((m) => m.status === 'INVITED').map((m) => m.organization.name);
    return { kind, done: active.length > 0, active, invited };
  });
}

/** The party kinds still lacking an active member. */
export function missingPartyKinds(members: readonly MemberLike[]): OrganizationKind[] {
  return activationChecklist(members)
    .filter((item) => !item.done)
    .map((item) => item.kind);
}

/** Members grouped by party kind, active first, then invited, declined, withdrawn. */
export function membersByKind<M extends MemberLike>(members: readonly M[]): Map<OrganizationKind, M[]> {
  const groups = new Map<OrganizationKind, M[]>(PARTY_KINDS.map((kind) => [kind, []]));
  for (const member of members) groups.get(member.partyRole)?.push(member);
  for (const list of groups.values())
    list.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.organization.name.localeCompare(b.organization.name),
    );
  return groups;
}

export interface Permissions {
  canInvite: boolean;
  canActivate: boolean;
  /** Change the consortium's settings (its time zone). */
  canUpdate: boolean;
  /** The membership of the person's organisation that they may withdraw, if any. */
  canWithdraw: (member: MemberLike) => boolean;
}

/**
 * What the signed-in person may do here, mirroring libs/consortium/src/consortium.rules.ts: the
 * buttons shown are the ones the API will accept (the API still decides).
 */
export function permissions(
  person: { roles: readonly string[]; organizationId: string | undefined },
  consortiumStatus: string,
  members: readonly MemberLike[],
): Permissions {
  const admin = person.roles.includes('ORG_ADMIN');
  const activeMember = members.some(
    (m) => m.organization.id === person.organizationId && m.status === 'ACTIVE',
  );
  const activeCount = members.filter((m) => m.status === 'ACTIVE').length;
  return {
    canInvite: admin && activeMember && consortiumStatus !== 'CLOSED',
    canActivate: admin && activeMember && consortiumStatus === 'FORMING',
    canUpdate: admin && activeMember,
    canWithdraw: (member) =>
      admin &&
      member.organization.id === person.organizationId &&
      member.status === 'ACTIVE' &&
      activeCount > 1,
  };
}
