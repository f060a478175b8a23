import { DEMO_CONSORTIA, DEMO_DATASETS, DEMO_SCENARIO } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { organizationInput, validUscc } from '../../support/organizations';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

/**
 * The authorization matrix (issue 17, "Tenant walls"): every domain's representative reads and
 * mutations, called by a member of the parcel-sorting consortium with each single role at each
 * kind of party; by organisations that are not active members of it — an outsider in no
 * consortium, one only invited, one that withdrew — and by a member of another consortium, each
 * holding every role ("an organisation sees nothing of a consortium it is not an active member
 * of"). The tables below are the specification, written from
 * DOMAIN.md and the domains' rules; each case runs on its own fresh records, so that the order of
 * the cases does not matter, and a refused mutation must leave its records and the audit trail
 * exactly as they were.
 *
 * Outcomes: ALLOWED, or the error code (FORBIDDEN: the caller sees the record but may not do this;
 * NOT_FOUND: out of reach, answered as missing). A list that filters instead of refusing counts as
 * NOT_FOUND when it shows nothing of the consortium; a storage location withheld (null) counts as
 * FORBIDDEN.
 */

const ROLES = ['ORG_ADMIN', 'LEGAL', 'DATA_STEWARD', 'SIGNATORY', 'ENGINEER', 'RESEARCHER'] as const;
type Role = (typeof ROLES)[number];
const KINDS = ['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE'] as const;
type Kind = (typeof KINDS)[number];
type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND';
/** A member with one role at one kind of party, or one of the two callers from outside. */
type CallerName = `${Role}/${Kind}` | 'OUTSIDER' | 'INVITED_MEMBER' | 'WITHDRAWN_MEMBER' | 'OTHER_CONSORTIUM';
/** Organisations that are not active members of the consortium, with every role: how each is related to it. */
const NON_MEMBERS = ['OUTSIDER', 'INVITED_MEMBER', 'WITHDRAWN_MEMBER'] as const;

/** The demo organisation of each party kind, all active members of the parcel-sorting consortium. */
const PARTY_ORGANIZATIONS: Record<Kind, string> = {
  SCENARIO_USER: 'Shanghai Jiading Auto Body Works',
  ROBOT_MAKER: 'Hangzhou Lingbu Robotics',
  SUPPLIER: 'Suzhou Precision Harmonic Drives',
  RESEARCH_INSTITUTE: 'Beijing Institute for Embodied Intelligence',
};
/** An active member of the other demo consortium only. */
const OTHER_CONSORTIUM_ORGANIZATION = 'Shenzhen Pearl River Care Homes';

/** Expected outcomes of one operation. Every caller from outside answers NOT_FOUND unless said. */
interface Expectation {
  member: (role: Role, kind: Kind) => Outcome;
  /** The outsider, the invited and the withdrawn organisation. */
  outsider?: Outcome;
  otherConsortium?: Outcome;
}

const everyMember = (outcome: Outcome): Expectation => ({ member: () => outcome });
/** The roles allowed, at any kind of party; every other member is refused. */
const rolesMay = (...roles: Role[]): Expectation => ({
  member: (role) => (roles.includes(role) ? 'ALLOWED' : 'FORBIDDEN'),
});
/** Records seen by some parties only: the others answer NOT_FOUND; among those who see, `may` decides. */
const partiesMay = (parties: Kind[], may: (role: Role, kind: Kind) => boolean): Expectation => ({
  member: (role, kind) => (!parties.includes(kind) ? 'NOT_FOUND' : may(role, kind) ? 'ALLOWED' : 'FORBIDDEN'),
});

/**
 * THE TABLES, one per domain. The party kinds in play: the scenario user (SU) owns the dataset the
 * research institute (RI) asked for; their contract makes SU the provider and RI the recipient;
 * the robot maker and the supplier are members outside that exchange.
 */
const CONSORTIUM_TABLE = {
  // An organisation sees everything of a consortium it is an active member of, nothing of others.
  readConsortium: everyMember('ALLOWED'),
  listMembers: everyMember('ALLOWED'),
  // Member admins run the consortium; any organisation's admin may found a new one.
  foundConsortium: { ...rolesMay('ORG_ADMIN'), outsider: 'ALLOWED', otherConsortium: 'ALLOWED' },
  inviteOrganization: rolesMay('ORG_ADMIN'),
  updateConsortium: rolesMay('ORG_ADMIN'),
  // Already ACTIVE: activation is refused to everyone, admins included.
  activateConsortium: everyMember('FORBIDDEN'),
  // The organisation directory is kept by the programme office (platform admins) only.
  registerOrganization: { ...everyMember('FORBIDDEN'), outsider: 'FORBIDDEN', otherConsortium: 'FORBIDDEN' },
} satisfies Record<string, Expectation>;

const SCENARIO_TABLE = {
  // Every member reads the consortium's scenarios; the scenario user (its admins and engineers), who
  // names the real deployments and their pain points, creates and edits them.
  readScenario: everyMember('ALLOWED'),
  createScenario: {
    member: (role, kind) =>
      kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'ENGINEER') ? 'ALLOWED' : 'FORBIDDEN',
  },
  updateScenario: {
    member: (role, kind) =>
      kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'ENGINEER') ? 'ALLOWED' : 'FORBIDDEN',
  },
} satisfies Record<string, Expectation>;

const TICKET_TABLE = {
  // The consortium's shared work queue: every member reads, raises, triages, assigns, moves, comments.
  listTickets: everyMember('ALLOWED'),
  raiseTicket: everyMember('ALLOWED'),
  triageTicket: everyMember('ALLOWED'),
  assignTicket: everyMember('ALLOWED'),
  transitionTicket: everyMember('ALLOWED'),
  // Only the raising organisation (here the scenario user) verifies that its problem is solved.
  verifyTicket: { member: (_role, kind) => (kind === 'SCENARIO_USER' ? 'ALLOWED' : 'FORBIDDEN') },
  commentOnTicket: everyMember('ALLOWED'),
  // A comment is edited by its author only (here another person of the scenario user).
  editSomeoneElsesComment: everyMember('FORBIDDEN'),
  // Links to datasets (of its consortium, visible to the caller) are part of working on a ticket.
  linkTicketToDataset: everyMember('ALLOWED'),
  // Response and resolution times are the consortium's settings: its member admins set them.
  setTicketServiceLevel: rolesMay('ORG_ADMIN'),
} satisfies Record<string, Expectation>;

