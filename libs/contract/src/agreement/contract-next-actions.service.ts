import { Injectable } from '@nestjs/common';
import type { Caller, RequestLoaders } from '@tetrad/core';
import { ACTIVE_PEOPLE_BY_ORGANIZATION, USER_BY_ID } from '@tetrad/identity';
import { ORGANIZATION_BY_ID } from '@tetrad/organization';
import { ContractPartyRole } from '../contract-enums';
import { contractNextActions, type NextAction } from './contract-next-actions';
import { ContractQueryService } from './contract-query.service';
import type { DataSharingContract } from './contract.entity';
import { CONTRACT_EARLIEST_UNMET_DUE, CONTRACT_OBLIGATIONS, CONTRACT_SIGNATURES } from './contract.loaders';
import type { ContractNextActionType } from './dto/contract.types';

/**
 * Who must act next on a contract the caller may read (batched per page through the request's
 * loaders). The names of the people who may act are shown to the contract's parties only.
 */
@Injectable()
export class ContractNextActionsService {
  constructor(private readonly query: ContractQueryService) {}

  async of(
    caller: Caller,
    contract: DataSharingContract,
    loaders: RequestLoaders,
  ): Promise<ContractNextActionType[]> {
    const [due, signatures, obligations, versions] = await Promise.all([
      loaders.get(CONTRACT_EARLIEST_UNMET_DUE).load(contract.id),
      loaders.get(CONTRACT_SIGNATURES).load(contract.id),
      loaders.get(CONTRACT_OBLIGATIONS).load(contract.id),
      this.query.versionsOf(caller, contract.id),
    ]);
    const authorId = versions[0]?.authorUserId;
    const author = authorId ? await loaders.get(USER_BY_ID).load(authorId) : null;
    const actions = contractNextActions({
      status: this.query.statusAt(contract, due),
      stored: contract.storedStatus,
      recipientOrganizationId: contract.recipientOrganizationId,
      providerOrganizationIds: contract.providerOrganizationIds,
      partyOrganizationIds: contract.partyOrganizationIds,
      currentVersion: contract.currentVersion,
      agreedVersion: contract.agreedVersion,
      latestAuthorOrganizationId: author?.organizationId ?? null,
      signedOrganizationIds: signatures
        .filter((signature) => !signature.voidedAt && signature.version === contract.agreedVersion)
        .map((signature) => signature.organizationId),
      unmetObligations: obligations.filter((obligation) => !obligation.metAt),
    });
    return this.withNames(caller, contract, actions, loaders);
  }

  private async withNames(
    caller: Caller,
    contract: DataSharingContract,
    actions: NextAction[],
    loaders: RequestLoaders,
  ): Promise<ContractNextActionType[]> {
    const organizationIds = [...new Set(actions.map((action) => action.organizationId))];
    const isParty = !!caller.organizationId && contract.partyOrganizationIds.includes(caller.organizationId);
    const [organizations, people] = await Promise.all([
      loaders.get(ORGANIZATION_BY_ID).loadMany(organizationIds),
      isParty ? loaders.get(ACTIVE_PEOPLE_BY_ORGANIZATION).loadMany(organizationIds) : [],
    ]);
    const at = <T>(list: (T | Error)[], id: string): T | undefined => {
      const found = list[organizationIds.indexOf(id)];
      return found instanceof Error ? undefined : found;
    };
    return actions.map((action) => ({
      ...action,
      roles: [...action.roles],
      organizationName: at(organizations, action.organizationId)?.name ?? action.organizationId,
      partyRole:
        action.organizationId === contract.recipientOrganizationId
          ? ContractPartyRole.RECIPIENT
          : ContractPartyRole.PROVIDER,
      people: (at(people, action.organizationId) ?? [])
        .filter((person) => person.roles.some((role) => action.roles.includes(role)))
        .map((person) => person.name),
    }));
  }
}
