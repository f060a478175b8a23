import { Client } from 'pg';
import { redactUrl, type DatabaseConfig } from '../config/app-config';

/** Thrown when the database cannot be reached at boot; the message is one line. */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Before anything else boots: is PostgreSQL there? Retries with exponential backoff when
 * DATABASE_CONNECT_RETRIES is set, then gives up with one line naming the server.
 */
export async function waitForDatabase(
  database: DatabaseConfig,
  onRetry: (attempt: number, delayMs: number, reason: string) => void = () => {},
): Promise<void> {
  if (database.kind !== 'postgres') return;
  for (let attempt = 0; ; attempt += 1) {
    const failure = await probe(database.url);
    if (!failure) return;
    if (attempt >= database.connectRetries) {
      throw new DatabaseUnreachableError(
        `Cannot reach PostgreSQL at ${redactUrl(database.url)} (${failure}); check DATABASE_URL and that the server is running.`,
      );
    }
    const delayMs = Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
    onRetry(attempt + 1, delayMs, failure);
    await new Promise((done) => setTimeout(done, delayMs));
  }
}

async function probe(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return code ?? message ?? 'unknown error';
  } finally {
    await client.end().catch(() => undefined);
  }
}
