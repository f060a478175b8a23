import { createHash, randomUUID } from 'node:crypto';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';
import { usesPostgresServer } from '../../support/test-database';

const ZHANG_MIN = 'zhang.min@jiading-auto.example';
const CHEN_JIE = 'chen.jie@lingbu-robotics.example';

const RAISE =
  'mutation R($s: UUID!, $t: String!) { raiseTicket(input: { scenarioId: $s, title: $t, description: "x" }) { id number title } }';

type Raised = GraphQLResponse<{ raiseTicket: { id: string; number: number; title: string } }>;

/** `Idempotency-Key` on mutations: a retry returns the first answer instead of repeating the change. */
describe('idempotent mutations', () => {
  let a: TestApp;
  let b: TestApp;
  let scenarioId: string;

  beforeAll(async () => {
    a = await startTestApp();
    b = usesPostgresServer ? await startTestApp({}, { database: a.database }) : a;
    const consortiumId = await consortiumIdByName(a, DEMO_CONSORTIA[0]!.name);
    const scenario = await a.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Retry line", sector: LOGISTICS, site: "Hub" }) { id } }',
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
  });

  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  const raise = async (t: TestApp, email: string, title: string, key?: string): Promise<Raised> =>
    t.graphql(
      RAISE,
      { s: scenarioId, t: title },
      {
        bearer: await accessTokenFor(email),
        headers: key === undefined ? {} : { 'idempotency-key': key },
      },
    );

  const count = async (title: string): Promise<number> => {
    const [row] = await a.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ticket WHERE scenario_id = $1 AND title = $2',
      [scenarioId, title],
    );
    return row!.n;
  };

  it('answers a retry with the first answer, from any instance, and changes nothing twice', async () => {
    const key = randomUUID();
    const first = await raise(a, ZHANG_MIN, 'Once only', key);
    expect(first.errors).toBeUndefined();
    const again = await raise(a, ZHANG_MIN, 'Once only', key);
    const elsewhere = await raise(b, ZHANG_MIN, 'Once only', key);
    for (const retry of [again, elsewhere]) {
      expect(retry.status).toBe(first.status);
      expect(retry.data).toEqual(first.data);
      expect(retry.headers['idempotent-replayed']).toBe('true');
    }
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('Once only')).toBe(1);
  });

  it('carries out eight simultaneous sends of one request once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => raise(a, ZHANG_MIN, 'Sent eight times', key)),
    );
    const ids = new Set<string>();
    for (const answer of answers) {
      if (answer.data?.raiseTicket) {
        ids.add(answer.data.raiseTicket.id);
        continue;
      }
      // Still running when the retry came: told so, and that a retry is safe.
      expect(answer.status).toBe(409);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', retryable: true });
    }
    const settled = await raise(a, ZHANG_MIN, 'Sent eight times', key);
    ids.add(settled.data!.raiseTicket.id);
    expect(ids.size).toBe(1);
    expect(await count('Sent eight times')).toBe(1);
  });

  it('refuses a key reused for a different request, and a key that is not one', async () => {
    const key = randomUUID();
    await raise(a, ZHANG_MIN, 'First use', key);
    const reused = await raise(a, ZHANG_MIN, 'Second use', key);
    expect(reused.status).toBe(422);
    expect(reused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(reused.errors?.[0]?.message).toContain('different request');
    expect(await count('Second use')).toBe(0);

    const spaced = await raise(a, ZHANG_MIN, 'Bad key', 'has a space');
    expect(spaced.status).toBe(400);
    expect(spaced.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await count('Bad key')).toBe(0);
  });

  it('keeps keys per caller: the same key from two people is two requests', async () => {
    const key = randomUUID();
    const mine = await raise(a, ZHANG_MIN, 'Shared key', key);
    const theirs = await raise(a, CHEN_JIE, 'Shared key', key);
    expect(mine.data?.raiseTicket.id).toBeDefined();
    expect(theirs.data?.raiseTicket.id).toBeDefined();
    expect(theirs.data!.raiseTicket.id).not.toBe(mine.data!.raiseTicket.id);
    expect(await count('Shared key')).toBe(2);
  });

  it('tells a retry whose first attempt committed but lost its answer that the change was made', async () => {
    const key = randomUUID();
    const first = await raise(a, ZHANG_MIN, 'Answer lost', key);
    expect(first.errors).toBeUndefined();
    // As if the instance died between the commit and keeping the answer, and the lock ran out.
    await a.dataSource.query(
      `UPDATE idempotent_request SET response = NULL, status_code = NULL, locked_until = now() - interval '1 second'
        WHERE key = $1`,
      [key],
    );
    const retry = await raise(a, ZHANG_MIN, 'Answer lost', key);
    expect(retry.status).toBe(409);
    expect(retry.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(retry.errors?.[0]?.extensions['committedAt']).toEqual(expect.any(String));
    expect(retry.errors?.[0]?.message).toContain('was carried out');
    expect(await count('Answer lost')).toBe(1);
  });

  it('runs a retry whose first attempt died before committing', async () => {
    // A first attempt that took the key and died before its transaction committed.
    const [me] = await a.dataSource.query<{ id: string }[]>(`SELECT id FROM "user" WHERE email = $1`, [
      ZHANG_MIN,
    ]);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([RAISE, { s: scenarioId, t: 'Died first' }, null]))
      .digest('hex');
    const retryKey = randomUUID();
    await a.dataSource.query(
      `INSERT INTO idempotent_request (scope, key, fingerprint, locked_until) VALUES ($1, $2, $3, now() - interval '1 second')`,
      [me!.id, retryKey, fingerprint],
    );
    const retry = await raise(a, ZHANG_MIN, 'Died first', retryKey);
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.raiseTicket.title).toBe('Died first');
    expect(await count('Died first')).toBe(1);
    expect((await raise(a, ZHANG_MIN, 'Died first', retryKey)).headers['idempotent-replayed']).toBe('true');
  });

  it('leaves reads alone', async () => {
    const key = randomUUID();
    const bearer = await accessTokenFor(ZHANG_MIN);
    const read = () =>
      a.graphql('{ me { email } }', undefined, { bearer, headers: { 'idempotency-key': key } });
    const [one, two] = [await read(), await read()];
    expect(one.data).toEqual(two.data);
    expect(two.headers['idempotent-replayed']).toBeUndefined();
  });
});
