import { arrayColumn, UserRole, type RuleContributor } from '@tetrad/core';

/**
 * Data sharing (DOMAIN.md, "Data"). Requests are seen by the requesting organisation and by the
 * owners of the datasets asked for; the owners' DATA_STEWARDs review. Contracts are seen by
 * their parties only; each party's LEGAL users draft, comment on clauses and agree, its SIGNATORY signs; a
 * provider's admin or legal user suspends or terminates; the recipient meets the duties.
 *
 * Live grants (ACTIVE, started, not ended, no duty overdue: evaluated for this request) are the
 * only source of the recipient's RESEARCHER/ENGINEER right to a dataset's storage location,
 * per purpose; parties of any contract covering a dataset see its metadata.
 */
export const contractRules: RuleContributor = ({ can }, { caller, activeConsortiumIds, contracts }) => {
  if (caller.platformAdmin) {
    can('read', ['DataAccessRequest', 'DataSharingContract']);
    return;
  }
  const organization = caller.organizationId;
  if (!organization) return;
  const has = (role: UserRole): boolean => caller.roles.includes(role);
  const consortiumId = { $in: [...activeConsortiumIds] };

  can('read', 'DataAccessRequest', { consortiumId, requesterOrganizationId: organization });
  can('read', 'DataAccessRequest', { consortiumId, providerOrganizationIds: organization });
  if (has(UserRole.RESEARCHER) || has(UserRole.ENGINEER) || has(UserRole.ORG_ADMIN)) {
    can(['create', 'withdraw'], 'DataAccessRequest', { consortiumId, requesterOrganizationId: organization });
  }
  if (has(UserRole.DATA_STEWARD)) {
    can('review', 'DataAccessRequest', { consortiumId, providerOrganizationIds: organization });
  }

  const party = { consortiumId, partyOrganizationIds: organization };
  can('read', 'DataSharingContract', party);
  if (has(UserRole.LEGAL)) can(['draft', 'agree'], 'DataSharingContract', party);
  // Its legal team comments on the clauses (clause-comment.service.ts checks the contract's state).
  if (has(UserRole.LEGAL)) can('comment', 'DataSharingContract', party);
  if (has(UserRole.SIGNATORY)) can('sign', 'DataSharingContract', party);
  if (has(UserRole.ORG_ADMIN) || has(UserRole.LEGAL)) {
    can(['suspend', 'terminate'], 'DataSharingContract', {
      consortiumId,
      providerOrganizationIds: organization,
    });
    can('fulfil', 'DataSharingContract', { consortiumId, recipientOrganizationId: organization });
  }

  if (contracts.partyDatasetIds.length > 0) {
    can('read', 'Dataset', { id: { $in: [...contracts.partyDatasetIds] } });
  }
  if (!has(UserRole.RESEARCHER) && !has(UserRole.ENGINEER)) return;
  for (const grant of contracts.grants) {
    const datasetId = { $in: [...grant.datasetIds] };
    // The location itself is given only by accessDataset, which records each access with its
    // purpose: a grant does not show it on the dataset's plain `storageLocation` field.
    can('access', 'DatasetAccess', { datasetId, purpose: { $in: [...grant.purposes] } });
  }
};

export const ACCESS_REQUEST_COLUMNS = {
  id: 'request.id',
  consortiumId: 'request.consortium_id',
  requesterOrganizationId: 'request.requester_organization_id',
  providerOrganizationIds: arrayColumn('request.provider_organization_ids'),
} as const;

export const CONTRACT_COLUMNS = {
  id: 'contract.id',
  consortiumId: 'contract.consortium_id',
  recipientOrganizationId: 'contract.recipient_organization_id',
  partyOrganizationIds: arrayColumn('contract.party_organization_ids'),
  providerOrganizationIds: arrayColumn('contract.provider_organization_ids'),
} as const;
