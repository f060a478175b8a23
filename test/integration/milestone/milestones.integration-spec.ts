import { Workbook } from 'exceljs';
import { DEMO_CONSORTIA, DEMO_ORGANIZATIONS } from '@tetrad/demo-data';
import { MilestoneEvaluationService } from '@tetrad/milestone';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN, ENGINEER
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier: ORG_ADMIN, ENGINEER
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN
const LIU_YANG = 'liu.yang@lingbu-robotics.example'; // robot maker: LEGAL, SIGNATORY
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium

const DAY = 86_400_000;
const at = (daysFromNow: number): string => new Date(Date.now() + daysFromNow * DAY).toISOString();
const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

const SUBMIT = `mutation S($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) {
  id status figures { throughputPerMinute throughputPerRobotPerMinute successRate ratioToBaseline { low high } } } }`;
const VERIFY = `mutation V($id: UUID!) { verifyKpiReport(id: $id) { status } }`;
const CREATE = `mutation C($input: CreateMilestoneInput!) { createMilestone(input: $input) { id status termsHash } }`;
const MILESTONE = `query M($id: UUID!) { milestone(id: $id) { status achievedByReportId termsHash termsVersion decisionSummary
  shares { organizationId basisPoints } awaitingAcceptanceFrom { id }
  parties { organizationId name basisPoints fundsReward receivesRisk acceptedAt people }
  evaluation { outcome summary explanation { kpiKey actual met sentence reportIds } } } }`;
const ACCEPT = `mutation A($m: UUID!, $h: String!) { acceptMilestoneTerms(milestoneId: $m, termsHash: $h) { status awaitingAcceptanceFrom { id } } }`;
const EVALUATE =
  'mutation E($id: UUID!) { evaluateMilestone(id: $id) { status decisionSummary evaluation { summary } } }';
const ENTRIES = `query E($m: UUID) { ledgerEntries(first: 50, milestoneId: $m) { totalCount nodes { id organizationId kind amountMinor basisPoints
  payerOrganizationId payeeOrganizationId settledAt settlementReference } } }`;

interface MilestoneView {
  status: string;
  achievedByReportId: string | null;
  termsHash: string;
  termsVersion: number;
  decisionSummary: string | null;
  shares: { organizationId: string; basisPoints: number }[];
  awaitingAcceptanceFrom: { id: string }[];
  parties: { organizationId: string; basisPoints: number; acceptedAt: string | null; people: string[] }[];
  evaluation: {
    outcome: string;
    summary: string;
    explanation: { kpiKey: string; actual: number | null; met: boolean; sentence: string }[];
  };
}

