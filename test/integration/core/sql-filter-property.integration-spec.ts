import { AbilityBuilder, createMongoAbility, subject as asSubject, type MongoQuery } from '@casl/ability';
import fc from 'fast-check';
import {
  accessibleBy,
  arrayColumn,
  AUDIT_ENTRY_COLUMNS,
  AuthorizationService,
  NO_CONTRACT_FACTS,
  UserRole,
  type AbilityContext,
  type Action,
  type AppAbility,
  type Caller,
  type ColumnMap,
  type ContractFacts,
  type SqlCondition,
  type SubjectType,
  type TaggedSubject,
} from '@tetrad/core';
import {
  CONSORTIUM_COLUMNS,
  ConsortiumStatus,
  MEMBERSHIP_COLUMNS,
  MembershipStatus,
} from '@tetrad/consortium';
import { ACCESS_REQUEST_COLUMNS, CONTRACT_COLUMNS } from '@tetrad/contract';
import { DATASET_COLUMNS, DataModality, DatasetSensitivity, Purpose } from '@tetrad/dataset';
import { KPI_REPORT_COLUMNS, LEDGER_COLUMNS, MILESTONE_COLUMNS } from '@tetrad/milestone';
import { OrganizationKind } from '@tetrad/organization';
import { SCENARIO_COLUMNS } from '@tetrad/scenario';
import { TICKET_COLUMNS } from '@tetrad/ticket';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Property: for generated callers (organisation, roles, platform admin, memberships with party
 * roles, contract facts) and generated rows, the rows the SQL filter (the rules compiled to a
 * WHERE by accessibleBy) selects are exactly the rows ability.can() allows, for every subject and
 * action the registered rules name. Abilities come from the application's own AuthorizationService,
 * so a domain that registers new rules is covered (the first test fails until it is listed below).
 *
 * A last property feeds the compiler generated can and cannot rules with every operator it
 * translates, on nullable columns, which today's rules do not reach.
 *
 * Each fast-check run is a batch of cases evaluated in one statement (one SELECT per case over its
 * rows as VALUES, UNION ALL'ed); a failure names the first disagreeing case, and fast-check prints
 * the seed and path to replay it.
 */

const BATCH = 25;
const MINIMUM_CASES = 10_000;

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
const USERS = ['00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2'];
const DATASETS = [
  '00000000-0000-4000-8000-0000000000d1',
  '00000000-0000-4000-8000-0000000000d2',
  '00000000-0000-4000-8000-0000000000d3',
];
const CONTRACTS = ['00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2'];

interface SubjectSpec {
  type: SubjectType;
  /** The table whose column types and nullability the rows take (null: no table, types given). */
  table: string | null;
  columns: ColumnMap;
  /** Every action the rules grant on this subject (the first test checks the list). */
  actions: readonly Action[];
  /** Values of enum-valued rule fields, from the code's enums. */
  enums?: Record<string, readonly string[]>;
  /** SQL types when there is no table. */
  types?: Record<string, string>;
  /** fast-check runs, each of BATCH cases. */
  runs: number;
}

const SUBJECTS: readonly SubjectSpec[] = [
  {
    type: 'Organization',
    table: 'organization',
    columns: { id: 'organization.id' },
    actions: ['read'],
    runs: 8,
  },
  { type: 'AuditEntry', table: 'audit_entry', columns: AUDIT_ENTRY_COLUMNS, actions: ['read'], runs: 20 },
  {
    type: 'Consortium',
    table: 'consortium',
    columns: CONSORTIUM_COLUMNS,
    actions: ['read', 'create', 'invite', 'activate', 'update'],
    enums: { status: Object.values(ConsortiumStatus) },
    runs: 36,
  },
  {
    type: 'Membership',
    table: 'membership',
    columns: MEMBERSHIP_COLUMNS,
    actions: ['read', 'accept', 'decline', 'withdraw'],
    enums: { status: Object.values(MembershipStatus) },
    runs: 36,
  },
  {
    type: 'Scenario',
    table: 'scenario',
    columns: SCENARIO_COLUMNS,
    actions: ['read', 'create', 'update'],
    runs: 24,
  },
  {
    type: 'Ticket',
    table: 'ticket',
    columns: TICKET_COLUMNS,
    actions: ['read', 'create', 'triage', 'assign', 'transition', 'comment'],
    runs: 24,
  },
  {
    // Comments are listed under a readable ticket, never by accessibleBy: the map is this test's.
    type: 'TicketComment',
    table: 'ticket_comment',
    columns: {
      id: 'comment.id',
      consortiumId: 'comment.consortium_id',
      authorUserId: 'comment.author_user_id',
    },
    actions: ['read', 'update', 'delete'],
    runs: 24,
  },
  {
    type: 'Dataset',
    table: 'dataset',
    columns: DATASET_COLUMNS,
    actions: ['read', 'create', 'update', 'readLocation'],
    enums: { sensitivity: Object.values(DatasetSensitivity) },
    runs: 44,
  },
  {
    // Checked record by record (data-access.service.ts), compiled here all the same.
    type: 'DatasetAccess',
    table: null,
    columns: { datasetId: 'access.dataset_id', purpose: 'access.purpose' },
    types: { dataset_id: 'uuid', purpose: 'text' },
    actions: ['access'],
    enums: { purpose: Object.values(Purpose) },
    runs: 24,
  },
  {
    type: 'DataAccessRequest',
    table: 'data_access_request',
    columns: ACCESS_REQUEST_COLUMNS,
    actions: ['read', 'create', 'withdraw', 'review'],
    runs: 36,
  },
  {
    type: 'DataSharingContract',
    table: 'data_sharing_contract',
    columns: CONTRACT_COLUMNS,
    actions: ['read', 'draft', 'agree', 'comment', 'sign', 'suspend', 'terminate', 'fulfil'],
    runs: 44,
  },
  {
    type: 'KpiReport',
    table: 'kpi_report',
    columns: KPI_REPORT_COLUMNS,
    actions: ['read', 'create', 'verify', 'withdraw'],
    runs: 36,
  },
  {
    type: 'Milestone',
    table: 'milestone',
    columns: MILESTONE_COLUMNS,
    actions: ['read', 'evaluate', 'create', 'update', 'accept', 'approve'],
    runs: 32,
  },
  {
    type: 'LedgerEntry',
    table: 'ledger_entry',
    columns: LEDGER_COLUMNS,
    actions: ['read', 'settle'],
    runs: 24,
  },
];

/** Ids a rule may compare a field with come from small pools, so that rules and rows meet. */
function poolFor(type: SubjectType, field: string): readonly string[] | null {
  if (field === 'consortiumId' || (type === 'Consortium' && field === 'id')) return CONSORTIA;
  if (field === 'datasetId' || (type === 'Dataset' && field === 'id')) return DATASETS;
  if (/rganizationIds?$/.test(field)) return ORGS;
  if (/UserId$/.test(field)) return USERS;
  return null;
}

function valuesFor(spec: SubjectSpec, field: string): readonly string[] | null {
  return spec.enums?.[field] ?? poolFor(spec.type, field);
}

/** One SQL column of a subject: where its rule field lives, its type and whether it may be NULL. */
interface SqlColumn {
  field: string;
  name: string;
  type: string;
  nullable: boolean;
  isArray: boolean;
}

interface SubjectTable {
  alias: string;
  columns: SqlColumn[];
}

type RowValue = string | string[] | null;
type Row = Record<string, RowValue>;

interface Case {
  context: AbilityContext;
  action: Action;
  rows: Row[];
}

const platformAdmin = fc.oneof(
  { arbitrary: fc.constant(false), weight: 4 },
  { arbitrary: fc.constant(true), weight: 1 },
);

const contractFacts: fc.Arbitrary<ContractFacts> = fc.record({
  partyDatasetIds: fc.subarray(DATASETS),
  grants: fc.array(
    fc.record({
      contractId: fc.constantFrom(...CONTRACTS),
      datasetIds: fc.subarray(DATASETS),
      purposes: fc.subarray(Object.values(Purpose)),
      excludedModalities: fc.subarray(Object.values(DataModality)),
      endsAt: fc.constant('2099-12-31T00:00:00.000Z'),
    }),
    { maxLength: 2 },
  ),
});

/**
 * A context as AuthorizationService builds it: without an organisation no memberships, without
 * memberships no contract facts. Grants are drawn apart from the party datasets (a wider space).
 */
const contextArbitrary: fc.Arbitrary<AbilityContext> = fc
  .record({
    userId: fc.constantFrom(...USERS),
    organizationId: fc.option(fc.constantFrom(...ORGS), { nil: null, freq: 5 }),
    roles: fc.subarray(Object.values(UserRole)),
    platformAdmin,
    memberships: fc.uniqueArray(
      fc.record({
        consortiumId: fc.constantFrom(...CONSORTIA),
        partyRole: fc.constantFrom(...Object.values(OrganizationKind)),
      }),
      { selector: (membership) => membership.consortiumId },
    ),
    contracts: contractFacts,
  })
  .map((input) => {
    const caller: Caller = {
      userId: input.userId,
      email: 'someone@example.com',
      organizationId: input.organizationId,
      roles: input.roles,
      platformAdmin: input.platformAdmin,
      via: 'api-token',
    };
    const memberships = input.organizationId
      ? [...input.memberships].sort((a, b) => a.consortiumId.localeCompare(b.consortiumId))
      : [];
    return {
      caller,
      memberships,
      activeConsortiumIds: memberships.map((membership) => membership.consortiumId),
      contracts: memberships.length > 0 ? input.contracts : NO_CONTRACT_FACTS,
    };
  });

function columnArbitrary(spec: SubjectSpec, column: SqlColumn): fc.Arbitrary<RowValue> {
  const pool = valuesFor(spec, column.field);
  let value: fc.Arbitrary<RowValue>;
  if (column.isArray) value = fc.subarray([...(pool ?? CONTRACTS)]);
  else value = pool ? fc.constantFrom(...pool) : fc.uuid();
  return column.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function caseArbitrary(spec: SubjectSpec, table: SubjectTable): fc.Arbitrary<Case> {
  const row = fc.record(
    Object.fromEntries(table.columns.map((column) => [column.field, columnArbitrary(spec, column)])),
  ) as fc.Arbitrary<Row>;
  // One action no rule grants on the subject: no rule at all must be FALSE.
  const ungranted = (['close', 'delete'] as const).find((action) => !spec.actions.includes(action))!;
  return fc.record({
    context: contextArbitrary,
    action: fc.oneof(
      { arbitrary: fc.constantFrom(...spec.actions), weight: 9 },
      { arbitrary: fc.constant(ungranted), weight: 1 },
    ),
    rows: fc.array(row, { maxLength: 8 }),
  });
}

function literal(value: RowValue, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  const text = Array.isArray(value) ? `{${value.join(',')}}` : value;
  if (!/^[A-Za-z0-9_,{}-]*$/.test(text)) throw new Error(`Unexpected generated value ${text}`);
  return `CAST('${text}' AS ${type})`;
}

/** Generated rules on one subject: two nullable id columns and a (never NULL) array column. */
const GENERATED_COLUMNS = {
  consortiumId: 'subject.consortium_id',
  recipientOrganizationId: 'subject.recipient_organization_id',
  partyOrganizationIds: arrayColumn('subject.party_organization_ids'),
} as const;

const GENERATED_TABLE: SubjectTable = {
  alias: 'subject',
  columns: [
    { field: 'consortiumId', name: 'consortium_id', type: 'uuid', nullable: true, isArray: false },
    {
      field: 'recipientOrganizationId',
      name: 'recipient_organization_id',
      type: 'uuid',
      nullable: true,
      isArray: false,
    },
    {
      field: 'partyOrganizationIds',
      name: 'party_organization_ids',
      type: 'uuid[]',
      nullable: false,
      isArray: true,
    },
  ],
};

const id = fc.constantFrom(...ORGS);
const idOrNull = fc.option(id, { nil: null, freq: 3 });

const scalarCondition: fc.Arbitrary<unknown> = fc.oneof(
  idOrNull,
  idOrNull.map((value) => ({ $eq: value })),
  idOrNull.map((value) => ({ $ne: value })),
  fc.array(idOrNull, { maxLength: 3 }).map((values) => ({ $in: values })),
  fc.array(idOrNull, { maxLength: 3 }).map((values) => ({ $nin: values })),
);

const arrayCondition: fc.Arbitrary<unknown> = fc.oneof(
  id,
  id.map((value) => ({ $ne: value })),
  fc.array(id, { maxLength: 3 }).map((values) => ({ $in: values })),
);

interface GeneratedRule {
  inverted: boolean;
  conditions: Record<string, unknown>;
}

const generatedRuleCase = fc.record({
  rules: fc.array(
    fc.record({
      inverted: fc.boolean(),
      conditions: fc.record(
        {
          consortiumId: scalarCondition,
          recipientOrganizationId: scalarCondition,
          partyOrganizationIds: arrayCondition,
        },
        { requiredKeys: [] },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  rows: fc.array(
    fc.record({
      consortiumId: idOrNull,
      recipientOrganizationId: idOrNull,
      partyOrganizationIds: fc.subarray(ORGS),
    }),
    { maxLength: 8 },
  ),
});

function abilityWith(rules: readonly GeneratedRule[]): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const { inverted, conditions } of rules) {
    (inverted ? cannot : can)('read', 'DataSharingContract', conditions as MongoQuery);
  }
  return build();
}

describe('the SQL filter and ability.can() agree', () => {
  let t: TestApp;
  let authorization: AuthorizationService;
  const tables = new Map<SubjectType, SubjectTable>();
  let evaluated = 0;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'false' });
    authorization = t.app.get(AuthorizationService);
    for (const spec of SUBJECTS) tables.set(spec.type, await describeTable(spec));
  });

  afterAll(async () => {
    await t.close();
  });

  /** The mapped columns as the migrated database declares them (a mapped column must exist). */
  async function describeTable(spec: SubjectSpec): Promise<SubjectTable> {
    const catalog = spec.table
      ? await t.dataSource.query<{ name: string; type: string; not_null: boolean }[]>(
          `SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS not_null
             FROM pg_attribute WHERE attrelid = CAST($1 AS regclass) AND attnum > 0 AND NOT attisdropped`,
          [spec.table],
        )
      : Object.entries(spec.types ?? {}).map(([name, type]) => ({ name, type, not_null: true }));
    const aliases = new Set<string>();
    const columns = Object.entries(spec.columns).map(([field, mapped]): SqlColumn => {
      const expression = typeof mapped === 'string' ? mapped : mapped.array;
      const [alias, name] = expression.split('.') as [string, string];
      aliases.add(alias);
      const declared = catalog.find((column) => column.name === name);
      if (!declared)
        throw new Error(`${spec.type}: the column ${expression} does not exist in ${spec.table}`);
      const isArray = declared.type.endsWith('[]');
      if (isArray !== (typeof mapped !== 'string')) {
        throw new Error(
          `${spec.type}: ${expression} is ${declared.type}, mapped as the other kind of column`,
        );
      }
      return { field, name, type: declared.type, nullable: !declared.not_null, isArray };
    });
    if (aliases.size !== 1) throw new Error(`${spec.type}: its columns name several tables`);
    return { alias: [...aliases][0]!, columns };
  }

  /** For each case, the numbers of the rows its WHERE selects, in one statement for the batch. */
  async function selectedBySql(
    table: SubjectTable,
    cases: { where: SqlCondition; rows: Row[] }[],
  ): Promise<number[][]> {
    const selects: string[] = [];
    const params: Record<string, unknown> = {};
    cases.forEach(({ where, rows }, caseNo) => {
      if (rows.length === 0) return;
      const values = rows
        .map(
          (row, rowNo) =>
            `(${[String(rowNo), ...table.columns.map((column) => literal(row[column.field]!, column.type))].join(', ')})`,
        )
        .join(', ');
      const names = ['row_no', ...table.columns.map((column) => column.name)].join(', ');
      selects.push(
        `SELECT ${caseNo} AS case_no, row_no FROM (VALUES ${values}) AS ${table.alias}(${names}) WHERE ${where.sql}`,
      );
      Object.assign(params, where.params);
    });
    const selected = cases.map((): number[] => []);
    if (selects.length === 0) return selected;
    const [query, parameters] = t.dataSource.driver.escapeQueryWithParameters(
      selects.join('\nUNION ALL\n'),
      params,
    );
    const result = await t.dataSource.query<{ case_no: number; row_no: number }[]>(query, parameters);
    for (const { case_no, row_no } of result) selected[Number(case_no)]!.push(Number(row_no));
    return selected.map((rows) => rows.sort((a, b) => a - b));
  }

  function allowedByAbility(ability: AppAbility, type: SubjectType, action: Action, rows: Row[]): number[] {
    return rows.flatMap((row, rowNo) =>
      // The pair (type, record) is generated per subject; the tagged union cannot be narrowed here.
      ability.can(action, asSubject(type, { ...row }) as unknown as TaggedSubject) ? [rowNo] : [],
    );
  }

  it('covers every subject, action and rule field the registered rules name', () => {
    const everything: ContractFacts = {
      partyDatasetIds: DATASETS,
      grants: [
        {
          contractId: CONTRACTS[0]!,
          datasetIds: DATASETS,
          purposes: Object.values(Purpose),
          excludedModalities: [],
          endsAt: '2099-12-31T00:00:00.000Z',
        },
      ],
    };
    const named = new Map<string, { actions: Set<string>; fields: Set<string> }>();
    for (const admin of [true, false]) {
      const memberships = CONSORTIA.map((consortiumId) => ({
        consortiumId,
        partyRole: OrganizationKind.SCENARIO_USER,
      }));
      // Rules only ever add with more roles, memberships and contracts: the fullest caller sees them all.
      const ability = authorization.abilityFrom({
        caller: {
          userId: USERS[0]!,
          email: 'someone@example.com',
          organizationId: ORGS[0]!,
          roles: Object.values(UserRole),
          platformAdmin: admin,
          via: 'api-token',
        },
        memberships,
        activeConsortiumIds: CONSORTIA,
        contracts: everything,
      });
      for (const rule of ability.rules) {
        for (const type of [rule.subject].flat()) {
          const entry = named.get(String(type)) ?? { actions: new Set(), fields: new Set() };
          for (const action of [rule.action].flat()) entry.actions.add(action);
          for (const field of Object.keys(rule.conditions ?? {})) entry.fields.add(field);
          named.set(String(type), entry);
        }
      }
    }
    const listed = Object.fromEntries(SUBJECTS.map((spec) => [spec.type, [...spec.actions].sort()]));
    const ruled = Object.fromEntries([...named].map(([type, entry]) => [type, [...entry.actions].sort()]));
    expect(listed).toEqual(ruled);
    for (const spec of SUBJECTS) {
      const unmapped = [...named.get(spec.type)!.fields].filter(
        (field) => !(field in spec.columns) || !valuesFor(spec, field),
      );
      expect({ type: spec.type, unmapped }).toEqual({ type: spec.type, unmapped: [] });
    }
  });

  /** One statement for the batch; throws on the first case where SQL and ability.can() disagree. */
  async function assertAgreement(
    type: SubjectType,
    columns: ColumnMap,
    table: SubjectTable,
    batch: { ability: AppAbility; action: Action; rows: Row[]; about: unknown }[],
  ): Promise<void> {
    const compiled = batch.map((entry, caseNo) => ({
      ...entry,
      where: accessibleBy(entry.ability, entry.action, type, columns, `c${caseNo}`),
      allowed: allowedByAbility(entry.ability, type, entry.action, entry.rows),
    }));
    const selected = await selectedBySql(table, compiled);
    const disagreement = compiled.findIndex(
      (entry, caseNo) => JSON.stringify(entry.allowed) !== JSON.stringify(selected[caseNo]),
    );
    if (disagreement < 0) return;
    const { action, rows, where, allowed, about } = compiled[disagreement]!;
    throw new Error(
      `${type}, ${action}: ability.can() allows rows ${JSON.stringify(allowed)}, the SQL filter selects ` +
        `${JSON.stringify(selected[disagreement])}\nwhere: ${where.sql} ${JSON.stringify(where.params)}\n` +
        `rows: ${JSON.stringify(rows)}\nfrom: ${JSON.stringify(about)}`,
    );
  }

  it.each(SUBJECTS.map((spec) => [spec.type, spec] as const))('for %s', async (_type, spec) => {
    const table = tables.get(spec.type)!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArbitrary(spec, table), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          await assertAgreement(
            spec.type,
            spec.columns,
            table,
            batch.map(({ context, action, rows }) => ({
              ability: authorization.abilityFrom(context),
              action,
              rows,
              about: context,
            })),
          );
          evaluated += batch.length;
        },
      ),
      { numRuns: spec.runs },
    );
  });

  /**
   * The compiler itself, beyond what today's rules use: generated can and cannot rules with every
   * operator it translates, on nullable columns and an array column (NULL must not turn a
   * cannot rule's NOT into "unknown", nor $nin into "no row").
   */
  it('for generated rules with every operator, NULLs and cannot rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedRuleCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await assertAgreement(
          'DataSharingContract',
          GENERATED_COLUMNS,
          GENERATED_TABLE,
          batch.map(({ rules, rows }) => ({
            ability: abilityWith(rules),
            action: 'read',
            rows,
            about: rules,
          })),
        );
      }),
      { numRuns: 40 },
    );
  });

  it(`checked at least ${MINIMUM_CASES} cases`, () => {
    expect(evaluated).toBeGreaterThanOrEqual(MINIMUM_CASES);
  });
});
