import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { readCookie, SESSION_COOKIE } from '../auth/cookies';
import { RateLimitedError } from '../errors/domain-error';

const WINDOW_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A fixed-window counter per key in PostgreSQL, so that every instance on one database counts the
 * same requests. One statement per request on a small pool of its own (not the application's, and
 * not counted as its SQL); the table is UNLOGGED: counters need no crash safety.
 */
function postgresStore(pool: Pool) {
  return class PostgresRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      pool
        .query<{ hits: number; ttl: number }>(
          `INSERT INTO rate_limit_window AS w (key, window_start, hits) VALUES ($1, now(), 1)
           ON CONFLICT (key) DO UPDATE SET
             window_start = CASE WHEN w.window_start + make_interval(secs => $2::double precision / 1000) <= now()
                                 THEN now() ELSE w.window_start END,
             hits = CASE WHEN w.window_start + make_interval(secs => $2::double precision / 1000) <= now()
                         THEN 1 ELSE w.hits + 1 END
           RETURNING hits,
             greatest(0, extract(epoch FROM w.window_start + make_interval(secs => $2::double precision / 1000) - now()) * 1000)::int AS ttl`,
          [key, timeWindow],
        )
        .then((result) => callback(null, { current: result.rows[0]!.hits, ttl: result.rows[0]!.ttl }))
        .catch((error: Error) => callback(error));
    }

    child(): PostgresRateLimitStore {
      return this;
    }
  };
}

/** Who is asking, without a database read: the credential they present, or else their address. */
function callerKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  const session = readCookie(request, SESSION_COOKIE);
  const credential = authorization ?? (session ? `session:${session}` : undefined);
  if (!credential) return `ip:${request.ip}`;
  return `credential:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`;
}

/**
 * Per-caller rate limit on `/graphql` (Fastify's rate-limit plugin): over the limit, `429` with a
 * GraphQL-shaped body, code `RATE_LIMITED`, `retryable: true` and when to retry (also in
 * `Retry-After`). On a PostgreSQL server the count is shared by every instance; the embedded
 * database serves one process, which counts in memory. If the store fails, requests go through.
 */
export async function registerRateLimit(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  if (config.rateLimitPerMinute <= 0) return;
  const pool =
    config.database.kind === 'postgres'
      ? new Pool({ connectionString: config.database.url, max: 4, application_name: 'tetrad-rate-limit' })
      : undefined;
  pool?.on('error', () => undefined);
  if (pool) fastify.addHook('onClose', async () => pool.end());
  await fastify.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: WINDOW_MS,
    skipOnError: true,
    ...(pool ? { store: postgresStore(pool) } : {}),
    keyGenerator: callerKey,
    allowList: (request) => !request.url.startsWith('/graphql'),
    // Thrown into Mercurius' error path, so the answer is GraphQL-shaped, like every other refusal.
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(Number(context.max), Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
