import { DEMO_CONSORTIA, DEMO_SCENARIO } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const LI_WEI = 'li.wei@jiading-auto.example'; // ORG_ADMIN of the scenario user
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // ENGINEER of the scenario user
const WANG_FANG = 'wang.fang@jiading-auto.example'; // LEGAL, DATA_STEWARD of the scenario user
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // ORG_ADMIN of the robot maker
const HUANG_MEI = 'huang.mei@pearl-care.example'; // scenario user of the other consortium

const CREATE = `mutation C($input: CreateScenarioInput!) { createScenario(input: $input) { id name unitsDeployed targetUnits kpis { key direction humanBaseline target } } }`;
const UPDATE = `mutation U($id: UUID!, $input: ScenarioFields!) { updateScenario(id: $id, input: $input) { id unitsDeployed } }`;

const SORTING = {
  name: 'Parcel sorting, Yangpu hub line 3',
  sector: 'LOGISTICS',
  site: 'Yangpu hub, line 3',
  unitsDeployed: 3,
  targetUnits: 20,
  kpis: [
    {
      key: 'throughput',
      name: 'Parcels sorted per minute',
      unit: 'parcels/min',
      direction: 'HIGHER_IS_BETTER',
      humanBaseline: 35,
      target: 21,
    },
    { key: 'success_rate', name: 'Success rate', unit: '%', direction: 'HIGHER_IS_BETTER', target: 95 },
  ],
};

describe('scenarios', () => {
  let t: TestApp;
  let parcel: string;
  const as = (email: string): GraphQLClient => t.as(email);

  beforeAll(async () => {
    t = await startTestApp();
    parcel = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
  });

  afterAll(async () => {
    await t.close();
  });

  it("the consortium's scenario user creates a scenario with its KPIs, audited", async () => {
    const response = await as(ZHANG_MIN)<{ createScenario: { id: string; kpis: unknown[] } }>(CREATE, {
      input: { ...SORTING, consortiumId: parcel },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createScenario).toMatchObject({ unitsDeployed: 3, targetUnits: 20 });
    expect(response.data?.createScenario.kpis).toEqual([
      { key: 'throughput', direction: 'HIGHER_IS_BETTER', humanBaseline: 35, target: 21 },
      { key: 'success_rate', direction: 'HIGHER_IS_BETTER', humanBaseline: null, target: 95 },
    ]);
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'scenario.create' AND subject_id = $1`,
      [response.data!.createScenario.id],
    );
    expect(row!.n).toBe(1);
  });

  it.each([
    ['the robot maker (another party)', CHEN_JIE, 'FORBIDDEN'],
    ['a LEGAL person of the scenario user', WANG_FANG, 'FORBIDDEN'],
    ['a member of another consortium', HUANG_MEI, 'NOT_FOUND'],
  ])('refuses creation by %s, writing nothing', async (_who, email, code) => {
    const [before] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM scenario`);
    const response = await as(email)(CREATE, {
      input: { ...SORTING, name: `Refused ${email}`, consortiumId: parcel },
    });
    expect(response.errors?.[0]?.extensions.code).toBe(code);
    const [after] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM scenario`);
    expect(after!.n).toBe(before!.n);
  });

  it.each([
    ['duplicate KPI keys', { kpis: [SORTING.kpis[0], SORTING.kpis[0]] }, 'duplicate key throughput'],
    ['negative units', { unitsDeployed: -1 }, 'unitsDeployed cannot be negative'],
    [
      'a KPI key with spaces',
      { kpis: [{ ...SORTING.kpis[0], key: 'parcels per minute' }] },
      'kpis.key must be',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_case, overrides, words) => {
    const response = await as(LI_WEI)(CREATE, { input: { ...SORTING, ...overrides, consortiumId: parcel } });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors?.[0])).toContain(words);
  });

  it('every member reads it; only the scenario user edits it; outsiders see nothing', async () => {
    const SCREWS = { ...SORTING, name: 'Screw tightening, body shop 2', sector: 'MANUFACTURING' };
    const created = await as(LI_WEI)<{ createScenario: { id: string } }>(CREATE, {
      input: {
        ...SORTING,
        name: 'Screw tightening, body shop 2',
        sector: 'MANUFACTURING',
        consortiumId: parcel,
      },
    });
    const id = created.data!.createScenario.id;
    const read = await as(CHEN_JIE)<{ scenario: { id: string } }>(
      'query S($id: UUID!) { scenario(id: $id) { id } }',
      { id },
    );
    expect(read.data?.scenario.id).toBe(id);
    const foreignEdit = await as(CHEN_JIE)(UPDATE, { id, input: { ...SCREWS, unitsDeployed: 9 } });
    expect(foreignEdit.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const edit = await as(ZHANG_MIN)<{ updateScenario: { unitsDeployed: number } }>(UPDATE, {
      id,
      input: { ...SCREWS, unitsDeployed: 5 },
    });
    expect(edit.data?.updateScenario.unitsDeployed).toBe(5);
    const outsider = await as(HUANG_MEI)('query S($id: UUID!) { scenario(id: $id) { id } }', { id });
    expect(outsider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const outsiderEdit = await as(HUANG_MEI)(UPDATE, { id, input: SCREWS });
    expect(outsiderEdit.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it("lists, filtered in SQL, only the scenarios of the caller's consortia", async () => {
    const mine = await as(CHEN_JIE)<{ scenarios: { totalCount: number; nodes: { name: string }[] } }>(
      '{ scenarios(first: 100, sector: LOGISTICS) { totalCount nodes { name } } }',
    );
    // The seeded demo scenario is a LOGISTICS scenario of the same consortium.
    expect(mine.data!.scenarios.nodes.map((node) => node.name)).toEqual([DEMO_SCENARIO.name, SORTING.name]);
    const theirs = await as(HUANG_MEI)<{ scenarios: { totalCount: number } }>(
      '{ scenarios(first: 100) { totalCount } }',
    );
    expect(theirs.data!.scenarios.totalCount).toBe(0);
  });
});