const DATASET_TABLE = {
  // CONSORTIUM and RESTRICTED datasets are listed for every member.
  listDatasets: everyMember('ALLOWED'),
  // TRADE_SECRET metadata: the owner (the supplier) only.
  readTradeSecretDataset: { member: (_role, kind) => (kind === 'SUPPLIER' ? 'ALLOWED' : 'NOT_FOUND') },
  // The storage location on the dataset itself: the owner's data stewards only. Holders of a live
  // grant (the institute's RESEARCHER/ENGINEER) get it from accessDataset, which records each access
  // with its purpose (DOMAIN: "Each such access is recorded with its purpose").
  readStorageLocation: {
    member: (role, kind) => (kind === 'SCENARIO_USER' && role === 'DATA_STEWARD' ? 'ALLOWED' : 'FORBIDDEN'),
  },
  // A member's data stewards (and, in the code, its admins) register its datasets.
  registerDataset: rolesMay('DATA_STEWARD', 'ORG_ADMIN'),
  // The owner's data stewards update it (the dataset is the scenario user's).
  updateDataset: {
    member: (role, kind) => (kind === 'SCENARIO_USER' && role === 'DATA_STEWARD' ? 'ALLOWED' : 'FORBIDDEN'),
  },
  // Enforcement: only an ACTIVE contract grants access, to the recipient's RESEARCHER/ENGINEER, for
  // its purposes; nothing else does, not even owning the data. Refusals are audited too.
  accessDataset: {
    member: (role, kind) =>
      kind === 'RESEARCH_INSTITUTE' && (role === 'RESEARCHER' || role === 'ENGINEER')
        ? 'ALLOWED'
        : 'FORBIDDEN',
  },
} satisfies Record<string, Expectation>;

const ACCESS_REQUEST_TABLE = {
  // A request (RI asks SU's dataset) is seen by the requester and the provider only.
  readAccessRequest: partiesMay(['SCENARIO_USER', 'RESEARCH_INSTITUTE'], () => true),
  // Researchers, engineers and admins request access for their organisation (to another's dataset).
  submitAccessRequest: rolesMay('RESEARCHER', 'ENGINEER', 'ORG_ADMIN'),
  // The provider's data stewards decide.
  reviewAccessRequest: partiesMay(
    ['SCENARIO_USER', 'RESEARCH_INSTITUTE'],
    (role, kind) => kind === 'SCENARIO_USER' && role === 'DATA_STEWARD',
  ),
  // The requester withdraws it (by those who may request).
  withdrawAccessRequest: partiesMay(
    ['SCENARIO_USER', 'RESEARCH_INSTITUTE'],
    (role, kind) => kind === 'RESEARCH_INSTITUTE' && ['RESEARCHER', 'ENGINEER', 'ORG_ADMIN'].includes(role),
  ),
} satisfies Record<string, Expectation>;

const CONTRACT_TABLE = {
  // A contract is seen by its parties only: SU (provider) and RI (recipient).
  readContract: partiesMay(['SCENARIO_USER', 'RESEARCH_INSTITUTE'], () => true),
  // Each party's LEGAL users draft.
  editContract: partiesMay(['SCENARIO_USER', 'RESEARCH_INSTITUTE'], (role) => role === 'LEGAL'),
  // ... and agree a version, which freezes it for signature.
  agreeContract: partiesMay(['SCENARIO_USER', 'RESEARCH_INSTITUTE'], (role) => role === 'LEGAL'),
  // Each party's SIGNATORY signs the agreed hash.
  signContract: partiesMay(['SCENARIO_USER', 'RESEARCH_INSTITUTE'], (role) => role === 'SIGNATORY'),
  // The provider's admin or legal team suspends an ACTIVE contract; the recipient cannot.
  suspendContract: partiesMay(
    ['SCENARIO_USER', 'RESEARCH_INSTITUTE'],
    (role, kind) => kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'LEGAL'),
  ),
  terminateContract: partiesMay(
    ['SCENARIO_USER', 'RESEARCH_INSTITUTE'],
    (role, kind) => kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'LEGAL'),
  ),
  // The recipient meets the duties (its admin or legal team records the evidence).
  fulfilObligation: partiesMay(
    ['SCENARIO_USER', 'RESEARCH_INSTITUTE'],
    (role, kind) => kind === 'RESEARCH_INSTITUTE' && (role === 'ORG_ADMIN' || role === 'LEGAL'),
  ),
} satisfies Record<string, Expectation>;

const MILESTONE_TABLE = {
  readMilestone: everyMember('ALLOWED'),
  // Member admins propose milestones and amend proposed terms.
  proposeMilestone: rolesMay('ORG_ADMIN'),
  amendMilestoneTerms: rolesMay('ORG_ADMIN'),
  // Every bound party (all four hold a share) accepts the exact terms: by its admins or signatories.
  acceptMilestoneTerms: rolesMay('ORG_ADMIN', 'SIGNATORY'),
  // KPI reports are submitted by the scenario user (its admins and engineers) ...
  submitKpiReport: {
    member: (role, kind) =>
      kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'ENGINEER') ? 'ALLOWED' : 'FORBIDDEN',
  },
  // ... who alone may withdraw them ...
  withdrawKpiReport: {
    member: (role, kind) =>
      kind === 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'ENGINEER') ? 'ALLOWED' : 'FORBIDDEN',
  },
  // ... and verified by another party (its admins and engineers), never by the submitter.
  verifyKpiReport: {
    member: (role, kind) =>
      kind !== 'SCENARIO_USER' && (role === 'ORG_ADMIN' || role === 'ENGINEER') ? 'ALLOWED' : 'FORBIDDEN',
  },
} satisfies Record<string, Expectation>;

const LEDGER_TABLE = {
  listLedgerEntries: everyMember('ALLOWED'),
  // Settled when the payee (here the scenario user) confirms: by its admin.
  confirmLedgerSettlement: {
    member: (role, kind) => (kind === 'SCENARIO_USER' && role === 'ORG_ADMIN' ? 'ALLOWED' : 'FORBIDDEN'),
  },
} satisfies Record<string, Expectation>;

const AUDIT_TABLE = {
  // One chain per consortium, read and verified by any party.
  auditEntries: everyMember('ALLOWED'),
  auditCheckpoints: everyMember('ALLOWED'),
  verifyAuditChain: everyMember('ALLOWED'),
} satisfies Record<string, Expectation>;

