import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, ID, Int, ObjectType, Parent, Query } from '@nestjs/graphql';
import { registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';

// Compares the two NestJS code-first GraphQL stacks on one nested query: same resolvers, same data.

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = 2;
const CONNECTIONS = 10;
const ROUNDS = 2; // A, B, A, B: alternating spreads drift (thermal, GC, neighbours) over both drivers
const ROOT = join(__dirname, '..', '..'); // this file runs from dist/bench/
const QUERY = '{ consortia(first: 20) { id name members { id role organization { id name kind } } } }';
const REQUEST = {
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: QUERY }),
};
// Recorded with the results: a figure is only meaningful next to the versions that produced it.
const PACKAGES = `@nestjs/core @nestjs/graphql @nestjs/platform-express @nestjs/apollo @apollo/server
  @as-integrations/express5 express @nestjs/platform-fastify @nestjs/mercurius mercurius fastify
  graphql autocannon`.split(/\s+/);

// Keys equal values: GraphQL serialises an enum by its key, so the expected JSON can use the value.
enum OrganizationKind {
  COMPANY = 'COMPANY',
  UNIVERSITY = 'UNIVERSITY',
  LAB = 'LAB',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType()
export class Organization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
}

@ObjectType()
export class Member {
  @Field(() => ID) id!: string;
  @Field() role!: string;
  organizationId!: string; // not exposed: the field resolver turns it into `organization`
}

@ObjectType()
export class Consortium {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [Member]) members!: Member[];
}

const KINDS = Object.values(OrganizationKind);
const ORGANIZATIONS = new Map<string, Organization>();
for (let i = 0; i < 8; i++) {
  ORGANIZATIONS.set(`org-${i}`, { id: `org-${i}`, name: `Org ${i}`, kind: KINDS[i % 3]! });
}
const CONSORTIA: Consortium[] = Array.from({ length: 20 }, (_, c) => ({
  id: `c-${c}`,
  name: `Consortium ${c}`,
  members: Array.from({ length: 5 }, (_, m) => ({
    id: `c-${c}-m-${m}`,
    role: m === 0 ? 'LEAD' : 'PARTNER',
    organizationId: `org-${(c * 5 + m) % 8}`,
  })),
}));
// What both drivers must answer: the same data with each member's organization resolved.
const EXPECTED_CONSORTIA = CONSORTIA.map((c) => ({
  ...c,
  members: c.members.map(({ organizationId: id, ...m }) => ({ ...m, organization: ORGANIZATIONS.get(id) })),
}));

@Resolver(() => Consortium)
export class ConsortiumResolver {
  @Query(() => [Consortium])
  consortia(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): Consortium[] {
    return CONSORTIA.slice(0, first);
  }
}

@Resolver(() => Member)
export class MemberResolver {
  @ResolveField(() => Organization)
  organization(@Parent() member: Member): Organization {
    return ORGANIZATIONS.get(member.organizationId)!;
  }
}

@Module({})
export class BenchModule {
  static with(graphql: DynamicModule): DynamicModule {
    return { module: BenchModule, imports: [graphql], providers: [ConsortiumResolver, MemberResolver] };
  }
}

// Landing pages off on both sides; everything else is each driver's default, as we would ship it.
const GRAPHQL = { autoSchemaFile: true, graphiql: false } as const;
const DRIVERS = [
  {
    id: 'A',
    name: 'express + apollo',
    adapter: () => new ExpressAdapter(),
    graphql: () => GraphQLModule.forRoot<ApolloDriverConfig>({ ...GRAPHQL, driver: ApolloDriver }),
  },
  {
    id: 'B',
    name: 'fastify + mercurius',
    adapter: () => new FastifyAdapter(),
    graphql: () => GraphQLModule.forRoot<MercuriusDriverConfig>({ ...GRAPHQL, driver: MercuriusDriver }),
  },
];

