import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN
const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN, ENGINEER
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier: ORG_ADMIN, ENGINEER
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium

const DAY = 86_400_000;
const at = (daysFromNow: number): string => new Date(Date.now() + daysFromNow * DAY).toISOString();
const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

const REPORT_FIELDS = 'id status values { kpiKey value } reviewReason withdrawalReason withdrawnAt';
const SUBMIT = `mutation S($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) { ${REPORT_FIELDS} } }`;
const VERIFY = `mutation V($id: UUID!, $reason: String) { verifyKpiReport(id: $id, reason: $reason) { ${REPORT_FIELDS} } }`;
const DISPUTE = `mutation D($id: UUID!, $reason: String) { disputeKpiReport(id: $id, reason: $reason) { ${REPORT_FIELDS} } }`;
const WITHDRAW = `mutation W($id: UUID!, $reason: String!) { withdrawKpiReport(id: $id, reason: $reason) { ${REPORT_FIELDS} } }`;

interface Report {
  id: string;
  status: string;
  values: { kpiKey: string; value: number }[];
  reviewReason: string | null;
  withdrawalReason: string | null;
  withdrawnAt: string | null;
}

describe('KPI reports reconcile with their counts, and disputes are resolved', () => {
  let t: TestApp;
  let scenarioId: string;

  /** The worked example over ten days: 249,600 parcels, 200 h, 3 robots. */
  const input = (startDays: number, extra: Record<string, unknown> = {}) => ({
    input: {
      scenarioId,
      periodStart: at(startDays),
      periodEnd: at(startDays + 10),
      unitsProcessed: 249_600,
      operatingHours: 200,
      robotsInService: 3,
      interventions: 14,
      successes: 247_104,
      attempts: 249_600,
      values: [
        { kpiKey: 'throughput', value: 20.8 },
        { kpiKey: 'success_rate', value: 0.99 },
      ],
      ...extra,
    },
  });
  const submit = (variables: Record<string, unknown>, email = ZHANG_MIN) =>
    t.as(email)<{ submitKpiReport: Report }>(SUBMIT, variables);
  const submitted = async (variables: Record<string, unknown>): Promise<Report> => {
    const response = await submit(variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.submitKpiReport;
  };
  const reports = async (): Promise<number> => {
    const [row] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM kpi_report WHERE scenario_id = $1',
      [scenarioId],
    );
    return row!.n;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      `mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Parcel sorting, hub 3", sector: LOGISTICS, site: "Jiading hub", unitsDeployed: 3,
        kpis: [{ key: "throughput", name: "Parcels sorted a minute", unit: "parcels/min", direction: HIGHER_IS_BETTER, humanBaseline: 30, humanBaselineHigh: 40, target: 21 },
               { key: "success_rate", name: "Success rate", unit: "ratio", direction: HIGHER_IS_BETTER },
               { key: "quality", name: "Quality score", unit: "points", direction: HIGHER_IS_BETTER }] }) { id } }`,
      { c: consortiumId },
    );
    if (!scenario.data) throw new Error(JSON.stringify(scenario.errors));
    scenarioId = scenario.data.createScenario.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('says what each KPI measures: by its key unless it says otherwise', async () => {
    const response = await t.as(CHEN_JIE)<{ scenario: { kpis: { key: string; measure: string }[] } }>(
      'query Q($id: UUID!) { scenario(id: $id) { kpis { key measure } } }',
      { id: scenarioId },
    );
    expect(response.data!.scenario.kpis).toEqual([
      { key: 'throughput', measure: 'THROUGHPUT_PER_MINUTE' },
      { key: 'success_rate', measure: 'SUCCESS_RATE' },
      { key: 'quality', measure: 'DECLARED_ONLY' },
    ]);
  });

  it('refuses the worked example declaring 25 parcels a minute, naming both figures and the difference', async () => {
    const before = await reports();
    const response = await submit(
      input(-200, {
        values: [
          { kpiKey: 'throughput', value: 25 },
          { kpiKey: 'success_rate', value: 0.99 },
        ],
      }),
    );
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain(
      'throughput: declared 25 a minute, but 249,600 parcels over 200 h is 20.8 a minute (off by 4.2, more than the 0.5 % allowed).',
    );
    expect(response.errors![0]!.extensions['problems']).toEqual([
      { field: 'input.values.0.value', message: expect.stringContaining('declared 25 a minute') },
    ]);
    expect(await reports()).toBe(before);
  });

  it('refuses 21 a minute declared for a computed 20.8, so a ≥ 21 target cannot be met by rounding up', async () => {
    const response = await submit(
      input(-200, {
        values: [{ kpiKey: 'throughput', value: 21 }],
      }),
    );
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain('is 20.8 a minute (off by 0.2');
  });

  it('accepts declared values within the tolerance, as declared, and a declared-only KPI as it is', async () => {
    const report = await submitted(
      input(-200, {
        values: [
          { kpiKey: 'throughput', value: 20.83 },
          { kpiKey: 'success_rate', value: 0.988 },
          { kpiKey: 'quality', value: 1234 },
        ],
      }),
    );
    expect(report.status).toBe('SUBMITTED');
    expect(report.values).toEqual([
      { kpiKey: 'throughput', value: 20.83 },
      { kpiKey: 'success_rate', value: 0.988 },
      { kpiKey: 'quality', value: 1234 },
    ]);
  });

  it('fills the computable values left out from the counts', async () => {
    const report = await submitted(input(-180, { unitsProcessed: 262_000, values: [] }));
    expect(report.values).toEqual([
      { kpiKey: 'throughput', value: 21.8333 },
      { kpiKey: 'success_rate', value: expect.closeTo(247_104 / 249_600, 6) },
    ]);
  });

  it.each([
    [
      '200 operating hours in a 24-hour period',
      () => input(-160, { periodEnd: at(-159) }),
      'input.operatingHours',
      'cannot run 200 operating hours in a 24-hour period',
    ],
    [
      'more robots in service than units deployed',
      () => input(-160, { robotsInService: 4 }),
      'input.robotsInService',
      '4 robots in service, but the scenario has 3 units deployed',
    ],
    [
      'a success rate without the attempts to compute it from',
      () => input(-160, { successes: null, attempts: null }),
      'input.values.1.value',
      'success_rate is computed from the counts, and they are missing: it needs successes and attempts',
    ],
  ])('refuses %s, writing nothing', async (_case, variables, field, words) => {
    const before = await reports();
    const response = await submit(variables());
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain(words);
    expect(response.errors![0]!.extensions['problems']).toEqual([{ field, message: expect.any(String) }]);
    expect(await reports()).toBe(before);
  });

  it('lets only the submitting organisation withdraw a report, once, and frees its period', async () => {
    const report = await submitted(input(-140));
    const reason = 'The sorter counted returns twice';
    expect(code(await t.as(CHEN_JIE)(WITHDRAW, { id: report.id, reason }))).toBe('FORBIDDEN');
    expect(code(await t.as(WANG_FANG)(WITHDRAW, { id: report.id, reason }))).toBe('FORBIDDEN');
    expect(code(await t.as(HUANG_MEI)(WITHDRAW, { id: report.id, reason }))).toBe('NOT_FOUND');
    expect(code(await t.as(ZHANG_MIN)(WITHDRAW, { id: report.id, reason: '' }))).toBe('BAD_USER_INPUT');
    expect(code(await submit(input(-135)))).toBe('CONFLICT');

    const withdrawn = await t.as(LI_WEI)<{ withdrawKpiReport: Report }>(WITHDRAW, { id: report.id, reason });
    expect(withdrawn.data?.withdrawKpiReport).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: reason,
    });
    expect(withdrawn.data!.withdrawKpiReport.withdrawnAt).not.toBeNull();
    expect(code(await t.as(LI_WEI)(WITHDRAW, { id: report.id, reason }))).toBe('CONFLICT');
    expect(code(await t.as(CHEN_JIE)(VERIFY, { id: report.id }))).toBe('CONFLICT');
    const [audited] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'kpiReport.withdraw' AND subject_id = $1`,
      [report.id],
    );
    expect(audited!.n).toBe(1);

    // The corrected report for the same period.
    const corrected = await submitted(input(-140, { unitsProcessed: 240_000, values: [] }));
    expect(corrected.values.find((v) => v.kpiKey === 'throughput')!.value).toBe(20);
  });

  it('lets the disputing organisation verify a disputed report after all, and no other', async () => {
    const report = await submitted(input(-120));
    await t.as(CHEN_JIE)(DISPUTE, { id: report.id, reason: 'Hours look high against the shift plan' });
    expect(code(await t.as(ZHAO_LEI)(VERIFY, { id: report.id }))).toBe('FORBIDDEN');
    expect(code(await t.as(LI_WEI)(VERIFY, { id: report.id }))).toBe('FORBIDDEN');
    expect(code(await t.as(HUANG_MEI)(VERIFY, { id: report.id }))).toBe('NOT_FOUND');
    expect(code(await t.as(CHEN_JIE)(DISPUTE, { id: report.id, reason: 'Again' }))).toBe('CONFLICT');

    const verified = await t.as(CHEN_JIE)<{ verifyKpiReport: Report }>(VERIFY, { id: report.id });
    expect(verified.data?.verifyKpiReport).toMatchObject({
      status: 'VERIFIED',
      reviewReason: 'Hours look high against the shift plan',
    });
    expect(code(await t.as(LI_WEI)(WITHDRAW, { id: report.id, reason: 'Too late' }))).toBe('CONFLICT');
  });

  it('lets the submitter withdraw a disputed report and report the period again; the old one cannot then be verified', async () => {
    const report = await submitted(input(-100));
    await t.as(ZHAO_LEI)(DISPUTE, { id: report.id, reason: 'Counts do not match the hub system' });
    const corrected = await submitted(input(-100, { unitsProcessed: 240_000, values: [] }));
    expect(corrected.status).toBe('SUBMITTED');
    // A corrected report now covers the period: verifying the disputed one would count it twice.
    expect(code(await t.as(ZHAO_LEI)(VERIFY, { id: report.id }))).toBe('CONFLICT');

    const withdrawn = await t.as(ZHANG_MIN)<{ withdrawKpiReport: Report }>(WITHDRAW, {
      id: report.id,
      reason: 'Replaced by the corrected report',
    });
    expect(withdrawn.data?.withdrawKpiReport).toMatchObject({
      status: 'WITHDRAWN',
      reviewReason: 'Counts do not match the hub system',
    });
    const listed = await t.as(CHEN_JIE)<{ kpiReports: { nodes: { id: string }[] } }>(
      'query L($s: UUID) { kpiReports(first: 50, scenarioId: $s, status: WITHDRAWN) { nodes { id } } }',
      { s: scenarioId },
    );
    expect(listed.data!.kpiReports.nodes.map((node) => node.id)).toContain(report.id);
  });
});
