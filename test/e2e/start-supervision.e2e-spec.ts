import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START = join(__dirname, '..', '..', 'dist', 'scripts', 'start.js');
const BOUND_MS = 20_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Alive and not a zombie waiting to be reaped (a container's first process may never reap). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

/** Polls until `done` holds or the bound passes; true when it held. */
async function eventually(done: () => boolean, boundMs = BOUND_MS): Promise<boolean> {
  const until = Date.now() + boundMs;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

const pids = new Set<number>();
const dataDirs: string[] = [];

afterAll(() => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * `npm start` minus the build (`node dist/scripts/start.js`), under `sh` so that the supervisor has
 * a parent of its own to lose; resolves when the API is ready, with the three process ids.
 */
async function startTetrad(): Promise<{ shell: ChildProcess; supervisor: number; api: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tetrad-start-'));
  dataDirs.push(dataDir);
  const env = {
    PATH: process.env['PATH'] ?? '',
    PORT: String(await freePort()),
    DEV_IDP_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // `; true` keeps sh as the parent instead of exec'ing node in its place.
  const shell = spawn('sh', ['-c', `"${process.execPath}" "${START}"; true`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pids.add(shell.pid!);
  let output = '';
  shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = await eventually(() => output.includes('Tetrad API ready'), 120_000);
  if (!ready) throw new Error(`npm start did not get ready:\n${output}`);
  const [supervisor] = childrenOf(shell.pid!);
  const [api] = childrenOf(supervisor!);
  if (!supervisor || !api) throw new Error(`no supervisor or API process under sh:\n${output}`);
  pids.add(supervisor);
  pids.add(api);
  return { shell, supervisor, api };
}

describe('npm start supervises what it starts', () => {
  it('stops the API when the supervisor is killed with SIGKILL', async () => {
    const { supervisor, api } = await startTetrad();
    expect(alive(api)).toBe(true);
    process.kill(supervisor, 'SIGKILL');
    expect(await eventually(() => !alive(api))).toBe(true);
  }, 180_000);

  it("stops the supervisor and the API when the supervisor's own parent is killed", async () => {
    const { shell, supervisor, api } = await startTetrad();
    process.kill(shell.pid!, 'SIGKILL');
    expect(await eventually(() => !alive(supervisor) && !alive(api))).toBe(true);
  }, 180_000);
});
