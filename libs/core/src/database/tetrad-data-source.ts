import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { SqlStatementCounter } from './sql-statement-counter';

/** A DataSource that also releases what it opened (the embedded database) when destroyed. */
export class TetradDataSource extends DataSource {
  private releaseResources: () => Promise<void> = async () => {};
  /** On a PostgreSQL server other instances may share the database; the embedded one is this process's. */
  private shared = false;

  shareable(): this {
    this.shared = true;
    return this;
  }

  /**
   * Boot work (migrations, seeding) that several instances starting together must not do at once:
   * on a PostgreSQL server it runs holding a session-level advisory lock named `key` on a connection
   * of its own (the work itself uses the pool, so the pool needs two connections); the others wait,
   * then find the work done. The embedded database belongs to one process, which runs it directly.
   */
  async underBootLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.shared) return work();
    const runner = this.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      await runner.release();
    }
  }

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
    const dataSource = new TetradDataSource(options).shareable();
    await dataSource.initialize();
    guardPoolClients(dataSource);
    // Several API instances may boot at once: one migrates, the others wait for it.
    await dataSource.underBootLock('tetrad.migrations', () =>
      dataSource.runMigrations({ transaction: 'each' }),
    );
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

interface PgPoolLike {
  on(event: 'connect', listener: (client: PgClientLike) => void): void;
  _clients?: PgClientLike[];
}

interface PgClientLike {
  on(event: 'error', listener: (error: Error) => void): void;
}

/**
 * A pooled connection that the server terminates can report its error twice: once to the query
 * or transaction using it (which fails cleanly), and again after TypeORM has handed it back, when
 * nobody listens, which would take the process down. Every pooled connection gets a listener of
 * its own; the pool replaces the broken connection.
 */
function guardPoolClients(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
  if (!pool) return;
  const ignore = (): void => undefined;
  for (const client of pool._clients ?? []) client.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}