/** Fails loudly unless the app answers 200 with the expected data; returns its exact body for autocannon. */
async function verify(name: string, url: string): Promise<string> {
  const response = await fetch(url, REQUEST);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  if (!isDeepStrictEqual(JSON.parse(text), { data: { consortia: EXPECTED_CONSORTIA } })) {
    throw new Error(`${name} returned unexpected JSON: ${text.slice(0, 500)}`);
  }
  return text;
}

async function load(url: string, expectBody: string, durationS: number) {
  const result = await autocannon({
    url,
    ...REQUEST,
    connections: CONNECTIONS,
    duration: durationS,
    workers: 1, // the client gets its own thread so it does not compete for the servers' event loop
    expectBody, // every response is checked, not only the one verified up front
  });
  const { requests, latency, errors, non2xx, mismatches } = result;
  return { reqPerSec: requests.mean, p50Ms: latency.p50, p99Ms: latency.p99, errors, non2xx, mismatches };
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
function version(name: string): string {
  const path = join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export async function main(): Promise<void> {
  const loadBefore = loadavg()[0]; // the box may be shared: record how busy it was
  const apps = await Promise.all(
    DRIVERS.map((d) => NestFactory.create(BenchModule.with(d.graphql()), d.adapter(), { logger: false })),
  );
  try {
    const urls: string[] = [];
    const bodies: string[] = [];
    for (const [i, app] of apps.entries()) {
      await app.listen(0, '127.0.0.1');
      urls.push(`${await app.getUrl()}/graphql`);
      bodies.push(await verify(DRIVERS[i]!.name, urls[i]!));
    }
    const runs = DRIVERS.map((): Awaited<ReturnType<typeof load>>[] => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, d] of DRIVERS.entries()) {
        process.stderr.write(`round ${round}/${ROUNDS}: ${d.id} ${d.name}\n`);
        await load(urls[i]!, bodies[i]!, WARMUP_S);
        runs[i]!.push(await load(urls[i]!, bodies[i]!, DURATION_S));
      }
    }
    // Rounds are averaged, percentiles too: fine for runs that agree; each run is kept in the JSON to check that.
    const summary = DRIVERS.map((d, i) => ({
      driver: `${d.id} ${d.name}`,
      reqPerSec: mean(runs[i]!.map((r) => r.reqPerSec)),
      p50Ms: mean(runs[i]!.map((r) => r.p50Ms)),
      p99Ms: mean(runs[i]!.map((r) => r.p99Ms)),
      failures: runs[i]!.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches, 0),
      runs: runs[i]!,
    }));
    const ratio = summary[1]!.reqPerSec / summary[0]!.reqPerSec;

    const rows = [
      ['driver', 'req/s (mean)', 'p50 ms', 'p99 ms', 'errors/non-2xx/bad body', 'req/s per run'],
      ...summary.map((s) => [
        s.driver,
        s.reqPerSec.toFixed(0),
        s.p50Ms.toFixed(1),
        s.p99Ms.toFixed(1),
        s.runs.map((r) => `${r.errors}/${r.non2xx}/${r.mismatches}`).join(', '),
        s.runs.map((r) => r.reqPerSec.toFixed(0)).join(', '),
      ]),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
    const lines = rows.map((row) =>
      row.map((cell, c) => (c < row.length - 1 ? cell.padEnd(widths[c]!) : cell)).join('  '),
    );
    process.stdout.write(`${lines.join('\n')}\nratio B/A (req/s): ${ratio.toFixed(2)}x\n`);

    const date = new Date();
    const file = join(ROOT, 'bench', 'results', `graphql-drivers-${date.toISOString().slice(0, 10)}.json`);
    const report = {
      date: date.toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cpuCount: cpus().length,
      loadAvg1m: { before: loadBefore, after: loadavg()[0] },
      packages: Object.fromEntries(PACKAGES.map((name) => [name, version(name)])),
      settings: { durationS: DURATION_S, warmupS: WARMUP_S, connections: CONNECTIONS, rounds: ROUNDS },
      query: QUERY,
      results: summary,
      ratioBtoA: ratio,
    };
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
    if (summary.some((s) => s.failures > 0)) process.exitCode = 1; // figures with failed requests do not compare
  } finally {
    await Promise.all(apps.map((app) => app.close()));
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
