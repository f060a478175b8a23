import { UserRole, type RuleContributor } from '@tetrad/core';
import { ConsortiumStatus, MembershipStatus } from './consortium-enums';

/**
 * Who may see and do what with consortia and memberships. An organisation sees nothing of a
 * consortium it is not an ACTIVE member of, except its own invitations and memberships.
 */
export const consortiumRules: RuleContributor = ({ can }, { caller, activeConsortiumIds }) => {
  if (caller.platformAdmin) {
    can('read', 'Consortium');
    can('read', 'Membership');
    return;
  }
  const organizationId = caller.organizationId;
  if (!organizationId) return;
  const active = [...activeConsortiumIds];
  can('read', 'Consortium', { id: { $in: active } });
  can('read', 'Membership', { consortiumId: { $in: active } });
  can('read', 'Membership', { organizationId });
  if (!caller.roles.includes(UserRole.ORG_ADMIN)) return;
  can('create', 'Consortium');
  can('invite', 'Consortium', {
    id: { $in: active },
    status: { $in: [ConsortiumStatus.FORMING, ConsortiumStatus.ACTIVE] },
  });
  can('activate', 'Consortium', { id: { $in: active }, status: ConsortiumStatus.FORMING });
  can('update', 'Consortium', { id: { $in: active } });
  can(['accept', 'decline'], 'Membership', { organizationId, status: MembershipStatus.INVITED });
  can('withdraw', 'Membership', { organizationId, status: MembershipStatus.ACTIVE });
};

/** SQL columns for the rule fields above. */
export const CONSORTIUM_COLUMNS = { id: 'consortium.id', status: 'consortium.status' } as const;
export const MEMBERSHIP_COLUMNS = {
  consortiumId: 'membership.consortium_id',
  organizationId: 'membership.organization_id',
  status: 'membership.status',
} as const;
