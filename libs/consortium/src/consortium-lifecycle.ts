import { OrganizationKind } from '@tetrad/organization';
import { ConsortiumStatus, MembershipStatus } from './consortium-enums';

export const PARTY_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.SCENARIO_USER,
  OrganizationKind.ROBOT_MAKER,
  OrganizationKind.SUPPLIER,
  OrganizationKind.RESEARCH_INSTITUTE,
];

/** The party kinds not yet held by an active member; activation needs none missing. */
export function missingPartyKinds(activeRoles: readonly OrganizationKind[]): OrganizationKind[] {
  const present = new Set(activeRoles);
  return PARTY_KINDS.filter((kind) => !present.has(kind));
}

export type MembershipEvent = 'accept' | 'decline' | 'withdraw';

const MEMBERSHIP_TRANSITIONS: Record<MembershipEvent, { from: MembershipStatus; to: MembershipStatus }> = {
  accept: { from: MembershipStatus.INVITED, to: MembershipStatus.ACTIVE },
  decline: { from: MembershipStatus.INVITED, to: MembershipStatus.DECLINED },
  withdraw: { from: MembershipStatus.ACTIVE, to: MembershipStatus.WITHDRAWN },
};

/** The next state, or undefined when the event is not allowed from this state. */
export function nextMembershipStatus(
  current: MembershipStatus,
  event: MembershipEvent,
): MembershipStatus | undefined {
  const transition = MEMBERSHIP_TRANSITIONS[event];
  return transition.from === current ? transition.to : undefined;
}

export function canInviteInto(status: ConsortiumStatus): boolean {
  return status !== ConsortiumStatus.CLOSED;
}
