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

const NEXT = `query N($id: UUID!) { dataSharingContract(id: $id) { status currentVersion agreedHash
  nextActions { organizationName partyRole action roles people version duty dueAt } } }`;

interface NextAction {
  organizationName: string;
  partyRole: string;
  action: string;
  roles: string[];
  people: string[];
  version: number | null;
  duty: string | null;
  dueAt: string | null;
}
interface Contract {
  status: string;
  currentVersion: number;
  agreedHash: string | null;
  nextActions: NextAction[];
}

const JIADING = 'Shanghai Jiading Auto Body Works';
const INSTITUTE = 'Beijing Institute for Embodied Intelligence';

describe('who acts next on a contract', () => {
  let t: TestApp;
  let contractId: string;

  const gql = async <T>(
    email: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await t.as(email)<T>(query, variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const contract = async (email: string): Promise<Contract> =>
    (await gql<{ dataSharingContract: Contract }>(email, NEXT, { id: contractId })).dataSharingContract;
  const brief = (actions: NextAction[]) =>
    actions.map((a) => [a.organizationName, a.action, a.roles.join('|'), a.people.join(', ')]);

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
  });

  afterAll(async () => {
    await t.close();
  });

  it('a draft waits for both legal teams, and both parties read the same answer', async () => {
    const recipient = await contract(SUN_LI);
    expect(recipient.status).toBe('DRAFT');
    expect(brief(recipient.nextActions)).toEqual([
      [JIADING, 'EDIT', 'LEGAL', 'Wang Fang'],
      [INSTITUTE, 'EDIT', 'LEGAL', 'Qian Jing'],
    ]);
    expect(await contract(WANG_FANG)).toEqual(recipient);
  });

  it('in negotiation it waits for the side that did not write the latest version', async () => {
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
    const next = await contract(SUN_LI);
    expect(next.status).toBe('IN_NEGOTIATION');
    expect(next.nextActions).toEqual([
      expect.objectContaining({
        organizationName: JIADING,
        partyRole: 'PROVIDER',
        action: 'AGREE',
        version: 2,
      }),
    ]);
    expect(next.nextActions[0]!.people).toEqual(['Wang Fang']);
  });

  it('once agreed it names each party’s signatory until that party has signed', async () => {
    const agreed = await gql<{ agreeContract: { agreedHash: string } }>(
      WANG_FANG,
      'mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { agreedHash } }',
      { c: contractId, v: 2 },
    );
    expect(brief((await contract(SUN_LI)).nextActions)).toEqual([
      [JIADING, 'SIGN', 'SIGNATORY', 'Li Wei'],
      [INSTITUTE, 'SIGN', 'SIGNATORY', 'Wu Gang'],
    ]);
    const sign = 'mutation S($c: UUID!, $h: String!) { signContract(contractId: $c, hash: $h) { status } }';
    await gql(LI_WEI, sign, { c: contractId, h: agreed.agreeContract.agreedHash });
    expect(brief((await contract(WANG_FANG)).nextActions)).toEqual([
      [INSTITUTE, 'SIGN', 'SIGNATORY', 'Wu Gang'],
    ]);
    const signed = await gql<{ signContract: { status: string } }>(WU_GANG, sign, {
      c: contractId,
      h: agreed.agreeContract.agreedHash,
    });
    expect(signed.signContract.status).toBe('ACTIVE');
  });

  it('once active it names the recipient’s dated obligations and who may record them', async () => {
    const active = await contract(SUN_LI);
    expect(active.nextActions.map((a) => [a.organizationName, a.action, a.duty, a.people])).toEqual([
      // 90 days of access: deletion falls due 30 days after the end, the publication report at 180 days.
      [INSTITUTE, 'FULFIL_OBLIGATION', 'DELETE_ON_EXPIRY', ['Qian Jing', 'Sun Li']],
      [INSTITUTE, 'FULFIL_OBLIGATION', 'REPORT_PUBLICATIONS', ['Qian Jing', 'Sun Li']],
    ]);
    expect(active.nextActions.every((a) => a.dueAt !== null)).toBe(true);
  });

  it('leaves out people who are deactivated or lose the role', async () => {
    const [{ id: qian }] = (await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM "user" WHERE email = $1`,
      [QIAN_JING],
    )) as [{ id: string }];
    await gql(SUN_LI, 'mutation D($id: UUID!) { deactivateUser(userId: $id) { status } }', { id: qian });
    expect((await contract(SUN_LI)).nextActions[0]!.people).toEqual(['Sun Li']);
    await gql(SUN_LI, 'mutation A($id: UUID!) { reactivateUser(userId: $id) { status } }', { id: qian });
    const roles = 'mutation R($input: UpdateUserRolesInput!) { updateUserRoles(input: $input) { id } }';
    await gql(SUN_LI, roles, { input: { userId: qian, roles: ['RESEARCHER'] } });
    expect((await contract(SUN_LI)).nextActions[0]!.people).toEqual(['Sun Li']);
    await gql(SUN_LI, roles, { input: { userId: qian, roles: ['LEGAL'] } });
    expect((await contract(SUN_LI)).nextActions[0]!.people).toEqual(['Qian Jing', 'Sun Li']);
  });

  it('answers NOT_FOUND to an organisation that is not a party, and names nobody to the programme office', async () => {
    const outsider = await t.as(CHEN_JIE)(NEXT, { id: contractId });
    expect(outsider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(outsider.data).toBeNull();
    const office = await contract(DEMO_PLATFORM_ADMIN_EMAIL);
    expect(office.nextActions).toHaveLength(2);
    expect(office.nextActions.flatMap((a) => a.people)).toEqual([]);
  });
});
