import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: a third organisation of the consortium

const CONTRACT_FIELDS = `id status versions { number basedOn contentHash note } signatures { organizationId }
  obligations { id } parties { name role signed } nextActions { organizationName action people }`;
const REQUEST_FIELDS = `id status items { datasetId dataset { id name } }`;

type ContractNode = { id: string; versions: { number: number }[] };
type RequestNode = {
  id: string;
  status: string;
  items: { datasetId: string; dataset: { name: string } | null }[];
};

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

/** Pages of contracts and of access requests: their per-item fields are batched, and scoped to the caller. */
describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('pages of contracts and access requests on %s', (_database, embedded) => {
  let t: TestApp;
  const datasets: string[] = [];
  const contracts: string[] = [];

  const gql = async <T>(email: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await t.as(email)<T>(query, variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const submit = (datasetIds: string[], purpose: string) =>
    gql<{ submitDataAccessRequest: { id: string } }>(
      SUN_LI,
      'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds,
          purpose,
          intendedOutputs: 'A benchmark paper',
          durationDays: 90,
          securityMeasures: 'Air-gapped lab',
        },
      },
    );
  const contractPage = async (first: number): Promise<ContractNode[]> =>
    (
      await gql<{ dataSharingContracts: { nodes: ContractNode[] } }>(
        SUN_LI,
        `query P($first: Int!) { dataSharingContracts(first: $first) { nodes { ${CONTRACT_FIELDS} } } }`,
        { first },
      )
    ).dataSharingContracts.nodes;
  const requestPage = async (first: number): Promise<RequestNode[]> =>
    (
      await gql<{ dataAccessRequests: { nodes: RequestNode[] } }>(
        SUN_LI,
        `query P($first: Int!) { dataAccessRequests(first: $first, mine: true) { nodes { ${REQUEST_FIELDS} } } }`,
        { first },
      )
    ).dataAccessRequests.nodes;
  /** Statements of a page, once the caller's token and ability caches are warm. */
  const statements = async (page: (first: number) => Promise<unknown[]>, first: number): Promise<number> => {
    await page(first);
    const before = t.sqlStatements();
    expect(await page(first)).toHaveLength(first);
    return t.sqlStatements() - before;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenarioId = (
      await gql<{ createScenario: { id: string } }>(
        ZHANG_MIN,
        'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Tote picking", sector: LOGISTICS, site: "Hub 3" }) { id } }',
        { c: consortiumId },
      )
    ).createScenario.id;
    for (const name of ['tote-grasps', 'tote-drops', 'tote-labels', 'tote-recipes']) {
      const registered = await gql<{ registerDataset: { id: string } }>(
        WANG_FANG,
        'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
        {
          input: {
            scenarioId,
            name,
            sensitivity: 'CONSORTIUM',
            modalities: ['RGB'],
            format: 'MCAP',
            robotType: 'H1',
            allowedPurposes: ['RESEARCH', 'BENCHMARKING'],
            storageLocation: `s3://jiading/${name}`,
          },
        },
      );
      datasets.push(registered.registerDataset.id);
    }
    // Three approved requests, hence three drafts; one of them edited into a second version.
    for (const datasetId of datasets.slice(0, 3)) {
      const requestId = (await submit([datasetId], 'RESEARCH')).submitDataAccessRequest.id;
      const reviewed = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
        WANG_FANG,
        'mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
        { input: { requestId, decisions: [{ datasetId, approve: true }] } },
      );
      contracts.push(reviewed.reviewDataAccessRequest.contractId);
    }
    const { version } = (
      await gql<{
        dataSharingContract: { version: { terms: Record<string, unknown>; clauses: unknown[] } };
      }>(
        WANG_FANG,
        `query C($id: UUID!) { dataSharingContract(id: $id) { version {
          terms { datasetIds purposes prohibitions duties { duty dueInDays } startsOn endsOn excludedModalities }
          clauses { key title text } } } }`,
        { id: contracts[0] },
      )
    ).dataSharingContract;
    await gql(
      WANG_FANG,
      'mutation E($input: EditContractInput!) { editContract(input: $input) { number } }',
      {
        input: {
          contractId: contracts[0],
          baseVersion: 1,
          terms: { ...version.terms, excludedModalities: ['TACTILE'] },
          clauses: version.clauses,
          note: 'No tactile data',
        },
      },
    );
    // An open request naming two datasets, one of which becomes a trade secret the requester cannot see.
    await submit([datasets[0]!, datasets[3]!], 'BENCHMARKING');
    await t.dataSource.query(`UPDATE dataset SET sensitivity = 'TRADE_SECRET' WHERE id = $1`, [datasets[3]]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows each contract of a page with its versions, newest first, as it shows it alone', async () => {
    const nodes = await contractPage(3);
    expect(nodes.map((node) => node.id).sort()).toEqual([...contracts].sort());
    const edited = nodes.find((node) => node.id === contracts[0])!;
    expect(edited.versions.map((version) => version.number)).toEqual([2, 1]);
    for (const node of nodes) {
      const one = await gql<{ dataSharingContract: ContractNode }>(
        SUN_LI,
        `query C($id: UUID!) { dataSharingContract(id: $id) { ${CONTRACT_FIELDS} } }`,
        { id: node.id },
      );
      expect(one.dataSharingContract).toEqual(node);
    }
    // Another member of the consortium sees neither the contracts nor their versions.
    const outsider = await t.as(CHEN_JIE)<{ dataSharingContracts: { totalCount: number } }>(
      '{ dataSharingContracts(first: 10) { totalCount nodes { versions { number } } } }',
    );
    expect(outsider.data!.dataSharingContracts.totalCount).toBe(0);
    expect(
      code(
        await t.as(CHEN_JIE)('query C($id: UUID!) { dataSharingContract(id: $id) { versions { number } } }', {
          id: contracts[0],
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('answers a page of contracts with versions, status, signatures, obligations and parties in the same number of SQL statements whatever its size', async () => {
    expect(await statements(contractPage, 3)).toBe(await statements(contractPage, 1));
  });

  it('shows the datasets of each request of a page that the requester may see, null for the others', async () => {
    const nodes = await requestPage(4);
    const open = nodes.find((node) => node.status === 'SUBMITTED')!;
    expect(open.items.map((item) => [item.datasetId, item.dataset?.name ?? null])).toEqual(
      expect.arrayContaining([
        [datasets[0], 'tote-grasps'],
        [datasets[3], null],
      ]),
    );
    for (const node of nodes) {
      const one = await gql<{ dataAccessRequest: RequestNode }>(
        SUN_LI,
        `query R($id: UUID!) { dataAccessRequest(id: $id) { ${REQUEST_FIELDS} } }`,
        { id: node.id },
      );
      expect(one.dataAccessRequest).toEqual(node);
    }
    // The owner's steward still sees its trade secret in the same request.
    const steward = await gql<{ dataAccessRequest: RequestNode }>(
      WANG_FANG,
      `query R($id: UUID!) { dataAccessRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      { id: open.id },
    );
    expect(steward.dataAccessRequest.items.find((item) => item.datasetId === datasets[3])!.dataset).toEqual({
      id: datasets[3],
      name: 'tote-recipes',
    });
  });

  it('answers a page of access requests with their items’ datasets in the same number of SQL statements whatever its size', async () => {
    expect(await statements(requestPage, 4)).toBe(await statements(requestPage, 1));
  });
});
