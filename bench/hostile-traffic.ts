import 'reflect-metadata';
import autocannon from 'autocannon';
import { WORKLOADS } from './tetrad/workloads';
import { graphqlRequest, idsOf, PORTS, prepare, startApi, stopApi } from './tetrad-bench';

// `npm run bench:hostile`: a normal query's latency alone, then while four callers send hostile or
// expensive documents as fast as they can (issue 17: p99 under attack < 2× its baseline).

const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/tetrad_bench_hostile';
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const TICKETS = 10_000;

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
      name: 'the most expensive allowed: searches, counts and full pages',
      query: aliases(
        8,
        `tickets(first: 100, filter: { consortiumId: "${consortiumId}", search: "robot" }) { totalCount nodes { id title status } }`,
      ),
    },
  ];
}

async function measure(url: string, request: ReturnType<typeof graphqlRequest>): Promise<Figures> {
  const result = await autocannon({ url, ...request, connections: 10, duration: DURATION_S, workers: 1 });
  return {
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const principals = await prepare(DATABASE_URL, TICKETS);
  const api = await startApi(undefined, DATABASE_URL);
  const url = `http://127.0.0.1:${PORTS.tetrad}/graphql`;
  try {
    const q2 = WORKLOADS.find((workload) => workload.id === 'Q2')!;
    const normal = graphqlRequest(q2, idsOf(principals), principals.trivial.token);
    await autocannon({ url, ...normal, connections: 10, duration: 2, workers: 1 }); // warm-up
    const baseline = await measure(url, normal);
    const attackers = hostileDocuments(principals.largeConsortiumId).map((document) =>
      autocannon({
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${principals.manyRules.token}`,
        },
        body: JSON.stringify({ query: document.query }),
        connections: 1,
        duration: DURATION_S + 1,
        workers: 1,
      }).then((result) => ({
        name: document.name,
        reqPerSec: result.requests.mean,
        statuses: result.statusCodeStats,
      })),
    );
    const underAttack = await measure(url, normal);
    const hostile = await Promise.all(attackers);
    process.stdout.write(
      `Q2 at concurrency 10, ${TICKETS.toLocaleString('en')} tickets, ${DURATION_S} s each\n`,
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
