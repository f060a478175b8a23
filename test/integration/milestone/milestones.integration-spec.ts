import { DEMO_CONSORTIA, DEMO_ORGANIZATIONS } from '@tetrad/demo-data';
import { consortiumIdByName, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN, ENGINEER
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier: ORG_ADMIN, ENGINEER
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium

const DAY = 86_400_000;
const at = (daysFromNow: number): string => new Date(Date.now() + daysFromNow * DAY).toISOString();
const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

const SUBMIT = `mutation S($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) {
  id status figures { throughputPerMinute throughputPerRobotPerMinute successRate ratioToBaseline { low high } } } }`;
const VERIFY = `mutation V($id: UUID!) { verifyKpiReport(id: $id) { status } }`;
const CREATE = `mutation C($input: CreateMilestoneInput!) { createMilestone(input: $input) { id status } }`;
const MILESTONE = `query M($id: UUID!) { milestone(id: $id) { status achievedByReportId shares { organizationId basisPoints }
  evaluation { outcome summary explanation { kpiKey actual met sentence reportIds } } } }`;
const ENTRIES = `query E($m: UUID) { ledgerEntries(first: 50, milestoneId: $m) { totalCount nodes { organizationId kind amountMinor basisPoints } } }`;

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
      windowStart: at(-60),
      windowEnd: at(30),
      dueAt: at(30),
      rewardPoolMinor: 1_000_001,
      riskAmountMinor: 500_000,
      shares: shares([4000, 3000, 2000, 1000]),
      ...extra,
    },
  });
  const create = async (extra: Record<string, unknown> = {}): Promise<string> => {
    const response = await t.as(LI_WEI)<{ createMilestone: { id: string } }>(CREATE, milestoneInput(extra));
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createMilestone.id;
  };
  const entries = async (milestoneId: string) =>
    (
      await t.as(SUN_LI)<{
        ledgerEntries: {
          totalCount: number;
          nodes: { organizationId: string; kind: string; amountMinor: number }[];
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
  ])('refuses a milestone with %s', async (_case, extra, words) => {
    const response = await t.as(LI_WEI)(CREATE, milestoneInput(extra()));
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain(words);
  });

  it('refuses milestones from a non-admin and from outside the consortium', async () => {
    expect(code(await t.as(ZHANG_MIN)(CREATE, milestoneInput()))).toBe('FORBIDDEN');
    expect(code(await t.as(HUANG_MEI)(CREATE, milestoneInput()))).toBe('NOT_FOUND');
  });

  it('is ACHIEVED when verified reports meet every target, explains why, and pays each share once', async () => {
    const id = await create();
    await t.as(CHEN_JIE)(VERIFY, { id: firstReport });
    const pending = (
      await t.as(ZHAO_LEI)<{
        milestone: {
          status: string;
          evaluation: { outcome: string; explanation: { kpiKey: string; met: boolean; sentence: string }[] };
        };
      }>(MILESTONE, { id })
    ).data!.milestone;
    expect(pending.status).toBe('IN_PROGRESS');
    expect(pending.evaluation.outcome).toBe('PENDING');
    const throughput = pending.evaluation.explanation.find((check) => check.kpiKey === 'throughput')!;
    expect(throughput.met).toBe(false);
    expect(throughput.sentence).toContain('20.8');

    const second = await submit(ZHANG_MIN, report(-35, 100, 22.5, 135_000));
    await t.as(ZHAO_LEI)(VERIFY, { id: second.data!.submitKpiReport.id });
    const achieved = (
      await t.as(ZHAO_LEI)<{
        milestone: {
          status: string;
          achievedByReportId: string;
          evaluation: { explanation: { kpiKey: string; actual: number; met: boolean }[] };
        };
      }>(MILESTONE, { id })
    ).data!.milestone;
    expect(achieved.status).toBe('ACHIEVED');
    expect(achieved.achievedByReportId).toBe(second.data!.submitKpiReport.id);
    expect(achieved.evaluation.explanation.find((c) => c.kpiKey === 'throughput')!.actual).toBeCloseTo(
      (20.8 * 200 + 22.5 * 100) / 300,
      6,
    );

    await Promise.all(
      [1, 2, 3].map(() =>
        t.as(SUN_LI)('mutation E($id: UUID!) { evaluateMilestone(id: $id) { status } }', { id }),
      ),
    );
    const ledger = await entries(id);
    expect(ledger.totalCount).toBe(4);
    expect(ledger.nodes.every((entry) => entry.kind === 'REWARD')).toBe(true);
    expect(ledger.nodes.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(1_000_001);
    expect(ledger.nodes.find((entry) => entry.organizationId === org['SCENARIO_USER'])!.amountMinor).toBe(
      400_001,
    );
  });

  it('is MISSED after its due date without the targets met, writing the risk shares once however often it is evaluated', async () => {
    const id = await create({ windowStart: at(-100), windowEnd: at(-90), dueAt: at(-89) });
    const results = await Promise.all(
      [LI_WEI, CHEN_JIE, ZHAO_LEI, SUN_LI].map((email) =>
        t.as(email)<{ evaluateMilestone: { status: string } }>(
          'mutation E($id: UUID!) { evaluateMilestone(id: $id) { status } }',
          { id },
        ),
      ),
    );
    expect(results.map((r) => r.data?.evaluateMilestone.status)).toEqual([
      'MISSED',
      'MISSED',
      'MISSED',
      'MISSED',
    ]);
    const ledger = await entries(id);
    expect(ledger.totalCount).toBe(4);
    expect(ledger.nodes.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(500_000);
    const [audited] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'milestone.missed' AND subject_id = $1`,
      [id],
    );
    expect(audited!.n).toBe(1);
  });

  it('lets an admin change the split before the start; afterwards only with every party’s approval', async () => {
    const planned = await create({ windowStart: at(10), windowEnd: at(40), dueAt: at(40) });
    const split =
      'mutation U($m: UUID!, $s: [BasisPointShareInput!]!) { updateMilestoneSplit(milestoneId: $m, shares: $s) { shares { basisPoints } } }';
    expect(
      (await t.as(CHEN_JIE)(split, { m: planned, s: shares([2500, 2500, 2500, 2500]) })).errors,
    ).toBeUndefined();

    const started = await create();
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
    expect((await approve(CHEN_JIE)).data?.approveMilestoneProposal.status).toBe('OPEN');
    expect(code(await approve(CHEN_JIE))).toBe('CONFLICT');
    expect(code(await approve(ZHANG_MIN))).toBe('FORBIDDEN');
    expect((await approve(ZHAO_LEI)).data?.approveMilestoneProposal.status).toBe('OPEN');
    expect((await approve(SUN_LI)).data?.approveMilestoneProposal.status).toBe('ACCEPTED');
    const after = (
      await t.as(LI_WEI)<{ milestone: { shares: { organizationId: string; basisPoints: number }[] } }>(
        MILESTONE,
        { id: started },
      )
    ).data!.milestone;
    expect(after.shares.find((s) => s.organizationId === org['SUPPLIER'])!.basisPoints).toBe(3000);
  });

  it('is WAIVED only when every member organisation’s admin approves, and writes no ledger entry', async () => {
    const id = await create({ windowStart: at(-20), windowEnd: at(20), dueAt: at(20) });
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
    expect(
      (await t.as(LI_WEI)<{ milestone: { status: string } }>(MILESTONE, { id })).data!.milestone.status,
    ).toBe('IN_PROGRESS');
    await t.as(SUN_LI)('mutation A($id: UUID!) { approveMilestoneProposal(id: $id) { status } }', {
      id: proposalId,
    });
    expect(
      (await t.as(LI_WEI)<{ milestone: { status: string } }>(MILESTONE, { id })).data!.milestone.status,
    ).toBe('WAIVED');
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
    expect(
      (await t.as(HUANG_MEI)<{ ledgerTotals: unknown[] }>('{ ledgerTotals { organizationId } }')).data!
        .ledgerTotals,
    ).toEqual([]);
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
      { key: 'IN_PROGRESS', count: 2 }, // one created here, and the seeded demo milestone
      { key: 'MISSED', count: 1 },
      { key: 'PLANNED', count: 1 },
      { key: 'WAIVED', count: 1 },
    ]);
  });

  it('answers a page of milestones with evaluations and proposals in the same number of SQL statements whatever its size', async () => {
    const FIELDS = `id status evaluation { outcome summary achievedBy explanation { kpiKey actual met sentence reportIds } }
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
    const nodes = await page(5);
    expect(nodes).toHaveLength(5);
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
    expect(await statements(5)).toBe(await statements(1));
  });
});
