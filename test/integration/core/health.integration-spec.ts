import { createServer, Socket, type Server } from 'node:net';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';
import { usesPostgresServer } from '../../support/test-database';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('is live and ready when the database is reachable and migrated', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up', reachable: true, migrationsApplied: true } },
    });
  });

  it('is not ready while a migration is pending', async () => {
    await t.dataSource.undoLastMigration();
    try {
      const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        details: { database: { reachable: true, migrationsApplied: false } },
      });
    } finally {
      await t.dataSource.runMigrations();
    }
  });
});

/** A TCP relay in front of PostgreSQL that the test can cut and restore, as a network fault would. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server!.listen(this.port, '127.0.0.1', done));
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server?.close(() => done()));
  }
}

(usesPostgresServer ? describe : describe.skip)('losing PostgreSQL while running', () => {
  let t: TestApp;
  let relay: Relay;

  beforeAll(async () => {
    const database = new URL(process.env['TEST_DATABASE_URL']!);
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((done) => probe.close(() => done()));
    relay = new Relay(port, { host: database.hostname, port: Number(database.port || 5432) });
    await relay.open();
    t = await startTestApp({}, { viaPort: port });
  });

  afterAll(async () => {
    await relay.cut().catch(() => undefined);
    await t.close();
  });

  it('turns readiness red, fails requests cleanly, and recovers without a restart', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);

    await relay.cut();
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ details: { database: { reachable: false } } });
    const bearer = await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL);
    const failed = await t.graphql('{ organizations { totalCount } }', undefined, { bearer });
    expect(failed.errors?.[0]?.extensions.code).toBe('UNAVAILABLE');
    expect(failed.errors?.[0]?.extensions['retryable']).toBe(true);
    expect(failed.errors?.[0]?.message).toContain('cannot reach its database');
    expect(JSON.stringify(failed.errors)).not.toMatch(/SELECT|ECONN|stack|at .*\.js/);

    await relay.open();
    let recovered = 0;
    for (let attempt = 0; attempt < 20 && recovered !== 200; attempt += 1) {
      recovered = (await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode;
      if (recovered !== 200) await new Promise((done) => setTimeout(done, 250));
    }
    expect(recovered).toBe(200);
    const served = await t.graphql('{ organizations { totalCount } }', undefined, { bearer });
    expect(served.errors).toBeUndefined();
  });
});
