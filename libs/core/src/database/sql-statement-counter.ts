import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger as PinoLike } from 'pino';

/**
 * TypeORM logger that counts every SQL statement sent (tests and benchmarks read the
 * count to prove that a request runs a constant number of statements) and reports slow ones.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  private count = 0;

  constructor(private readonly output?: Pick<PinoLike, 'warn' | 'debug'>) {}

  get statements(): number {
    return this.count;
  }

  logQuery(query: string): void {
    this.count += 1;
    this.output?.debug({ sql: query }, 'sql');
  }

  logQueryError(): void {
    // Failures surface as exceptions and are classified by the GraphQL error formatter.
  }

  logQuerySlow(time: number, query: string): void {
    this.output?.warn({ durationMs: time, sql: query }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.output?.debug({ migration: message }, 'migration');
  }

  log(): void {}
}
