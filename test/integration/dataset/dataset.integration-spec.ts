import { DEMO_CONSORTIA, DEMO_DATASETS } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // LEGAL, DATA_STEWARD of the scenario user
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // ENGINEER of the scenario user
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker, member
const ZHOU_HUI = 'zhou.hui@embodied-institute.example'; // RESEARCHER, DATA_STEWARD of the institute
const HUANG_MEI = 'huang.mei@pearl-care.example'; // another consortium

const REGISTER = `mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id name version storageLocation } }`;
const LIST = `query L($modality: DataModality, $purpose: Purpose, $format: DatasetFormat, $sensitivity: DatasetSensitivity, $robotType: String, $search: String, $sector: Sector) {
  datasets(first: 100, modality: $modality, purpose: $purpose, format: $format, sensitivity: $sensitivity, robotType: $robotType, search: $search, sector: $sector) { totalCount nodes { name } } }`;

describe('dataset catalog', () => {
  let t: TestApp;
  let scenarioId: string;
  const ids: Record<string, string> = {};
  const as = (email: string): GraphQLClient => t.as(email);

  const base = (name: string, sensitivity: string, extra: Record<string, unknown> = {}) => ({
    scenarioId,
    name,
    sensitivity,
    modalities: ['RGB', 'JOINT_STATES'],
    format: 'LEROBOT',
    formatVersion: 'v2.1',
    robotType: 'Lingbu H1',
    hours: 200,
    episodes: 1200,
    allowedPurposes: ['RESEARCH'],
    storageLocation: `s3://jiading-data/${name.toLowerCase().replace(/\s+/g, '-')}`,
    features: [
      { key: 'observation.images.wrist', modality: 'RGB', dtype: 'video', shape: [480, 640, 3], rateHz: 30 },
    ],
    ...extra,
  });

  async function register(email: string, input: Record<string, unknown>): Promise<string> {
    const response = await as(email)<{ registerDataset: { id: string } }>(REGISTER, { input });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.registerDataset.id;
  }

  // The demo datasets (seeded with the demo data) are left out: these tests reason about their own.
  const names = async (email: string, variables: Record<string, unknown> = {}) =>
    (await as(email)<{ datasets: { nodes: { name: string }[] } }>(LIST, variables))
      .data!.datasets.nodes.map((node) => node.name)
      .filter((name) => !DEMO_DATASETS.some((demo) => demo.name === name));

  beforeAll(async () => {
    t = await startTestApp();
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Sorting data line", sector: LOGISTICS, site: "Hub" }) { id } }',
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
    ids['consortium'] = await register(
      WANG_FANG,
      base('Parcel grasps', 'CONSORTIUM', { allowedPurposes: ['RESEARCH', 'MODEL_TRAINING'] }),
    );
    ids['public'] = await register(
      WANG_FANG,
      base('Open tote picks', 'PUBLIC', { format: 'HDF5', modalities: ['DEPTH'] }),
    );
    ids['secret'] = await register(WANG_FANG, base('Line 3 secret recipes', 'TRADE_SECRET'));
    ids['restricted'] = await register(
      ZHOU_HUI,
      base('Tactile slip study', 'RESTRICTED', { modalities: ['TACTILE'], robotType: 'Institute arm' }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['an ENGINEER (not a data steward)', ZHANG_MIN, 'FORBIDDEN'],
    ['a member of another consortium', HUANG_MEI, 'NOT_FOUND'],
  ])('refuses registration by %s, writing nothing', async (_who, email, code) => {
    const [before] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM dataset');
    const response = await as(email)(REGISTER, { input: base('Refused', 'PUBLIC') });
    expect(response.errors?.[0]?.extensions.code).toBe(code);
    const [after] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM dataset');
    expect(after!.n).toBe(before!.n);
  });

  it('shows metadata by sensitivity: PUBLIC to all, CONSORTIUM/RESTRICTED to members, TRADE_SECRET to the owner', async () => {
    expect((await names(ZHANG_MIN)).sort()).toEqual([
      'Line 3 secret recipes',
      'Open tote picks',
      'Parcel grasps',
      'Tactile slip study',
    ]);
    expect((await names(CHEN_JIE)).sort()).toEqual([
      'Open tote picks',
      'Parcel grasps',
      'Tactile slip study',
    ]);
    expect(await names(HUANG_MEI)).toEqual(['Open tote picks']);
    const secret = await as(CHEN_JIE)('query D($id: UUID!) { dataset(id: $id) { id } }', {
      id: ids['secret'],
    });
    expect(secret.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it("shows the storage location only to the owner's data stewards, and never writes it to the audit trail", async () => {
    const query = 'query D($id: UUID!) { dataset(id: $id) { storageLocation } }';
    const location = async (email: string) =>
      (await as(email)<{ dataset: { storageLocation: string | null } }>(query, { id: ids['consortium'] }))
        .data?.dataset.storageLocation;
    expect(await location(WANG_FANG)).toBe('s3://jiading-data/parcel-grasps');
    expect(await location(ZHANG_MIN)).toBeNull();
    expect(await location(CHEN_JIE)).toBeNull();
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_type = 'Dataset' AND (after::text LIKE '%s3://%' OR before::text LIKE '%s3://%')`,
    );
    expect(row!.n).toBe(0);
  });

  it.each([
    ['modality', { modality: 'TACTILE' }, ['Tactile slip study']],
    ['purpose', { purpose: 'MODEL_TRAINING' }, ['Parcel grasps']],
    ['format', { format: 'HDF5' }, ['Open tote picks']],
    ['sensitivity', { sensitivity: 'RESTRICTED' }, ['Tactile slip study']],
    ['robot type', { robotType: 'Institute arm' }, ['Tactile slip study']],
    ['text search', { search: 'tote' }, ['Open tote picks']],
    ['sector', { sector: 'HEALTHCARE' }, []],
  ])('filters by %s in SQL', async (_filter, variables, expected) => {
    expect(await names(CHEN_JIE, variables)).toEqual(expected);
  });

  it("each update by the owner's steward is a new version; others cannot update", async () => {
    const UPDATE =
      'mutation U($id: UUID!, $input: DatasetFields!) { updateDataset(id: $id, input: $input) { version hours } }';
    const { scenarioId: _unused, ...fields } = base('Parcel grasps', 'CONSORTIUM', { hours: 240 });
    const updated = await as(WANG_FANG)<{ updateDataset: { version: number; hours: number } }>(UPDATE, {
      id: ids['consortium'],
      input: fields,
    });
    expect(updated.data?.updateDataset).toEqual({ version: 2, hours: 240 });
    expect(
      (await as(CHEN_JIE)(UPDATE, { id: ids['consortium'], input: fields })).errors?.[0]?.extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await as(CHEN_JIE)(UPDATE, { id: ids['secret'], input: fields })).errors?.[0]?.extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    const response = await as(WANG_FANG)(REGISTER, {
      input: base('Bad', 'PUBLIC', { modalities: [], hours: -1 }),
    });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('modalities must name at least one modality');
  });
});
