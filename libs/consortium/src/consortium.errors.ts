import { ConflictError, InvalidInputError } from '@tetrad/core';
import type { OrganizationKind } from '@tetrad/organization';
import type { MembershipEvent } from './consortium-lifecycle';
import type { MembershipStatus } from './consortium-enums';

export class IncompleteConsortiumError extends ConflictError {
  constructor(missing: OrganizationKind[]) {
    super(
      `The consortium cannot become ACTIVE yet: it still needs an active member of each of ${missing.join(', ')}. Invite them, and activate once they have accepted.`,
      { missingPartyKinds: missing },
    );
  }
}

export class AlreadyMemberError extends ConflictError {
  constructor() {
    super('This organisation is already invited to or a member of this consortium.');
  }
}

export class LastMemberError extends ConflictError {
  constructor() {
    super('The last active member cannot withdraw: a consortium needs at least one member.');
  }
}

export class MembershipTransitionError extends ConflictError {
  constructor(event: MembershipEvent, current: MembershipStatus) {
    super(`A membership that is ${current} cannot be ${event === 'withdraw' ? 'withdrawn' : `${event}ed`}.`, {
      currentStatus: current,
    });
  }
}

export class PartyRoleMismatchError extends InvalidInputError {
  constructor(kind: OrganizationKind) {
    super(`This organisation is a ${kind}; it can join a consortium only as ${kind}.`, [
      { field: 'input.partyRole', message: `must be ${kind}` },
    ]);
  }
}
