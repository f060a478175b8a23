import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, LoaderKey, LoaderRegistry } from '@tetrad/core';
import type { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';

export const ORGANIZATION_BY_ID = new LoaderKey<string, Organization | null>('organization.byId');

@Injectable()
export class OrganizationLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly organizations: OrganizationService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      ORGANIZATION_BY_ID,
      () =>
        new DataLoader<string, Organization | null>(async (ids) =>
          byKeys(ids, await this.organizations.findByIds(ids), (organization) => organization.id),
        ),
    );
  }
}
