import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, LoaderKey, LoaderRegistry } from '@tetrad/core';
import { User, UserStatus } from './user.entity';

export const USER_BY_ID = new LoaderKey<string, User | null>('user.byId');
/** The active people of each organisation, by name; for fields already authorised for the caller. */
export const ACTIVE_PEOPLE_BY_ORGANIZATION = new LoaderKey<string, User[]>('user.activeByOrganization');

@Injectable()
export class UserLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      USER_BY_ID,
      () =>
        new DataLoader<string, User | null>(async (ids) =>
          byKeys(
            ids,
            await this.dataSource.getRepository(User).findBy({ id: In([...ids]) }),
            (user) => user.id,
          ),
        ),
    );
    this.registry.register(
      ACTIVE_PEOPLE_BY_ORGANIZATION,
      () =>
        new DataLoader<string, User[]>(async (organizationIds) => {
          const people = await this.dataSource.getRepository(User).find({
            where: { organizationId: In([...organizationIds]), status: UserStatus.ACTIVE },
            order: { name: 'ASC', id: 'ASC' },
          });
          return organizationIds.map((id) => people.filter((person) => person.organizationId === id));
        }),
    );
  }
}
