import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, type TetradDataSource } from '@tetrad/core';
import { createApp } from '../apps/api/src/create-app';
import { summarizeProfile, type ProfileSummary } from './tetrad/cpu-profile';
import { checkTetrad, WORKLOADS, type BenchIds, type Workload, type WorkloadId } from './tetrad/workloads';
import { startFloor } from './peers/floor';
import { startPostGraphile } from './peers/postgraphile';
import { FULL_VOLUME, seedVolume, type BenchPrincipals } from './volume-seed';
import { compareWithTetrad, usePostGraphileQueries, type PeerName } from './tetrad/peer-requests';

// `npm run bench`: Tetrad against PostGraphile 5 and a hand-written SQL floor, on one seeded database.

const ROOT = join(__dirname, '..', '..'); // this file runs from dist/bench/
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/tetrad_bench';
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const CONCURRENCY = (process.env['BENCH_CONCURRENCY'] ?? '1,10,50').split(',').map(Number);
export const PORTS = { tetrad: 3401, postgraphile: 3402, floor: 3403 } as const;
const SMALL_TICKETS = 10_000;
const ONLY = process.env['BENCH_WORKLOADS']?.split(',');

interface Figures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

interface Row {
  workload: WorkloadId;
  server: 'tetrad' | PeerName;
  concurrency: number;
  tickets: number;
  figures: Figures;
}

/** Creates the database if it does not exist (a fresh machine has only `postgres`). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A key of this run only: production refuses to start without one that signs the audit checkpoints. */
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/** Production configuration; only API tokens are used, so the issuer is configured but never contacted. */
function apiEnv(databaseUrl = DATABASE_URL): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(PORTS.tetrad),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    // The benchmark is one caller sending as fast as it can: the per-caller limits would be the figure.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_COST_PER_MINUTE: '0',
    AUDIT_SIGNING_KEY,
    OIDC_ISSUER: 'http://127.0.0.1:9/never-contacted',
    OIDC_CLIENT_SECRET: 'unused-by-api-tokens',
  };
}

export function graphqlRequest(workload: Workload, ids: BenchIds, token: string, pageSize?: number) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: workload.query(pageSize), variables: workload.variables(ids) }),
  };
}

/** Statements the API sends per request, read from the driver of an in-process instance of the same build. */
async function statementsPerRequest(
  principals: BenchPrincipals,
): Promise<Record<string, Record<string, number>>> {
  const app = await createApp(loadConfig(apiEnv()));
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  const dataSource = app.get<DataSource, TetradDataSource>(DataSource);
  const ids = idsOf(principals);
  const result: Record<string, Record<string, number>> = {};
  try {
    for (const workload of WORKLOADS) {
      result[workload.id] = {};
      for (const size of workload.pageSizes ?? [undefined]) {
        const request = graphqlRequest(workload, ids, principals[workload.as].token, size);
        const send = () =>
          fastify.inject({
            method: 'POST',
            url: '/graphql',
            headers: request.headers,
            payload: request.body,
          });
        await send(); // warm: the first request of a caller builds its ability
        const before = dataSource.sqlStatements;
        const response = await send();
        if (response.statusCode !== 200) throw new Error(`${workload.id}: HTTP ${response.statusCode}`);
        result[workload.id]![size === undefined ? 'default' : `first=${size}`] =
          dataSource.sqlStatements - before;
      }
    }
  } finally {
    await app.close();
  }
  return result;
}

export function idsOf(principals: BenchPrincipals): BenchIds {
  return { largeConsortiumId: principals.largeConsortiumId, sampleTicketId: principals.sampleTicketId };
}

