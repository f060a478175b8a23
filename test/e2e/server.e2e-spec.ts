import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { followLogin } from '../support/browserless-login';
import { CREATE_ORGANIZATION, organizationInput } from '../support/organizations';
import { accessTokenFor, cookieFrom, testIssuer } from '../support/sign-in';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

interface RunningServer {
  process: ChildProcess;
  url: string;
  output: () => string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const started = new Set<ChildProcess>();

/** Production refuses to start without the key that signs audit checkpoints. */
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs the built server (`dist/`) as `npm start` would, minus the build. */
function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      AUDIT_SIGNING_KEY,
      OIDC_ISSUER: testIssuer(),
      OIDC_CLIENT_SECRET: 'tetrad-dev-client-secret',
      PUBLIC_URL: 'http://localhost:3000',
      PLATFORM_ADMIN_EMAILS: DEMO_PLATFORM_ADMIN_EMAIL,
      SEED_DEMO_DATA: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const { child, output } = run({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) return { process: child, url, output };
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output()}`);
}

async function stop(server: RunningServer): Promise<number | null> {
  const exited = new Promise<number | null>((done) => server.process.on('exit', (code) => done(code)));
  server.process.kill('SIGTERM');
  return exited;
}

async function graphql<T>(
  server: RunningServer,
  query: string,
  variables?: unknown,
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL)}`,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

describe('the built server on the embedded database', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tetrad-e2e-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps data across a graceful restart', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    const created = await graphql<{ createOrganization: { id: string } }>(first, CREATE_ORGANIZATION, {
      input: organizationInput(900, { name: 'Restart Survivors Ltd' }),
    });
    expect(created.errors).toBeUndefined();
    expect(await stop(first)).toBe(0);

    const second = await startServer({ DATA_DIR: dataDir });
    try {
      const fetched = await graphql<{ organization: { name: string } }>(
        second,
        'query One($id: UUID!) { organization(id: $id) { name } }',
        { id: created.data?.createOrganization.id },
      );
      expect(fetched.data?.organization.name).toBe('Restart Survivors Ltd');
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('signs a person in through the browser flow over HTTP and serves them with the session cookie', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      const loginCookie = cookieFrom(login.headers.getSetCookie(), 'tetrad_login');
      const callback = await followLogin(
        String(login.headers.get('location')),
        { email: 'wang.fang@jiading-auto.example', password: DEMO_PASSWORD },
        { stopAt: (url) => url.pathname === '/auth/callback' },
      );
      const landed = await fetch(`${server.url}${callback.pathname}${callback.search}`, {
        redirect: 'manual',
        headers: { cookie: loginCookie },
      });
      expect(landed.status).toBe(302);
      const session = cookieFrom(landed.headers.getSetCookie(), 'tetrad_session');
      const me = await graphql<{ me: { email: string; roles: string[] } }>(
        server,
        '{ me { email roles } }',
        undefined,
        {
          authorization: '',
          cookie: session,
          'x-tetrad-csrf': '1',
        },
      );
      expect(me.data?.me).toEqual({
        email: 'wang.fang@jiading-auto.example',
        roles: ['LEGAL', 'DATA_STEWARD'],
      });
    } finally {
      await stop(server);
    }
  });

  it('refuses to open a data folder another running instance holds, in one line', async () => {
    const holder = await startServer({ DATA_DIR: dataDir });
    try {
      const second = run({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      const lines = second.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('is in use by process');
    } finally {
      await stop(holder);
    }
  });

  it('finishes a request already in flight when asked to stop, then exits 0', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    const bearer = await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL);
    const body = JSON.stringify({ query: '{ organizations { totalCount } }' });
    const { hostname, port } = new URL(server.url);
    let status = 0;
    let text = '';
    const answered = new Promise<void>((done, fail) => {
      const request = httpRequest(
        {
          hostname,
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${bearer}`,
          },
        },
        (response) => {
          status = response.statusCode ?? 0;
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => done());
        },
      );
      request.on('error', fail);
      // Half the body now, so the server is mid-request when SIGTERM arrives; the rest after.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.process.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(10)), 300);
      }, 300);
    });
    const exited = new Promise<number | null>((done) => server.process.on('exit', (code) => done(code)));
    await answered;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ data: { organizations: { totalCount: expect.any(Number) } } });
    expect(await exited).toBe(0);
  });
});

describe('the built server refusing to start', () => {
  it('retries an unreachable PostgreSQL with backoff when DATABASE_CONNECT_RETRIES is set, then gives up', async () => {
    const { exited, output } = run({
      DATABASE_URL: 'postgres://tetrad@127.0.0.1:1/tetrad',
      DATABASE_CONNECT_RETRIES: '2',
    });
    expect(await exited).toBe(1);
    const lines = output().trim().split('\n');
    expect(lines).toEqual([
      'PostgreSQL not reachable (ECONNREFUSED); retry 1 in 500 ms',
      'PostgreSQL not reachable (ECONNREFUSED); retry 2 in 1000 ms',
      expect.stringMatching(
        /^Cannot reach PostgreSQL at postgres:\/\/tetrad@127\.0\.0\.1:1\/tetrad \(ECONNREFUSED\)/,
      ),
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer from 0 to 65535 \(got "abc"\)\.$/],
    [
      { DATABASE_URL: 'mysql://db/tetrad' },
      /^Invalid configuration: DATABASE_URL must be a URL of the form postgres:\/\//,
    ],
    [
      { DATABASE_URL: 'postgres://tetrad:s3cret@127.0.0.1:1/tetrad' },
      /^Cannot reach PostgreSQL at postgres:\/\/tetrad:\*\*\*@127\.0\.0\.1:1\/tetrad \(ECONNREFUSED\)/,
    ],
    [
      { AUDIT_SIGNING_KEY: '' },
      /^Invalid configuration: AUDIT_SIGNING_KEY_FILE \(or AUDIT_SIGNING_KEY\) must be set in production/,
    ],
  ])('with %p says why in one line and exits 1', async (env, message) => {
    const { exited, output } = run(env);
    expect(await exited).toBe(1);
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(output()).not.toContain('s3cret');
  });
});
