import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { organizationInput } from '../../support/organizations';
import { startTestApp, type TestApp } from '../../support/test-app';

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND';
const ROLES = ['ORG_ADMIN', 'LEGAL', 'DATA_STEWARD', 'SIGNATORY', 'ENGINEER', 'RESEARCHER'] as const;
type Role = (typeof ROLES)[number];

/** The demo organisation of each party kind, all active members of the parcel-sorting consortium. */
const PARTY_ORGANIZATIONS = {
  SCENARIO_USER: 'Shanghai Jiading Auto Body Works',
  ROBOT_MAKER: 'Hangzhou Lingbu Robotics',
  SUPPLIER: 'Suzhou Precision Harmonic Drives',
  RESEARCH_INSTITUTE: 'Beijing Institute for Embodied Intelligence',
} as const;
type PartyKind = keyof typeof PARTY_ORGANIZATIONS;

interface Operation {
  query: string;
  variables: (context: {
    consortiumId: string;
    freshOrganizationId: string;
    serial: number;
  }) => Record<string, unknown>;
}

const OPERATIONS = {
  readConsortium: {
    query: 'query Q($id: UUID!) { consortium(id: $id) { id } }',
    variables: ({ consortiumId }) => ({ id: consortiumId }),
  },
  listMembers: {
    query: 'query Q($id: UUID!) { memberships(consortiumId: $id) { totalCount } }',
    variables: ({ consortiumId }) => ({ id: consortiumId }),
  },
  readAuditTrail: {
    query: 'query Q($id: UUID!) { auditEntries(consortiumId: $id, first: 5) { totalCount } }',
    variables: ({ consortiumId }) => ({ id: consortiumId }),
  },
  foundConsortium: {
    query: 'mutation M($input: FoundConsortiumInput!) { foundConsortium(input: $input) { id } }',
    variables: ({ serial }) => ({
      input: { name: `Matrix ${serial}`, sector: 'RETAIL', region: 'Shanghai' },
    }),
  },
  inviteOrganization: {
    query: 'mutation M($input: InviteOrganizationInput!) { inviteOrganization(input: $input) { id } }',
    variables: ({ consortiumId, freshOrganizationId }) => ({
      input: { consortiumId, organizationId: freshOrganizationId },
    }),
  },
  activateConsortium: {
    query: 'mutation M($id: UUID!) { activateConsortium(id: $id) { id } }',
    variables: ({ consortiumId }) => ({ id: consortiumId }),
  },
  updateConsortium: {
    query: 'mutation M($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id timeZone } }',
    variables: ({ consortiumId }) => ({ input: { id: consortiumId, timeZone: 'Asia/Shanghai' } }),
  },
  registerOrganization: {
    query: 'mutation M($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: ({ serial }) => ({ input: organizationInput(5000 + serial) }),
  },
} satisfies Record<string, Operation>;
type OperationName = keyof typeof OPERATIONS;

/**
 * THE TABLE: expected outcome per operation and role, for a member of an ACTIVE consortium.
 * Party kind does not change these outcomes today; the product of all three is tested below.
 * (activateConsortium is FORBIDDEN even to admins: the consortium is already ACTIVE.)
 */
const EXPECTED: Record<OperationName, Record<Role, Outcome>> = {
  readConsortium: allRoles('ALLOWED'),
  listMembers: allRoles('ALLOWED'),
  readAuditTrail: allRoles('ALLOWED'),
  foundConsortium: adminOnly(),
  inviteOrganization: adminOnly(),
  activateConsortium: allRoles('FORBIDDEN'),
  updateConsortium: adminOnly(),
  registerOrganization: allRoles('FORBIDDEN'),
};

function allRoles(outcome: Outcome): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, Outcome>;
}

function adminOnly(): Record<Role, Outcome> {
  return { ...allRoles('FORBIDDEN'), ORG_ADMIN: 'ALLOWED' };
}

const CASES = (Object.keys(EXPECTED) as OperationName[]).flatMap((operation) =>
  ROLES.flatMap((role) =>
    (Object.keys(PARTY_ORGANIZATIONS) as PartyKind[]).map(
      (kind) => [operation, role, kind, EXPECTED[operation][role]] as const,
    ),
  ),
);

describe('authorization matrix: role × party kind × operation', () => {
  let t: TestApp;
  let consortiumId: string;
  const tokens = new Map<string, string>();
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    for (const [kind, name] of Object.entries(PARTY_ORGANIZATIONS)) {
      const organizationId = await organizationIdByName(t, name);
      for (const role of ROLES)
        tokens.set(`${role}/${kind}`, (await memberWithRoles(t, organizationId, [role])).token);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  async function freshOrganization(): Promise<string> {
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO organization (name, kind, unified_social_credit_code, region) VALUES ($1, 'SUPPLIER', $2, 'Jiangsu') RETURNING id`,
      [`Fresh supplier ${serial}`, String(organizationInput(9000 + serial)['unifiedSocialCreditCode'])],
    );
    return row!.id;
  }

  it.each(CASES)('%s by %s of a %s: %s', async (operation, role, kind, expected) => {
    serial += 1;
    const { query, variables } = OPERATIONS[operation];
    const response = await t.graphql(
      query,
      variables({ consortiumId, freshOrganizationId: await freshOrganization(), serial }),
      {
        bearer: tokens.get(`${role}/${kind}`)!,
      },
    );
    const outcome = response.errors ? response.errors[0]!.extensions.code : 'ALLOWED';
    expect(outcome).toBe(expected);
  });

  it('covers every operation for every role and party kind', () => {
    expect(CASES).toHaveLength(Object.keys(OPERATIONS).length * ROLES.length * 4);
  });
});
