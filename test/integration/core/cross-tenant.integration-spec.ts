import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  isLeafType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

/**
 * Generated from schema.graphql: every Query and Mutation root field with an id argument (directly
 * or inside an input object) is called by a member of consortium A with (a) a real id of the
 * matching record in consortium B and (b) a random UUID. Both must answer alike: the same code and
 * the same message once the sent id is replaced by a placeholder, never INTERNAL_SERVER_ERROR, and
 * no id in the message other than the ones sent. An unreachable record answers as a missing one.
 */

const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8'));
const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Which table an id argument names, by argument name (an `id` argument: by the root field). */
const TABLE_BY_ARGUMENT: Record<string, string> = {
  consortiumId: 'consortium',
  ticketId: 'ticket',
  fromTicketId: 'ticket',
  toTicketId: 'ticket',
  datasetId: 'dataset',
  datasetIds: 'dataset',
  contractId: 'data_sharing_contract',
  milestoneId: 'milestone',
  obligationId: 'contract_obligation',
  entryId: 'ledger_entry',
  scenarioId: 'scenario',
  userId: 'user',
  actorUserId: 'user',
  organizationId: 'organization',
  requestId: 'data_access_request',
  reportId: 'kpi_report',
  replyToId: 'contract_clause_comment',
  parentId: 'contract_clause_comment',
  inReplyToId: 'contract_clause_comment',
  commentId: 'contract_clause_comment',
  membershipId: 'membership',
  replyTo: 'contract_clause_comment',
  assigneeOrganizationId: 'organization',
  rewardFunderOrganizationId: 'organization',
  riskBeneficiaryOrganizationId: 'organization',
  assigneeUserId: 'user',
  raisedByUserId: 'user',
};

const TABLE_BY_ID_FIELD: Record<string, string> = {
  acceptMembership: 'membership',
  declineMembership: 'membership',
  withdrawMembership: 'membership',
  activateConsortium: 'consortium',
  consortium: 'consortium',
  approveMilestoneProposal: 'milestone_proposal',
  assignTicket: 'ticket',
  transitionTicket: 'ticket',
  triageTicket: 'ticket',
  watchTicket: 'ticket',
  ticket: 'ticket',
  deleteTicketComment: 'ticket_comment',
  editTicketComment: 'ticket_comment',
  disputeKpiReport: 'kpi_report',
  verifyKpiReport: 'kpi_report',
  withdrawKpiReport: 'kpi_report',
  kpiReport: 'kpi_report',
  evaluateMilestone: 'milestone',
  milestone: 'milestone',
  reopenClauseComment: 'contract_clause_comment',
  resolveClauseComment: 'contract_clause_comment',
  revokeApiToken: 'api_token',
  revokeInvitation: 'invitation',
  updateDataset: 'dataset',
  dataset: 'dataset',
  updateScenario: 'scenario',
  scenario: 'scenario',
  withdrawDataAccessRequest: 'data_access_request',
  dataAccessRequest: 'data_access_request',
  dataSharingContract: 'data_sharing_contract',
  contractDocumentFile: 'data_sharing_contract',
  organization: 'organization',
  user: 'user',
  updateConsortium: 'consortium',
};

/**
 * Id arguments whose two answers legitimately differ, with the reason. Organisations are not
 * records of a consortium: the directory is readable by every signed-in person, since an admin
 * invites another organisation into their consortium by its id.
 */
const EXPECTED_DIFFERENCES: Record<string, string> = {
  'organization(id)': 'organisations are a platform-wide directory, not records of a consortium',
  'inviteOrganization(input.organizationId)':
    'inviting an organisation from outside the consortium is what the mutation is for',
};

interface IdSlot {
  /** Argument path, e.g. ["input", "ticketId"]. */
  path: string[];
  table: string;
}

interface Case {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  slot: IdSlot;
}

function unwrapIsUuid(type: GraphQLInputType): boolean {
  return getNamedType(type).name === 'UUID' || getNamedType(type).name === 'ID';
}

function tableFor(fieldName: string, path: string[]): string | undefined {
  const last = path[path.length - 1]!;
  if (last === 'id') return TABLE_BY_ID_FIELD[fieldName];
  // A list change ({ add, remove }) names its ids by its own field.
  if (last === 'add' || last === 'remove') return TABLE_BY_ARGUMENT[path[path.length - 2]!];
  return TABLE_BY_ARGUMENT[last];
}

