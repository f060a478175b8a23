import { generateKeyPairSync } from 'node:crypto';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('GraphQL limits, checked before any resolver runs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COST: '150',
      BODY_LIMIT_BYTES: '4096',
      SEED_DEMO_DATA: 'false',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('accepts a query within depth and cost', async () => {
    const response = await t.as(DEMO_PLATFORM_ADMIN_EMAIL)(
      '{ organizations(first: 5) { totalCount nodes { id } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ organizations: { totalCount: 0, nodes: [] } });
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH with BAD_USER_INPUT and runs no SQL', async () => {
    const before = t.sqlStatements();
    const response = await t.graphql('{ organizations(first: 1) { edges { node { id } } } }');
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
    expect(response.data ?? null).toBeNull();
    expect(t.sqlStatements()).toBe(before);
  });

  it('refuses a query costing more than GRAPHQL_MAX_COST, saying the cost and the limit, and runs no SQL', async () => {
    const before = t.sqlStatements();
    const response = await t.graphql(
      'query Big($first: Int) { organizations(first: $first) { nodes { id name region } } }',
      {
        first: 100,
      },
    );
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/would cost \d+ points and the limit is 150/);
    expect(t.sqlStatements()).toBe(before);
    const small = await t.as(DEMO_PLATFORM_ADMIN_EMAIL)(
      'query Big($first: Int) { organizations(first: $first) { nodes { id name region } } }',
      {
        first: 10,
      },
    );
    expect(small.errors).toBeUndefined();
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 and BAD_USER_INPUT', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: `{ organizations { totalCount } }`,
        variables: { pad: 'x'.repeat(8192) },
      }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(response.json().errors[0].message).toContain('too large');
  });

  it.each([
    ['a syntax error', '{ organizations { '],
    ['an unknown field', '{ organizations { nope } }'],
    ['a wrong argument type', '{ organizations(first: "ten") { totalCount } }'],
  ])('answers %s with BAD_USER_INPUT', async (_case, query) => {
    const response = await t.graphql(query);
    expect(response.status).toBe(400);
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors ?? []) expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body that is not JSON with BAD_USER_INPUT', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives every response an x-request-id, keeping a sane one sent by the caller', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-0123456789' },
      payload: JSON.stringify({ query: '{ organizations { totalCount } }' }),
    });
    expect(response.headers['x-request-id']).toBe('trace-0123456789');
    const generated = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.each([
  ['production', false],
  ['development', true],
])('introspection and GraphiQL in %s', (nodeEnv, enabled) => {
  let t: TestApp;

  beforeAll(async () => {
    // Production refuses to start without the key that signs audit checkpoints.
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    t = await startTestApp({ NODE_ENV: nodeEnv, AUDIT_SIGNING_KEY: key });
  });

  afterAll(async () => {
    await t.close();
  });

  it(`${enabled ? 'allows' : 'refuses'} introspection`, async () => {
    const response = await t.graphql('{ __schema { queryType { name } } }');
    if (enabled) {
      expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } else {
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    }
  });

  it(`${enabled ? 'serves' : 'does not serve'} GraphiQL`, async () => {
    const response = await t.app.inject({ method: 'GET', url: '/graphiql' });
    expect(response.statusCode).toBe(enabled ? 200 : 404);
  });
});
