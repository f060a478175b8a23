import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig, type TetradDataSource, type AppConfig } from '@tetrad/core';
import { createApp } from '../../apps/api/src/create-app';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { accessTokenFor, testIssuer } from './sign-in';
import { createTestDatabase, embeddedTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, unknown>;
  data: T | null | undefined;
  errors:
    | { message: string; path?: string[]; extensions: { code: string } & Record<string, unknown> }[]
    | undefined;
}

export interface Credentials {
  bearer?: string;
  /** A session cookie ("tetrad_session=..."); the CSRF header is sent unless csrf is false. */
  cookie?: string;
  csrf?: boolean;
  headers?: Record<string, string>;
}

export type GraphQLClient = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<T>>;

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: TetradDataSource;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    credentials?: Credentials,
  ): Promise<GraphQLResponse<T>>;
  /** GraphQL as a demo person, with a real access token from the bundled identity provider. */
  as(email: string): GraphQLClient;
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
  options: { viaPort?: number; embedded?: boolean; database?: TestDatabase } = {},
): Promise<TestApp> {
  // A given database is shared (several instances on one database): its owner drops it, not close().
  const shared = options.database;
  const database = shared ?? (options.embedded ? embeddedTestDatabase() : await createTestDatabase());
  const databaseEnv = { ...database.env };
  if (options.viaPort !== undefined && databaseEnv.DATABASE_URL) {
    const url = new URL(databaseEnv.DATABASE_URL);
    url.port = String(options.viaPort);
    databaseEnv.DATABASE_URL = url.toString();
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OIDC_ISSUER: testIssuer(),
    OIDC_CLIENT_SECRET: 'tetrad-dev-client-secret',
    PUBLIC_URL: process.env['TEST_PUBLIC_URL'] ?? 'http://localhost:3000',
    PLATFORM_ADMIN_EMAILS: DEMO_PLATFORM_ADMIN_EMAIL,
    SEED_DEMO_DATA: 'true',
    ...databaseEnv,
    ...env,
  });
  const app = await createApp(config);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // A boot that fails (a resolver without a policy, say) fails its file rather than hang it open.
    await app.close().catch(() => undefined);
    if (!shared) await database.drop();
    throw error;
  }
  const dataSource = app.get<DataSource, TetradDataSource>(DataSource);
  async function graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    credentials: Credentials = {},
  ) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...credentials.headers };
    if (credentials.bearer) headers['authorization'] = `Bearer ${credentials.bearer}`;
    if (credentials.cookie) {
      headers['cookie'] = credentials.cookie;
      if (credentials.csrf !== false) headers['x-tetrad-csrf'] = '1';
    }
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers,
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json<{ data?: T | null; errors?: GraphQLResponse['errors'] }>();
    return { status: response.statusCode, headers: response.headers, data: body.data, errors: body.errors };
  }
  return {
    app,
    config,
    database,
    dataSource,
    graphql,
    as(email: string): GraphQLClient {
      return async <T>(query: string, variables?: Record<string, unknown>) =>
        graphql<T>(query, variables, { bearer: await accessTokenFor(email) });
    },
    sqlStatements: () => dataSource.sqlStatements,
    async close() {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
