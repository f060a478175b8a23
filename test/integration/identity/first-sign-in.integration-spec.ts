import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createTestDatabase, usesPostgresServer, type TestDatabase } from '../../support/test-database';

/** Invited by the demo seed, never signed in before this file runs (each file has its own database). */
const INVITED = 'wang.fang@jiading-auto.example';
const ME = '{ me { id email platformAdmin organization { name } } }';
const SIMULTANEOUS = 8;

interface Me {
  me: { id: string; email: string; platformAdmin: boolean; organization: { name: string } | null };
}

/** SIMULTANEOUS first requests with one real token, spread over the given instances. */
async function firstRequests(instances: TestApp[], email: string) {
  const bearer = await accessTokenFor(email);
  return Promise.all(
    Array.from({ length: SIMULTANEOUS }, (_, index) =>
      instances[index % instances.length]!.graphql<Me>(ME, undefined, { bearer }),
    ),
  );
}

async function expectOneUser(
  t: TestApp,
  responses: Awaited<ReturnType<typeof firstRequests>>,
  email: string,
) {
  for (const response of responses) expect(response.errors).toBeUndefined();
  const ids = new Set(responses.map((response) => response.data?.me.id));
  expect(ids.size).toBe(1);
  const users = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM "user" WHERE email = $1`, [email]);
  expect(users.map((user) => user.id)).toEqual([...ids]);
  const provisioned = await t.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'user.provision' AND subject_id = $1`,
    [users[0]!.id],
  );
  expect(provisioned[0]!.n).toBe(1);
}

async function expectInvitationAcceptedOnce(t: TestApp, userId: string) {
  const invitations = await t.dataSource.query<{ status: string; accepted_user_id: string | null }[]>(
    `SELECT status, accepted_user_id FROM invitation WHERE email = $1`,
    [INVITED],
  );
  expect(invitations).toEqual([{ status: 'ACCEPTED', accepted_user_id: userId }]);
}

describe('first sign-in under concurrency', () => {
  describe('on one instance', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it(`provisions a newly invited person once when ${SIMULTANEOUS} first requests arrive together`, async () => {
      const responses = await firstRequests([t], INVITED);
      await expectOneUser(t, responses, INVITED);
      expect(responses[0]!.data?.me).toMatchObject({
        email: INVITED,
        platformAdmin: false,
        organization: { name: 'Shanghai Jiading Auto Body Works' },
      });
      await expectInvitationAcceptedOnce(t, responses[0]!.data!.me.id);
    });

    it(`provisions the platform admin once when ${SIMULTANEOUS} first requests arrive together`, async () => {
      const responses = await firstRequests([t], DEMO_PLATFORM_ADMIN_EMAIL);
      await expectOneUser(t, responses, DEMO_PLATFORM_ADMIN_EMAIL);
      expect(responses[0]!.data?.me).toMatchObject({ platformAdmin: true, organization: null });
    });
  });

  // Two instances share a database only on a PostgreSQL server; the embedded one belongs to one process.
  (usesPostgresServer ? describe : describe.skip)('on two instances of one database', () => {
    let database: TestDatabase;
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      database = await createTestDatabase();
      [first, second] = await Promise.all([startTestApp({}, { database }), startTestApp({}, { database })]);
    });

    afterAll(async () => {
      await Promise.all([first?.close(), second?.close()]);
      await database?.drop();
    });

    it('provisions a newly invited person once, whichever instance each request reaches', async () => {
      const responses = await firstRequests([first, second], INVITED);
      await expectOneUser(first, responses, INVITED);
      await expectInvitationAcceptedOnce(first, responses[0]!.data!.me.id);
    });

    it('provisions the platform admin once, whichever instance each request reaches', async () => {
      const responses = await firstRequests([first, second], DEMO_PLATFORM_ADMIN_EMAIL);
      await expectOneUser(first, responses, DEMO_PLATFORM_ADMIN_EMAIL);
    });
  });
});
