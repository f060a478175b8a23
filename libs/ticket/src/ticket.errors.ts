import { ConflictError, ForbiddenError, InvalidInputError } from '@tetrad/core';
import type { TicketStatus } from './ticket-enums';
import type { Ticket } from './ticket.entity';

export class TicketTransitionError extends ConflictError {
  constructor(current: TicketStatus, requested: TicketStatus, allowed: readonly TicketStatus[]) {
    super(
      `A ${current} ticket cannot move to ${requested}. From ${current} it can move to: ${allowed.length ? allowed.join(', ') : 'nothing (it is final)'}.`,
      { currentStatus: current, allowedStatuses: allowed },
    );
  }
}

export class NotRaisingOrganizationError extends ForbiddenError {
  constructor() {
    super('Only the organisation that raised the ticket can verify that it is solved.');
  }
}

export class NotAMemberAssigneeError extends InvalidInputError {
  constructor() {
    super(
      'A ticket can be assigned only to an active member organisation of its consortium, and to a person of that organisation.',
      [{ field: 'input.organizationId', message: 'must be an active member of the consortium' }],
    );
  }
}

/** What a client needs to redo an edit refused because the ticket moved on. */
export function ticketState(ticket: Ticket) {
  return {
    version: ticket.version,
    status: ticket.status,
    severity: ticket.severity,
    category: ticket.category,
    labels: [...ticket.labels],
    assigneeOrganizationId: ticket.assigneeOrganizationId,
    assigneeUserId: ticket.assigneeUserId,
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export class TicketChangedError extends ConflictError {
  constructor(expectedVersion: number, current: Ticket) {
    super(
      `Ticket #${current.number} was changed by someone else since you read it (you read version ${expectedVersion}, it is now at version ${current.version}). Nothing was changed: look at it as it is now and make your change again.`,
      { expectedVersion, currentVersion: current.version, current: ticketState(current) },
    );
  }
}

export class ConflictingLabelChangesError extends InvalidInputError {
  constructor() {
    super('Send either the whole list of labels, or labels to add and to remove, not both.', [
      { field: 'input.labels', message: 'leave it out when sending addLabels or removeLabels' },
    ]);
  }
}

/** The programme office reads every ticket; only active members of the consortium change them. */
export class TicketReadOnlyError extends ForbiddenError {
  constructor(what: string) {
    super(`Only active members of the ticket's consortium can ${what}; you may read its tickets only.`);
  }
}