/** Every id slot of a root field's arguments, following input objects. */
function idSlots(field: GraphQLField<unknown, unknown>, unmapped: string[]): IdSlot[] {
  const slots: IdSlot[] = [];
  const visit = (
    entries: readonly (GraphQLArgument | GraphQLInputField)[],
    prefix: string[],
    depth: number,
  ) => {
    for (const entry of entries) {
      const named = getNamedType(entry.type);
      if (unwrapIsUuid(entry.type)) {
        const table = tableFor(field.name, [...prefix, entry.name]);
        if (table) slots.push({ path: [...prefix, entry.name], table });
        else unmapped.push(`${field.name}.${[...prefix, entry.name].join('.')}`);
      } else if (isInputObjectType(named) && depth < 3) {
        visit(Object.values(named.getFields()), [...prefix, entry.name], depth + 1);
      }
    }
  };
  visit(field.args, [], 0);
  return slots;
}

/** Optional arguments a field needs to get past input validation to the lookup. */
const ARGUMENT_OVERRIDES: Record<string, Record<string, unknown>> = {
  disputeKpiReport: { reason: 'The counts disagree with the logs.' },
  verifyKpiReport: { reason: 'Matches the logs.' },
};

/** A string that passes the usual length and format checks, chosen by the field's name. */
function sampleString(name: string): string {
  if (/hash$/i.test(name)) return '0'.repeat(64);
  if (name === 'kpiKey') return 'throughput';
  if (/email/i.test(name)) return 'probe@example.com';
  if (/timeZone/i.test(name)) return 'Asia/Shanghai';
  if (/currency/i.test(name)) return 'CNY';
  if (/location|url/i.test(name)) return 's3://cross-tenant-probe';
  return 'Cross-tenant probe';
}

/** Dates in the order windows and periods need: a period in the past, a window in the future. */
function sampleDate(name: string): string {
  const days: Record<string, number> = {
    periodStart: -2,
    periodEnd: -1,
    windowStart: 1,
    windowEnd: 30,
    dueAt: 40,
  };
  return new Date(Date.now() + (days[name] ?? 1) * 86_400_000).toISOString();
}

/**
 * A minimal valid value of an input type: its required parts, plus the parts on `path` down to
 * the id slot, which gets `id` (in a list when the slot is a list).
 */
function sample(
  type: GraphQLInputType,
  name: string,
  fill: (name: string) => string,
  path: readonly string[] = [],
  id?: string,
): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name, fill, path, id);
  if (isListType(type)) return [sample(type.ofType, name, fill, path, id)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      const onPath = id !== undefined && path[0] === inner.name;
      if (onPath || (isNonNullType(inner.type) && inner.defaultValue === undefined)) {
        value[inner.name] = onPath
          ? sample(inner.type, inner.name, fill, path.slice(1), id)
          : sample(inner.type, inner.name, fill);
      }
    }
    return value;
  }
  if (id !== undefined && path.length === 0) return id;
  switch (type.name) {
    case 'UUID':
    case 'ID':
      return fill(name);
    case 'Int':
    case 'SafeInt':
    case 'Float':
      return /basisPoints/i.test(name) ? 10_000 : 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return sampleDate(name);
    case 'LocalDate':
      return '2030-01-01';
    case 'JSON':
      return {};
    default:
      return sampleString(name);
  }
}

/** Every argument the document declares: the id slot's, the required ones and the overrides. */
function variablesFor(c: Case, id: string, fill: (name: string) => string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of c.field.args) {
    if (arg.name === c.slot.path[0]) {
      values[arg.name] = sample(arg.type, arg.name, fill, c.slot.path.slice(1), id);
    } else if (isNonNullType(arg.type)) {
      values[arg.name] = arg.defaultValue ?? sample(arg.type, arg.name, fill);
    }
  }
  return { ...values, ...ARGUMENT_OVERRIDES[c.field.name] };
}

/**
 * What an answer shows: its type, and its counts and figures (scalar fields other than times), so
 * that a list or total including another consortium's records differs from the random id's.
 */