/** Run on the configured database and on the embedded one, whose single connection catches reads outside a transaction. */
describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('KPI reports, milestones and the ledger on %s', (_database, embedded) => {
  let t: TestApp;
  let scenarioId: string;
  const org: Record<string, string> = {};
  let firstReport: string;

  const report = (startDays: number, hours: number, throughput: number, units = 249_600) => ({
    input: {
      scenarioId,
      periodStart: at(startDays),
      periodEnd: at(startDays + 10),
      unitsProcessed: units,
      operatingHours: hours,
      robotsInService: 3,
      interventions: 12,
      successes: 2_450,
      attempts: 2_500,
      values: [
        { kpiKey: 'throughput', value: throughput },
        { kpiKey: 'success_rate', value: 0.98 },
      ],
    },
  });
  const submit = (email: string, variables: Record<string, unknown>) =>
    t.as(email)<{ submitKpiReport: { id: string; status: string; figures: Record<string, unknown> } }>(
      SUBMIT,
      variables,
    );
  const shares = (points: number[]) =>
    ['SCENARIO_USER', 'ROBOT_MAKER', 'SUPPLIER', 'RESEARCH_INSTITUTE'].map((kind, index) => ({
      organizationId: org[kind]!,
      basisPoints: points[index]!,
    }));
  const milestoneInput = (extra: Record<string, unknown> = {}) => ({
    input: {
      scenarioId,
      name: 'Pilot line acceptance',
      targets: [
        { kpiKey: 'throughput', comparator: 'GTE', value: 21 },
        { kpiKey: 'success_rate', comparator: 'GTE', value: 0.95, minOperatingHours: 200 },
      ],
      windowStart: at(0.01),
      windowEnd: at(30),
      dueAt: at(30),
      rewardPoolMinor: 1_000_001,
      riskAmountMinor: 500_000,
      shares: shares([4000, 3000, 2000, 1000]),
      ...extra,
    },
  });
  const propose = async (
    extra: Record<string, unknown> = {},
    email = LI_WEI,
  ): Promise<{ id: string; status: string; termsHash: string }> => {
    const response = await t.as(email)<{
      createMilestone: { id: string; status: string; termsHash: string };
    }>(CREATE, milestoneInput(extra));
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createMilestone;
  };
  const view = async (id: string, email = SUN_LI): Promise<MilestoneView> => {
    const response = await t.as(email)<{ milestone: MilestoneView }>(MILESTONE, { id });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.milestone;
  };
  const accept = (email: string, id: string, hash: string) =>
    t.as(email)<{ acceptMilestoneTerms: { status: string; awaitingAcceptanceFrom: { id: string }[] } }>(
      ACCEPT,
      {
        m: id,
        h: hash,
      },
    );
  /** Proposed by the scenario user's admin, accepted by the three other parties: COMMITTED. */
  const create = async (extra: Record<string, unknown> = {}): Promise<string> => {
    const { id, termsHash } = await propose(extra);
    for (const email of [CHEN_JIE, ZHAO_LEI, SUN_LI]) {
      const accepted = await accept(email, id, termsHash);
      if (!accepted.data) throw new Error(JSON.stringify(accepted.errors));
    }
    return id;
  };
  /** Time passes: the milestone was committed `days` earlier and its window opened a day later. */
  const committedDaysAgo = (id: string, days: number) =>
    t.dataSource.query(
      `UPDATE milestone SET committed_at = committed_at - make_interval(days => $2),
              window_start = committed_at - make_interval(days => $2 - 1) WHERE id = $1`,
      [id, days],
    );
  /** …and its due date has passed. */
  const pastDue = (id: string) =>
    t.dataSource.query(
      `UPDATE milestone SET window_end = now() - interval '2 days', due_at = now() - interval '1 day' WHERE id = $1`,
      [id],
    );
  const entries = async (milestoneId?: string) =>
    (
      await t.as(SUN_LI)<{
        ledgerEntries: {
          totalCount: number;
          nodes: {
            id: string;
            organizationId: string;
            kind: string;
            amountMinor: number;
            payerOrganizationId: string;
            payeeOrganizationId: string;
            settledAt: string | null;
            settlementReference: string | null;
          }[];
        };
      }>(ENTRIES, { m: milestoneId })
    ).data!.ledgerEntries;

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    for (const demo of DEMO_ORGANIZATIONS.slice(0, 6)) {
      if (
        !org[demo.kind] &&
        demo.name !== 'Shenzhen Pearl River Care Homes' &&
        demo.name !== 'Guangzhou Bay Area Service Robots'
      ) {
        org[demo.kind] = await organizationIdByName(t, demo.name);
      }
    }
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      `mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Parcel sorting, hub 2", sector: LOGISTICS, site: "Jiading hub", unitsDeployed: 3,
        kpis: [{ key: "throughput", name: "Parcels sorted a minute", unit: "parcels/min", direction: HIGHER_IS_BETTER, humanBaseline: 30, humanBaselineHigh: 40, target: 21 },
               { key: "success_rate", name: "Success rate", unit: "ratio", direction: HIGHER_IS_BETTER }] }) { id } }`,
      { c: consortiumId },
    );
    if (!scenario.data) throw new Error(JSON.stringify(scenario.errors));
    scenarioId = scenario.data.createScenario.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('derives throughput overall and per robot, success rate and the ratio to the human pace (the worked example)', async () => {
    const response = await submit(ZHANG_MIN, report(-50, 200, 20.8));
    expect(response.errors).toBeUndefined();
    const { figures } = response.data!.submitKpiReport;
    expect(figures['throughputPerMinute']).toBeCloseTo(20.8, 6);
    expect(figures['throughputPerRobotPerMinute']).toBeCloseTo(6.933, 3);
    expect(figures['successRate']).toBeCloseTo(0.98, 6);
    expect(figures['ratioToBaseline']).toEqual({
      low: expect.closeTo(0.52, 6),
      high: expect.closeTo(0.6933, 4),
    });
    firstReport = response.data!.submitKpiReport.id;
  });

  it.each([
    ['a period overlapping an existing report', ZHANG_MIN, () => report(-45, 100, 41.6), 'CONFLICT'],
    [
      'a KPI the scenario does not define',
      ZHANG_MIN,
      () => ({ input: { ...report(-30, 10, 21).input, values: [{ kpiKey: 'smiles', value: 3 }] } }),
      'BAD_USER_INPUT',
    ],
    [
      'a period that ends before it starts',
      ZHANG_MIN,
      () => ({ input: { ...report(-30, 10, 21).input, periodEnd: at(-31) } }),
      'BAD_USER_INPUT',
    ],
    ['negative hours', ZHANG_MIN, () => report(-30, -1, 21), 'BAD_USER_INPUT'],
    ['another party than the scenario user', CHEN_JIE, () => report(-30, 10, 21), 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_case, email, variables, expected) => {
    const [before] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM kpi_report');
    expect(code(await submit(email, variables()))).toBe(expected);
    const [after] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM kpi_report');
    expect(after!.n).toBe(before!.n);
  });

  it('refuses verification by the submitting organisation, and a dispute without a reason', async () => {
    expect(code(await t.as(LI_WEI)(VERIFY, { id: firstReport }))).toBe('FORBIDDEN');
    const noReason = await t.as(CHEN_JIE)('mutation D($id: UUID!) { disputeKpiReport(id: $id) { status } }', {
      id: firstReport,
    });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(code(await t.as(HUANG_MEI)(VERIFY, { id: firstReport }))).toBe('NOT_FOUND');
  });

  it.each([
    ['shares that do not sum to 10,000', () => ({ shares: shares([4000, 3000, 2000, 999]) }), 'sum to 9,999'],
    ['a negative reward pool', () => ({ rewardPoolMinor: -1 }), 'cannot be negative'],
    [
      'a target on a KPI the scenario does not define',
      () => ({ targets: [{ kpiKey: 'smiles', comparator: 'GTE', value: 1 }] }),
      'no KPI "smiles"',
    ],
    ['a window that ends before it starts', () => ({ windowEnd: at(-61) }), 'end after it starts'],
    [
      'a window that started in the past (written after the results are known)',
      () => ({ windowStart: at(-60), windowEnd: at(-10), dueAt: at(-5) }),
      'cannot start in the past',
    ],
    ['a due date before the end of the window', () => ({ dueAt: at(20) }), 'cannot precede the end'],
    [
      'a funder that is not a member',
      () => ({ rewardFunderOrganizationId: '00000000-0000-4000-8000-000000000000' }),
      'not an active member',
    ],
  ])('refuses a milestone with %s, writing nothing', async (_case, extra, words) => {
    const [before] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM milestone');
    const response = await t.as(LI_WEI)(CREATE, milestoneInput(extra()));
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain(words);
    const [after] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM milestone');
    expect(after!.n).toBe(before!.n);
  });

  it('refuses milestones from a non-admin and from outside the consortium', async () => {
    expect(code(await t.as(ZHANG_MIN)(CREATE, milestoneInput()))).toBe('FORBIDDEN');
    expect(code(await t.as(HUANG_MEI)(CREATE, milestoneInput()))).toBe('NOT_FOUND');
  });

  it('binds nobody who did not accept: a supplier putting every share on the scenario user gets a proposal, not a debt', async () => {
    const { id, status, termsHash } = await propose(
      { shares: shares([10_000, 0, 0, 0]), riskAmountMinor: 99_900_000 },
      ZHAO_LEI,
    );
    expect(status).toBe('PROPOSED');
    const proposed = await view(id);
    // The supplier holds no share and neither funds nor receives: it is not bound, so it did not accept.
    expect(proposed.parties.map((party) => party.organizationId)).toEqual([org['SCENARIO_USER']]);
    expect(proposed.awaitingAcceptanceFrom).toEqual([{ id: org['SCENARIO_USER'] }]);
    // Who must act, by name, for the bound parties; nobody's names for an organisation that is not bound.
    // (People signed in through the test identity provider are named by their e-mail.)
    expect((await view(id, LI_WEI)).parties[0]!.people).toContain(LI_WEI);
    expect((await view(id, ZHAO_LEI)).parties[0]!.people).toEqual([]);
    expect(code(await t.as(ZHAO_LEI)(EVALUATE, { id }))).toBe('CONFLICT');
    expect(code(await accept(ZHAO_LEI, id, termsHash))).toBe('FORBIDDEN');
    expect(code(await accept(ZHANG_MIN, id, termsHash))).toBe('FORBIDDEN'); // the scenario user's engineer
    expect(code(await accept(LI_WEI, id, 'f'.repeat(64)))).toBe('CONFLICT');
    expect(code(await accept(HUANG_MEI, id, termsHash))).toBe('NOT_FOUND');

    // Its window opens and its due date passes without the scenario user's acceptance: nothing happens.
    await t.dataSource.query(
      `UPDATE milestone SET window_start = now() - interval '30 days', window_end = now() - interval '2 days',
              due_at = now() - interval '1 day' WHERE id = $1`,
      [id],
    );
    const refused = await accept(LI_WEI, id, (await view(id)).termsHash);
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toContain('before every party accepted');
    await t.app.get(MilestoneEvaluationService).evaluateOverdue();
    expect((await view(id)).status).toBe('PROPOSED');
    expect((await entries(id)).totalCount).toBe(0);
  });

  it('commits when the last bound party accepts the exact terms; an amendment voids every acceptance', async () => {
    const { id, termsHash } = await propose({ windowStart: at(10), windowEnd: at(40), dueAt: at(40) });
    expect((await accept(LIU_YANG, id, termsHash)).data?.acceptMilestoneTerms.status).toBe('PROPOSED');
    expect(code(await accept(CHEN_JIE, id, termsHash))).toBe('CONFLICT'); // the robot maker accepted already
    const before = await view(id);
    const maker = before.parties.find((party) => party.organizationId === org['ROBOT_MAKER'])!;
    expect(maker.people).toEqual(expect.arrayContaining([CHEN_JIE, LIU_YANG]));
    expect(
      before.parties
        .filter((party) => party.acceptedAt !== null)
        .map((p) => p.organizationId)
        .sort(),
    ).toEqual([org['SCENARIO_USER'], org['ROBOT_MAKER']].sort());

    const amend = `mutation M($m: UUID!, $h: String!, $c: MilestoneTermsChangeInput!) {
      amendMilestoneTerms(milestoneId: $m, baseTermsHash: $h, changes: $c) { termsHash termsVersion status } }`;
    const amended = await t.as(ZHAO_LEI)<{
      amendMilestoneTerms: { termsHash: string; termsVersion: number };
    }>(amend, { m: id, h: termsHash, c: { rewardPoolMinor: 2_000_000 } });
    expect(amended.data?.amendMilestoneTerms.termsVersion).toBe(2);
    const newHash = amended.data!.amendMilestoneTerms.termsHash;
    expect(newHash).not.toBe(termsHash);
    expect(code(await t.as(LI_WEI)(amend, { m: id, h: termsHash, c: { name: 'Stale edit' } }))).toBe(
      'CONFLICT',
    );
    expect(code(await t.as(HUANG_MEI)(amend, { m: id, h: newHash, c: { name: 'Foreign edit' } }))).toBe(
      'NOT_FOUND',
    );
    expect(code(await t.as(ZHANG_MIN)(amend, { m: id, h: newHash, c: { name: 'Engineer edit' } }))).toBe(
      'FORBIDDEN',
    );
    const after = await view(id);
    // Only the supplier, whose admin amended, stands by the new terms.
    expect(after.parties.filter((party) => party.acceptedAt !== null).map((p) => p.organizationId)).toEqual([
      org['SUPPLIER'],
    ]);
    expect(code(await accept(LI_WEI, id, termsHash))).toBe('CONFLICT');
    for (const email of [LI_WEI, LIU_YANG]) await accept(email, id, newHash);
    const last = await accept(SUN_LI, id, newHash);
    expect(last.data?.acceptMilestoneTerms).toEqual({ status: 'COMMITTED', awaitingAcceptanceFrom: [] });
    const [row] = await t.dataSource.query<{ committed_terms_hash: string }[]>(
      'SELECT committed_terms_hash FROM milestone WHERE id = $1',
      [id],
    );
    expect(row!.committed_terms_hash).toBe(newHash);
    expect(code(await t.as(LI_WEI)(amend, { m: id, h: newHash, c: { name: 'After commitment' } }))).toBe(
      'CONFLICT',
    );
  });

  it('writes each acceptance and the commitment once when every party accepts at the same moment', async () => {
    const { id, termsHash } = await propose();
    const results = await Promise.all(
      [CHEN_JIE, LIU_YANG, ZHAO_LEI, SUN_LI, SUN_LI].map((email) => accept(email, id, termsHash)),
    );
    expect(results.filter((r) => r.data).length).toBe(3);
    expect(results.filter((r) => code(r) === 'CONFLICT').length).toBe(2);
    expect((await view(id)).status).toBe('COMMITTED');
    const [counts] = await t.dataSource.query<{ accepted: number; committed: number }[]>(
      `SELECT (SELECT count(*)::int FROM milestone_acceptance WHERE milestone_id = $1::uuid) AS accepted,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'milestone.commit' AND subject_id = $1::text) AS committed`,
      [id],
    );
    expect(counts).toEqual({ accepted: 4, committed: 1 });
  });

  it('is ACHIEVED when verified reports meet every target, explains why, and the funder owes each share once', async () => {
    const id = await create();
    await committedDaysAgo(id, 61);
    await t.as(CHEN_JIE)(VERIFY, { id: firstReport });
    const pending = await view(id, ZHAO_LEI);
    expect(pending.status).toBe('COMMITTED');
    expect(pending.evaluation.outcome).toBe('PENDING');
    const throughput = pending.evaluation.explanation.find((check) => check.kpiKey === 'throughput')!;
    expect(throughput.met).toBe(false);
    expect(throughput.sentence).toContain('20.8');

    const second = await submit(ZHANG_MIN, report(-35, 100, 22.5, 135_000));
    await t.as(ZHAO_LEI)(VERIFY, { id: second.data!.submitKpiReport.id });
    const achieved = await view(id, ZHAO_LEI);
    expect(achieved.status).toBe('ACHIEVED');
    expect(achieved.achievedByReportId).toBe(second.data!.submitKpiReport.id);
    expect(achieved.evaluation.summary).toMatch(/^Achieved with report/);
    expect(achieved.evaluation.explanation.find((c) => c.kpiKey === 'throughput')!.actual).toBeCloseTo(
      (20.8 * 200 + 22.5 * 100) / 300,
      6,
    );

    await Promise.all([1, 2, 3].map(() => t.as(SUN_LI)(EVALUATE, { id })));
    const ledger = await entries(id);
    expect(ledger.totalCount).toBe(4);
    expect(ledger.nodes.every((entry) => entry.kind === 'REWARD')).toBe(true);
    expect(ledger.nodes.every((entry) => entry.payerOrganizationId === org['SCENARIO_USER'])).toBe(true);
    expect(ledger.nodes.map((entry) => entry.payeeOrganizationId).sort()).toEqual(
      ledger.nodes.map((entry) => entry.organizationId).sort(),
    );
    expect(ledger.nodes.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(1_000_001);
    const own = ledger.nodes.find((entry) => entry.organizationId === org['SCENARIO_USER'])!;
    expect(own).toMatchObject({
      amountMinor: 400_001,
      settlementReference: expect.stringContaining('own share'),
    });
    expect(own.settledAt).not.toBeNull();
    expect(ledger.nodes.filter((entry) => entry.settledAt === null)).toHaveLength(3);
  });

  it('reads MISSED as soon as it is past due, before any sweep; the call that decides it says what it found', async () => {
    const id = await create();
    await committedDaysAgo(id, 100);
    await pastDue(id);
    const read = await view(id, CHEN_JIE);
    expect(read.status).toBe('MISSED');
    expect(read.evaluation.outcome).toBe('MISSED');
    const listed = await t.as(CHEN_JIE)<{ milestones: { nodes: { id: string }[] } }>(
      'query L($s: UUID) { milestones(first: 50, scenarioId: $s, status: MISSED) { nodes { id } } }',
      { s: scenarioId },
    );
    expect(listed.data!.milestones.nodes.map((node) => node.id)).toContain(id);

    const results = await Promise.all(
      [LI_WEI, CHEN_JIE, ZHAO_LEI, SUN_LI].map((email) =>
        t.as(email)<{
          evaluateMilestone: { status: string; decisionSummary: string; evaluation: { summary: string } };
        }>(EVALUATE, { id }),
      ),
    );
    for (const result of results) {
      expect(result.data?.evaluateMilestone.status).toBe('MISSED');
      expect(result.data?.evaluateMilestone.evaluation.summary).toMatch(
        /^Missed: the due date .* has passed with/,
      );
      expect(result.data?.evaluateMilestone.evaluation.summary).not.toContain('already');
    }
    const ledger = await entries(id);
    expect(ledger.totalCount).toBe(4);
    expect(ledger.nodes.every((entry) => entry.payeeOrganizationId === org['SCENARIO_USER'])).toBe(true);
    expect(ledger.nodes.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(500_000);
    const [audited] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'milestone.missed' AND subject_id = $1`,
      [id],
    );
    expect(audited!.n).toBe(1);
  });

  it('is settled when the payee confirms with its reference; statements and the .xlsx export add up', async () => {
    const ledger = await entries();
    const open = ledger.nodes.find(
      (entry) =>
        entry.kind === 'RISK' && entry.settledAt === null && entry.payerOrganizationId === org['SUPPLIER'],
    )!;
    const settle =
      'mutation S($e: UUID!, $r: String!) { confirmLedgerSettlement(entryId: $e, reference: $r) { settledAt settlementReference } }';
    expect(code(await t.as(ZHAO_LEI)(settle, { e: open.id, r: 'paid' }))).toBe('FORBIDDEN'); // the payer
    expect(code(await t.as(ZHANG_MIN)(settle, { e: open.id, r: 'paid' }))).toBe('FORBIDDEN'); // not an admin
    expect(code(await t.as(HUANG_MEI)(settle, { e: open.id, r: 'paid' }))).toBe('NOT_FOUND');
    expect(code(await t.as(LI_WEI)(settle, { e: open.id, r: '' }))).toBe('BAD_USER_INPUT');
    const statement = async () =>
      (
        await t.as(ZHAO_LEI)<{ ledgerStatements: { owedMinor: number; paidMinor: number }[] }>(
          'query S($s: UUID, $o: UUID) { ledgerStatements(scenarioId: $s, organizationId: $o) { owedMinor paidMinor receivableMinor receivedMinor netOpenMinor } }',
          { s: scenarioId, o: org['SUPPLIER'] },
        )
      ).data!.ledgerStatements[0]!;
    const before = await statement();
    const settled = await t.as(LI_WEI)<{ confirmLedgerSettlement: { settlementReference: string } }>(settle, {
      e: open.id,
      r: 'CMB 2026-12-03 #8841',
    });
    expect(settled.data?.confirmLedgerSettlement.settlementReference).toBe('CMB 2026-12-03 #8841');
    expect(code(await t.as(LI_WEI)(settle, { e: open.id, r: 'again' }))).toBe('CONFLICT');
    const after = await statement();
    expect(after.owedMinor).toBe(before.owedMinor - open.amountMinor);
    expect(after.paidMinor).toBe(before.paidMinor + open.amountMinor);

    const exported = await t.as(ZHAO_LEI)<{ ledgerExport: { filename: string; contentBase64: string } }>(
      'query X($s: UUID) { ledgerExport(scenarioId: $s) { filename contentType contentBase64 } }',
      { s: scenarioId },
    );
    expect(exported.data!.ledgerExport.filename).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(
      Buffer.from(exported.data!.ledgerExport.contentBase64, 'base64') as unknown as ArrayBuffer,
    );
    const rows = workbook.getWorksheet('分账明细 Entries')!.getSheetValues().filter(Boolean);
    expect(rows.some((row) => JSON.stringify(row).includes('CMB 2026-12-03 #8841'))).toBe(true);
    // Renminbi amounts are also written in capital numerals (大写金额).
    expect(rows.some((row) => /人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元/.test(JSON.stringify(row)))).toBe(
      true,
    );
  });

  it('freezes the judgement while a report in the window is disputed', async () => {
    const id = await create();
    await committedDaysAgo(id, 100);
    const disputed = await submit(ZHANG_MIN, report(-80, 100, 22.5, 135_000));
    await t.as(CHEN_JIE)(
      'mutation D($id: UUID!) { disputeKpiReport(id: $id, reason: "Counter reset mid-shift") { status } }',
      {
        id: disputed.data!.submitKpiReport.id,
      },
    );
    // Submitted (and disputed) before the due date, which then passes.
    await t.dataSource.query(`UPDATE kpi_report SET created_at = now() - interval '3 days' WHERE id = $1`, [
      disputed.data!.submitKpiReport.id,
    ]);
    await pastDue(id);
    const frozen = await view(id);
    expect(frozen.status).toBe('COMMITTED');
    expect(frozen.evaluation.summary).toMatch(/^Frozen/);
    expect(
      (await t.as(SUN_LI)<{ evaluateMilestone: { status: string } }>(EVALUATE, { id })).data
        ?.evaluateMilestone.status,
    ).toBe('COMMITTED');
    expect((await entries(id)).totalCount).toBe(0);
  });

  it('changes a committed split only with every bound party’s admin or signatory', async () => {
    const started = await create();
    const split =
      'mutation U($m: UUID!, $s: [BasisPointShareInput!]!) { updateMilestoneSplit(milestoneId: $m, shares: $s) { shares { basisPoints } } }';
    expect(code(await t.as(LI_WEI)(split, { m: started, s: shares([2500, 2500, 2500, 2500]) }))).toBe(
      'CONFLICT',
    );
    const proposed = await t.as(LI_WEI)<{ proposeMilestoneChange: { id: string; status: string } }>(
      'mutation P($m: UUID!, $s: [BasisPointShareInput!]) { proposeMilestoneChange(milestoneId: $m, kind: CHANGE_SPLIT, shares: $s, reason: "The supplier takes on more risk") { id status } }',
      { m: started, s: shares([3000, 3000, 3000, 1000]) },
    );
    const proposalId = proposed.data!.proposeMilestoneChange.id;
    const approve = (email: string) =>
      t.as(email)<{ approveMilestoneProposal: { status: string } }>(
        'mutation A($id: UUID!) { approveMilestoneProposal(id: $id) { status } }',
        { id: proposalId },
      );
    expect((await approve(LIU_YANG)).data?.approveMilestoneProposal.status).toBe('OPEN');
    expect(code(await approve(CHEN_JIE))).toBe('CONFLICT');
    expect(code(await approve(ZHANG_MIN))).toBe('FORBIDDEN');
    expect((await approve(ZHAO_LEI)).data?.approveMilestoneProposal.status).toBe('OPEN');
    expect((await approve(SUN_LI)).data?.approveMilestoneProposal.status).toBe('ACCEPTED');
    const after = await view(started, LI_WEI);
    expect(after.shares.find((s) => s.organizationId === org['SUPPLIER'])!.basisPoints).toBe(3000);
    expect(after.termsVersion).toBe(2);
    expect(after.parties.every((party) => party.acceptedAt !== null)).toBe(true);
  });

  it('is WAIVED only when every bound party approves, and writes no ledger entry', async () => {
    const id = await create();
    const proposed = await t.as(CHEN_JIE)<{ proposeMilestoneChange: { id: string } }>(
      'mutation P($m: UUID!) { proposeMilestoneChange(milestoneId: $m, kind: WAIVE, reason: "The line was rebuilt") { id } }',
      { m: id },
    );
    const proposalId = proposed.data!.proposeMilestoneChange.id;
    for (const email of [LI_WEI, ZHAO_LEI]) {
      await t.as(email)('mutation A($id: UUID!) { approveMilestoneProposal(id: $id) { status } }', {
        id: proposalId,
      });
    }
    expect((await view(id, LI_WEI)).status).toBe('COMMITTED');
    await t.as(SUN_LI)('mutation A($id: UUID!) { approveMilestoneProposal(id: $id) { status } }', {
      id: proposalId,
    });
    const waived = await view(id, LI_WEI);
    expect(waived.status).toBe('WAIVED');
    expect(waived.evaluation.summary).toContain('The line was rebuilt');
    expect((await entries(id)).totalCount).toBe(0);
  });

  it('totals the ledger per party, by consortium, scenario and party; other consortia see none of it', async () => {
    const totals = await t.as(CHEN_JIE)<{
      ledgerTotals: { organizationId: string; rewardMinor: number; riskMinor: number; netMinor: number }[];
    }>(
      'query T($s: UUID) { ledgerTotals(scenarioId: $s) { organizationId rewardMinor riskMinor netMinor } }',
      { s: scenarioId },
    );
    const scenarioUser = totals.data!.ledgerTotals.find(
      (row) => row.organizationId === org['SCENARIO_USER'],
    )!;
    expect(scenarioUser).toMatchObject({ rewardMinor: 400_001, riskMinor: 200_000, netMinor: 200_001 });
    const one = await t.as(CHEN_JIE)<{ ledgerTotals: unknown[] }>(
      'query T($o: UUID) { ledgerTotals(organizationId: $o) { organizationId } }',
      { o: org['SUPPLIER'] },
    );
    expect(one.data!.ledgerTotals).toHaveLength(1);
    for (const query of ['{ ledgerTotals { organizationId } }', '{ ledgerStatements { organizationId } }']) {
      const foreign = await t.as(HUANG_MEI)<Record<string, unknown[]>>(query);
      expect(Object.values(foreign.data!)[0]).toEqual([]);
    }
    expect(
      (
        await t.as(HUANG_MEI)<{ milestones: { totalCount: number } }>(
          '{ milestones(first: 10) { totalCount } }',
        )
      ).data!.milestones.totalCount,
    ).toBe(0);
    const portfolio = await t.as(SUN_LI)<{
      portfolio: { milestonesByStatus: { key: string; count: number }[] };
    }>('{ portfolio { milestonesByStatus { key count } } }');
    expect(portfolio.data!.portfolio.milestonesByStatus).toEqual([
      { key: 'ACHIEVED', count: 1 },
      { key: 'COMMITTED', count: 5 }, // 3 committed here, the frozen one, and the seeded demo milestone
      { key: 'MISSED', count: 1 },
      { key: 'PROPOSED', count: 1 },
      { key: 'WAIVED', count: 1 },
    ]);
  });

  it('lists the proposals awaiting my organisation’s acceptance', async () => {
    const { id } = await propose({ shares: shares([5000, 0, 5000, 0]) });
    const awaiting = async (email: string) =>
      (
        await t.as(email)<{ milestones: { nodes: { id: string }[] } }>(
          '{ milestones(first: 50, awaitingMyAcceptance: true) { nodes { id } } }',
        )
      ).data!.milestones.nodes.map((node) => node.id);
    expect(await awaiting(ZHAO_LEI)).toContain(id);
    expect(await awaiting(LI_WEI)).not.toContain(id); // accepted as it proposed
    expect(await awaiting(SUN_LI)).not.toContain(id); // not bound
  });

  it('answers a page of milestones with evaluations, parties and proposals in the same number of SQL statements whatever its size', async () => {
    const FIELDS = `id status termsHash evaluation { outcome summary achievedBy explanation { kpiKey actual met sentence reportIds } }
      parties { organizationId name acceptedAt } awaitingAcceptanceFrom { id name }
      proposals { id kind status approvedByOrganizationIds }`;
    type Node = {
      id: string;
      evaluation: { explanation: { reportIds: string[] }[] };
      proposals: { id: string }[];
    };
    const page = async (first: number): Promise<Node[]> => {
      const response = await t.as(SUN_LI)<{ milestones: { nodes: Node[] } }>(
        `query P($s: UUID!, $first: Int!) { milestones(first: $first, scenarioId: $s) { nodes { ${FIELDS} } } }`,
        { s: scenarioId, first },
      );
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.milestones.nodes;
    };
    const nodes = await page(20);
    expect(nodes).toHaveLength(9);
    expect(nodes.filter((node) => node.proposals.length > 0)).toHaveLength(2);
    expect(
      nodes.some((node) => node.evaluation.explanation.some((check) => check.reportIds.length > 0)),
    ).toBe(true);
    // Batched, each milestone shows what it shows on its own.
    for (const node of nodes) {
      const one = await t.as(SUN_LI)<{ milestone: Node }>(
        `query M($id: UUID!) { milestone(id: $id) { ${FIELDS} } }`,
        {
          id: node.id,
        },
      );
      expect(one.data!.milestone).toEqual(node);
    }
    const statements = async (first: number): Promise<number> => {
      await page(first); // warm the caller's token and ability caches alike
      const before = t.sqlStatements();
      expect(await page(first)).toHaveLength(first);
      return t.sqlStatements() - before;
    };
    // Pages that both show proposed and committed milestones, names and all: 3 against all 9.
    expect(await statements(9)).toBe(await statements(3));
  });
});
