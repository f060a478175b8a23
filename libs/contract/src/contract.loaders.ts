import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, LoaderRegistry } from '@tetrad/core';
import { AccessRequestService } from './access-request.service';
import type { DataAccessRequestItem } from './data-access-request.entity';

/** The items of requests already authorised for reading, batched per GraphQL request. */
export const ACCESS_REQUEST_ITEMS = new LoaderKey<string, DataAccessRequestItem[]>('dataAccessRequest.items');

@Injectable()
export class ContractLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly requests: AccessRequestService,
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
  }
}
