import { DEMO_CONSORTIA, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example';

/** The cost model reflects work: counts, searches, verifications and documents cost what they do. */
describe('query cost reflects work (default GRAPHQL_MAX_COST 5,000)', () => {
  let t: TestApp;
  let consortiumId: string;

  beforeAll(async () => {
    // Aliases are limited on their own (GRAPHQL_MAX_ALIASES, 30); raised here to reach the cost limit.
    t = await startTestApp({
      GRAPHQL_MAX_ALIASES: '5000',
      GRAPHQL_MAX_TOKENS: '200000',
      GRAPHQL_MAX_QUERY_BYTES: '1000000',
    });
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
  });

  afterAll(async () => {
    await t.close();
  });

  const aliases = (count: number, field: string): string =>
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

  it('refuses 2,000 aliases of a totalCount before running any SQL, and answers a reasonable number', async () => {
    const admin = t.as(DEMO_PLATFORM_ADMIN_EMAIL);
    await admin('{ me { id } }');
    const before = t.sqlStatements();
    const many = await admin(aliases(2_000, 'organizations(first: 1) { totalCount }'));
    expect(many.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 5_000 } });
    expect(many.errors?.[0]?.extensions['cost']).toBeGreaterThan(5_000);
    // Only the caller's identity was read; no count ran.
    expect(t.sqlStatements() - before).toBeLessThanOrEqual(1);

    const few = await admin(aliases(20, 'organizations(first: 1) { totalCount }'));
    expect(few.errors).toBeUndefined();
  });

  it('charges a search on top of its page', async () => {
    const member = t.as(ZHANG_MIN);
    // 5 aliases of a one-item page cost 3 each (15); with a search, 803 each (4,015); counting the
    // search's matches runs it again: 1,604 each with the totalCount field itself (8,020).
    const plain = await member(
      aliases(5, `tickets(first: 1, filter: { consortiumId: "${consortiumId}" }) { nodes { id } }`),
    );
    expect(plain.errors).toBeUndefined();
    const searched = await member(
      aliases(
        5,
        `tickets(first: 1, filter: { consortiumId: "${consortiumId}", search: "robot" }) { nodes { id } }`,
      ),
    );
    expect(searched.errors).toBeUndefined();
    const counted = await member(
      aliases(
        5,
        `tickets(first: 1, filter: { consortiumId: "${consortiumId}", search: "robot" }) { totalCount nodes { id } }`,
      ),
    );
    expect(counted.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', cost: 8_020 } });
  });

  it('lets a request verify a chain a few times, not hundreds', async () => {
    const member = t.as(ZHANG_MIN);
    const field = `verifyAuditChain(consortiumId: "${consortiumId}") { valid }`;
    expect((await member(aliases(4, field))).errors).toBeUndefined();
    const many = await member(aliases(40, field));
    expect(many.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
