import { DEMO_CONSORTIA, DEMO_PEOPLE, DEMO_PLATFORM_ADMIN_EMAIL } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type TestApp } from '../../support/test-app';

// The demo people alone carry a contract from request to access (the data flywheel).
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN, SIGNATORY
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const QIAN_JING = 'qian.jing@embodied-institute.example'; // institute: LEGAL
const WU_GANG = 'wu.gang@embodied-institute.example'; // institute: SIGNATORY
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: in the consortium, not a party

const PEOPLE = `query P($id: UUID!) { dataSharingContract(id: $id) {
  versions { number author { name organizationName roles email } }
  signatures { voidedAt signedBy { name organizationName roles email } } } }`;

interface Person {
  name: string;
  organizationName: string;
  roles: string[];
  email: string | null;
}
interface People {
  versions: { number: number; author: Person | null }[];
  signatures: { voidedAt: string | null; signedBy: Person | null }[];
}

const JIADING = 'Shanghai Jiading Auto Body Works';
const INSTITUTE = 'Beijing Institute for Embodied Intelligence';

describe('the people on a contract', () => {
  let t: TestApp;
  let contractId: string;
  let requestId: string;

  const gql = async <T>(
    email: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await t.as(email)<T>(query, variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const people = async (email: string): Promise<People> =>
    (await gql<{ dataSharingContract: People }>(email, PEOPLE, { id: contractId })).dataSharingContract;
  const brief = (person: Person | null) =>
    person && [person.name, person.organizationName, [...person.roles].sort().join('|'), person.email];

  beforeAll(async () => {
    t = await startTestApp();
    // People exist once they have signed in; a bearer token carries no name, so set the demo's.
    for (const email of [WANG_FANG, LI_WEI, SUN_LI, QIAN_JING, WU_GANG]) {
      await gql(email, '{ me { id } }');
      const { name } = DEMO_PEOPLE.find((person) => person.email === email)!;
      await t.dataSource.query(`UPDATE "user" SET name = $2 WHERE email = $1`, [email, name]);
    }
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const { createScenario } = await gql<{ createScenario: { id: string } }>(
      ZHANG_MIN,
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Bin picking", sector: LOGISTICS, site: "Hub 4" }) { id } }',
      { c: consortiumId },
    );
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
      WANG_FANG,
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: createScenario.id,
          name: 'bin-grasps',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH'],
          storageLocation: 's3://jiading/bin-grasps',
        },
      },
    );
    const { submitDataAccessRequest } = await gql<{ submitDataAccessRequest: { id: string } }>(
      SUN_LI,
      'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      {
        input: {
          datasetIds: [registerDataset.id],
          purpose: 'RESEARCH',
          intendedOutputs: 'A grasping benchmark',
          durationDays: 90,
          securityMeasures: 'Air-gapped lab',
        },
      },
    );
    const { reviewDataAccessRequest } = await gql<{ reviewDataAccessRequest: { contractId: string } }>(
      WANG_FANG,
      'mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { contractId } }',
      {
        input: {
          requestId: submitDataAccessRequest.id,
          decisions: [{ datasetId: registerDataset.id, approve: true }],
        },
      },
    );
    contractId = reviewDataAccessRequest.contractId;
    requestId = submitDataAccessRequest.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('names the editor and each signatory to both parties, with the e-mail only for their own people', async () => {
    const { dataSharingContract: current } = await gql<{
      dataSharingContract: { version: { terms: Record<string, unknown>; clauses: unknown[] } };
    }>(
      QIAN_JING,
      `query C($id: UUID!) { dataSharingContract(id: $id) { version {
        terms { datasetIds purposes prohibitions duties { duty dueInDays } startsOn endsOn excludedModalities }
        clauses { key title text } } } }`,
      { id: contractId },
    );
    await gql(
      QIAN_JING,
      'mutation E($input: EditContractInput!) { editContract(input: $input) { number } }',
      {
        input: {
          contractId,
          baseVersion: 1,
          terms: { ...current.version.terms, excludedModalities: ['TACTILE'] },
          clauses: current.version.clauses,
          note: 'No tactile data',
        },
      },
    );
    const agreed = await gql<{ agreeContract: { agreedHash: string } }>(
      WANG_FANG,
      'mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { agreedHash } }',
      { c: contractId, v: 2 },
    );
    const sign = 'mutation S($c: UUID!, $h: String!) { signContract(contractId: $c, hash: $h) { status } }';
    await gql(LI_WEI, sign, { c: contractId, h: agreed.agreeContract.agreedHash });
    await gql(WU_GANG, sign, { c: contractId, h: agreed.agreeContract.agreedHash });

    const recipient = await people(SUN_LI);
    expect(brief(recipient.versions.find((v) => v.number === 2)!.author)).toEqual([
      'Qian Jing',
      INSTITUTE,
      'LEGAL',
      QIAN_JING,
    ]);
    expect(recipient.signatures.map((s) => brief(s.signedBy)).sort()).toEqual([
      ['Li Wei', JIADING, 'ORG_ADMIN|SIGNATORY', null],
      ['Wu Gang', INSTITUTE, 'SIGNATORY', WU_GANG],
    ]);

    const provider = await people(WANG_FANG);
    expect(brief(provider.versions.find((v) => v.number === 2)!.author)).toEqual([
      'Qian Jing',
      INSTITUTE,
      'LEGAL',
      null,
    ]);
    expect(provider.signatures.map((s) => brief(s.signedBy)).sort()).toEqual([
      ['Li Wei', JIADING, 'ORG_ADMIN|SIGNATORY', LI_WEI],
      ['Wu Gang', INSTITUTE, 'SIGNATORY', null],
    ]);
  });

  it('names the steward who decided each dataset of the request, with the e-mail only for their own people', async () => {
    const DECIDED = `query D($id: UUID!) { dataAccessRequest(id: $id) {
      items { decision decidedBy { name organizationName roles email } } } }`;
    type Decided = { dataAccessRequest: { items: { decision: string; decidedBy: Person | null }[] } };
    const requester = await gql<Decided>(SUN_LI, DECIDED, { id: requestId });
    expect(requester.dataAccessRequest.items.map((i) => brief(i.decidedBy))).toEqual([
      ['Wang Fang', JIADING, 'DATA_STEWARD|LEGAL', null],
    ]);
    const provider = await gql<Decided>(LI_WEI, DECIDED, { id: requestId });
    expect(provider.dataAccessRequest.items.map((i) => brief(i.decidedBy))).toEqual([
      ['Wang Fang', JIADING, 'DATA_STEWARD|LEGAL', WANG_FANG],
    ]);
  });

  it('answers NOT_FOUND to an organisation that is not a party, and names nobody to the programme office', async () => {
    const outsider = await t.as(CHEN_JIE)(PEOPLE, { id: contractId });
    expect(outsider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(outsider.data).toBeNull();
    const office = await people(DEMO_PLATFORM_ADMIN_EMAIL);
    expect(office.versions.map((v) => v.author)).toEqual(office.versions.map(() => null));
    expect(office.signatures.map((s) => s.signedBy)).toEqual([null, null]);
  });
});
