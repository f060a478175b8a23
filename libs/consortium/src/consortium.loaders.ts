import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, LoaderKey, LoaderRegistry } from '@tetrad/core';
import { Consortium } from './consortium.entity';

export const CONSORTIUM_NAME_BY_ID = new LoaderKey<string, string | null>('consortium.nameById');

@Injectable()
export class ConsortiumLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      CONSORTIUM_NAME_BY_ID,
      () =>
        new DataLoader<string, string | null>(async (ids) => {
          const rows = await this.dataSource
            .getRepository(Consortium)
            .find({ select: { id: true, name: true }, where: { id: In([...ids]) } });
          return byKeys(ids, rows, (row) => row.id).map((row) => row?.name ?? null);
        }),
    );
  }
}
