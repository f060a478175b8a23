import { ConflictError, ForbiddenError, InvalidInputError } from '@tetrad/core';
import type { TicketStatus } from './ticket-enums';

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
