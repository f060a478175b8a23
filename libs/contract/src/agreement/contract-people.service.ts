import { Injectable } from '@nestjs/common';
import type { Caller, RequestLoaders } from '@tetrad/core';
import { USER_BY_ID } from '@tetrad/identity';
import { ORGANIZATION_BY_ID } from '@tetrad/organization';
import type { ContractPersonType } from './dto/contract.types';

/** The contract's party organisations, attached to versions and signatures reached through a readable contract. */
export const CONTRACT_PARTIES = Symbol('contract.parties');
export type WithContractParties<T> = T & { [CONTRACT_PARTIES]?: readonly string[] };

/** Marks records reached through a contract the caller may read with that contract's parties. */
export function withParties<T extends object>(records: T[], partyOrganizationIds: readonly string[]): T[] {
  return records.map((record) => withParty(record, partyOrganizationIds));
}

export function withParty<T extends object>(record: T, partyOrganizationIds: readonly string[]): T {
  return Object.assign(Object.create(Object.getPrototypeOf(record) as object) as T, record, {
    [CONTRACT_PARTIES]: partyOrganizationIds,
  });
}

/**
 * The people behind a contract's versions and signatures (batched per page through the request's
 * loaders). Shown to the contract's parties only; the e-mail only to the person's own organisation.
 */
@Injectable()
export class ContractPeopleService {
  async person(
    caller: Caller,
    record: WithContractParties<object>,
    userId: string | null,
    loaders: RequestLoaders,
  ): Promise<ContractPersonType | null> {
    const parties = record[CONTRACT_PARTIES];
    if (!userId || !parties || !caller.organizationId || !parties.includes(caller.organizationId))
      return null;
    const user = await loaders.get(USER_BY_ID).load(userId);
    if (!user?.organizationId) return null;
    const organization = await loaders.get(ORGANIZATION_BY_ID).load(user.organizationId);
    return {
      name: user.name,
      organizationId: user.organizationId,
      organizationName: organization?.name ?? user.organizationId,
      roles: [...user.roles],
      email: user.organizationId === caller.organizationId ? user.email : null,
    };
  }
}
