import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, LoaderRegistry } from '@tetrad/core';
import { AccessRequestService } from '../access-requests/access-request.service';
import { ContractQueryService } from './contract-query.service';
import type { ContractObligation, ContractSignature } from './contract.entity';
import type { DataAccessRequestItem } from '../access-requests/data-access-request.entity';
import type { MatcherOverride } from '../access-requests/matcher-override';
import { MatcherOverrideService } from '../access-requests/matcher-override.service';

/** The items of requests already authorised for reading, batched per GraphQL request. */
export const ACCESS_REQUEST_ITEMS = new LoaderKey<string, DataAccessRequestItem[]>('dataAccessRequest.items');
/** Per contract already authorised for reading: what a page of contracts shows, one statement each. */
export const CONTRACT_EARLIEST_UNMET_DUE = new LoaderKey<string, Date | null>('contract.earliestUnmetDue');
export const CONTRACT_SIGNATURES = new LoaderKey<string, ContractSignature[]>('contract.signatures');
export const CONTRACT_OBLIGATIONS = new LoaderKey<string, ContractObligation[]>('contract.obligations');
/** Per access request reached through a readable contract: its matcher overrides. */
export const REQUEST_MATCHER_OVERRIDES = new LoaderKey<string, MatcherOverride[]>(
  'dataAccessRequest.matcherOverrides',
);

@Injectable()
export class ContractLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly requests: AccessRequestService,
    private readonly contracts: ContractQueryService,
    private readonly overrides: MatcherOverrideService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      ACCESS_REQUEST_ITEMS,
      () =>
        new DataLoader<string, DataAccessRequestItem[]>(async (ids) => {
          const items = await this.requests.itemsOf(ids);
          return ids.map((id) => items.filter((item) => item.requestId === id));
        }),
    );
    this.registry.register(
      CONTRACT_EARLIEST_UNMET_DUE,
      () =>
        new DataLoader<string, Date | null>(async (ids) => {
          const due = await this.contracts.earliestUnmetDue(ids);
          return ids.map((id) => due.get(id) ?? null);
        }),
    );
    this.registry.register(
      CONTRACT_SIGNATURES,
      () => new DataLoader<string, ContractSignature[]>((ids) => this.contracts.signaturesOf(ids)),
    );
    this.registry.register(
      CONTRACT_OBLIGATIONS,
      () => new DataLoader<string, ContractObligation[]>((ids) => this.contracts.obligationsOf(ids)),
    );
    this.registry.register(
      REQUEST_MATCHER_OVERRIDES,
      () => new DataLoader<string, MatcherOverride[]>((ids) => this.overrides.ofRequests(ids)),
    );
  }
}
