import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN, ENGINEER
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium: ORG_ADMIN

const SUBMIT = `mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id status } }`;
const REVIEW = `mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { id status contractId items { decision reason } } }`;
const LIST = `query L($awaiting: Boolean, $overdue: Boolean, $status: DataAccessRequestStatus) {
  dataAccessRequests(first: 50, awaitingMyReview: $awaiting, overdue: $overdue, status: $status) { totalCount nodes { id status overdue } } }`;

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

describe('data access requests', () => {
  let t: TestApp;
  let grasps: string; // scenario user's, offers RESEARCH
  let sorting: string; // scenario user's too, RESTRICTED
  let elsewhere: string; // PUBLIC, in the other consortium

  const request = (datasetIds: string[], purpose = 'RESEARCH', durationDays = 90) => ({
    input: {
      datasetIds,
      purpose,
      intendedOutputs: 'A benchmark paper',
      durationDays,
      securityMeasures: 'Air-gapped lab',
    },
  });
  const submit = (email: string, datasetIds: string[], purpose?: string, days?: number) =>
    t.as(email)<{ submitDataAccessRequest: { id: string; status: string } }>(
      SUBMIT,
      request(datasetIds, purpose, days),
    );
  const count = async (table: string): Promise<number> =>
    (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  async function dataset(
    email: string,
    consortiumId: string,
    name: string,
    sensitivity: string,
  ): Promise<string> {
    const scenario = await t.as(email)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!, $n: String!) { createScenario(input: { consortiumId: $c, name: $n, sector: LOGISTICS, site: "Site" }) { id } }',
      { c: consortiumId, n: `${name} scenario` },
    );
    const steward = email === HUANG_MEI ? HUANG_MEI : WANG_FANG;
    const response = await t.as(steward)<{ registerDataset: { id: string } }>(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: scenario.data?.createScenario.id,
          name,
          sensitivity,
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH'],
          storageLocation: `s3://${name}`,
        },
      },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.registerDataset.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const active = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const forming = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
    grasps = await dataset(ZHANG_MIN, active, 'grasps', 'CONSORTIUM');
    elsewhere = await dataset(HUANG_MEI, forming, 'care-home-walks', 'PUBLIC');
    // A second dataset of the same owner, for requests covering several datasets.
    sorting = await dataset(ZHANG_MIN, active, 'sorting', 'RESTRICTED');
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['an unknown purpose', () => submit(SUN_LI, [grasps], 'TELEPATHY'), 'BAD_USER_INPUT'],
    ['no dataset', () => submit(SUN_LI, []), 'BAD_USER_INPUT'],
    ['a duration of zero days', () => submit(SUN_LI, [grasps], 'RESEARCH', 0), 'BAD_USER_INPUT'],
    ['datasets of two consortia', () => submit(SUN_LI, [grasps, elsewhere]), 'BAD_USER_INPUT'],
    ["the requester's own dataset", () => submit(ZHANG_MIN, [grasps]), 'BAD_USER_INPUT'],
    [
      'an organisation that is not a member of the consortium',
      () => submit(SUN_LI, [elsewhere]),
      'FORBIDDEN',
    ],
    ['a dataset of a consortium the requester cannot see', () => submit(HUANG_MEI, [grasps]), 'NOT_FOUND'],
  ])('refuses %s, writing nothing', async (_case, act, expected) => {
    const before = await count('data_access_request');
    expect(code(await act())).toBe(expected);
    expect(await count('data_access_request')).toBe(before);
  });

  it('refuses a second open request for the same dataset and purpose', async () => {
    const first = await submit(SUN_LI, [grasps, sorting]);
    expect(first.data?.submitDataAccessRequest.status).toBe('SUBMITTED');
    const again = await submit(SUN_LI, [grasps]);
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions['requestId']).toBe(first.data!.submitDataAccessRequest.id);
    await t.as(SUN_LI)('mutation W($id: UUID!) { withdrawDataAccessRequest(id: $id) { status } }', {
      id: first.data!.submitDataAccessRequest.id,
    });
  });

  it('lists requests awaiting my review, and overdue ones, filtered in SQL', async () => {
    const submitted = await submit(CHEN_JIE, [grasps]);
    const id = submitted.data!.submitDataAccessRequest.id;
    const awaiting = await t.as(WANG_FANG)<{
      dataAccessRequests: { nodes: { id: string; overdue: boolean }[] };
    }>(LIST, { awaiting: true });
    expect(awaiting.data!.dataAccessRequests.nodes.map((node) => node.id)).toEqual([id]);
    expect(
      (await t.as(WANG_FANG)<{ dataAccessRequests: { totalCount: number } }>(LIST, { overdue: true })).data!
        .dataAccessRequests.totalCount,
    ).toBe(0);
    // The passage of time: the review due date has gone by.
    await t.dataSource.query(
      `UPDATE data_access_request SET review_due_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    const overdue = await t.as(WANG_FANG)<{
      dataAccessRequests: { nodes: { id: string; overdue: boolean }[] };
    }>(LIST, { overdue: true });
    expect(overdue.data!.dataAccessRequests.nodes).toEqual([{ id, status: 'SUBMITTED', overdue: true }]);
    // Neither the requester's view nor a third organisation's shows other organisations' requests.
    expect(
      (
        await t.as(SUN_LI)<{ dataAccessRequests: { nodes: { id: string }[] } }>(LIST, {})
      ).data!.dataAccessRequests.nodes.map((n) => n.id),
    ).not.toContain(id);
    expect(
      code(await t.as(SUN_LI)('query Q($id: UUID!) { dataAccessRequest(id: $id) { id } }', { id })),
    ).toBe('NOT_FOUND');
  });

  it('lists only the requests my organisation made with mine: true', async () => {
    const submitted = await submit(CHEN_JIE, [sorting], 'SIM_TO_REAL');
    const id = submitted.data!.submitDataAccessRequest.id;
    const MINE = `query M($mine: Boolean) { dataAccessRequests(first: 50, mine: $mine) { totalCount nodes { id requesterOrganizationId } } }`;
    type Mine = { dataAccessRequests: { totalCount: number; nodes: { id: string }[] } };
    // The owner's steward sees it among all requests, but not among its own.
    expect((await t.as(WANG_FANG)<Mine>(MINE, {})).data!.dataAccessRequests.nodes.map((n) => n.id)).toContain(
      id,
    );
    expect((await t.as(WANG_FANG)<Mine>(MINE, { mine: true })).data!.dataAccessRequests.totalCount).toBe(0);
    const mine = (await t.as(CHEN_JIE)<Mine>(MINE, { mine: true })).data!.dataAccessRequests;
    expect(mine.nodes.map((n) => n.id)).toContain(id);
    expect(mine.totalCount).toBe(mine.nodes.length);
    await t.as(CHEN_JIE)('mutation W($id: UUID!) { withdrawDataAccessRequest(id: $id) { status } }', { id });
  });

  it('rejects with a reason, and lets the requester ask again', async () => {
    const first = await submit(SUN_LI, [grasps], 'MODEL_TRAINING');
    const id = first.data!.submitDataAccessRequest.id;
    const rejected = await t.as(WANG_FANG)<{
      reviewDataAccessRequest: {
        status: string;
        contractId: string | null;
        items: { decision: string; reason: string }[];
      };
    }>(REVIEW, {
      input: {
        requestId: id,
        decisions: [{ datasetId: grasps, approve: false, reason: 'Not for training yet' }],
      },
    });
    expect(rejected.data!.reviewDataAccessRequest).toMatchObject({
      status: 'REJECTED',
      contractId: null,
      items: [{ decision: 'REJECTED', reason: 'Not for training yet' }],
    });
    expect(
      code(
        await t.as(WANG_FANG)(REVIEW, {
          input: { requestId: id, decisions: [{ datasetId: grasps, approve: true }] },
        }),
      ),
    ).toBe('CONFLICT');
    const again = await submit(SUN_LI, [grasps], 'MODEL_TRAINING');
    expect(again.data?.submitDataAccessRequest.status).toBe('SUBMITTED');
  });

  it('decides dataset by dataset: UNDER_REVIEW until every dataset is decided, then a draft for the approved ones', async () => {
    const submitted = await submit(SUN_LI, [grasps, sorting], 'BENCHMARKING');
    const id = submitted.data!.submitDataAccessRequest.id;
    // The matcher abstains on benchmarking a research offer: approving it anyway takes a reason.
    const partly = await t.as(WANG_FANG)<{ reviewDataAccessRequest: { status: string } }>(REVIEW, {
      input: {
        requestId: id,
        decisions: [{ datasetId: grasps, approve: true, reason: 'Benchmarking grasps is research here.' }],
      },
    });
    expect(partly.data!.reviewDataAccessRequest.status).toBe('UNDER_REVIEW');
    const done = await t.as(WANG_FANG)<{ reviewDataAccessRequest: { status: string; contractId: string } }>(
      REVIEW,
      {
        input: { requestId: id, decisions: [{ datasetId: sorting, approve: false, reason: 'Restricted' }] },
      },
    );
    expect(done.data!.reviewDataAccessRequest.status).toBe('APPROVED');
    const contract = await t.as(SUN_LI)<{
      dataSharingContract: { version: { terms: { datasetIds: string[] } } };
    }>('query C($id: UUID!) { dataSharingContract(id: $id) { version { terms { datasetIds } } } }', {
      id: done.data!.reviewDataAccessRequest.contractId,
    });
    expect(contract.data!.dataSharingContract.version.terms.datasetIds).toEqual([grasps]);
  });

  it('shows the purpose matcher’s advice before submitting', async () => {
    const response = await t.as(SUN_LI)<{ purposeMatch: { decision: string; rationale: string[] }[] }>(
      'query M($d: [UUID!]!) { purposeMatch(datasetIds: $d, purpose: COMMERCIAL_PRODUCT, durationDays: 30) { decision rationale } }',
      { d: [grasps] },
    );
    expect(response.data!.purposeMatch[0]!.decision).toBe('DENY');
  });
});
