import type { RuleContributor } from './ability';

/** Rules of the platform's own subjects: the audit trail is read per consortium; platform admins read all. */
export const platformRules: RuleContributor = ({ can }, { caller, activeConsortiumIds }) => {
  if (caller.platformAdmin) {
    can('read', 'AuditEntry');
    return;
  }
  can('read', 'AuditEntry', { consortiumId: { $in: [...activeConsortiumIds] } });
};

export const AUDIT_ENTRY_COLUMNS = { consortiumId: 'audit.consortium_id' } as const;
