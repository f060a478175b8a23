import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { organizationIdByName } from '../../support/members';
import { CREATE_ORGANIZATION, organizationInput } from '../../support/organizations';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example';
const CHEN_JIE = 'chen.jie@lingbu-robotics.example';

/** Fails fast instead of hanging: a read outside the transaction would wait forever for the one connection. */
async function within<T>(promise: Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('no answer in 10 s: a transaction is waiting for a second connection')),
      10_000,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The embedded database (PGlite) has exactly one connection, held by an open transaction. Every
 * mutation must therefore read what it needs through the transaction's manager or before it opens.
 * CI runs the other suites on a PostgreSQL server with a pool, where such a mistake goes unseen:
 * this suite runs every kind of mutation on PGlite, whatever TEST_DATABASE_URL says.
 */
describe('mutations on the embedded database (one connection)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { embedded: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs the consortium, people, token and organisation mutations without waiting on itself', async () => {
    const admin = t.as(LI_WEI);
    const founded = await within(
      admin<{ foundConsortium: { id: string } }>(
        'mutation { foundConsortium(input: { name: "Embedded check", sector: RETAIL, region: "Shanghai" }) { id } }',
      ),
    );
    const consortiumId = founded.data!.foundConsortium.id;
    const lingbu = await organizationIdByName(t, 'Hangzhou Lingbu Robotics');
    const invited = await within(
      admin<{ inviteOrganization: { id: string } }>(
        'mutation I($c: UUID!, $o: UUID!) { inviteOrganization(input: { consortiumId: $c, organizationId: $o }) { id } }',
        { c: consortiumId, o: lingbu },
      ),
    );
    const accepted = await within(
      t.as(CHEN_JIE)<{ acceptMembership: { status: string } }>(
        'mutation A($id: UUID!) { acceptMembership(id: $id) { status } }',
        {
          id: invited.data!.inviteOrganization.id,
        },
      ),
    );
    expect(accepted.data?.acceptMembership.status).toBe('ACTIVE');
    const activation = await within(
      admin('mutation A($id: UUID!) { activateConsortium(id: $id) { id } }', { id: consortiumId }),
    );
    expect(activation.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const userInvite = await within(
      admin<{ inviteUser: { status: string } }>(
        'mutation { inviteUser(input: { email: "new@jiading-auto.example", roles: [ENGINEER] }) { status } }',
      ),
    );
    expect(userInvite.data?.inviteUser.status).toBe('PENDING');
    const token = await within(
      admin<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "embedded" }) { token } }',
      ),
    );
    expect(token.data?.createApiToken.token).toMatch(/^tetrad_pat_/);
    const organization = await within(
      t.as(DEMO_PLATFORM_ADMIN_EMAIL)(CREATE_ORGANIZATION, { input: organizationInput(4242) }),
    );
    expect(organization.errors).toBeUndefined();
    const scenario = await within(
      t.as('zhang.min@jiading-auto.example')<{ createScenario: { id: string } }>(
        'mutation C($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Line 1", sector: RETAIL, site: "Store 7" }) { id } }',
        { c: consortiumId },
      ),
    );
    expect(scenario.data?.createScenario.id).toBeTruthy();
    const ticket = await within(
      admin<{ raiseTicket: { id: string } }>(
        'mutation R($s: UUID!) { raiseTicket(input: { scenarioId: $s, title: "Arm stalls", description: "At 3 pm" }) { id } }',
        { s: scenario.data!.createScenario.id },
      ),
    );
    const ticketId = ticket.data!.raiseTicket.id;
    const jiading = await organizationIdByName(t, 'Shanghai Jiading Auto Body Works');
    for (const [query, variables] of [
      ['mutation M($id: UUID!) { transitionTicket(id: $id, to: TRIAGED) { id } }', { id: ticketId }],
      [
        'mutation M($id: UUID!) { triageTicket(id: $id, input: { severity: HIGH }) { id } }',
        { id: ticketId },
      ],
      [
        'mutation M($id: UUID!, $o: UUID!) { assignTicket(id: $id, input: { organizationId: $o }) { id } }',
        { id: ticketId, o: jiading },
      ],
      [
        'mutation M($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "on it" }) { id } }',
        { id: ticketId },
      ],
    ] as const) {
      expect((await within(admin(query, variables))).errors).toBeUndefined();
    }
    const verified = await within(
      admin<{ verifyAuditChain: { valid: boolean } }>(
        'query V($c: UUID!) { verifyAuditChain(consortiumId: $c) { valid } }',
        { c: consortiumId },
      ),
    );
    expect(verified.data?.verifyAuditChain.valid).toBe(true);
    const platform = await within(
      t.as(DEMO_PLATFORM_ADMIN_EMAIL)<{ verifyAuditChain: { valid: boolean } }>(
        '{ verifyAuditChain(full: true) { valid } }',
      ),
    );
    expect(platform.data?.verifyAuditChain.valid).toBe(true);
  });
});
