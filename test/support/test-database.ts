import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** Environment that points Tetrad at this database. */
  env: Record<string, string>;
  /** The database's URL when it is a PostgreSQL server, undefined for the embedded one. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh database per test file: created on the PostgreSQL server named by TEST_DATABASE_URL
 * and dropped afterwards, or an in-memory embedded PostgreSQL (PGlite) when it is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) return embeddedTestDatabase();
  const name = `tetrad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    drop: () =>
      withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

/** An in-memory embedded PostgreSQL (PGlite), whatever TEST_DATABASE_URL says. */
export function embeddedTestDatabase(): TestDatabase {
  return { env: { DATA_DIR: 'memory://' }, url: undefined, drop: async () => {} };
}

export const usesPostgresServer = Boolean(process.env['TEST_DATABASE_URL']);

async function withAdmin(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
