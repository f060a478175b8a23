import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, LoaderKey, LoaderRegistry } from '@tetrad/core';
import { User } from './user.entity';

export const USER_BY_ID = new LoaderKey<string, User | null>('user.byId');

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
  }
}