const TABLES = {
  consortium: CONSORTIUM_TABLE,
  scenario: SCENARIO_TABLE,
  ticket: TICKET_TABLE,
  dataset: DATASET_TABLE,
  'access request': ACCESS_REQUEST_TABLE,
  contract: CONTRACT_TABLE,
  milestone: MILESTONE_TABLE,
  ledger: LEDGER_TABLE,
  audit: AUDIT_TABLE,
};
type OperationName = {
  [Domain in keyof typeof TABLES]: keyof (typeof TABLES)[Domain];
}[keyof typeof TABLES];

/** The records every case can name, made once. */
interface World {
  consortiumId: string;
  scenarioId: string;
  organizations: Record<Kind, string>;
  /** A person of the scenario user who raises tickets and writes comments (no token). */
  bystanderId: string;
  /** SU's CONSORTIUM dataset, which RI may use under an ACTIVE contract. */
  parcelsId: string;
  /** The supplier's TRADE_SECRET dataset. */
  secretId: string;
  /** RI's request for the parcels (approved) and the contracts made from it, in three states. */
  requestId: string;
  draftContractId: string;
  agreedContractId: string;
  agreedHash: string;
  activeContractId: string;
  milestoneId: string;
  termsHash: string;
  reportId: string;
}

/** Per case: its number (unique names, periods, ticket numbers) and the fresh records it made. */
interface CaseContext {
  serial: number;
  kind: Kind | null;
  fresh: Record<string, string>;
}

interface Operation {
  document: string;
  /** Fresh records of this case, made with SQL before the call. */
  prepare?: (w: World, c: CaseContext) => Promise<Record<string, string>>;
  variables: (w: World, c: CaseContext) => Record<string, unknown>;
  /** For answers that filter or withhold instead of refusing: whether it shows what was asked. */
  shows?: (data: Record<string, unknown>) => boolean;
  /** What an answer that does not show it counts as (by default NOT_FOUND). */
  hidden?: Outcome;
  /** What a refused mutation must leave as it was: one SQL row. */
  state?: (w: World, c: CaseContext) => [string, unknown[]];
  /** Refusals are written to the audit trail too (one entry), not only successes. */
  refusalsAudited?: boolean;
}

const DAY = 86_400_000;
const isoDaysFromNow = (days: number): string => new Date(Date.now() + days * DAY).toISOString();
const totalCount =
  (field: string) =>
  (data: Record<string, unknown>): boolean =>
    (data[field] as { totalCount: number }).totalCount > 0;

/** [domain, operation, caller, expected outcome, serial], in table order. */
const CASES: [string, OperationName, CallerName, Outcome, number][] = Object.entries(TABLES)
  .flatMap(([domain, table]) =>
    Object.entries(table as Record<OperationName, Expectation>).flatMap(([operation, expectation]) => {
      const callers: [CallerName, Outcome][] = [
        ...ROLES.flatMap((role) =>
          KINDS.map((kind): [CallerName, Outcome] => [`${role}/${kind}`, expectation.member(role, kind)]),
        ),
        ...NON_MEMBERS.map((caller): [CallerName, Outcome] => [caller, expectation.outsider ?? 'NOT_FOUND']),
        ['OTHER_CONSORTIUM', expectation.otherConsortium ?? 'NOT_FOUND'],
      ];
      return callers.map(([caller, expected]) => ({
        domain,
        operation: operation as OperationName,
        caller,
        expected,
      }));
    }),
  )
  .map(({ domain, operation, caller, expected }, index) => [domain, operation, caller, expected, index + 1]);

