import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { followLogin } from '../../support/browserless-login';
import { CREATE_ORGANIZATION, organizationInput } from '../../support/organizations';
import { startBrowserLogin } from '../../support/browser-session';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // ORG_ADMIN, SIGNATORY at the scenario user
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // ENGINEER at the scenario user
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // ORG_ADMIN at the robot maker
const WANG_FANG = 'wang.fang@jiading-auto.example'; // LEGAL, DATA_STEWARD at the scenario user

const ME = '{ me { id email roles status organization { id name } } }';
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id email roles status organizationId } }`;
const UPDATE_ROLES = `mutation Roles($input: UpdateUserRolesInput!) { updateUserRoles(input: $input) { id roles } }`;

interface Me {
  me: {
    id: string;
    email: string;
    roles: string[];
    status: string;
    organization: { id: string; name: string } | null;
  };
}

describe('people in organisations', () => {
  let t: TestApp;
  let liWei: GraphQLClient;
  let zhangMin: GraphQLClient;
  let chenJie: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    t = await startTestApp();
    [liWei, zhangMin, chenJie, admin] = [LI_WEI, ZHANG_MIN, CHEN_JIE, DEMO_PLATFORM_ADMIN_EMAIL].map(
      (email) => t.as(email),
    ) as [GraphQLClient, GraphQLClient, GraphQLClient, GraphQLClient];
  });

  afterAll(async () => {
    await t.close();
  });

  async function me(client: GraphQLClient): Promise<Me['me']> {
    const response = await client<Me>(ME);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.me;
  }

  async function invitationStatus(email: string): Promise<string | undefined> {
    const [row] = await t.dataSource.query<{ status: string }[]>(
      `SELECT status FROM invitation WHERE email = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    return row?.status;
  }

  it('me returns the caller, their organisation and roles', async () => {
    expect(await me(liWei)).toMatchObject({
      email: LI_WEI,
      roles: ['ORG_ADMIN', 'SIGNATORY'],
      status: 'ACTIVE',
      organization: { name: 'Shanghai Jiading Auto Body Works' },
    });
  });

  describe('invitations', () => {
    it('refuses a second pending invitation for the same email', async () => {
      // zhou.hui already holds the demo invitation of the research institute.
      const invited = await liWei(INVITE, {
        input: { email: '  Zhou.Hui@Embodied-Institute.example ', roles: ['RESEARCHER'] },
      });
      expect(invited.errors?.[0]?.extensions.code).toBe('CONFLICT');
      expect(invited.errors?.[0]?.message).toContain(
        'zhou.hui@embodied-institute.example already has a pending invitation',
      );
    });

    it('lists its pending invitations, filtered in SQL', async () => {
      const response = await liWei<{
        invitations: { totalCount: number; nodes: { email: string; status: string }[] };
      }>('{ invitations(status: PENDING, first: 50) { totalCount nodes { email status } } }');
      const emails = response.data!.invitations.nodes.map((node) => node.email);
      expect(emails).toContain('wang.fang@jiading-auto.example');
      expect(emails).not.toContain(LI_WEI); // accepted by signing in
      expect(emails.every((email) => email.endsWith('@jiading-auto.example'))).toBe(true);
      expect(response.data!.invitations.totalCount).toBe(emails.length);
    });

    it.each([
      [
        'an email that is not one',
        { email: 'not-an-email', roles: ['ENGINEER'] },
        'email must be an email address',
      ],
      [
        'no roles',
        { email: 'new.person@jiading-auto.example', roles: [] },
        'roles must name at least one role',
      ],
    ])('refuses %s with BAD_USER_INPUT', async (_case, input, words) => {
      const response = await liWei(INVITE, { input });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(words);
    });

    it('refuses to invite someone who already has an account', async () => {
      await me(zhangMin);
      const response = await liWei(INVITE, { input: { email: ZHANG_MIN, roles: ['LEGAL'] } });
      expect(response.errors?.[0]?.extensions.code).toBe('CONFLICT');
    });

    it('refuses an invitation from someone who is not ORG_ADMIN, writing nothing', async () => {
      const response = await zhangMin(INVITE, {
        input: { email: 'friend@jiading-auto.example', roles: ['ENGINEER'] },
      });
      expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(await invitationStatus('friend@jiading-auto.example')).toBeUndefined();
    });

    it('answers NOT_FOUND when an admin invites into another organisation', async () => {
      const lingbu = (await me(chenJie)).organization!.id;
      const response = await liWei(INVITE, {
        input: { email: 'spy@jiading-auto.example', roles: ['ENGINEER'], organizationId: lingbu },
      });
      expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(await invitationStatus('spy@jiading-auto.example')).toBeUndefined();
    });

    it('does not let another email take an invitation', async () => {
      const invited = await liWei<{ inviteUser: { status: string } }>(INVITE, {
        input: { email: 'new.hire@jiading-auto.example', roles: ['ENGINEER'] },
      });
      expect(invited.data?.inviteUser.status).toBe('PENDING');
      const login = await startBrowserLogin(t);
      const callback = await followLogin(
        login.authorizationUrl.href,
        { email: 'outsider@example.com', password: 'tetrad-demo' },
        {
          stopAt: (u) => u.pathname === '/auth/callback',
        },
      );
      const response = await t.app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: login.loginCookie },
      });
      expect(response.statusCode).toBe(403);
      expect(await invitationStatus('new.hire@jiading-auto.example')).toBe('PENDING');
    });

    it("an invited person joins on first sign-in with the invitation's organisation and roles", async () => {
      const invited = await liWei<{ inviteUser: { status: string } }>(INVITE, {
        input: { email: 'outsider@example.com', roles: ['ENGINEER', 'RESEARCHER'] },
      });
      expect(invited.data?.inviteUser.status).toBe('PENDING');
      expect(await me(t.as('outsider@example.com'))).toMatchObject({
        email: 'outsider@example.com',
        roles: ['ENGINEER', 'RESEARCHER'],
        organization: { name: 'Shanghai Jiading Auto Body Works' },
      });
      expect(await invitationStatus('outsider@example.com')).toBe('ACCEPTED');
    });

    it('revokes a pending invitation', async () => {
      const invited = await liWei<{ inviteUser: { id: string } }>(INVITE, {
        input: { email: 'temp@jiading-auto.example', roles: ['ENGINEER'] },
      });
      const revoked = await liWei<{ revokeInvitation: { status: string } }>(
        'mutation R($id: UUID!) { revokeInvitation(id: $id) { status } }',
        { id: invited.data!.inviteUser.id },
      );
      expect(revoked.data?.revokeInvitation.status).toBe('REVOKED');
      const again = await liWei('mutation R($id: UUID!) { revokeInvitation(id: $id) { status } }', {
        id: invited.data!.inviteUser.id,
      });
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_NOT_PENDING',
        currentStatus: 'REVOKED',
      });
      const foreign = await chenJie('mutation R($id: UUID!) { revokeInvitation(id: $id) { status } }', {
        id: invited.data!.inviteUser.id,
      });
      expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('roles and deactivation', () => {
    it('an admin changes the roles of a person of their organisation; the next request carries them', async () => {
      const target = await me(zhangMin);
      const updated = await liWei<{ updateUserRoles: { roles: string[] } }>(UPDATE_ROLES, {
        input: { userId: target.id, roles: ['ENGINEER', 'DATA_STEWARD'] },
      });
      expect(updated.data?.updateUserRoles.roles).toEqual(['ENGINEER', 'DATA_STEWARD']);
      expect((await me(zhangMin)).roles).toEqual(['ENGINEER', 'DATA_STEWARD']);
    });

    it('answers NOT_FOUND, changing nothing, when an admin changes roles in another organisation', async () => {
      const target = await me(chenJie);
      const response = await liWei(UPDATE_ROLES, { input: { userId: target.id, roles: ['ENGINEER'] } });
      expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect((await me(chenJie)).roles).toEqual(['ORG_ADMIN', 'ENGINEER']);
    });

    it('refuses a non-admin changing roles, even their own', async () => {
      const self = await me(zhangMin);
      const response = await zhangMin(UPDATE_ROLES, { input: { userId: self.id, roles: ['ORG_ADMIN'] } });
      expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect((await me(zhangMin)).roles).not.toContain('ORG_ADMIN');
    });

    it('keeps at least one admin in an organisation', async () => {
      const self = await me(liWei);
      const response = await liWei(UPDATE_ROLES, { input: { userId: self.id, roles: ['SIGNATORY'] } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
      expect((await me(liWei)).roles).toContain('ORG_ADMIN');
    });

    it('refuses an admin deactivating themselves, even with another admin left', async () => {
      const self = await me(liWei);
      const response = await liWei('mutation D($id: UUID!) { deactivateUser(userId: $id) { status } }', {
        id: self.id,
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SELF_DEACTIVATION',
      });
      expect((await me(liWei)).status).toBe('ACTIVE');
    });

    it('two admins removing each other at once leave one admin, never none', async () => {
      const [li, wang] = [await me(liWei), await me(t.as(WANG_FANG))];
      await liWei(UPDATE_ROLES, {
        input: { userId: wang.id, roles: ['ORG_ADMIN', 'LEGAL', 'DATA_STEWARD'] },
      });
      const results = await Promise.all([
        liWei(UPDATE_ROLES, { input: { userId: wang.id, roles: ['LEGAL', 'DATA_STEWARD'] } }),
        t.as(WANG_FANG)(UPDATE_ROLES, { input: { userId: li.id, roles: ['SIGNATORY'] } }),
      ]);
      expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
      // Refused as the last admin, or (if the other finished first) as no longer an admin.
      expect(['LAST_ADMIN', 'NOT_ORGANIZATION_ADMIN']).toContain(
        results.find((result) => result.errors)?.errors?.[0]?.extensions.reason,
      );
      const [admins] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "user" WHERE organization_id = $1 AND 'ORG_ADMIN' = ANY(roles)`,
        [li.organization!.id],
      );
      expect(admins).toEqual({ n: 1 });
      // Back to the demo's roles for the tests that follow.
      const restorer = (await me(liWei)).roles.includes('ORG_ADMIN') ? liWei : t.as(WANG_FANG);
      await restorer(UPDATE_ROLES, { input: { userId: li.id, roles: ['ORG_ADMIN', 'SIGNATORY'] } });
      await liWei(UPDATE_ROLES, { input: { userId: wang.id, roles: ['LEGAL', 'DATA_STEWARD'] } });
      expect((await me(liWei)).roles).toEqual(['ORG_ADMIN', 'SIGNATORY']);
      expect((await me(t.as(WANG_FANG))).roles).toEqual(['LEGAL', 'DATA_STEWARD']);
    });

    it('deactivation stops a person at once; reactivation lets them back', async () => {
      const target = await me(zhangMin);
      const off = await liWei<{ deactivateUser: { status: string } }>(
        'mutation D($id: UUID!) { deactivateUser(userId: $id) { status } }',
        { id: target.id },
      );
      expect(off.data?.deactivateUser.status).toBe('DEACTIVATED');
      const refused = await zhangMin(ME);
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain('deactivated');
      await liWei('mutation A($id: UUID!) { reactivateUser(userId: $id) { status } }', { id: target.id });
      expect((await me(zhangMin)).status).toBe('ACTIVE');
    });

    it("lists only the people of the caller's organisation", async () => {
      await me(chenJie);
      const response = await zhangMin<{ users: { totalCount: number; nodes: { email: string }[] } }>(
        '{ users(first: 100) { totalCount nodes { email } } }',
      );
      const emails = response.data!.users.nodes.map((node) => node.email);
      expect(emails).toEqual(expect.arrayContaining([LI_WEI, ZHANG_MIN]));
      expect(emails).not.toContain(CHEN_JIE);
      const byRole = await zhangMin<{ users: { nodes: { email: string }[] } }>(
        '{ users(role: ORG_ADMIN) { nodes { email } } }',
      );
      expect(byRole.data!.users.nodes.map((node) => node.email)).toEqual([LI_WEI]);
    });
  });

  describe('personal API tokens', () => {
    const CREATE = `mutation C($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name displayPrefix expiresAt } } }`;

    async function createToken(client: GraphQLClient, name: string) {
      const response = await client<{
        createApiToken: { token: string; apiToken: { id: string; displayPrefix: string } };
      }>(CREATE, { input: { name, expiresInDays: 30 } });
      return response.data!.createApiToken;
    }

    it("is shown once, stored only as a hash, and works as a bearer token with the owner's current roles", async () => {
      const created = await createToken(zhangMin, 'nightly sync');
      expect(created.token).toMatch(/^tetrad_pat_[A-Za-z0-9_-]{40}$/);
      expect(created.token.startsWith(created.apiToken.displayPrefix)).toBe(true);
      const stored = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM api_token WHERE token_hash = $1 OR display_prefix = $1`,
        [created.token],
      );
      expect(stored[0]!.n).toBe(0);
      const viaToken = await t.graphql<Me>(ME, undefined, { bearer: created.token });
      expect(viaToken.data?.me.email).toBe(ZHANG_MIN);
      const listed = await zhangMin<{ apiTokens: { nodes: Record<string, unknown>[] } }>(
        '{ apiTokens { nodes { id name displayPrefix } } }',
      );
      expect(listed.data!.apiTokens.nodes).toContainEqual({
        id: created.apiToken.id,
        name: 'nightly sync',
        displayPrefix: created.apiToken.displayPrefix,
      });
      expect(JSON.stringify(listed)).not.toContain(created.token);
    });

    it('never carries more rights than its owner has at the moment of use', async () => {
      const created = await createToken(zhangMin, 'roles follow owner');
      const self = await me(zhangMin);
      await liWei(UPDATE_ROLES, { input: { userId: self.id, roles: ['ENGINEER'] } });
      const viaToken = await t.graphql<Me>(ME, undefined, { bearer: created.token });
      expect(viaToken.data?.me.roles).toEqual(['ENGINEER']);
      await liWei('mutation D($id: UUID!) { deactivateUser(userId: $id) { status } }', { id: self.id });
      const whileDeactivated = await t.graphql(ME, undefined, { bearer: created.token });
      expect(whileDeactivated.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      await liWei('mutation A($id: UUID!) { reactivateUser(userId: $id) { status } }', { id: self.id });
    });

    it('stops working at once when revoked, and only its owner can revoke it', async () => {
      const created = await createToken(zhangMin, 'to revoke');
      const foreign = await liWei('mutation R($id: UUID!) { revokeApiToken(id: $id) { id } }', {
        id: created.apiToken.id,
      });
      expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect((await t.graphql<Me>(ME, undefined, { bearer: created.token })).data?.me.email).toBe(ZHANG_MIN);
      const revoked = await zhangMin<{ revokeApiToken: { revokedAt: string | null } }>(
        'mutation R($id: UUID!) { revokeApiToken(id: $id) { revokedAt } }',
        { id: created.apiToken.id },
      );
      expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
      const after = await t.graphql(ME, undefined, { bearer: created.token });
      expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(after.errors?.[0]?.message).toContain('revoked');
    });

    it('stops working when it expires', async () => {
      const created = await createToken(zhangMin, 'short-lived');
      await t.dataSource.query(
        `UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [created.apiToken.id],
      );
      const after = await t.graphql(ME, undefined, { bearer: created.token });
      expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a lifetime outside 1 to 365 days', async () => {
      const response = await zhangMin(CREATE, { input: { name: 'forever', expiresInDays: 3650 } });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('platform administration', () => {
    it('a platform admin registers an organisation and invites its first admin', async () => {
      const created = await admin<{ createOrganization: { id: string } }>(CREATE_ORGANIZATION, {
        input: organizationInput(777, { name: 'Shenzhen Dexterous Hands', kind: 'SUPPLIER' }),
      });
      const organizationId = created.data!.createOrganization.id;
      const invited = await admin<{ inviteUser: { organizationId: string; roles: string[] } }>(INVITE, {
        input: { email: 'boss@dexterous-hands.example', roles: ['ORG_ADMIN'], organizationId },
      });
      expect(invited.data?.inviteUser).toEqual(
        expect.objectContaining({ organizationId, roles: ['ORG_ADMIN'] }),
      );
    });

    it('refuses an organisation admin registering organisations', async () => {
      const response = await liWei(CREATE_ORGANIZATION, { input: organizationInput(778) });
      expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });
  });

  it("shows a person's e-mail, status and last sign-in only to their own organisation", async () => {
    // A ticket raised by Zhang Min (the scenario user), read by Chen Jie (the robot maker).
    const [scenario] = await t.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM scenario s JOIN membership m ON m.consortium_id = s.consortium_id AND m.status = 'ACTIVE'
        JOIN organization o ON o.id = m.organization_id WHERE o.name = 'Hangzhou Lingbu Robotics'
         AND s.consortium_id IN (SELECT m2.consortium_id FROM membership m2 JOIN "user" u ON u.organization_id = m2.organization_id
                                  WHERE u.email = $1 AND m2.status = 'ACTIVE') LIMIT 1`,
      [ZHANG_MIN],
    );
    const raised = await zhangMin<{ raiseTicket: { id: string } }>(
      'mutation R($s: UUID!) { raiseTicket(input: { scenarioId: $s, title: "Gripper slips", description: "x" }) { id } }',
      { s: scenario!.id },
    );
    const ticketId = raised.data!.raiseTicket.id;
    const query = `query T($id: UUID!) { ticket(id: $id) { raisedBy { id name roles email status lastSignInAt } } }`;
    type Person = { id: string; name: string; roles: string[]; email: string | null; status: string | null };
    const read = async (client: GraphQLClient) =>
      (await client<{ ticket: { raisedBy: Person } }>(query, { id: ticketId })).data?.ticket.raisedBy;
    const fromElsewhere = await read(chenJie);
    expect(fromElsewhere).toMatchObject({
      name: expect.any(String),
      email: null,
      status: null,
      lastSignInAt: null,
    });
    expect(fromElsewhere!.roles.length).toBeGreaterThan(0);
    expect(await read(liWei)).toMatchObject({ email: ZHANG_MIN, status: 'ACTIVE' });
    expect(await read(zhangMin)).toMatchObject({ email: ZHANG_MIN, status: 'ACTIVE' });
    expect(await read(admin)).toMatchObject({ email: ZHANG_MIN });
  });
});
