import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';
import { usesPostgresServer } from '../../support/test-database';

const ZHANG_MIN = 'zhang.min@jiading-auto.example';

/** Per-caller rate limit on /graphql: 429 with a GraphQL-shaped body and a code, shared by instances. */
describe('rate limit per caller', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ RATE_LIMIT_PER_MINUTE: '6' });
    b = usesPostgresServer ? await startTestApp({ RATE_LIMIT_PER_MINUTE: '6' }, { database: a.database }) : a;
  });

  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  it('answers the request over the limit with 429, RATE_LIMITED and when to retry, counted across instances', async () => {
    const bearer = await accessTokenFor(ZHANG_MIN);
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      // Alternating instances: on a PostgreSQL server they share one count.
      const response = await (index % 2 === 0 ? a : b).graphql('{ me { email } }', undefined, { bearer });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    const refused = await b.graphql('{ me { email } }', undefined, { bearer });
    expect(refused.status).toBe(429);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(refused.errors?.[0]?.extensions['retryAfterSeconds']).toBeGreaterThan(0);
    expect(refused.errors?.[0]?.message).toContain('Too many requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts each caller on their own, and leaves health checks alone', async () => {
    const other = await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL);
    const response = await a.graphql('{ me { email } }', undefined, { bearer: other });
    expect(response.status).toBe(200);
    for (let index = 0; index < 10; index += 1) {
      expect((await a.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    }
  });
});

/** Per-caller budget of query cost: expensive documents use it up, cheap ones barely touch it. */
describe('query cost budget per caller', () => {
  let t: TestApp;

  beforeAll(async () => {
    // 600 points a minute (10 a second); the burst is twice the largest query, 200 points.
    t = await startTestApp({ RATE_LIMIT_COST_PER_MINUTE: '600', GRAPHQL_MAX_COST: '100' });
  });

  afterAll(async () => {
    await t.close();
  });

  // 1 + 49 × (nodes' id) + … : just under the 100-point ceiling.
  const expensive = '{ organizations(first: 49) { nodes { id } } }';

  it('slows a caller a little short of points, then refuses with 429, RATE_LIMITED and when to retry', async () => {
    const bearer = await accessTokenFor(ZHANG_MIN);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await t.graphql(expensive, undefined, { bearer })).status);
    }
    // 200 → ~100 → ~0 points: the third is held until the bucket is above zero again, then runs.
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await t.graphql(expensive, undefined, { bearer });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      costPerMinute: 600,
    });
    expect(refused.errors?.[0]?.extensions['retryAfterSeconds']).toBeGreaterThan(1);
    expect(refused.errors?.[0]?.message).toContain('query budget');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(1);

    // Another caller has their own budget.
    const other = await accessTokenFor(DEMO_PLATFORM_ADMIN_EMAIL);
    expect((await t.graphql(expensive, undefined, { bearer: other })).status).toBe(200);
  });
});