describe('authorization matrix: operation × role × party kind, outsiders', () => {
  let t: TestApp;
  let w: World;
  const tokens = new Map<CallerName, string>();
  const columnsOf = new Map<string, string[]>();

  const insert = async (sql: string, params: unknown[]): Promise<string> =>
    (await t.dataSource.query<{ id: string }[]>(`${sql} RETURNING id`, params))[0]!.id;

  /** A copy of a row under a new id, with some columns set. */
  async function copyRow(table: string, id: string, overrides: Record<string, unknown>): Promise<string> {
    if (!columnsOf.has(table)) {
      const rows = await t.dataSource.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'id' AND is_generated = 'NEVER'`,
        [table],
      );
      columnsOf.set(
        table,
        rows.map((row) => row.column_name),
      );
    }
    const columns = columnsOf.get(table)!;
    const names = Object.keys(overrides);
    const select = columns.map((column) =>
      names.includes(column) ? `$${names.indexOf(column) + 2}` : `"${column}"`,
    );
    return insert(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')})
       SELECT ${select.join(', ')} FROM "${table}" WHERE id = $1`,
      [id, ...Object.values(overrides)],
    );
  }

  /** A contract copied with its versions, in the state given by `overrides`. */
  async function copyContract(id: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const copy = await copyRow('data_sharing_contract', id, { access_request_id: null, ...overrides });
    await t.dataSource.query(
      `INSERT INTO contract_version (contract_id, number, based_on, title, terms, clauses, content_hash, note, author_user_id, governing_language)
       SELECT $2, number, based_on, title, terms, clauses, content_hash, note, author_user_id, governing_language
         FROM contract_version WHERE contract_id = $1`,
      [id, copy],
    );
    return copy;
  }

  async function insertTicket(c: CaseContext, status: string): Promise<string> {
    return insert(
      `INSERT INTO ticket (consortium_id, scenario_id, number, title, description, category, severity, severity_rank,
         status, raised_by_user_id, raised_by_organization_id, response_due_at, resolution_due_at)
       VALUES ($1, $2, $3, 'Matrix ticket', 'A problem', 'OTHER', 'MEDIUM', 2, $4, $5, $6,
         now() + interval '1 day', now() + interval '2 days')`,
      [w.consortiumId, w.scenarioId, 10_000 + c.serial, status, w.bystanderId, w.organizations.SCENARIO_USER],
    );
  }

  /** A request of RI for SU's parcels, open for review, with its item. */
  async function openRequest(): Promise<string> {
    const request = await copyRow('data_access_request', w.requestId, {
      status: 'SUBMITTED',
      decided_at: null,
      contract_id: null,
    });
    await t.dataSource.query(
      `INSERT INTO data_access_request_item (request_id, dataset_id, owner_organization_id, match_decision, match_rationale, matcher_version)
       SELECT $2, dataset_id, owner_organization_id, match_decision, match_rationale, matcher_version
         FROM data_access_request_item WHERE request_id = $1`,
      [w.requestId, request],
    );
    return request;
  }

  const OPERATIONS: Record<OperationName, Operation> = {
    // Consortium
    readConsortium: {
      document: 'query Q($id: UUID!) { consortium(id: $id) { id } }',
      variables: () => ({ id: w.consortiumId }),
    },
    listMembers: {
      document: 'query Q($id: UUID!) { memberships(consortiumId: $id) { totalCount } }',
      variables: () => ({ id: w.consortiumId }),
      shows: totalCount('memberships'),
    },
    foundConsortium: {
      document: 'mutation M($input: FoundConsortiumInput!) { foundConsortium(input: $input) { id } }',
      variables: (_w, c) => ({ input: { name: `Matrix ${c.serial}`, sector: 'RETAIL', region: 'Shanghai' } }),
      state: (_w, c) => ['SELECT count(*)::int AS n FROM consortium WHERE name = $1', [`Matrix ${c.serial}`]],
    },
    inviteOrganization: {
      document: 'mutation M($input: InviteOrganizationInput!) { inviteOrganization(input: $input) { id } }',
      prepare: async (_w, c) => ({
        organization: await insert(
          `INSERT INTO organization (name, kind, unified_social_credit_code, region) VALUES ($1, 'SUPPLIER', $2, 'Jiangsu')`,
          [`Fresh supplier ${c.serial}`, validUscc(9000 + c.serial)],
        ),
      }),
      variables: (_w, c) => ({
        input: { consortiumId: w.consortiumId, organizationId: c.fresh['organization'] },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM membership WHERE organization_id = $1',
        [c.fresh['organization']],
      ],
    },
    updateConsortium: {
      document: 'mutation M($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }',
      // Another zone than the one it has, so that a change would show.
      prepare: async () => {
        const [row] = await t.dataSource.query<{ time_zone: string }[]>(
          'SELECT time_zone FROM consortium WHERE id = $1',
          [w.consortiumId],
        );
        return { timeZone: row!.time_zone === 'Asia/Urumqi' ? 'Asia/Shanghai' : 'Asia/Urumqi' };
      },
      variables: (_w, c) => ({ input: { id: w.consortiumId, timeZone: c.fresh['timeZone'] } }),
      state: () => ['SELECT time_zone FROM consortium WHERE id = $1', [w.consortiumId]],
    },
    activateConsortium: {
      document: 'mutation M($id: UUID!) { activateConsortium(id: $id) { id } }',
      variables: () => ({ id: w.consortiumId }),
      state: () => ['SELECT status, updated_at FROM consortium WHERE id = $1', [w.consortiumId]],
    },
    registerOrganization: {
      document: 'mutation M($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      variables: (_w, c) => ({ input: organizationInput(5000 + c.serial) }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM organization WHERE unified_social_credit_code = $1',
        [validUscc(5000 + c.serial)],
      ],
    },

    // Scenarios
    readScenario: {
      document: 'query Q($id: UUID!) { scenario(id: $id) { id } }',
      variables: () => ({ id: w.scenarioId }),
    },
    createScenario: {
      document: 'mutation M($input: CreateScenarioInput!) { createScenario(input: $input) { id } }',
      variables: (_w, c) => ({
        input: {
          consortiumId: w.consortiumId,
          name: `Matrix line ${c.serial}`,
          sector: 'LOGISTICS',
          site: 'Hub 9',
        },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM scenario WHERE name = $1',
        [`Matrix line ${c.serial}`],
      ],
    },
    updateScenario: {
      document:
        'mutation M($id: UUID!, $input: ScenarioFields!) { updateScenario(id: $id, input: $input) { id } }',
      prepare: async (_w, c) => ({
        scenario: await copyRow('scenario', w.scenarioId, { name: `Matrix scenario ${c.serial}` }),
      }),
      variables: (_w, c) => ({
        id: c.fresh['scenario'],
        input: {
          name: `Matrix scenario ${c.serial}, renamed`,
          sector: 'LOGISTICS',
          site: 'Hub 10',
          unitsDeployed: 4,
        },
      }),
      state: (_w, c) => [
        'SELECT name, site, units_deployed FROM scenario WHERE id = $1',
        [c.fresh['scenario']],
      ],
    },

    // Tickets
    listTickets: {
      document: 'query Q($id: UUID!) { tickets(filter: { consortiumId: $id }) { totalCount } }',
      variables: () => ({ id: w.consortiumId }),
      shows: totalCount('tickets'),
    },
    raiseTicket: {
      document: 'mutation M($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }',
      variables: (_w, c) => ({
        input: { scenarioId: w.scenarioId, title: `Matrix problem ${c.serial}`, description: 'It stops.' },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM ticket WHERE title = $1',
        [`Matrix problem ${c.serial}`],
      ],
    },
    triageTicket: {
      document: 'mutation M($id: UUID!) { triageTicket(id: $id, input: { severity: HIGH }) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'OPEN') }),
      variables: (_w, c) => ({ id: c.fresh['ticket'] }),
      state: (_w, c) => ['SELECT version, severity FROM ticket WHERE id = $1', [c.fresh['ticket']]],
    },
    assignTicket: {
      document:
        'mutation M($id: UUID!, $org: UUID!) { assignTicket(id: $id, input: { organizationId: $org }) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'TRIAGED') }),
      variables: (_w, c) => ({ id: c.fresh['ticket'], org: w.organizations.ROBOT_MAKER }),
      state: (_w, c) => [
        'SELECT version, assignee_organization_id FROM ticket WHERE id = $1',
        [c.fresh['ticket']],
      ],
    },
    transitionTicket: {
      document: 'mutation M($id: UUID!) { transitionTicket(id: $id, to: IN_PROGRESS) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'TRIAGED') }),
      variables: (_w, c) => ({ id: c.fresh['ticket'] }),
      state: (_w, c) => ['SELECT version, status FROM ticket WHERE id = $1', [c.fresh['ticket']]],
    },
    verifyTicket: {
      document: 'mutation M($id: UUID!) { transitionTicket(id: $id, to: VERIFIED) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'RESOLVED') }),
      variables: (_w, c) => ({ id: c.fresh['ticket'] }),
      state: (_w, c) => ['SELECT version, status FROM ticket WHERE id = $1', [c.fresh['ticket']]],
    },
    commentOnTicket: {
      document:
        'mutation M($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "Seen it too." }) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'OPEN') }),
      variables: (_w, c) => ({ id: c.fresh['ticket'] }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM ticket_comment WHERE ticket_id = $1',
        [c.fresh['ticket']],
      ],
    },
    editSomeoneElsesComment: {
      document: 'mutation M($id: UUID!) { editTicketComment(id: $id, input: { body: "Rewritten." }) { id } }',
      prepare: async (_w, c) => {
        const ticket = await insertTicket(c, 'OPEN');
        const comment = await insert(
          `INSERT INTO ticket_comment (ticket_id, consortium_id, author_user_id, body) VALUES ($1, $2, $3, 'Mine.')`,
          [ticket, w.consortiumId, w.bystanderId],
        );
        return { comment };
      },
      variables: (_w, c) => ({ id: c.fresh['comment'] }),
      state: (_w, c) => ['SELECT body, history FROM ticket_comment WHERE id = $1', [c.fresh['comment']]],
    },

    linkTicketToDataset: {
      document:
        'mutation M($ticket: UUID!, $dataset: UUID!) { linkTicketToDataset(ticketId: $ticket, datasetId: $dataset) { id } }',
      prepare: async (_w, c) => ({ ticket: await insertTicket(c, 'OPEN') }),
      variables: (_w, c) => ({ ticket: c.fresh['ticket'], dataset: w.parcelsId }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM ticket_dataset_link WHERE ticket_id = $1',
        [c.fresh['ticket']],
      ],
    },
    setTicketServiceLevel: {
      document:
        'mutation M($id: UUID!, $hours: Int!) { setTicketServiceLevel(consortiumId: $id, severity: LOW, responseHours: $hours, resolutionHours: 2000) { severity } }',
      // Another number of hours than the last case's, so that a change would show.
      variables: (_w, c) => ({ id: w.consortiumId, hours: 1 + (c.serial % 1000) }),
      state: () => [
        `SELECT count(*)::int AS n, max(response_hours) AS hours FROM ticket_service_level
          WHERE consortium_id = $1 AND severity = 'LOW'`,
        [w.consortiumId],
      ],
    },

    // Datasets
    listDatasets: {
      document: 'query Q($id: UUID!) { datasets(consortiumId: $id) { totalCount } }',
      variables: () => ({ id: w.consortiumId }),
      shows: totalCount('datasets'),
    },
    readTradeSecretDataset: {
      document: 'query Q($id: UUID!) { dataset(id: $id) { id } }',
      variables: () => ({ id: w.secretId }),
    },
    readStorageLocation: {
      document: 'query Q($id: UUID!) { dataset(id: $id) { storageLocation } }',
      variables: () => ({ id: w.parcelsId }),
      shows: (data) => (data['dataset'] as { storageLocation: string | null }).storageLocation !== null,
      hidden: 'FORBIDDEN',
    },
    registerDataset: {
      document: 'mutation M($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      variables: (_w, c) => ({
        input: {
          scenarioId: w.scenarioId,
          name: `Matrix data ${c.serial}`,
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'LEROBOT',
          robotType: 'Lingbu L1 humanoid',
          storageLocation: `s3://matrix/${c.serial}`,
        },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM dataset WHERE name = $1',
        [`Matrix data ${c.serial}`],
      ],
    },
    updateDataset: {
      document:
        'mutation M($id: UUID!, $input: DatasetFields!) { updateDataset(id: $id, input: $input) { id } }',
      prepare: async (_w, c) => ({
        dataset: await copyRow('dataset', w.parcelsId, { name: `Matrix parcels ${c.serial}` }),
      }),
      variables: (_w, c) => ({
        id: c.fresh['dataset'],
        input: {
          name: `Matrix parcels ${c.serial}, renamed`,
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'LEROBOT',
          robotType: 'Lingbu L1 humanoid',
          storageLocation: `s3://matrix/moved/${c.serial}`,
        },
      }),
      state: (_w, c) => [
        'SELECT version, name, storage_location FROM dataset WHERE id = $1',
        [c.fresh['dataset']],
      ],
    },

    accessDataset: {
      document:
        'mutation M($id: UUID!) { accessDataset(datasetId: $id, purpose: RESEARCH) { storageLocation } }',
      variables: () => ({ id: w.parcelsId }),
      state: () => [
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'dataset.access' AND subject_id = $1`,
        [w.parcelsId],
      ],
      refusalsAudited: true,
    },

    // Access requests
    readAccessRequest: {
      document: 'query Q($id: UUID!) { dataAccessRequest(id: $id) { id } }',
      variables: () => ({ id: w.requestId }),
    },
    submitAccessRequest: {
      document:
        'mutation M($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      // A fresh dataset of another organisation than the caller's (nobody asks for its own).
      prepare: async (_w, c) => ({
        dataset: await copyRow('dataset', w.parcelsId, {
          name: `Matrix offer ${c.serial}`,
          owner_organization_id:
            c.kind === 'SCENARIO_USER' ? w.organizations.ROBOT_MAKER : w.organizations.SCENARIO_USER,
        }),
      }),
      variables: (_w, c) => ({
        input: {
          datasetIds: [c.fresh['dataset']],
          purpose: 'RESEARCH',
          intendedOutputs: 'A grasping paper.',
          durationDays: 90,
          securityMeasures: 'Encrypted storage.',
        },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM data_access_request_item WHERE dataset_id = $1',
        [c.fresh['dataset']],
      ],
    },
    reviewAccessRequest: {
      document:
        'mutation M($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { id } }',
      prepare: async () => ({ request: await openRequest() }),
      variables: (_w, c) => ({
        input: {
          requestId: c.fresh['request'],
          decisions: [
            { datasetId: w.parcelsId, approve: false, reason: 'Not for this project, we are sorry to say.' },
          ],
        },
      }),
      state: (_w, c) => [
        `SELECT r.status, i.decision FROM data_access_request r JOIN data_access_request_item i ON i.request_id = r.id
          WHERE r.id = $1`,
        [c.fresh['request']],
      ],
    },
    withdrawAccessRequest: {
      document: 'mutation M($id: UUID!) { withdrawDataAccessRequest(id: $id) { id } }',
      prepare: async () => ({ request: await openRequest() }),
      variables: (_w, c) => ({ id: c.fresh['request'] }),
      state: (_w, c) => ['SELECT status FROM data_access_request WHERE id = $1', [c.fresh['request']]],
    },

    // Contracts
    readContract: {
      document: 'query Q($id: UUID!) { dataSharingContract(id: $id) { id } }',
      variables: () => ({ id: w.activeContractId }),
    },
    editContract: {
      document: 'mutation M($input: EditContractInput!) { editContract(input: $input) { number } }',
      prepare: async () => ({ contract: await copyContract(w.draftContractId) }),
      variables: (_w, c) => ({
        input: {
          contractId: c.fresh['contract'],
          baseVersion: 1,
          changes: { title: `Matrix agreement ${c.serial}` },
        },
      }),
      state: (_w, c) => [
        `SELECT c.current_version, count(v.*)::int AS versions FROM data_sharing_contract c
           JOIN contract_version v ON v.contract_id = c.id WHERE c.id = $1 GROUP BY c.id`,
        [c.fresh['contract']],
      ],
    },
    agreeContract: {
      document: 'mutation M($id: UUID!) { agreeContract(contractId: $id, version: 1) { id } }',
      prepare: async () => ({ contract: await copyContract(w.draftContractId) }),
      variables: (_w, c) => ({ id: c.fresh['contract'] }),
      state: (_w, c) => [
        'SELECT status, agreed_version FROM data_sharing_contract WHERE id = $1',
        [c.fresh['contract']],
      ],
    },
    signContract: {
      document:
        'mutation M($id: UUID!, $hash: String!) { signContract(contractId: $id, hash: $hash) { id } }',
      prepare: async () => ({ contract: await copyContract(w.agreedContractId) }),
      variables: (_w, c) => ({ id: c.fresh['contract'], hash: w.agreedHash }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM contract_signature WHERE contract_id = $1',
        [c.fresh['contract']],
      ],
    },
    suspendContract: {
      document:
        'mutation M($id: UUID!) { suspendContract(contractId: $id, reason: "A breach is being looked into.") { id } }',
      prepare: async () => ({ contract: await copyContract(w.activeContractId) }),
      variables: (_w, c) => ({ id: c.fresh['contract'] }),
      state: (_w, c) => ['SELECT status FROM data_sharing_contract WHERE id = $1', [c.fresh['contract']]],
    },

    terminateContract: {
      document:
        'mutation M($id: UUID!) { terminateContract(contractId: $id, reason: "The project was stopped.") { id } }',
      prepare: async () => ({ contract: await copyContract(w.activeContractId) }),
      variables: (_w, c) => ({ id: c.fresh['contract'] }),
      state: (_w, c) => ['SELECT status FROM data_sharing_contract WHERE id = $1', [c.fresh['contract']]],
    },
    fulfilObligation: {
      document:
        'mutation M($id: UUID!) { fulfilObligation(obligationId: $id, evidence: "Paper list sent on time.") { id } }',
      prepare: async () => {
        const contract = await copyContract(w.activeContractId);
        const obligation = await insert(
          `INSERT INTO contract_obligation (contract_id, duty, due_at) VALUES ($1, 'REPORT_PUBLICATIONS', now() + interval '90 days')`,
          [contract],
        );
        return { obligation };
      },
      variables: (_w, c) => ({ id: c.fresh['obligation'] }),
      state: (_w, c) => [
        'SELECT met_at, evidence FROM contract_obligation WHERE id = $1',
        [c.fresh['obligation']],
      ],
    },

    // Milestones
    readMilestone: {
      document: 'query Q($id: UUID!) { milestone(id: $id) { id } }',
      variables: () => ({ id: w.milestoneId }),
    },
    proposeMilestone: {
      document: 'mutation M($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      variables: (_w, c) => ({
        input: {
          scenarioId: w.scenarioId,
          name: `Matrix milestone ${c.serial}`,
          targets: [{ kpiKey: 'throughput', comparator: 'GTE', value: 22 }],
          windowStart: isoDaysFromNow(10),
          windowEnd: isoDaysFromNow(40),
          dueAt: isoDaysFromNow(40),
          rewardPoolMinor: 100_000,
          riskAmountMinor: 0,
          shares: [{ organizationId: w.organizations.SCENARIO_USER, basisPoints: 10_000 }],
        },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM milestone WHERE name = $1',
        [`Matrix milestone ${c.serial}`],
      ],
    },
    amendMilestoneTerms: {
      document:
        'mutation M($id: UUID!, $hash: String!, $changes: MilestoneTermsChangeInput!) { amendMilestoneTerms(milestoneId: $id, baseTermsHash: $hash, changes: $changes) { id } }',
      prepare: async () => ({ milestone: await proposedMilestone() }),
      variables: (_w, c) => ({
        id: c.fresh['milestone'],
        hash: w.termsHash,
        changes: {
          name: `Matrix terms ${c.serial}`,
          windowStart: isoDaysFromNow(10),
          windowEnd: isoDaysFromNow(40),
          dueAt: isoDaysFromNow(40),
        },
      }),
      state: (_w, c) => ['SELECT name, terms_version FROM milestone WHERE id = $1', [c.fresh['milestone']]],
    },
    acceptMilestoneTerms: {
      document:
        'mutation M($id: UUID!, $hash: String!) { acceptMilestoneTerms(milestoneId: $id, termsHash: $hash) { id } }',
      prepare: async () => ({ milestone: await proposedMilestone() }),
      variables: (_w, c) => ({ id: c.fresh['milestone'], hash: w.termsHash }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM milestone_acceptance WHERE milestone_id = $1',
        [c.fresh['milestone']],
      ],
    },
    submitKpiReport: {
      document: 'mutation M($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) { id } }',
      // A day of its own, long before the milestone's window.
      prepare: (_w, c) =>
        Promise.resolve({
          periodStart: isoDaysFromNow(-1000 - 2 * c.serial),
          periodEnd: isoDaysFromNow(-999 - 2 * c.serial),
        }),
      variables: (_w, c) => ({
        input: {
          scenarioId: w.scenarioId,
          periodStart: c.fresh['periodStart'],
          periodEnd: c.fresh['periodEnd'],
          unitsProcessed: 1000,
          operatingHours: 10,
          robotsInService: 1,
          interventions: 0,
          values: [],
        },
      }),
      state: (_w, c) => [
        'SELECT count(*)::int AS n FROM kpi_report WHERE scenario_id = $1 AND period_start = $2',
        [w.scenarioId, c.fresh['periodStart']],
      ],
    },
    withdrawKpiReport: {
      document: 'mutation M($id: UUID!) { withdrawKpiReport(id: $id, reason: "Counted twice.") { id } }',
      prepare: async (_w, c) => ({ report: await submittedReport(c) }),
      variables: (_w, c) => ({ id: c.fresh['report'] }),
      state: (_w, c) => ['SELECT status FROM kpi_report WHERE id = $1', [c.fresh['report']]],
    },
    verifyKpiReport: {
      document: 'mutation M($id: UUID!) { verifyKpiReport(id: $id, reason: "Matches the logs.") { id } }',
      prepare: async (_w, c) => ({ report: await submittedReport(c) }),
      variables: (_w, c) => ({ id: c.fresh['report'] }),
      state: (_w, c) => ['SELECT status FROM kpi_report WHERE id = $1', [c.fresh['report']]],
    },

    // Ledger
    listLedgerEntries: {
      document: 'query Q($id: UUID!) { ledgerEntries(consortiumId: $id) { totalCount } }',
      variables: () => ({ id: w.consortiumId }),
      shows: totalCount('ledgerEntries'),
    },
    confirmLedgerSettlement: {
      document:
        'mutation M($id: UUID!) { confirmLedgerSettlement(entryId: $id, reference: "BANK-2026-0001") { id } }',
      prepare: async () => ({ entry: await ledgerEntry() }),
      variables: (_w, c) => ({ id: c.fresh['entry'] }),
      state: (_w, c) => [
        'SELECT settled_at, settled_by_user_id FROM ledger_entry WHERE id = $1',
        [c.fresh['entry']],
      ],
    },

    // Audit
    auditEntries: {
      document: 'query Q($id: UUID!) { auditEntries(consortiumId: $id, first: 1) { totalCount } }',
      variables: () => ({ id: w.consortiumId }),
      shows: totalCount('auditEntries'),
    },
    auditCheckpoints: {
      document: 'query Q($id: UUID!) { auditCheckpoints(consortiumId: $id) { chain length } }',
      variables: () => ({ id: w.consortiumId }),
    },
    verifyAuditChain: {
      document: 'query Q($id: UUID!) { verifyAuditChain(consortiumId: $id) { chain firstProblem { seq } } }',
      variables: () => ({ id: w.consortiumId }),
    },
  };

  /** The demo milestone's terms (all four parties hold a share), proposed again. */
  function proposedMilestone(): Promise<string> {
    return copyRow('milestone', w.milestoneId, {
      status: 'PROPOSED',
      committed_at: null,
      committed_terms_hash: null,
    });
  }

  /** The demo report submitted again by the scenario user, for a day long before any window. */
  function submittedReport(c: CaseContext): Promise<string> {
    return copyRow('kpi_report', w.reportId, {
      status: 'SUBMITTED',
      reviewed_by_organization_id: null,
      reviewed_by_user_id: null,
      reviewed_at: null,
      review_reason: null,
      period_start: isoDaysFromNow(-3000 - 2 * c.serial),
      period_end: isoDaysFromNow(-2999 - 2 * c.serial),
      operating_hours: 10,
    });
  }

  /** An unsettled entry the robot maker owes the scenario user, on a milestone of its own. */
  async function ledgerEntry(): Promise<string> {
    const milestone = await copyRow('milestone', w.milestoneId, { status: 'MISSED', decided_at: new Date() });
    return insert(
      `INSERT INTO ledger_entry (milestone_id, organization_id, kind, consortium_id, scenario_id, basis_points,
         amount_minor, currency, payer_organization_id, payee_organization_id)
       VALUES ($1, $2, 'RISK', $3, $4, 4000, 8000000, 'CNY', $2, $5)`,
      [milestone, w.organizations.ROBOT_MAKER, w.consortiumId, w.scenarioId, w.organizations.SCENARIO_USER],
    );
  }

  async function call<T>(token: string, document: string, variables: Record<string, unknown>): Promise<T> {
    const response = await t.graphql<T>(document, variables, { bearer: token });
    if (!response.data) throw new Error(`set-up failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** The demo's records, and contracts in DRAFT, AGREED and ACTIVE made through the API. */
  async function buildWorld(): Promise<World> {
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const organizations = Object.fromEntries(
      await Promise.all(
        KINDS.map(async (kind) => [kind, await organizationIdByName(t, PARTY_ORGANIZATIONS[kind])] as const),
      ),
    ) as Record<Kind, string>;
    const one = async (sql: string, params: unknown[]): Promise<Record<string, string>> =>
      (await t.dataSource.query<Record<string, string>[]>(sql, params))[0]!;
    const scenario = await one('SELECT id FROM scenario WHERE name = $1', [DEMO_SCENARIO.name]);
    const parcels = await one('SELECT id FROM dataset WHERE name = $1', [DEMO_DATASETS[0]!.name]);
    const secret = await one(
      `SELECT id FROM dataset WHERE sensitivity = 'TRADE_SECRET' AND consortium_id = $1`,
      [consortiumId],
    );
    const milestone = await one('SELECT id FROM milestone WHERE consortium_id = $1', [consortiumId]);
    const report = await one('SELECT id FROM kpi_report WHERE consortium_id = $1', [consortiumId]);
    const bystander = await memberWithRoles(t, organizations.SCENARIO_USER, ['ENGINEER'], 'bystander');
    const as = (role: Role, kind: Kind) => tokens.get(`${role}/${kind}`)!;

    const { submitDataAccessRequest: request } = await call<{ submitDataAccessRequest: { id: string } }>(
      as('RESEARCHER', 'RESEARCH_INSTITUTE'),
      'mutation M($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [parcels['id']],
          purpose: 'RESEARCH',
          intendedOutputs: 'A grasping benchmark.',
          durationDays: 365,
          securityMeasures: 'Encrypted storage, named researchers only.',
        },
      },
    );
    const { reviewDataAccessRequest: reviewed } = await call<{
      reviewDataAccessRequest: { contractId: string };
    }>(
      as('DATA_STEWARD', 'SCENARIO_USER'),
      'mutation M($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
      { input: { requestId: request.id, decisions: [{ datasetId: parcels['id'], approve: true }] } },
    );
    const draft = reviewed.contractId;
    const agreed = await copyContract(draft);
    const { agreeContract } = await call<{ agreeContract: { agreedHash: string } }>(
      as('LEGAL', 'SCENARIO_USER'),
      'mutation M($id: UUID!) { agreeContract(contractId: $id, version: 1) { agreedHash } }',
      { id: agreed },
    );
    const active = await copyContract(agreed);
    for (const kind of ['SCENARIO_USER', 'RESEARCH_INSTITUTE'] as const) {
      await call(
        as('SIGNATORY', kind),
        'mutation M($id: UUID!, $hash: String!) { signContract(contractId: $id, hash: $hash) { id } }',
        { id: active, hash: agreeContract.agreedHash },
      );
    }
    const { milestone: terms } = await call<{ milestone: { termsHash: string } }>(
      as('ORG_ADMIN', 'SCENARIO_USER'),
      'query Q($id: UUID!) { milestone(id: $id) { termsHash } }',
      { id: milestone['id'] },
    );
    return {
      consortiumId,
      scenarioId: scenario['id']!,
      organizations,
      bystanderId: bystander.userId,
      parcelsId: parcels['id']!,
      secretId: secret['id']!,
      requestId: request.id,
      draftContractId: draft,
      agreedContractId: agreed,
      agreedHash: agreeContract.agreedHash,
      activeContractId: active,
      milestoneId: milestone['id']!,
      termsHash: terms.termsHash,
      reportId: report['id']!,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const kind of KINDS) {
      const organizationId = await organizationIdByName(t, PARTY_ORGANIZATIONS[kind]);
      for (const role of ROLES)
        tokens.set(`${role}/${kind}`, (await memberWithRoles(t, organizationId, [role])).token);
    }
    const outsider = await insert(
      `INSERT INTO organization (name, kind, unified_social_credit_code, region) VALUES ('Lone Robotics', 'ROBOT_MAKER', $1, 'Hubei')`,
      [validUscc(8_999)],
    );
    tokens.set('OUTSIDER', (await memberWithRoles(t, outsider, [...ROLES], 'outsider')).token);
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    for (const [caller, status, serial] of [
      ['INVITED_MEMBER', 'INVITED', 8_998],
      ['WITHDRAWN_MEMBER', 'WITHDRAWN', 8_997],
    ] as const) {
      const organization = await insert(
        `INSERT INTO organization (name, kind, unified_social_credit_code, region) VALUES ($1, 'SUPPLIER', $2, 'Anhui')`,
        [`${status} supplier`, validUscc(serial)],
      );
      await t.dataSource.query(
        `INSERT INTO membership (consortium_id, organization_id, party_role, status, joined_at, left_at)
         VALUES ($1, $2, 'SUPPLIER', $3, $4, $5)`,
        status === 'WITHDRAWN'
          ? [consortiumId, organization, status, new Date(Date.now() - 30 * DAY), new Date()]
          : [consortiumId, organization, status, null, null],
      );
      tokens.set(caller, (await memberWithRoles(t, organization, [...ROLES], caller.toLowerCase())).token);
    }
    const other = await organizationIdByName(t, OTHER_CONSORTIUM_ORGANIZATION);
    tokens.set('OTHER_CONSORTIUM', (await memberWithRoles(t, other, [...ROLES], 'other')).token);
    w = await buildWorld();
    // Something in every list a member reads: a ticket and a ledger entry.
    await insertTicket({ serial: 0, kind: null, fresh: {} }, 'OPEN');
    await ledgerEntry();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('starts from a contract of the scenario user and the institute signed by both and ACTIVE', async () => {
    const [row] = await t.dataSource.query<{ status: string; signed: boolean }[]>(
      'SELECT status, fully_signed_at IS NOT NULL AS signed FROM data_sharing_contract WHERE id = $1',
      [w.activeContractId],
    );
    expect(row).toEqual({ status: 'ACTIVE', signed: true });
  });

  /** The row a mutation touches, and the length of the audit trail. */
  async function snapshot(
    op: Operation,
    c: CaseContext,
  ): Promise<{ row: Record<string, unknown>; auditEntries: number }> {
    const [sql, params] = op.state!(w, c);
    const [row] = await t.dataSource.query<Record<string, unknown>[]>(sql, params);
    if (!row) throw new Error(`no state row for ${sql}`);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM audit_entry');
    return { row, auditEntries: n };
  }

  function outcomeOf(op: Operation, response: GraphQLResponse): string {
    const error = response.errors?.[0];
    if (error) return error.extensions.code;
    if (op.shows && !op.shows(response.data!)) return op.hidden ?? 'NOT_FOUND';
    return 'ALLOWED';
  }

  it.each(CASES)('%s: %s by %s → %s', async (_domain, operation, caller, expected, serial) => {
    const op = OPERATIONS[operation];
    const kind = caller.includes('/') ? (caller.split('/')[1] as Kind) : null;
    const c: CaseContext = { serial, kind, fresh: {} };
    c.fresh = (await op.prepare?.(w, c)) ?? {};
    const before = op.state ? await snapshot(op, c) : undefined;
    const response = await t.graphql(op.document, op.variables(w, c), { bearer: tokens.get(caller)! });
    const outcome = outcomeOf(op, response);
    expect({ outcome, message: outcome === expected ? undefined : response.errors?.[0]?.message }).toEqual({
      outcome: expected,
      message: undefined,
    });
    if (!before) return;
    const after = await snapshot(op, c);
    if (outcome !== 'ALLOWED') {
      expect(after).toEqual({
        row: before.row,
        auditEntries: before.auditEntries + (op.refusalsAudited ? 1 : 0),
      });
    } else {
      // The state query sees the change (so that its silence on a refusal means something), audited.
      expect(after.row).not.toEqual(before.row);
      expect(after.auditEntries).toBeGreaterThan(before.auditEntries);
    }
  });

  it('covers every operation for every role, party kind and outside caller: at least 240 cases', () => {
    const operations = Object.values(TABLES).flatMap((table) => Object.keys(table));
    expect(new Set(CASES.map(([, operation]) => operation))).toEqual(new Set(operations));
    expect(CASES).toHaveLength(operations.length * (ROLES.length * KINDS.length + NON_MEMBERS.length + 1));
    expect(CASES.length).toBeGreaterThanOrEqual(240);
  });
});
