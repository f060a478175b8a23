import { useSession } from '../../auth/session';
import { allowedActions, type ContractAction } from './contract-rules';
import type { Contract } from './contract-types';

/** What the signed-in person may do with this contract now. */
export function useContractActions(contract: Contract | undefined): Set<ContractAction> {
  const session = useSession();
  if (!contract) return new Set();
  const organizationId = session.organization?.id;
  const live = contract.signatures.filter(
    (signature) => !signature.voidedAt && signature.version === contract.agreedVersion,
  );
  return allowedActions({
    status: contract.status,
    roles: session.roles,
    organizationId,
    providerOrganizationIds: contract.providerOrganizationIds,
    recipientOrganizationId: contract.recipientOrganizationId,
    signedByMyOrganization: live.some((signature) => signature.organizationId === organizationId),
    fullySigned: Boolean(contract.fullySignedAt),
  });
}
