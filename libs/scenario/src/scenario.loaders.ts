import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, LoaderKey, LoaderRegistry } from '@tetrad/core';
import { Scenario } from './scenario.entity';

export const SCENARIO_BY_ID = new LoaderKey<string, Scenario | null>('scenario.byId');

@Injectable()
export class ScenarioLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SCENARIO_BY_ID,
      () =>
        new DataLoader<string, Scenario | null>(async (ids) =>
          byKeys(
            ids,
            await this.dataSource.getRepository(Scenario).findBy({ id: In([...ids]) }),
            (s) => s.id,
          ),
        ),
    );
  }
}
