import { DEMO_CONSORTIA, DEMO_DATASETS, DEMO_PLATFORM_ADMIN_EMAIL, DEMO_SCENARIO } from '@tetrad/demo-data';

// The seeded demo scenario (LOGISTICS, the ACTIVE consortium) counts too.
const DEMO_UNITS = DEMO_SCENARIO.unitsDeployed;
const DEMO_TARGET = DEMO_SCENARIO.targetUnits;
const DEMO_HOURS = DEMO_DATASETS.reduce((sum, dataset) => sum + dataset.hours, 0);
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // ORG_ADMIN of the scenario user, ACTIVE consortium
const ZHANG_MIN = 'zhang.min@jiading-auto.example';
const WANG_FANG = 'wang.fang@jiading-auto.example';
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the FORMING consortium only

const PORTFOLIO = `query P($c: UUID) { portfolio(consortiumId: $c) {
  consortia scenarios scenarioGoal unitsDeployed targetUnits unitsGoal
  scenariosBySectorAndRegion { sector region scenarios unitsDeployed targetUnits }
  datasets dataHoursCatalogued dataHoursShared activeContracts
  openPainPointsByCategory { key count } milestonesByStatus { key count } } }`;

type Figures = {
  consortia: number;
  scenarios: number;
  scenarioGoal: number;
  unitsDeployed: number;
  targetUnits: number;
  unitsGoal: number;
  scenariosBySectorAndRegion: { sector: string; region: string; scenarios: number; unitsDeployed: number }[];
  datasets: number;
  dataHoursCatalogued: number;
  openPainPointsByCategory: { key: string; count: number }[];
  milestonesByStatus: { key: string; count: number }[];
};
const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

