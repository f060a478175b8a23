import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { SqlStatementCounter } from './sql-statement-counter';

/** A DataSource that also releases what it opened (the embedded database) when destroyed. */
export class TetradDataSource extends DataSource {
  private releaseResources: () => Promise<void> = async () => {};

  releaseOnDestroy(release: () => Promise<void>): void {
    this.releaseResources = release;
  }

  override async destroy(): Promise<void> {
    try {
      if (this.isInitialized) await super.destroy();
    } finally {
      await this.releaseResources();
    }
  }

  get sqlStatements(): number {
    return this.logger instanceof SqlStatementCounter ? this.logger.statements : 0;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
type MigrationList = MixedList<Function | string>;

export function dataSourceOptions(config: AppConfig, migrations: MigrationList): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each' as const,
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    applicationName: 'tetrad',
    maxQueryExecutionTime: 500,
    logger: new SqlStatementCounter(),
  };
  if (config.database.kind === 'postgres') {
    return {
      ...common,
      url: config.database.url,
      extra: {
        max: config.database.poolMax,
        connectionTimeoutMillis: 5_000,
        idleTimeoutMillis: 30_000,
        statement_timeout: 30_000,
      },
    };
  }
  return { ...common, host: 'localhost', database: 'postgres', username: 'postgres' };
}

/** Opens the data source (embedded or server) and brings its schema up to date. */
export async function openDataSource(
  config: AppConfig,
  options: DataSourceOptions,
): Promise<TetradDataSource> {
  if (config.database.kind === 'postgres') {
    const dataSource = new TetradDataSource(options);
    await dataSource.initialize();
    await migrateWithLock(dataSource);
    return dataSource;
  }
  const embedded = await EmbeddedPostgres.open(config.database.dataDir);
  const dataSource = new TetradDataSource({ ...options, extra: embedded.pgOptions() });
  dataSource.releaseOnDestroy(() => embedded.close());
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Several API instances may boot at once: one migrates, the others wait for it. */
async function migrateWithLock(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('tetrad.migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('tetrad.migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
