import { subject } from '@casl/ability';
import fc from 'fast-check';
import {
  accessibleBy,
  buildAbility,
  NO_CONTRACT_FACTS,
  UserRole,
  type AppAbility,
  type Caller,
} from '@tetrad/core';
import { CONSORTIUM_COLUMNS, consortiumRules, MEMBERSHIP_COLUMNS } from '@tetrad/consortium';
import { startTestApp, type TestApp } from '../../support/test-app';

const ORGS = [
  '00000000-0000-4000-8000-00000000000a',
  '00000000-0000-4000-8000-00000000000b',
  '00000000-0000-4000-8000-00000000000c',
];
const CONSORTIA = [
  '00000000-0000-4000-8000-0000000000c1',
  '00000000-0000-4000-8000-0000000000c2',
  '00000000-0000-4000-8000-0000000000c3',
];
const MEMBERSHIP_STATUSES = ['INVITED', 'ACTIVE', 'DECLINED', 'WITHDRAWN'];
const CONSORTIUM_STATUSES = ['FORMING', 'ACTIVE', 'CLOSED'];

const callerArbitrary = fc.record({
  organizationId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
  roles: fc.subarray(Object.values(UserRole)),
  platformAdmin: fc.boolean(),
  activeConsortiumIds: fc.subarray(CONSORTIA),
});

const membershipRows = fc.array(
  fc.record({
    id: fc.uuid(),
    consortium_id: fc.constantFrom(...CONSORTIA),
    organization_id: fc.constantFrom(...ORGS),
    status: fc.constantFrom(...MEMBERSHIP_STATUSES),
  }),
  { maxLength: 12 },
);

const consortiumRows = fc.uniqueArray(
  fc.record({ id: fc.constantFrom(...CONSORTIA), status: fc.constantFrom(...CONSORTIUM_STATUSES) }),
  { selector: (row) => row.id },
);

interface CallerInput {
  organizationId: string | null;
  roles: UserRole[];
  platformAdmin: boolean;
  activeConsortiumIds: string[];
}

function abilityOf(input: CallerInput): AppAbility {
  const caller: Caller = {
    userId: '00000000-0000-4000-8000-0000000000ff',
    email: 'someone@example.com',
    organizationId: input.organizationId,
    roles: input.roles,
    platformAdmin: input.platformAdmin,
    via: 'api-token',
  };
  const memberships = input.activeConsortiumIds.map((consortiumId) => ({
    consortiumId,
    partyRole: 'SUPPLIER',
  }));
  return buildAbility(
    { caller, activeConsortiumIds: input.activeConsortiumIds, memberships, contracts: NO_CONTRACT_FACTS },
    [consortiumRules],
  );
}

/**
 * Property: for generated callers and rows, the rows the SQL filter (CASL rules → WHERE) returns are
 * exactly the rows `ability.can()` allows, for every action on memberships and consortia.
 */
describe('the SQL filter and ability.can() agree', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await t.close();
  });

  async function selectIds(
    table: string,
    columns: string[],
    rows: Record<string, string>[],
    where: { sql: string; params: Record<string, unknown> },
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const values = rows
      .map((row) => `(${columns.map((column) => `'${row[column]}'`).join(', ')})`)
      .join(', ');
    const sql = `SELECT ${table}.id FROM (VALUES ${values}) AS ${table}(${columns.join(', ')}) WHERE ${where.sql}`;
    const [query, parameters] = t.dataSource.driver.escapeQueryWithParameters(sql, where.params);
    const result = await t.dataSource.query<{ id: string }[]>(query, parameters);
    return result.map((row) => row.id).sort();
  }

  it('for memberships', async () => {
    await fc.assert(
      fc.asyncProperty(
        callerArbitrary,
        membershipRows,
        fc.constantFrom('read', 'accept', 'decline', 'withdraw'),
        async (caller, rows, action) => {
          const ability = abilityOf(caller);
          const where = accessibleBy(ability, action, 'Membership', MEMBERSHIP_COLUMNS);
          const fromSql = await selectIds(
            'membership',
            ['id', 'consortium_id', 'organization_id', 'status'],
            rows,
            where,
          );
          const fromAbility = rows
            .filter((row) =>
              ability.can(
                action as 'read',
                subject('Membership', {
                  id: row.id,
                  consortiumId: row.consortium_id,
                  organizationId: row.organization_id,
                  status: row.status,
                }),
              ),
            )
            .map((row) => row.id)
            .sort();
          expect(fromSql).toEqual(fromAbility);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for consortia', async () => {
    await fc.assert(
      fc.asyncProperty(
        callerArbitrary,
        consortiumRows,
        fc.constantFrom('read', 'invite', 'activate'),
        async (caller, rows, action) => {
          const ability = abilityOf(caller);
          const where = accessibleBy(ability, action, 'Consortium', CONSORTIUM_COLUMNS);
          const fromSql = await selectIds('consortium', ['id', 'status'], rows, where);
          const fromAbility = rows
            .filter((row) =>
              ability.can(action as 'read', subject('Consortium', { id: row.id, status: row.status })),
            )
            .map((row) => row.id)
            .sort();
          expect(fromSql).toEqual(fromAbility);
        },
      ),
      { numRuns: 150 },
    );
  });
});
