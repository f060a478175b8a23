import { UserRole, type RuleContributor } from '@tetrad/core';
import { DatasetSensitivity } from './dataset-enums';

/**
 * Metadata visibility by sensitivity (issue 6): PUBLIC to everyone signed in, CONSORTIUM and
 * RESTRICTED to the consortium's members, TRADE_SECRET to the owner (and, by the contract
 * domain's rules, to the parties of a contract covering it). The owner's data stewards register and update datasets.
 */
export const datasetRules: RuleContributor = ({ can }, { caller, activeConsortiumIds }) => {
  if (caller.platformAdmin) {
    can('read', 'Dataset');
    return;
  }
  can('read', 'Dataset', { sensitivity: DatasetSensitivity.PUBLIC });
  const consortiumId = { $in: [...activeConsortiumIds] };
  can('read', 'Dataset', {
    consortiumId,
    sensitivity: { $in: [DatasetSensitivity.CONSORTIUM, DatasetSensitivity.RESTRICTED] },
  });
  if (!caller.organizationId) return;
  can('read', 'Dataset', { ownerOrganizationId: caller.organizationId });
  if (caller.roles.includes(UserRole.DATA_STEWARD) || caller.roles.includes(UserRole.ORG_ADMIN)) {
    can('create', 'Dataset', { consortiumId, ownerOrganizationId: caller.organizationId });
  }
  if (caller.roles.includes(UserRole.DATA_STEWARD)) {
    can(['update', 'readLocation'], 'Dataset', { ownerOrganizationId: caller.organizationId });
  }
};

export const DATASET_COLUMNS = {
  id: 'dataset.id',
  consortiumId: 'dataset.consortium_id',
  ownerOrganizationId: 'dataset.owner_organization_id',
  sensitivity: 'dataset.sensitivity',
} as const;
