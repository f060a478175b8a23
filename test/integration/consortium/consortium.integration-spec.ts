import { DEMO_CONSORTIA, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { CREATE_ORGANIZATION, organizationInput } from '../../support/organizations';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // ORG_ADMIN, scenario user, parcel sorting
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // ENGINEER, scenario user
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // ORG_ADMIN, robot maker, parcel sorting
const LIU_YANG = 'liu.yang@lingbu-robotics.example'; // LEGAL, SIGNATORY, robot maker
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // ORG_ADMIN, supplier, parcel sorting
const SUN_LI = 'sun.li@embodied-institute.example'; // ORG_ADMIN, research institute, parcel sorting
const HUANG_MEI = 'huang.mei@pearl-care.example'; // ORG_ADMIN, scenario user, elder care (FORMING)

const FOUND = `mutation F($input: FoundConsortiumInput!) { foundConsortium(input: $input) { id name status } }`;
const INVITE = `mutation I($input: InviteOrganizationInput!) { inviteOrganization(input: $input) { id status partyRole consortiumName } }`;
const ACCEPT = `mutation A($id: UUID!) { acceptMembership(id: $id) { id status } }`;
const DECLINE = `mutation D($id: UUID!) { declineMembership(id: $id) { id status } }`;
const WITHDRAW = `mutation W($id: UUID!) { withdrawMembership(id: $id) { id status } }`;
const ACTIVATE = `mutation Act($id: UUID!) { activateConsortium(id: $id) { id status activatedAt } }`;
const CONSORTIUM = `query C($id: UUID!) { consortium(id: $id) { id name status members(first: 20) { totalCount nodes { status partyRole organization { name } } } } }`;

interface Created {
  id: string;
  name: string;
  status: string;
}

describe('consortia and memberships', () => {
  let t: TestApp;
  let as: Record<string, GraphQLClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    as = Object.fromEntries(
      [LI_WEI, ZHANG_MIN, CHEN_JIE, ZHAO_LEI, SUN_LI, HUANG_MEI, DEMO_PLATFORM_ADMIN_EMAIL].map((email) => [
        email,
        t.as(email),
      ]),
    );
    for (const name of [
      'Hangzhou Lingbu Robotics',
      'Suzhou Precision Harmonic Drives',
      'Beijing Institute for Embodied Intelligence',
      'Shenzhen Pearl River Care Homes',
    ]) {
      ids[name] = await organizationIdByName(t, name);
    }
    ids['parcel'] = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    ids['elder'] = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
  });

  afterAll(async () => {
    await t.close();
  });

  async function auditCount(action: string): Promise<number> {
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = $1`,
      [action],
    );
    return row!.n;
  }

  async function found(client: GraphQLClient, name: string): Promise<Created> {
    const response = await client<{ foundConsortium: Created }>(FOUND, {
      input: { name, sector: 'MANUFACTURING', region: 'Shanghai' },
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.foundConsortium;
  }

  it('shows the demo data: an ACTIVE consortium of all four kinds and a FORMING one', async () => {
    const parcel = await as[LI_WEI]!<{ consortium: { status: string; members: { totalCount: number } } }>(
      CONSORTIUM,
      { id: ids['parcel'] },
    );
    expect(parcel.data?.consortium).toMatchObject({ status: 'ACTIVE', members: { totalCount: 4 } });
    const me = await as[LI_WEI]!<{ me: { consortia: { nodes: { name: string }[] } } }>(
      '{ me { consortia { nodes { name } } } }',
    );
    expect(me.data?.me.consortia.nodes.map((node) => node.name)).toEqual([DEMO_CONSORTIA[0]!.name]);
  });

  it('an organisation admin founds a consortium: FORMING, their organisation its first active member, audited', async () => {
    const before = await auditCount('consortium.found');
    const consortium = await found(as[LI_WEI]!, 'Welding cell retrofit');
    expect(consortium.status).toBe('FORMING');
    const read = await as[ZHANG_MIN]!<{
      consortium: { members: { nodes: { status: string; partyRole: string }[] } };
    }>(CONSORTIUM, { id: consortium.id });
    expect(read.data?.consortium.members.nodes).toEqual([
      expect.objectContaining({ status: 'ACTIVE', partyRole: 'SCENARIO_USER' }),
    ]);
    expect(await auditCount('consortium.found')).toBe(before + 1);
  });

  it('refuses founding to someone who is not ORG_ADMIN, writing nothing', async () => {
    const response = await as[ZHANG_MIN]!(FOUND, {
      input: { name: 'Not allowed', sector: 'RETAIL', region: 'Shanghai' },
    });
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM consortium WHERE name = 'Not allowed'`,
    );
    expect(row!.n).toBe(0);
  });

  describe('from invitation to activation', () => {
    let consortium: Created;
    const memberships: Record<string, string> = {};

    beforeAll(async () => {
      consortium = await found(as[LI_WEI]!, 'Screw tightening, body shop 2');
    });

    it('refuses activation while party kinds are missing, naming them', async () => {
      const response = await as[LI_WEI]!(ACTIVATE, { id: consortium.id });
      expect(response.errors?.[0]?.extensions.code).toBe('CONFLICT');
      expect(response.errors?.[0]?.message).toContain('ROBOT_MAKER, SUPPLIER, RESEARCH_INSTITUTE');
      expect(response.errors?.[0]?.extensions['missingPartyKinds']).toEqual([
        'ROBOT_MAKER',
        'SUPPLIER',
        'RESEARCH_INSTITUTE',
      ]);
    });

    it('invites organisations with their party role', async () => {
      for (const name of [
        'Hangzhou Lingbu Robotics',
        'Suzhou Precision Harmonic Drives',
        'Beijing Institute for Embodied Intelligence',
      ]) {
        const response = await as[LI_WEI]!<{
          inviteOrganization: { id: string; status: string; consortiumName: string };
        }>(INVITE, {
          input: { consortiumId: consortium.id, organizationId: ids[name] },
        });
        expect(response.data?.inviteOrganization).toMatchObject({
          status: 'INVITED',
          consortiumName: consortium.name,
        });
        memberships[name] = response.data!.inviteOrganization.id;
      }
    });

    it.each([
      [
        'an unknown organisation',
        () => ({ organizationId: '00000000-0000-4000-8000-000000000000' }),
        'NOT_FOUND',
      ],
      [
        'an organisation already invited',
        () => ({ organizationId: ids['Hangzhou Lingbu Robotics'] }),
        'CONFLICT',
      ],
      [
        'a party role the organisation is not',
        () => ({ organizationId: ids['Shenzhen Pearl River Care Homes'], partyRole: 'SUPPLIER' }),
        'BAD_USER_INPUT',
      ],
    ])('refuses inviting %s, writing nothing', async (_case, input, code) => {
      const [before] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM membership`);
      const response = await as[LI_WEI]!(INVITE, { input: { consortiumId: consortium.id, ...input() } });
      expect(response.errors?.[0]?.extensions.code).toBe(code);
      const [after] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM membership`);
      expect(after!.n).toBe(before!.n);
    });

    it('the invited organisation sees its invitation but nothing of the consortium until it accepts', async () => {
      const invitations = await as[CHEN_JIE]!<{
        memberships: { nodes: { id: string; consortiumName: string }[] };
      }>('{ memberships(statuses: [INVITED]) { nodes { id consortiumName } } }');
      expect(invitations.data?.memberships.nodes).toContainEqual({
        id: memberships['Hangzhou Lingbu Robotics'],
        consortiumName: consortium.name,
      });
      const hidden = await as[CHEN_JIE]!(CONSORTIUM, { id: consortium.id });
      expect(hidden.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    });

    it("refuses accepting another organisation's invitation (NOT_FOUND) and accepting without being ORG_ADMIN", async () => {
      const foreign = await as[ZHAO_LEI]!(ACCEPT, { id: memberships['Hangzhou Lingbu Robotics'] });
      expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const legal = await t.as(LIU_YANG)(ACCEPT, { id: memberships['Hangzhou Lingbu Robotics'] });
      expect(legal.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(legal.errors?.[0]?.message).toContain('ORG_ADMIN');
    });

    it('activates once every party kind has accepted', async () => {
      expect(
        (
          await as[CHEN_JIE]!<{ acceptMembership: Created }>(ACCEPT, {
            id: memberships['Hangzhou Lingbu Robotics'],
          })
        ).data?.acceptMembership.status,
      ).toBe('ACTIVE');
      expect(
        (
          await as[ZHAO_LEI]!<{ acceptMembership: Created }>(ACCEPT, {
            id: memberships['Suzhou Precision Harmonic Drives'],
          })
        ).data?.acceptMembership.status,
      ).toBe('ACTIVE');
      const stillMissing = await as[CHEN_JIE]!(ACTIVATE, { id: consortium.id });
      expect(stillMissing.errors?.[0]?.message).toContain('RESEARCH_INSTITUTE');
      expect(
        (
          await as[SUN_LI]!<{ acceptMembership: Created }>(ACCEPT, {
            id: memberships['Beijing Institute for Embodied Intelligence'],
          })
        ).data?.acceptMembership.status,
      ).toBe('ACTIVE');
      const activated = await as[CHEN_JIE]!<{ activateConsortium: { status: string; activatedAt: string } }>(
        ACTIVATE,
        { id: consortium.id },
      );
      expect(activated.data?.activateConsortium).toMatchObject({
        status: 'ACTIVE',
        activatedAt: expect.any(String),
      });
      const again = await as[CHEN_JIE]!(ACTIVATE, { id: consortium.id });
      expect(again.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });

    it('a member withdraws, and a withdrawn membership cannot be accepted again', async () => {
      const withdrawn = await as[SUN_LI]!<{ withdrawMembership: Created }>(WITHDRAW, {
        id: memberships['Beijing Institute for Embodied Intelligence'],
      });
      expect(withdrawn.data?.withdrawMembership.status).toBe('WITHDRAWN');
      const reaccept = await as[SUN_LI]!(ACCEPT, {
        id: memberships['Beijing Institute for Embodied Intelligence'],
      });
      expect(reaccept.errors?.[0]?.extensions.code).toBe('CONFLICT');
      expect(reaccept.errors?.[0]?.message).toContain('WITHDRAWN');
    });
  });

  it('declining an invitation leaves the consortium unseen; a new invitation may follow', async () => {
    const consortium = await found(as[LI_WEI]!, 'Paint shop inspection');
    const invited = await as[LI_WEI]!<{ inviteOrganization: { id: string } }>(INVITE, {
      input: { consortiumId: consortium.id, organizationId: ids['Suzhou Precision Harmonic Drives'] },
    });
    const declined = await as[ZHAO_LEI]!<{ declineMembership: Created }>(DECLINE, {
      id: invited.data!.inviteOrganization.id,
    });
    expect(declined.data?.declineMembership.status).toBe('DECLINED');
    expect((await as[ZHAO_LEI]!(CONSORTIUM, { id: consortium.id })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    const again = await as[LI_WEI]!<{ inviteOrganization: { status: string } }>(INVITE, {
      input: { consortiumId: consortium.id, organizationId: ids['Suzhou Precision Harmonic Drives'] },
    });
    expect(again.data?.inviteOrganization.status).toBe('INVITED');
  });

  it('refuses the last active member withdrawing', async () => {
    const consortium = await found(as[LI_WEI]!, 'Lonely consortium');
    const mine = await as[LI_WEI]!<{ memberships: { nodes: { id: string }[] } }>(
      'query M($id: UUID!) { memberships(consortiumId: $id) { nodes { id } } }',
      { id: consortium.id },
    );
    const response = await as[LI_WEI]!(WITHDRAW, { id: mine.data!.memberships.nodes[0]!.id });
    expect(response.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('last active member');
  });

  it('lists consortia filtered in SQL and paginated', async () => {
    const response = await as[LI_WEI]!<{
      consortia: { totalCount: number; nodes: { name: string; status: string }[] };
    }>('{ consortia(first: 100, filter: { statuses: [FORMING] }) { totalCount nodes { name status } } }');
    const nodes = response.data!.consortia.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.status === 'FORMING')).toBe(true);
    expect(nodes.map((node) => node.name)).not.toContain(DEMO_CONSORTIA[1]!.name);
    const page = await as[LI_WEI]!<{ consortia: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      '{ consortia(first: 1) { nodes { id } pageInfo { hasNextPage } } }',
    );
    expect(page.data!.consortia.nodes).toHaveLength(1);
    expect(page.data!.consortia.pageInfo.hasNextPage).toBe(true);
  });

  it('a platform admin sees every consortium', async () => {
    const response = await as[DEMO_PLATFORM_ADMIN_EMAIL]!<{ consortia: { nodes: { name: string }[] } }>(
      '{ consortia(first: 100) { nodes { name } } }',
    );
    expect(response.data!.consortia.nodes.map((node) => node.name)).toEqual(
      expect.arrayContaining(DEMO_CONSORTIA.map((c) => c.name)),
    );
  });

  describe('across tenants: a member of another consortium reads, changes and enumerates nothing', () => {
    let parcelMembership: string;

    beforeAll(async () => {
      const response = await as[LI_WEI]!<{ memberships: { nodes: { id: string }[] } }>(
        'query M($id: UUID!) { memberships(consortiumId: $id, partyRole: ROBOT_MAKER) { nodes { id } } }',
        { id: ids['parcel'] },
      );
      parcelMembership = response.data!.memberships.nodes[0]!.id;
    });

    it.each([
      ['consortium', () => [CONSORTIUM, { id: ids['parcel'] }]],
      [
        'memberships of it',
        () => [
          'query M($id: UUID!) { memberships(consortiumId: $id) { totalCount } }',
          { id: ids['parcel'] },
        ],
      ],
      [
        'inviteOrganization',
        () => [
          INVITE,
          { input: { consortiumId: ids['parcel'], organizationId: ids['Shenzhen Pearl River Care Homes'] } },
        ],
      ],
      ['activateConsortium', () => [ACTIVATE, { id: ids['parcel'] }]],
      [
        'updateConsortium',
        () => [
          'mutation U($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }',
          { input: { id: ids['parcel'], timeZone: 'Europe/Berlin' } },
        ],
      ],
      ['acceptMembership', () => [ACCEPT, { id: parcelMembership }]],
      ['declineMembership', () => [DECLINE, { id: parcelMembership }]],
      ['withdrawMembership', () => [WITHDRAW, { id: parcelMembership }]],
      [
        'auditEntries of it',
        () => [
          'query A($id: UUID!) { auditEntries(consortiumId: $id) { totalCount } }',
          { id: ids['parcel'] },
        ],
      ],
      [
        'verifyAuditChain of it',
        () => [
          'query V($id: UUID!) { verifyAuditChain(consortiumId: $id) { valid } }',
          { id: ids['parcel'] },
        ],
      ],
      [
        'auditCheckpoints of it',
        () => [
          'query C($id: UUID!) { auditCheckpoints(consortiumId: $id) { length } }',
          { id: ids['parcel'] },
        ],
      ],
    ] as [string, () => [string, Record<string, unknown>]][])(
      '%s answers NOT_FOUND',
      async (_name, request) => {
        const [query, variables] = request();
        const response = await as[HUANG_MEI]!(query, variables);
        expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
        expect(response.data ?? null).toBeNull();
      },
    );

    it('consortia, memberships and audit lists enumerate nothing of it', async () => {
      const response = await as[HUANG_MEI]!<{
        consortia: { nodes: { id: string }[] };
        memberships: { nodes: { consortiumName: string }[] };
        auditEntries: { nodes: { consortiumId: string | null }[] };
      }>(
        '{ consortia(first: 100) { nodes { id } } memberships(first: 100) { nodes { consortiumName } } auditEntries(first: 100) { nodes { consortiumId } } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.consortia.nodes.map((node) => node.id)).toEqual([ids['elder']]);
      expect(response.data!.memberships.nodes.map((node) => node.consortiumName)).toEqual([
        DEMO_CONSORTIA[1]!.name,
      ]);
      expect(response.data!.auditEntries.nodes.every((node) => node.consortiumId === ids['elder'])).toBe(
        true,
      );
    });
  });

  it('registers organisations only as a platform admin (organisation directory)', async () => {
    const response = await as[LI_WEI]!(CREATE_ORGANIZATION, { input: organizationInput(901) });
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