describe('the programme portfolio', () => {
  let t: TestApp;
  let active: string;
  let forming: string;

  const figures = async (email: string, consortiumId?: string): Promise<Figures> => {
    const response = await t.as(email)<{ portfolio: Figures }>(PORTFOLIO, { c: consortiumId ?? null });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.portfolio;
  };
  const scenario = async (
    email: string,
    consortiumId: string,
    sector: string,
    units: number,
    target: number,
  ) => {
    const response = await t.as(email)<{ createScenario: { id: string } }>(
      `mutation S($c: UUID!, $s: Sector!, $u: Int!, $t: Int!) { createScenario(input: { consortiumId: $c, name: "Line", sector: $s, site: "Site", unitsDeployed: $u, targetUnits: $t }) { id } }`,
      { c: consortiumId, s: sector, u: units, t: target },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createScenario.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    active = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    forming = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
    const sorting = await scenario(ZHANG_MIN, active, 'LOGISTICS', 3, 10);
    await scenario(ZHANG_MIN, active, 'MANUFACTURING', 12, 40);
    await scenario(HUANG_MEI, forming, 'HEALTHCARE', 5, 20);
    await t.as(WANG_FANG)(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: sorting,
          name: 'parcel-grasps',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'LEROBOT',
          robotType: 'H1',
          hours: 200,
          storageLocation: 's3://x',
        },
      },
    );
    for (const category of ['SAFETY', 'SAFETY', 'DATA']) {
      await t.as(ZHANG_MIN)(
        `mutation T($s: UUID!, $c: TicketCategory!) { raiseTicket(input: { scenarioId: $s, title: "Gripper slips", description: "On wet parcels", category: $c }) { id } }`,
        { s: sorting, c: category },
      );
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the programme office every consortium, against the programme goals', async () => {
    const all = await figures(DEMO_PLATFORM_ADMIN_EMAIL);
    expect(all).toMatchObject({
      consortia: 2,
      scenarios: 4,
      scenarioGoal: 100,
      unitsDeployed: 20 + DEMO_UNITS,
      targetUnits: 70 + DEMO_TARGET,
      unitsGoal: 10_000,
      datasets: 1 + DEMO_DATASETS.length,
      dataHoursCatalogued: 200 + DEMO_HOURS,
    });
    expect(
      all.scenariosBySectorAndRegion.map((group) => [group.sector, group.scenarios, group.unitsDeployed]),
    ).toEqual([
      ['HEALTHCARE', 1, 5],
      ['LOGISTICS', 2, 3 + DEMO_UNITS],
      ['MANUFACTURING', 1, 12],
    ]);
    expect(all.openPainPointsByCategory).toEqual([
      { key: 'DATA', count: 1 },
      { key: 'SAFETY', count: 2 },
    ]);
    expect((await figures(DEMO_PLATFORM_ADMIN_EMAIL, forming)).scenarios).toBe(1);
    expect(all.milestonesByStatus).toEqual([{ key: 'COMMITTED', count: 1 }]);
  });

  it("gives a member the same figures for its own consortia only, and NOT_FOUND for another's", async () => {
    const mine = await figures(LI_WEI);
    expect(mine).toMatchObject({
      consortia: 1,
      scenarios: 3,
      unitsDeployed: 15 + DEMO_UNITS,
      targetUnits: 50 + DEMO_TARGET,
      datasets: 1 + DEMO_DATASETS.length,
    });
    const theirs = await figures(HUANG_MEI);
    expect(theirs).toMatchObject({
      consortia: 1,
      scenarios: 1,
      unitsDeployed: 5,
      datasets: 0,
      dataHoursCatalogued: 0,
    });
    expect(code(await t.as(HUANG_MEI)(PORTFOLIO, { c: active }))).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements whatever the number of consortia', async () => {
    await figures(DEMO_PLATFORM_ADMIN_EMAIL);
    const before = t.sqlStatements();
    await figures(DEMO_PLATFORM_ADMIN_EMAIL);
    const forAll = t.sqlStatements() - before;
    const start = t.sqlStatements();
    await figures(DEMO_PLATFORM_ADMIN_EMAIL, forming);
    expect(t.sqlStatements() - start).toBeLessThanOrEqual(forAll);
    expect(forAll).toBeLessThanOrEqual(10);
  });

  const ROWS = `query R($c: UUID, $first: Int!) { portfolioScenarios(consortiumId: $c, first: $first) { totalCount nodes {
    scenarioId name unitsDeployed targetUnits
    kpis { kpiKey latestValue humanBaseline target ratioToBaseline targetMet }
    milestonesByStatus { key count }
    money { currency rewardCommittedMinor riskCommittedMinor rewardDueMinor riskDueMinor settledMinor } } } }`;
  type Row = {
    scenarioId: string;
    name: string;
    unitsDeployed: number;
    kpis: {
      kpiKey: string;
      latestValue: number | null;
      ratioToBaseline: number | null;
      targetMet: boolean | null;
    }[];
    milestonesByStatus: { key: string; count: number }[];
    money: {
      currency: string;
      rewardCommittedMinor: number;
      riskCommittedMinor: number;
      rewardDueMinor: number;
    }[];
  };
  const rows = async (email: string, consortiumId: string | null, first = 50) => {
    const response = await t.as(email)<{ portfolioScenarios: { totalCount: number; nodes: Row[] } }>(ROWS, {
      c: consortiumId,
      first,
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.portfolioScenarios;
  };

  it('gives a row per scenario: the worked example against the human pace, its committed milestone and money', async () => {
    const all = await rows(DEMO_PLATFORM_ADMIN_EMAIL, null);
    expect(all.totalCount).toBe(4);
    const demo = all.nodes.find((row) => row.name === DEMO_SCENARIO.name)!;
    expect(demo.unitsDeployed).toBe(DEMO_UNITS);
    const throughput = demo.kpis.find((kpi) => kpi.kpiKey === 'throughput')!;
    expect(throughput.latestValue).toBeCloseTo(20.8, 6);
    expect(throughput.ratioToBaseline).toBeCloseTo(20.8 / 30, 6);
    expect(throughput.targetMet).toBe(false);
    expect(demo.milestonesByStatus).toEqual([{ key: 'COMMITTED', count: 1 }]);
    expect(demo.money).toEqual([
      expect.objectContaining({
        currency: 'CNY',
        rewardCommittedMinor: DEMO_SCENARIO.milestone.rewardPoolMinor,
        riskCommittedMinor: DEMO_SCENARIO.milestone.riskAmountMinor,
        rewardDueMinor: 0,
      }),
    ]);
    const other = all.nodes.find((row) => row.scenarioId !== demo.scenarioId)!;
    expect(other.milestonesByStatus).toEqual([]);
    expect(other.kpis.every((kpi) => kpi.latestValue === null)).toBe(true);
  });

  it("shows a member the rows of its own consortia only; another consortium's rows are none of its business", async () => {
    expect((await rows(LI_WEI, null)).totalCount).toBe(3);
    const theirs = await rows(HUANG_MEI, null);
    expect(theirs.totalCount).toBe(1);
    expect(theirs.nodes.some((row) => row.name === DEMO_SCENARIO.name)).toBe(false);
    expect((await rows(HUANG_MEI, active)).totalCount).toBe(0);
  });

  it('costs the same number of SQL statements for a page of one scenario as for a page of three', async () => {
    const statements = async (first: number) => {
      await rows(LI_WEI, active, first);
      const before = t.sqlStatements();
      await rows(LI_WEI, active, first);
      return t.sqlStatements() - before;
    };
    expect(await statements(3)).toBe(await statements(1));
  });
});
