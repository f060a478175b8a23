import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig, type TetradDataSource, type AppConfig } from '@tetrad/core';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, unknown>;
  data: T | null | undefined;
  errors:
    | { message: string; path?: string[]; extensions: { code: string } & Record<string, unknown> }[]
    | undefined;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: TetradDataSource;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements sent so far; compare before and after a request. */
  sqlStatements(): number;
  close(): Promise<void>;
}

/**
 * The real application (same module graph, same Fastify adapter) on a fresh database with
 * migrations applied; requests go through Fastify's HTTP pipeline without opening a port.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { viaPort?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const databaseEnv = { ...database.env };
  if (options.viaPort !== undefined && databaseEnv.DATABASE_URL) {
    const url = new URL(databaseEnv.DATABASE_URL);
    url.port = String(options.viaPort);
    databaseEnv.DATABASE_URL = url.toString();
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...databaseEnv, ...env });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get<DataSource, TetradDataSource>(DataSource);
  return {
    app,
    config,
    database,
    dataSource,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query, variables }),
      });
      const body = response.json<{ data?: T | null; errors?: GraphQLResponse['errors'] }>();
      return { status: response.statusCode, headers: response.headers, data: body.data, errors: body.errors };
    },
    sqlStatements: () => dataSource.sqlStatements,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
