import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions, MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DatabaseHealth } from './database-health';
import { dataSourceOptions, openDataSource } from './tetrad-data-source';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
type MigrationList = MixedList<Function | string>;

/** PostgreSQL through `pg` when DATABASE_URL is set, the embedded PGlite otherwise. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, migrations: MigrationList): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config, migrations),
            autoLoadEntities: true,
            retryAttempts: 0,
          }),
          dataSourceFactory: (options?: DataSourceOptions) => {
            if (!options) throw new Error('TypeORM options are missing');
            return openDataSource(config, options);
          },
        }),
      ],
      providers: [DatabaseHealth],
      exports: [DatabaseHealth],
    };
  }
}
