import 'reflect-metadata';
import autocannon, { type Request } from 'autocannon';
import { Pool } from 'pg';
import { WORKLOADS } from './tetrad/workloads';
import { graphqlRequest, idsOf, PORTS, prepare, startApi, stopApi } from './tetrad-bench';
import { issueBenchTokens } from './volume-seed';

// `npm run bench:hostile`: a normal query's latency alone, then while a hostile member sends hostile
// or expensive documents over four connections as fast as they can (issue 17: p99 under attack < 2×
// its baseline). The server runs with production's limits (BENCH_LIMITS=off for none): the normal
// traffic is many readers (READERS tokens of one ENGINEER, taken in turn), each well inside the
// per-caller limits, as people browsing are; the attacker is one caller.

/** Readers sharing the normal load: at ~130 requests a second each sends ~0.65, well inside the limits. */
const READERS = 200;

const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/tetrad_bench_hostile';
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const TICKETS = 10_000;
/** Seconds the attack runs before Q2 is measured under it. */
const WARM_ATTACK_S = 3;

interface Figures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** What an attacker sends: refused at each stage, or allowed but as expensive as the limits permit. */
function hostileDocuments(consortiumId: string): { name: string; query: string }[] {
  const aliases = (count: number, field: string) =>
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
  return [
    {
      name: '10,000 nested selections (refused before parsing)',
      query: `{ me ${'{ id '.repeat(10_000)}${'}'.repeat(10_000)} }`,
    },
    {
      name: '2,000 aliases of a count (refused after parsing)',
      query: aliases(2_000, 'organizations(first: 1) { totalCount }'),
    },
    {
      name: 'a 60 KiB comment and a query (a different text every time defeats no cache: refused by cost or run)',
      query: `# ${'x'.repeat(60_000)}\n{ me { id } }`,
    },
    {
      // 2 × (1 + 100 × 5 + a search 800 + its count 800) = 4,202 points, under GRAPHQL_MAX_COST (5,000).
      name: 'the most expensive allowed: searches, counts and full pages',
      query: aliases(
        2,
        `tickets(first: 100, filter: { consortiumId: "${consortiumId}", search: "robot" }) { totalCount nodes { id title status } }`,
      ),
    },
  ];
}

/** The same request from each reader in turn. */
function fromReaders(request: ReturnType<typeof graphqlRequest>, tokens: string[]) {
  let next = 0;
  return {
    method: request.method,
    headers: request.headers,
    body: request.body,
    requests: [
      {
        setupRequest: (outgoing: Request): Request => {
          next = (next + 1) % tokens.length;
          return { ...outgoing, headers: { ...outgoing.headers, authorization: `Bearer ${tokens[next]}` } };
        },
      },
    ],
  };
}

async function measure(
  url: string,
  request: ReturnType<typeof fromReaders>,
  duration = DURATION_S,
): Promise<Figures> {
  // In this thread: a worker cannot be handed the function that picks each request's reader.
  const result = await autocannon({ url, ...request, connections: 10, duration });
  return {
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const principals = await prepare(DATABASE_URL, TICKETS);
  const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
  // Fresh tokens every run: the request counts of an earlier run (kept a minute) must not carry over.
  const readers = await issueBenchTokens(pool, principals.trivial.userId, READERS);
  const [attacker] = await issueBenchTokens(pool, principals.manyRules.userId, 1).finally(() => pool.end());
  const limits = process.env['BENCH_LIMITS'] !== 'off';
  // Production's defaults when on (apiEnv turns the per-caller limits off for the throughput bench).
  const api = await startApi(undefined, DATABASE_URL, {
    RATE_LIMIT_PER_MINUTE: limits ? '600' : '0',
    RATE_LIMIT_COST_PER_MINUTE: limits ? '240000' : '0',
  });
  const url = `http://127.0.0.1:${PORTS.tetrad}/graphql`;
  try {
    const q2 = WORKLOADS.find((workload) => workload.id === 'Q2')!;
    const normal = fromReaders(graphqlRequest(q2, idsOf(principals), principals.trivial.token), readers);
    await measure(url, normal, 2); // warm-up
    const baseline = await measure(url, normal);
    // BENCH_ATTACKERS=0,3 sends only those documents (to see which one costs what).
    const chosen = process.env['BENCH_ATTACKERS']?.split(',').map(Number);
    const documents = hostileDocuments(principals.largeConsortiumId).filter(
      (_document, index) => !chosen || chosen.includes(index),
    );
    const attackers = documents.map((document) =>
      autocannon({
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${attacker!}`,
        },
        body: JSON.stringify({ query: document.query }),
        connections: 1,
        duration: WARM_ATTACK_S + DURATION_S + 1,
        workers: 1,
      }).then((result) => ({
        name: document.name,
        reqPerSec: result.requests.mean,
        statuses: result.statusCodeStats,
      })),
    );
    // The attack is under way (and any burst it was allowed is spent) before Q2 is measured again.
    await new Promise((resolve) => setTimeout(resolve, WARM_ATTACK_S * 1000));
    const underAttack = await measure(url, normal);
    const hostile = await Promise.all(attackers);
    process.stdout.write(
      `Q2 at concurrency 10, ${TICKETS.toLocaleString('en')} tickets, ${DURATION_S} s each, ${READERS} readers; ` +
        `per-caller limits ${limits ? 'on (600 requests, 240,000 cost points a minute)' : 'off'}\n`,
    );
    process.stdout.write(
      `alone:        ${baseline.reqPerSec.toFixed(0)} req/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, non-2xx ${baseline.non2xx}\n`,
    );
    process.stdout.write(
      `under attack: ${underAttack.reqPerSec.toFixed(0)} req/s, p50 ${underAttack.p50Ms} ms, p99 ${underAttack.p99Ms} ms, non-2xx ${underAttack.non2xx}\n`,
    );
    process.stdout.write(
      `p99 ratio: ${(underAttack.p99Ms / Math.max(baseline.p99Ms, 1)).toFixed(2)}× (target < 2×)\n`,
    );
    for (const attacker of hostile) {
      process.stdout.write(
        `  attacker: ${attacker.name}: ${attacker.reqPerSec.toFixed(0)} req/s, statuses ${JSON.stringify(
          Object.fromEntries(
            Object.entries(attacker.statuses ?? {}).map(([code, stat]) => [code, stat.count]),
          ),
        )}\n`,
      );
    }
  } finally {
    await stopApi(api);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
