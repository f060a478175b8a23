import { TicketStatus } from './ticket-enums';

const { OPEN, TRIAGED, IN_PROGRESS, RESOLVED, VERIFIED, CLOSED, REOPENED } = TicketStatus;

/** DOMAIN.md: OPEN → TRIAGED → IN_PROGRESS → RESOLVED → VERIFIED → CLOSED, REOPENED from RESOLVED/VERIFIED. */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  [OPEN]: [TRIAGED, CLOSED],
  [TRIAGED]: [IN_PROGRESS, CLOSED],
  [IN_PROGRESS]: [RESOLVED, TRIAGED],
  [RESOLVED]: [VERIFIED, REOPENED],
  [VERIFIED]: [CLOSED, REOPENED],
  [REOPENED]: [TRIAGED, IN_PROGRESS],
  [CLOSED]: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Only the raising organisation verifies that its problem is solved. */
export function needsRaisingOrganization(to: TicketStatus): boolean {
  return to === VERIFIED;
}

/**
 * Whether a member of `organizationId` may move a ticket from its state to `to`: the state machine,
 * and verification only by the organisation that raised it. The service refuses what this refuses.
 */
export function mayMove(
  ticket: { status: TicketStatus; raisedByOrganizationId: string },
  to: TicketStatus,
  organizationId: string | null | undefined,
): boolean {
  return (
    canTransition(ticket.status, to) &&
    (!needsRaisingOrganization(to) || organizationId === ticket.raisedByOrganizationId)
  );
}
