import { ConflictError, ForbiddenError, UnauthenticatedError } from '@tetrad/core';

export class NotInvitedError extends ForbiddenError {
  constructor(email: string) {
    super(
      `${email} has no invitation to Tetrad. Ask your organisation's admin to invite this email address, then sign in again.`,
    );
  }
}

export class UnverifiedEmailError extends ForbiddenError {
  constructor() {
    super('Your identity provider has not verified your email address. Verify it there, then sign in again.');
  }
}

export class DeactivatedUserError extends ForbiddenError {
  constructor() {
    super("Your Tetrad account has been deactivated by your organisation's admin.");
  }
}

export class IdentityMismatchError extends ForbiddenError {
  constructor(email: string) {
    super(`${email} is already linked to another sign-in identity. Ask your organisation's admin for help.`);
  }
}

export class NotOrganizationAdminError extends ForbiddenError {
  constructor() {
    super("Only your organisation's admins (ORG_ADMIN) can manage its people and invitations.", {
      reason: 'NOT_ORGANIZATION_ADMIN',
    });
  }
}

export class NotPlatformAdminError extends ForbiddenError {
  constructor() {
    super('Only platform administrators can do this.');
  }
}

export class LastAdminError extends ConflictError {
  constructor() {
    super('This is the last active admin of the organisation: make someone else ORG_ADMIN first.', {
      reason: 'LAST_ADMIN',
    });
  }
}

export class SelfDeactivationError extends ConflictError {
  constructor() {
    super('You cannot deactivate yourself: ask another admin of your organisation to do it.', {
      reason: 'SELF_DEACTIVATION',
    });
  }
}

export class InvitationNotPendingError extends ConflictError {
  constructor(status: string) {
    super(`This invitation is ${status}, no longer pending: there is nothing to revoke.`, {
      reason: 'INVITATION_NOT_PENDING',
      currentStatus: status,
    });
  }
}

export class AlreadyMemberError extends ConflictError {
  constructor(email: string) {
    super(`${email} already has a Tetrad account; change their roles instead of inviting them.`, {
      reason: 'ALREADY_MEMBER',
    });
  }
}

export class PendingInvitationError extends ConflictError {
  constructor(email: string) {
    super(`${email} already has a pending invitation; revoke it first to invite again.`, {
      reason: 'PENDING_INVITATION',
    });
  }
}

export class SignInExpiredError extends UnauthenticatedError {
  constructor() {
    super(
      'This sign-in was already completed, has expired, or was started in another browser. Start again at /auth/login.',
    );
  }
}

export class SessionEndedError extends UnauthenticatedError {
  constructor() {
    super('Your session has expired or was signed out. Sign in again at /auth/login.');
  }
}
