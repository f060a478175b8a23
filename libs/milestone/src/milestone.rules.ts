import { UserRole, type RuleContributor } from '@tetrad/core';

const REPORTING_ROLES: readonly UserRole[] = [UserRole.ORG_ADMIN, UserRole.ENGINEER];

/** Who may bind an organisation to a milestone's terms or to a change of them. */
export const BINDING_ROLES: readonly UserRole[] = [UserRole.ORG_ADMIN, UserRole.SIGNATORY];

/**
 * Risk and reward (DOMAIN.md). Every active member reads reports, milestones and the ledger, and
 * may ask for a milestone to be evaluated. The scenario user's admins and engineers submit KPI
 * reports and may withdraw them; another party's admins and engineers verify or dispute them.
 * Member admins propose and amend milestones; admins and signatories accept terms and approve
 * changes for their organisation (the service checks that it is a bound party); a payee's admin
 * confirms settlement.
 */
export const milestoneRules: RuleContributor = ({ can }, { caller, activeConsortiumIds, memberships }) => {
  if (caller.platformAdmin) {
    can('read', ['KpiReport', 'Milestone', 'LedgerEntry']);
    return;
  }
  const consortiumId = { $in: [...activeConsortiumIds] };
  can('read', ['KpiReport', 'Milestone', 'LedgerEntry'], { consortiumId });
  can('evaluate', 'Milestone', { consortiumId });
  const organization = caller.organizationId;
  if (!organization) return;
  if (caller.roles.some((role) => REPORTING_ROLES.includes(role))) {
    const asScenarioUser = memberships
      .filter((membership) => membership.partyRole === 'SCENARIO_USER')
      .map((membership) => membership.consortiumId);
    can('create', 'KpiReport', {
      consortiumId: { $in: asScenarioUser },
      submittedByOrganizationId: organization,
    });
    can('verify', 'KpiReport', { consortiumId, submittedByOrganizationId: { $ne: organization } });
    can('withdraw', 'KpiReport', { consortiumId, submittedByOrganizationId: organization });
  }
  if (caller.roles.includes(UserRole.ORG_ADMIN)) {
    can(['create', 'update'], 'Milestone', { consortiumId });
    can('settle', 'LedgerEntry', { consortiumId, payeeOrganizationId: organization });
  }
  // Binding the organisation to terms: its admins and its signatories.
  if (caller.roles.some((role) => BINDING_ROLES.includes(role))) {
    can(['accept', 'approve'], 'Milestone', { consortiumId });
  }
};

export const KPI_REPORT_COLUMNS = {
  id: 'report.id',
  consortiumId: 'report.consortium_id',
  submittedByOrganizationId: 'report.submitted_by_organization_id',
} as const;

export const MILESTONE_COLUMNS = { id: 'milestone.id', consortiumId: 'milestone.consortium_id' } as const;

export const LEDGER_COLUMNS = {
  id: 'entry.id',
  consortiumId: 'entry.consortium_id',
  organizationId: 'entry.organization_id',
  payerOrganizationId: 'entry.payer_organization_id',
  payeeOrganizationId: 'entry.payee_organization_id',
} as const;