function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isAbstractType(named)) return ' { __typename }';
  if (!isObjectType(named)) return '';
  const figures = Object.values(named.getFields())
    .filter((inner) => inner.args.every((arg) => !isNonNullType(arg.type)))
    .filter((inner) => isLeafType(getNamedType(inner.type)) && getNamedType(inner.type).name !== 'DateTime')
    .map((inner) => inner.name);
  return ` { __typename ${figures.join(' ')} }`;
}

function documentFor(c: Case): string {
  const declarations = c.field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passing = c.field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const args = c.field.args.length ? `(${declarations})` : '';
  const call = c.field.args.length ? `(${passing})` : '';
  return `${c.operation} Probe${args} { ${c.field.name}${call}${selection(c.field)} }`;
}

const unmapped: string[] = [];
const cases: Case[] = (['query', 'mutation'] as const).flatMap((operation) => {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root!.getFields()).flatMap((field) =>
    idSlots(field, unmapped).map((slot) => ({ operation, field, slot })),
  );
});

interface Answer {
  code: string | null;
  message: string | null;
  extensions: string | null;
}

describe.each([
  ['PostgreSQL', false],
  ['the embedded database', true],
])('cross-tenant answers on %s', (_label, embedded) => {
  let t: TestApp;
  /** Members of consortium A: one with every role, one with none (refusals by role come first). */
  const tokens = new Map<string, string>();
  /** Reachable records of consortium A, for the id arguments not under test. */
  const idsOfA = new Map<string, string>();
  /** One real id of consortium B per table. */
  const idsOfB = new Map<string, string>();

  const insert = async (sql: string, params: unknown[]): Promise<string> =>
    (await t.dataSource.query<{ id: string }[]>(`${sql} RETURNING id`, params))[0]!.id;

  async function seedConsortiumB(): Promise<void> {
    const b = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const org = await organizationIdByName(t, 'Shanghai Jiading Auto Body Works');
    const user = { id: (await memberWithRoles(t, org, ['ENGINEER', 'ORG_ADMIN'], 'b-member')).userId };
    const [scenario] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM scenario WHERE consortium_id = $1 LIMIT 1`,
      [b],
    );
    const ticket = await insert(
      `INSERT INTO ticket (consortium_id, scenario_id, number, title, description, category, severity, severity_rank,
         raised_by_user_id, raised_by_organization_id, response_due_at, resolution_due_at)
       VALUES ($1, $2, 9001, 'B ticket', 'B', (enum_range(NULL::ticket_category))[1], (enum_range(NULL::ticket_severity))[1], 1,
         $3, $4, now() + interval '1 day', now() + interval '2 days')`,
      [b, scenario!.id, user.id, org],
    );
    const contract = await insert(
      `INSERT INTO data_sharing_contract (consortium_id, title, recipient_organization_id, provider_organization_ids,
         party_organization_ids, dataset_ids) VALUES ($1, 'B contract', $2, ARRAY[$2]::uuid[], ARRAY[$2]::uuid[], '{}')`,
      [b, org],
    );
    await t.dataSource.query(
      `INSERT INTO contract_version (contract_id, number, title, terms, clauses, content_hash)
       VALUES ($1, 1, 'B contract', '{}', '[]', repeat('0', 64))`,
      [contract],
    );
    const [milestone] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM milestone WHERE consortium_id = $1 LIMIT 1`,
      [b],
    );
    const ledgerEntry = await insert(
      `INSERT INTO ledger_entry (milestone_id, organization_id, kind, consortium_id, scenario_id, basis_points,
         amount_minor, currency, payer_organization_id, payee_organization_id)
       VALUES ($1, $2, (enum_range(NULL::ledger_entry_kind))[1], $3, $4, 10000, 100, 'CNY', $2, $2)`,
      [milestone!.id, org, b, scenario!.id],
    );
    const tables: Record<string, string> = {
      ledger_entry: ledgerEntry,
      consortium: b,
      organization: org,
      user: user.id,
      scenario: scenario!.id,
      ticket,
      data_sharing_contract: contract,
      milestone: milestone!.id,
      ticket_comment: await insert(
        `INSERT INTO ticket_comment (ticket_id, consortium_id, author_user_id, body) VALUES ($1, $2, $3, 'B comment')`,
        [ticket, b, user.id],
      ),
      contract_obligation: await insert(
        `INSERT INTO contract_obligation (contract_id, duty) VALUES ($1, (enum_range(NULL::contract_duty))[1])`,
        [contract],
      ),
      contract_clause_comment: await insert(
        `INSERT INTO contract_clause_comment (contract_id, consortium_id, version, body, author_user_id, author_organization_id)
         VALUES ($1, $2, 1, 'B clause comment', $3, $4)`,
        [contract, b, user.id, org],
      ),
      data_access_request: await insert(
        `INSERT INTO data_access_request (consortium_id, requester_organization_id, requester_user_id, provider_organization_ids,
           purpose, intended_outputs, duration_days, security_measures, review_due_at)
         VALUES ($1, $2, $3, ARRAY[$2]::uuid[], 'RESEARCH', 'x', 30, 'x', now() + interval '5 days')`,
        [b, org, user.id],
      ),
      milestone_proposal: await insert(
        `INSERT INTO milestone_proposal (milestone_id, kind, reason, proposed_by_user_id)
         VALUES ($1, (enum_range(NULL::milestone_proposal_kind))[1], 'B proposal', $2)`,
        [milestone!.id, user.id],
      ),
    };
    for (const [table, sql] of Object.entries({
      dataset: `SELECT id FROM dataset WHERE consortium_id = $1 LIMIT 1`,
      kpi_report: `SELECT id FROM kpi_report WHERE consortium_id = $1 LIMIT 1`,
      membership: `SELECT id FROM membership WHERE consortium_id = $1 LIMIT 1`,
      invitation: `SELECT id FROM invitation WHERE organization_id = $1 LIMIT 1`,
      api_token: `SELECT t.id FROM api_token t JOIN "user" u ON u.id = t.user_id WHERE u.organization_id = $1 LIMIT 1`,
    })) {
      const [row] = await t.dataSource.query<{ id: string }[]>(sql, [
        table === 'invitation' || table === 'api_token' ? org : b,
      ]);
      if (row) tables[table] = row.id;
    }
    for (const [table, id] of Object.entries(tables)) idsOfB.set(table, id);
  }

  /** A copy of one of B's rows, moved into consortium A by the given columns. */
  async function copyRow(table: string, id: string, overrides: Record<string, string>): Promise<string> {
    const columns = (
      await t.dataSource.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'id' AND is_generated = 'NEVER'`,
        [table],
      )
    ).map((row) => row.column_name);
    const values = Object.values(overrides);
    const select = columns.map((column) =>
      column in overrides ? `$${Object.keys(overrides).indexOf(column) + 2}` : `"${column}"`,
    );
    return insert(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')})
       SELECT ${select.join(', ')} FROM "${table}" WHERE id = $1`,
      [id, ...values],
    );
  }

  async function seedConsortiumA(orgA: string, userA: string): Promise<void> {
    const a = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
    const moved = { consortium_id: a };
    const scenario = await copyRow('scenario', idsOfB.get('scenario')!, { ...moved, name: 'A scenario' });
    const inA = { ...moved, scenario_id: scenario };
    const ticket = await copyRow('ticket', idsOfB.get('ticket')!, {
      ...inA,
      raised_by_organization_id: orgA,
      raised_by_user_id: userA,
    });
    const dataset = await copyRow('dataset', idsOfB.get('dataset')!, {
      ...inA,
      owner_organization_id: orgA,
      name: 'A dataset',
    });
    const contract = await copyRow('data_sharing_contract', idsOfB.get('data_sharing_contract')!, moved);
    const milestone = await copyRow('milestone', idsOfB.get('milestone')!, { ...inA, name: 'A milestone' });
    const ids = { consortium: a, organization: orgA, user: userA, scenario, ticket, dataset, milestone };
    for (const [table, id] of Object.entries({ ...ids, data_sharing_contract: contract }))
      idsOfA.set(table, id);
  }

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    const orgA = await organizationIdByName(t, 'Shenzhen Pearl River Care Homes');
    const roles = (schema.getType('UserRole') as unknown as { getValues(): { value: string }[] })
      .getValues()
      .map((value) => value.value)
      .filter((role) => role !== 'PLATFORM_ADMIN');
    const member = await memberWithRoles(t, orgA, roles, 'a-member');
    tokens.set('every role', member.token);
    tokens.set('no role', (await memberWithRoles(t, orgA, [], 'a-no-role')).token);
    await seedConsortiumB();
    await seedConsortiumA(orgA, member.userId);
  });

  afterAll(async () => {
    await t?.close();
  });

  function answer(response: GraphQLResponse<unknown>, sent: string): Answer {
    const error = response.errors?.[0];
    if (!error) {
      // A file's bytes carry the time it was made (zip entries): its length compares, not its bytes.
      const data = JSON.stringify(response.data, (key, value: unknown) =>
        key === 'contentBase64' && typeof value === 'string' ? `${value.length} characters` : value,
      );
      return { code: null, message: null, extensions: data.split(sent).join('<id>') };
    }
    const { code, ...rest } = error.extensions;
    return {
      code,
      message: error.message.split(sent).join('<id>'),
      extensions: JSON.stringify(rest).split(sent).join('<id>'),
    };
  }

  it.each(['every role', 'no role'])(
    'answers an unreachable record exactly as a missing one, on every root field with an id (a member with %s)',
    async (caller) => {
      const token = tokens.get(caller)!;
      const differences: string[] = [];
      const covered = new Set<string>();
      const skipped: string[] = [];
      const codes = new Map<string, string[]>();
      for (const c of cases) {
        const name = `${c.field.name}(${c.slot.path.join('.')})`;
        const real = idsOfB.get(c.slot.table);
        if (!real) {
          skipped.push(`${name}: no ${c.slot.table} of consortium B`);
          continue;
        }
        const other = randomUUID();
        // Other id arguments name A's own records where A has one of that kind, so that the answer
        // turns on the id under test.
        const fill = (argument: string): string => {
          const table = TABLE_BY_ARGUMENT[argument];
          return (table && idsOfA.get(table)) ?? other;
        };
        const random = randomUUID();
        const call = (id: string) => t.graphql(documentFor(c), variablesFor(c, id, fill), { bearer: token });
        const [unreachable, missing] = [await call(real), await call(random)];
        const a = answer(unreachable, real);
        const b = answer(missing, random);
        covered.add(c.field.name);
        const problems: string[] = [];
        if (a.code !== b.code || a.message !== b.message || a.extensions !== b.extensions) {
          problems.push(`unreachable ${JSON.stringify(a)} ≠ missing ${JSON.stringify(b)}`);
        }
        for (const [response, sent] of [
          [unreachable, real],
          [missing, random],
        ] as const) {
          const error = response.errors?.[0];
          if (error?.extensions.code === 'INTERNAL_SERVER_ERROR')
            problems.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
          const allowed = new Set([sent, other, ...idsOfA.values()].map((id) => id.toLowerCase()));
          const leaked = (JSON.stringify(response.errors ?? []).match(UUID_PATTERN) ?? []).filter(
            (id) => !allowed.has(id.toLowerCase()),
          );
          if (leaked.length) problems.push(`names ids not sent: ${leaked.join(', ')} in ${error?.message}`);
        }
        codes.set(b.code ?? 'OK', [
          ...(codes.get(b.code ?? 'OK') ?? []),
          b.code && b.code !== 'NOT_FOUND' ? `${name} «${b.message}»` : name,
        ]);
        if (problems.length && !EXPECTED_DIFFERENCES[name])
          differences.push(`${name}: ${problems.join('; ')}`);
      }
      console.log(
        `cross-tenant (${caller}): ${cases.length} id arguments on ${covered.size} root fields covered; ` +
          `skipped: ${skipped.length ? skipped.join(' | ') : 'none'}; unmapped: ${unmapped.join(', ') || 'none'}\n` +
          [...codes].map(([code, names]) => `${code} (${names.length}): ${names.join(', ')}`).join('\n'),
      );
      expect(differences).toEqual([]);
      expect(unmapped).toEqual([]);
      expect(skipped).toEqual([]);
      expect(covered.size).toBeGreaterThan(60);
    },
  );
});
