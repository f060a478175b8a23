import { CREATE_ORGANIZATION, organizationInput, validUscc } from '../../support/organizations';
import { DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

interface OrganizationNode {
  id: string;
  name: string;
  kind: string;
  region: string;
  stateOwned: boolean;
  unifiedSocialCreditCode: string;
}

interface Page {
  organizations: {
    totalCount: number;
    nodes: OrganizationNode[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {
    organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        id
        name
        kind
        region
        stateOwned
        unifiedSocialCreditCode
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
  }
`;

describe('organizations', () => {
  let t: TestApp;
  let admin: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<GraphQLResponse<T>>;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
    admin = t.as(DEMO_PLATFORM_ADMIN_EMAIL);
  });

  afterAll(async () => {
    await t.close();
  });

  async function count(): Promise<number> {
    const [row] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM organization');
    return row!.n;
  }

  describe('createOrganization', () => {
    it('registers an organisation and returns it, normalizing the code', async () => {
      const code = validUscc(1);
      const response = await admin<{ createOrganization: OrganizationNode }>(CREATE_ORGANIZATION, {
        input: organizationInput(1, {
          name: '  Shanghai Body Shop Co.  ',
          kind: 'SCENARIO_USER',
          unifiedSocialCreditCode: ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9)} `,
          stateOwned: true,
        }),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.createOrganization).toMatchObject({
        name: 'Shanghai Body Shop Co.',
        kind: 'SCENARIO_USER',
        unifiedSocialCreditCode: code,
        region: 'Shanghai',
        stateOwned: true,
      });
      const fetched = await admin<{ organization: OrganizationNode }>(
        'query One($id: UUID!) { organization(id: $id) { id name } }',
        { id: response.data?.createOrganization.id },
      );
      expect(fetched.data?.organization.name).toBe('Shanghai Body Shop Co.');
    });

    it('is refused to anonymous callers, and writes nothing', async () => {
      const before = await count();
      const anonymous = await t.graphql(CREATE_ORGANIZATION, { input: organizationInput(2) });
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(anonymous.errors?.[0]?.message).toContain('Sign in first');
      expect(await count()).toBe(before);
    });

    it('answers CONFLICT for a code already registered, and writes nothing', async () => {
      const before = await count();
      const response = await admin(CREATE_ORGANIZATION, {
        input: organizationInput(1, { name: 'Someone Else Ltd' }),
      });
      expect(response.errors?.[0]?.extensions.code).toBe('CONFLICT');
      expect(response.errors?.[0]?.message).toContain(validUscc(1));
      expect(await count()).toBe(before);
    });

    it.each([
      [
        'a wrong check character',
        { unifiedSocialCreditCode: `${validUscc(7).slice(0, 17)}${validUscc(7).endsWith('0') ? '1' : '0'}` },
        'does not match',
      ],
      ['too short a code', { unifiedSocialCreditCode: '91310000123' }, 'exactly 18 characters'],
      [
        'a forbidden letter',
        { unifiedSocialCreditCode: '91310000MA1FL4LQ2O' },
        'other than I, O, S, V and Z',
      ],
      ['a one-letter name', { name: 'X' }, 'name must be 2 to 200 characters'],
      ['an empty region', { region: ' ' }, 'region must be at least 2 characters'],
    ])(
      'refuses %s with BAD_USER_INPUT naming the field, and writes nothing',
      async (_case, overrides, words) => {
        const before = await count();
        const response = await admin(CREATE_ORGANIZATION, { input: organizationInput(50, overrides) });
        expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0]?.message).toContain(words);
        expect(await count()).toBe(before);
      },
    );

    it('refuses an unknown kind before any resolver runs', async () => {
      const before = t.sqlStatements();
      const response = await t.graphql(CREATE_ORGANIZATION, {
        input: organizationInput(51, { kind: 'BANK' }),
      });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(t.sqlStatements()).toBe(before);
    });
  });

  describe('organization', () => {
    it('answers NOT_FOUND for an unknown id', async () => {
      const response = await admin('{ organization(id: "00000000-0000-4000-8000-000000000000") { id } }');
      expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    });

    it('answers BAD_USER_INPUT for an id that is not a UUID', async () => {
      const response = await admin('{ organization(id: "42") { id } }');
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });

    it('loads several organisations of one request as cheaply as one (DataLoader)', async () => {
      const ids: string[] = [];
      for (const serial of [60, 61, 62]) {
        const created = await admin<{ createOrganization: { id: string } }>(CREATE_ORGANIZATION, {
          input: organizationInput(serial),
        });
        ids.push(created.data!.createOrganization.id);
      }
      const beforeOne = t.sqlStatements();
      await admin(`{ a: organization(id: "${ids[0]}") { id } }`);
      const forOne = t.sqlStatements() - beforeOne;
      const before = t.sqlStatements();
      const response = await admin<Record<string, { id: string }>>(
        `{ a: organization(id: "${ids[0]}") { id } b: organization(id: "${ids[1]}") { id } c: organization(id: "${ids[2]}") { id } }`,
      );
      expect(response.data).toEqual({ a: { id: ids[0] }, b: { id: ids[1] }, c: { id: ids[2] } });
      expect(t.sqlStatements() - before).toBe(forOne);
    });
  });

  describe('organizations', () => {
    beforeAll(async () => {
      const kinds = ['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE'];
      for (let serial = 100; serial < 110; serial += 1) {
        await admin(CREATE_ORGANIZATION, {
          input: organizationInput(serial, {
            name: `Paging ${String.fromCharCode(74 - (serial % 10))} Robotics`,
            kind: kinds[serial % 4],
            region: serial % 2 === 0 ? 'Guangdong' : 'Zhejiang',
            stateOwned: serial % 3 === 0,
          }),
        });
      }
    });

    it('walks every page with cursors, in order, without gaps or repeats', async () => {
      const filter = { search: 'Paging' };
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const response: { data?: Page | null } = await admin<Page>(LIST, { first: 3, after, filter });
        const page: Page['organizations'] = response.data!.organizations;
        expect(page.totalCount).toBe(10);
        seen.push(...page.nodes.map((node) => node.name));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(10);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(10);
    });

    it('sorts descending too', async () => {
      const response = await admin<Page>(LIST, {
        first: 10,
        filter: { search: 'paging' },
        orderBy: 'NAME_DESC',
      });
      const names = response.data!.organizations.nodes.map((node) => node.name);
      expect(names).toEqual([...names].sort().reverse());
    });

    it('filters in SQL by kind, region and ownership, and counts the matches', async () => {
      const response = await admin<Page>(LIST, {
        first: 100,
        filter: { kinds: ['SCENARIO_USER', 'SUPPLIER'], region: 'Guangdong', search: 'Paging' },
      });
      const page = response.data!.organizations;
      expect(page.nodes.length).toBeGreaterThan(0);
      expect(page.totalCount).toBe(page.nodes.length);
      for (const node of page.nodes) {
        expect(['SCENARIO_USER', 'SUPPLIER']).toContain(node.kind);
        expect(node.region).toBe('Guangdong');
      }
      const stateOwned = await admin<Page>(LIST, { filter: { stateOwned: true, search: 'Paging' } });
      expect(stateOwned.data!.organizations.nodes.every((node) => node.stateOwned)).toBe(true);
      expect(stateOwned.data!.organizations.totalCount).toBe(3);
    });

    it('treats LIKE wildcards in the search as plain text', async () => {
      const response = await admin<Page>(LIST, { filter: { search: '%' } });
      expect(response.data!.organizations.totalCount).toBe(0);
    });

    it('finds an organisation by its full code', async () => {
      const response = await admin<Page>(LIST, { filter: { search: validUscc(105).toLowerCase() } });
      expect(response.data!.organizations.nodes.map((node) => node.unifiedSocialCreditCode)).toEqual([
        validUscc(105),
      ]);
    });

    it('runs the same number of SQL statements for a page of 1 and a page of 100', async () => {
      const small = t.sqlStatements();
      await admin(LIST, { first: 1 });
      const smallCost = t.sqlStatements() - small;
      const large = t.sqlStatements();
      await admin(LIST, { first: 100 });
      expect(t.sqlStatements() - large).toBe(smallCost);
    });

    it.each([0, 101, -5])('refuses first: %i with BAD_USER_INPUT', async (first) => {
      const response = await admin(LIST, { first });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/first must be at (least 1|most 100)/);
    });

    it('refuses a forged cursor and a cursor of another sort order', async () => {
      const forged = await admin(LIST, { after: 'not-a-cursor' });
      expect(forged.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const first = await admin<Page>(LIST, { first: 1 });
      const otherOrder = await admin(LIST, {
        after: first.data!.organizations.pageInfo.endCursor,
        orderBy: 'CREATED_AT_DESC',
      });
      expect(otherOrder.errors?.[0]?.message).toContain('another sort order');
    });
  });
});
