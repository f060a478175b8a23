import { NotFoundError, UserRole, type Caller } from '@tetrad/core';
import { NotOrganizationAdminError } from './identity.errors';

/**
 * The organisation whose people a caller may manage: their own as ORG_ADMIN, any one
 * (named explicitly) as platform administrator.
 */
export function managedOrganization(caller: Caller, requested?: string): string {
  if (caller.platformAdmin) {
    if (!requested) throw new NotOrganizationAdminError();
    return requested;
  }
  // Another organisation is out of reach: it answers as a missing one would.
  if (requested && requested !== caller.organizationId) throw new NotFoundError('Organization', requested);
  if (!caller.organizationId || !caller.roles.includes(UserRole.ORG_ADMIN)) {
    throw new NotOrganizationAdminError();
  }
  return caller.organizationId;
}

/** Reading the people list: any member sees their own organisation; platform admins any. */
export function visibleOrganization(caller: Caller, requested?: string): string | undefined {
  if (caller.platformAdmin) return requested;
  return caller.organizationId ?? undefined;
}
