import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { readCookie, SESSION_COOKIE } from '../auth/cookies';
import { DomainError, RateLimitedError } from '../errors/domain-error';
import { CostBudget } from './cost-budget';

const WINDOW_MS = 60_000;

/**
 * A refused request is held a moment before it is answered (at most a second, and never past the
 * time the caller may retry), so that a client retrying in a loop sends about one request a second
 * per connection instead of hundreds: answering refusals as fast as they come costs the server the
 * very time the limits protect. At most `TARPIT_MAX_HELD` are held at once; beyond that, refusals
 * are answered at once.
 */
const TARPIT_MS = 1_000;
const TARPIT_MAX_HELD = 1_000;
let held = 0;

export async function holdRefusal(waitMs: number): Promise<void> {
  if (held >= TARPIT_MAX_HELD) return;
  held += 1;
  try {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(waitMs, TARPIT_MS))));
  } finally {
    held -= 1;
  }
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A fixed-window counter per key in PostgreSQL, so that every instance on one database counts the
 * same requests. One statement per request on a small pool of its own (not the application's, and
 * not counted as its SQL); the table is UNLOGGED: counters need no crash safety. A caller found over
 * the limit is remembered here until their window ends, so that a flood of refused requests costs
 * no statement at all.
 */
function postgresStore(pool: Pool) {
  const refusedUntil = new Map<string, { until: number; hits: number }>();
  return class PostgresRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const refused = refusedUntil.get(key);
      const now = Date.now();
      if (refused && refused.until > now) {
        refused.hits += 1;
        const ttl = refused.until - now;
        void holdRefusal(ttl).then(() => callback(null, { current: refused.hits, ttl }));
        return;
      }
      if (refused) refusedUntil.delete(key);
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
        .then((result) => {
          const { hits, ttl } = result.rows[0]!;
          if (hits > max) {
            if (refusedUntil.size > 10_000) refusedUntil.clear();
            refusedUntil.set(key, { until: Date.now() + ttl, hits });
          }
          callback(null, { current: hits, ttl });
        })
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
  registerCostBudget(fastify, config);
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

/** Over the caller's budget of query cost: retry after `retryAfterSeconds` (HTTP 429). */
export class QueryBudgetExceededError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly statusCode = 429;

  constructor(costPerMinute: number, retryAfterSeconds: number) {
    super(
      `You have used your query budget (${costPerMinute.toLocaleString('en')} cost points a minute). ` +
        `Try again in ${retryAfterSeconds} s; smaller pages, fewer counts and fewer searches cost less.`,
      { retryable: true, retryAfterSeconds, costPerMinute },
    );
  }
}

const CHARGE = Symbol('tetrad.chargeQueryCost');
type Charging = FastifyRequest & { [CHARGE]?: (cost: number) => void };

/**
 * The per-caller budget of query cost (see CostBudget): checked when a request arrives, before its
 * body is read, and charged with the request's cost once the cost is known (chargeQueryCost, from
 * the GraphQL pipeline), before it runs.
 */
function registerCostBudget(fastify: FastifyInstance, config: AppConfig): void {
  if (config.rateLimitCostPerMinute <= 0) return;
  const budget = new CostBudget(
    config.rateLimitCostPerMinute,
    Math.max(2 * config.graphql.maxCost, config.rateLimitCostPerMinute / 6),
  );
  fastify.addHook('onRequest', async (request: Charging, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const key = callerKey(request);
    if (budget.waitMs(key) > 0) {
      // Held first: a caller short of points for less than the hold is slowed down, not refused.
      await holdRefusal(budget.waitMs(key));
      const waitMs = budget.waitMs(key);
      if (waitMs > 0) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        void reply.header('retry-after', String(seconds));
        throw new QueryBudgetExceededError(budget.perMinute, seconds);
      }
    }
    request[CHARGE] = (cost) => budget.charge(key, cost);
  });
}

/** Charges a request's cost to its caller's budget (nothing when the budget is off). */
export function chargeQueryCost(request: FastifyRequest, cost: number): void {
  (request as Charging)[CHARGE]?.(cost);
}
