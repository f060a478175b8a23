import type { RuleContributor } from './ability';

/** Rules of the platform's own subjects: the organisation directory and the audit trail. */
export const platformRules: RuleContributor = ({ can }, { caller, activeConsortiumIds }) => {
  // The organisation directory (name, kind, region, credit code: public registry facts) is open to
  // every signed-in person, so that admins can find whom to invite.
  can('read', 'Organization');
  if (caller.platformAdmin) {
    can('read', 'AuditEntry');
    return;
  }
  can('read', 'AuditEntry', { consortiumId: { $in: [...activeConsortiumIds] } });
};

export const AUDIT_ENTRY_COLUMNS = { consortiumId: 'audit.consortium_id' } as const;