export async function startApi(
  profileDir?: string,
  databaseUrl = DATABASE_URL,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const args = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const api = spawn(process.execPath, [...args, join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...apiEnv(databaseUrl), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORTS.tetrad}/health/ready`);
      if (response.status === 200) return api;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  api.kill('SIGTERM');
  throw new Error('The API did not become ready in 60 s');
}

export async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    api.once('exit', () => resolve());
    api.kill('SIGTERM');
  });
}

async function load(
  url: string,
  request: { method: 'POST' | 'GET'; headers?: Record<string, string>; body?: string },
  connections: number,
): Promise<Figures> {
  await autocannon({ url, ...request, connections, duration: 2, workers: 1 }); // warm-up, discarded
  const result = await autocannon({ url, ...request, connections, duration: DURATION_S, workers: 1 });
  return {
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One Tetrad request, checked: a wrong or empty answer stops the benchmark before any timing. */
async function verifyTetrad(workload: Workload, ids: BenchIds, token: string): Promise<unknown> {
  const request = graphqlRequest(workload, ids, token);
  const response = await fetch(`http://127.0.0.1:${PORTS.tetrad}/graphql`, request);
  const body: unknown = await response.json();
  const problems = checkTetrad(workload.id, body);
  if (response.status !== 200 || problems.length > 0) {
    throw new Error(`${workload.id} answered wrongly (HTTP ${response.status}): ${problems.join('; ')}`);
  }
  return body;
}

async function runWorkload(
  workload: Workload,
  principals: BenchPrincipals,
  tickets: number,
  concurrency: number[],
  withPeers = true,
): Promise<Row[]> {
  const ids = idsOf(principals);
  const token = principals[workload.as].token;
  const tetradBody = await verifyTetrad(workload, ids, token);
  const peers =
    workload.peers && withPeers ? await compareWithTetrad(workload.id, ids, tetradBody, PORTS) : [];
  const rows: Row[] = [];
  for (const connections of concurrency) {
    const figures = await load(
      `http://127.0.0.1:${PORTS.tetrad}/graphql`,
      graphqlRequest(workload, ids, token),
      connections,
    );
    rows.push({ workload: workload.id, server: 'tetrad', concurrency: connections, tickets, figures });
    for (const peer of peers) {
      rows.push({
        workload: workload.id,
        server: peer.name,
        concurrency: connections,
        tickets,
        figures: await load(peer.url, peer.request, connections),
      });
    }
    process.stderr.write(
      `${workload.id} c=${connections}: ${rows
        .filter((r) => r.concurrency === connections && r.workload === workload.id)
        .map((r) => `${r.server} ${r.figures.reqPerSec.toFixed(0)} req/s p99 ${r.figures.p99Ms} ms`)
        .join(' | ')}\n`,
    );
  }
  return rows;
}

async function profileQ2(principals: BenchPrincipals): Promise<ProfileSummary> {
  const dir = join(ROOT, 'bench', 'results', 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const api = await startApi(dir);
  const workload = WORKLOADS.find((w) => w.id === 'Q2')!;
  await load(
    `http://127.0.0.1:${PORTS.tetrad}/graphql`,
    graphqlRequest(workload, idsOf(principals), principals.trivial.token),
    10,
  );
  await stopApi(api);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('No CPU profile was written');
  const summary = summarizeProfile(join(dir, file));
  rmSync(dir, { recursive: true, force: true });
  return summary;
}

function ratio(rows: Row[], workload: WorkloadId, peer: PeerName, concurrency: number): number | null {
  const tetrad = rows.find(
    (r) =>
      r.workload === workload &&
      r.server === 'tetrad' &&
      r.concurrency === concurrency &&
      r.tickets === FULL_VOLUME.tickets,
  );
  const other = rows.find(
    (r) =>
      r.workload === workload &&
      r.server === peer &&
      r.concurrency === concurrency &&
      r.tickets === FULL_VOLUME.tickets,
  );
  return tetrad && other ? tetrad.figures.reqPerSec / other.figures.reqPerSec : null;
}

function printTable(rows: Row[]): void {
  const lines = [
    'workload  server        c   tickets    req/s   p50 ms  p99 ms  errors  ×PostGraphile  ×floor',
  ];
  for (const row of rows) {
    const vsPg = row.server === 'tetrad' ? ratio(rows, row.workload, 'postgraphile', row.concurrency) : null;
    const vsFloor = row.server === 'tetrad' ? ratio(rows, row.workload, 'floor', row.concurrency) : null;
    lines.push(
      [
        row.workload.padEnd(9),
        row.server.padEnd(13),
        String(row.concurrency).padStart(2),
        String(row.tickets).padStart(9),
        row.figures.reqPerSec.toFixed(0).padStart(8),
        String(row.figures.p50Ms).padStart(8),
        String(row.figures.p99Ms).padStart(7),
        String(row.figures.errors + row.figures.non2xx).padStart(7),
        (row.tickets === FULL_VOLUME.tickets && vsPg !== null ? vsPg.toFixed(2) : '').padStart(14),
        (row.tickets === FULL_VOLUME.tickets && vsFloor !== null ? vsFloor.toFixed(2) : '').padStart(7),
      ].join(' '),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Migrates (by booting the app once) and seeds a database; returns who the workloads run as. */
export async function prepare(databaseUrl: string, tickets: number): Promise<BenchPrincipals> {
  await ensureDatabase(databaseUrl);
  const app = await createApp(loadConfig(apiEnv(databaseUrl)));
  await app.init(); // runs the migrations under their advisory lock
  await app.close();
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    return await seedVolume(pool, { ...FULL_VOLUME, tickets });
  } finally {
    await pool.end();
  }
}

/** A short, discarded run, so that measured runs start with the server's hot paths compiled. */
async function warmJit(workload: Workload, principals: BenchPrincipals): Promise<void> {
  await load(
    `http://127.0.0.1:${PORTS.tetrad}/graphql`,
    graphqlRequest(workload, idsOf(principals), principals.trivial.token),
    10,
  );
}

/** Q2 on a database holding 10,000 tickets, to set beside the same query on 1,000,000. */
async function smallVolumeQ2(): Promise<Row[]> {
  const url = new URL(DATABASE_URL);
  url.pathname = `${url.pathname}_10k`;
  const principals = await prepare(url.toString(), SMALL_TICKETS);
  const api = await startApi(undefined, url.toString());
  try {
    const q2 = WORKLOADS.find((w) => w.id === 'Q2')!;
    await warmJit(q2, principals);
    return await runWorkload(q2, principals, SMALL_TICKETS, [10], false);
  } finally {
    await stopApi(api);
  }
}

export async function main(): Promise<void> {
  const rows: Row[] = await smallVolumeQ2();
  const principals = await prepare(DATABASE_URL, FULL_VOLUME.tickets);
  const statements = await statementsPerRequest(principals);
  const floor = await startFloor(DATABASE_URL, PORTS.floor);
  const postgraphile = await startPostGraphile(DATABASE_URL, PORTS.postgraphile);
  usePostGraphileQueries(postgraphile.queries);
  const api = await startApi();
  try {
    await warmJit(
      WORKLOADS.find((w) => w.id === 'Q1')!,
      principals,
    );
    for (const workload of WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.id))) {
      rows.push(...(await runWorkload(workload, principals, FULL_VOLUME.tickets, CONCURRENCY)));
    }
  } finally {
    await stopApi(api);
    await floor.close();
    await postgraphile.close();
  }
  const profile = await profileQ2(principals);
  printTable(rows);
  const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
  try {
    writeResults(rows, statements, profile, await volumeOf(pool));
  } finally {
    await pool.end();
  }
}

async function volumeOf(pool: Pool): Promise<Record<string, number>> {
  const tables = [
    'consortium',
    'organization',
    '"user"',
    'dataset',
    'ticket',
    'ticket_comment',
    'data_sharing_contract',
    'membership',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table.replace(/"/g, '')] = Number(rows[0]!.n);
  }
  return counts;
}

function version(name: string): string {
  return (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

function writeResults(
  rows: Row[],
  statements: Record<string, Record<string, number>>,
  profile: ProfileSummary,
  volume: Record<string, number>,
): void {
  const date = new Date().toISOString().slice(0, 10);
  const file = join(ROOT, 'bench', 'results', `${date}.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    durationS: DURATION_S,
    volume,
    versions: Object.fromEntries(
      ['postgraphile', 'autocannon', 'pg', 'graphql', 'mercurius', 'fastify', 'typeorm'].map((name) => [
        name,
        version(name),
      ]),
    ),
    statementsPerRequest: statements,
    rows,
    ratios: Object.fromEntries(
      (['Q1', 'Q2', 'Q3'] as const).map((id) => [
        id,
        Object.fromEntries(
          CONCURRENCY.map((c) => [
            `c${c}`,
            { postgraphile: ratio(rows, id, 'postgraphile', c), floor: ratio(rows, id, 'floor', c) },
          ]),
        ),
      ]),
    ),
    authorizationCost: CONCURRENCY.map((c) => {
      const q2 = rows.find(
        (r) =>
          r.workload === 'Q2' &&
          r.server === 'tetrad' &&
          r.concurrency === c &&
          r.tickets === FULL_VOLUME.tickets,
      );
      const q5 = rows.find((r) => r.workload === 'Q5' && r.server === 'tetrad' && r.concurrency === c);
      return {
        concurrency: c,
        throughputLoss: q2 && q5 ? 1 - q5.figures.reqPerSec / q2.figures.reqPerSec : null,
      };
    }),
    q2ByTicketVolume: rows
      .filter((r) => r.workload === 'Q2' && r.server === 'tetrad' && r.concurrency === 10)
      .map((r) => ({ tickets: r.tickets, ...r.figures })),
    profile,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Results written to ${file}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
