import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: ORG_ADMIN, ENGINEER (requester)
const LIU_YANG = 'liu.yang@lingbu-robotics.example'; // robot maker: LEGAL, SIGNATORY
const ZHAO_LEI = 'zhao.lei@harmonic-drives.example'; // supplier: ORG_ADMIN, ENGINEER (another requester)
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium: ORG_ADMIN

const SUBMIT = `mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) {
  id items { purposeMatch { decision } } } }`;
const REVIEW = `mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) {
  id status contractId items { decision reason overrideReason overriddenByUserId overriddenAt } } }`;
const CONTRACT = `query C($id: UUID!) { dataSharingContract(id: $id) {
  id
  version { note terms { purposes prohibitions } }
  matcherOverrides { datasetId datasetName decision rationale matcherVersion reason
    overriddenByOrganizationId overriddenByOrganizationName overriddenByUserId overriddenByName at } } }`;
const DOCUMENT = `query D($c: UUID!) { contractDocument(contractId: $c) }`;
const DOCUMENT_IN = `query D($c: UUID!, $l: ContractLanguage) { contractDocument(contractId: $c, language: $l) }`;
const ODRL = `query O($c: UUID!) { contractOdrl(contractId: $c) }`;

interface Override {
  datasetId: string;
  datasetName: string;
  decision: string;
  rationale: string[];
  matcherVersion: string;
  reason: string;
  overriddenByOrganizationId: string;
  overriddenByOrganizationName: string;
  overriddenByUserId: string;
  overriddenByName: string;
  at: string;
}
interface Contract {
  id: string;
  version: { note: string; terms: { purposes: string[]; prohibitions: string[] } };
  matcherOverrides: Override[];
}

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;
const REASON = 'The steering committee agreed on 3 May to a commercial pilot; the legal teams set the terms.';

describe('overriding the purpose matcher', () => {
  let t: TestApp;
  let picks: string; // the scenario user's, offers RESEARCH only, records people
  let denied: string; // a request the matcher advised DENY (commercial use, not offered)
  let abstained: string; // a request the matcher advised ABSTAIN (benchmarking, research offered)
  let advised: string; // a request the matcher advised APPROVE
  let contractId: string;

  const submit = async (email: string, purpose: string): Promise<{ id: string; advice: string }> => {
    const response = await t.as(email)<{
      submitDataAccessRequest: { id: string; items: { purposeMatch: { decision: string } }[] };
    }>(SUBMIT, {
      input: {
        datasetIds: [picks],
        purpose,
        intendedOutputs: 'A picking controller',
        durationDays: 90,
        securityMeasures: 'Encrypted storage in the plant',
      },
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    const request = response.data.submitDataAccessRequest;
    return { id: request.id, advice: request.items[0]!.purposeMatch.decision };
  };
  const review = (requestId: string, approve: boolean, reason?: string, as = WANG_FANG) =>
    t.as(as)<{
      reviewDataAccessRequest: {
        status: string;
        contractId: string | null;
        items: {
          decision: string;
          reason: string | null;
          overrideReason: string | null;
          overriddenByUserId: string | null;
          overriddenAt: string | null;
        }[];
      };
    }>(REVIEW, {
      input: {
        requestId,
        decisions: [{ datasetId: picks, approve, ...(reason === undefined ? {} : { reason }) }],
      },
    });
  const contractAs = async (email: string, id = contractId): Promise<Contract> => {
    const response = await t.as(email)<{ dataSharingContract: Contract }>(CONTRACT, { id });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.dataSharingContract;
  };
  const userId = async (email: string): Promise<string> =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM "user" WHERE email = $1`, [email]))[0]!.id;
  const statusOf = async (requestId: string): Promise<string> =>
    (
      await t.dataSource.query<{ status: string }[]>(`SELECT status FROM data_access_request WHERE id = $1`, [
        requestId,
      ])
    )[0]!.status;

  beforeAll(async () => {
    t = await startTestApp();
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Bin picking", sector: LOGISTICS, site: "Hall 4" }) { id } }',
      { c: consortiumId },
    );
    const registered = await t.as(WANG_FANG)<{ registerDataset: { id: string } }>(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: scenario.data!.createScenario.id,
          name: 'bin-picks-with-workers',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB', 'JOINT_STATES'],
          format: 'LEROBOT',
          robotType: 'Lingbu H1',
          allowedPurposes: ['RESEARCH'],
          personalData: true,
          anonymisation: 'PSEUDONYMISED',
          storageLocation: 's3://jiading/bin-picks',
        },
      },
    );
    if (!registered.data) throw new Error(JSON.stringify(registered.errors));
    picks = registered.data.registerDataset.id;
    const deny = await submit(CHEN_JIE, 'COMMERCIAL_PRODUCT');
    const abstain = await submit(ZHAO_LEI, 'BENCHMARKING');
    const approve = await submit(SUN_LI, 'RESEARCH');
    expect([deny.advice, abstain.advice, approve.advice]).toEqual(['DENY', 'ABSTAIN', 'APPROVE']);
    [denied, abstained, advised] = [deny.id, abstain.id, approve.id];
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['no reason', () => denied, undefined, /advised against this request: to approve it anyway, write why/],
    ['a blank reason', () => denied, '   ', /write why/],
    ['a reason too short to explain anything', () => denied, 'ok', /at least 10 characters/],
    ['no reason, on ABSTAIN', () => abstained, undefined, /could not decide this request/],
  ])(
    'refuses approving against the advice with %s, on the reason field, writing nothing',
    async (_case, id, reason, message) => {
      const response = await review(id(), true, reason);
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toMatch(message);
      expect(response.errors![0]!.extensions['problems']).toEqual([
        { field: 'input.decisions.0.reason', message: expect.stringMatching(message) as unknown },
      ]);
      expect(await statusOf(id())).toBe('SUBMITTED');
    },
  );

  it('refuses a reason beyond 2,000 characters', async () => {
    const response = await review(denied, true, 'x'.repeat(2_001));
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions['problems']).toEqual([
      { field: 'decisions.0.reason', message: 'reason must be at most 2,000 characters long' },
    ]);
  });

  it('answers NOT_FOUND to a steward of another consortium', async () => {
    expect(code(await review(denied, true, REASON, HUANG_MEI))).toBe('NOT_FOUND');
    expect(await statusOf(denied)).toBe('SUBMITTED');
  });

  it('keeps the reason, who and when on the request, and writes them into the review’s audit entry', async () => {
    const response = await review(denied, true, `  ${REASON}  `);
    expect(response.errors).toBeUndefined();
    const reviewed = response.data!.reviewDataAccessRequest;
    expect(reviewed.status).toBe('APPROVED');
    contractId = reviewed.contractId!;
    const steward = await userId(WANG_FANG);
    expect(reviewed.items[0]).toMatchObject({
      decision: 'APPROVED',
      overrideReason: REASON,
      overriddenByUserId: steward,
    });
    expect(Date.now() - Date.parse(reviewed.items[0]!.overriddenAt!)).toBeLessThan(60_000);
    const [entry] = await t.dataSource.query<{ after: Record<string, unknown>; actor_user_id: string }[]>(
      `SELECT after, actor_user_id FROM audit_entry WHERE action = 'dataAccessRequest.review' AND subject_id = $1`,
      [denied],
    );
    expect(entry!.actor_user_id).toBe(steward);
    expect(entry!.after['matcherOverrides']).toEqual([
      {
        datasetId: picks,
        matchDecision: 'DENY',
        matchRationale: expect.arrayContaining([expect.stringContaining('COMMERCIAL_PRODUCT')]) as unknown,
        matcherVersion: 'purpose-match/1',
        reason: REASON,
      },
    ]);
  });

  it.each([
    ["the provider's LEGAL user", WANG_FANG],
    ["the recipient's LEGAL user", LIU_YANG],
  ])('shows the override on the drafted contract to %s', async (_who, email) => {
    const contract = await contractAs(email);
    expect(contract.matcherOverrides).toEqual([
      {
        datasetId: picks,
        datasetName: 'bin-picks-with-workers',
        decision: 'DENY',
        rationale: expect.arrayContaining([
          "The dataset's offer does not include COMMERCIAL_PRODUCT.",
        ]) as unknown,
        matcherVersion: 'purpose-match/1',
        reason: REASON,
        overriddenByOrganizationId: expect.any(String) as unknown,
        overriddenByOrganizationName: expect.stringMatching(/\S/) as unknown,
        overriddenByUserId: await userId(WANG_FANG),
        overriddenByName: expect.stringMatching(/\S/) as unknown,
        at: expect.any(String) as unknown,
      },
    ]);
    const document = (await t.as(email)<{ contractDocument: string }>(DOCUMENT, { c: contractId })).data!
      .contractDocument;
    // Drafted in Chinese (the default governing language); the English translation says the same.
    expect(document).toContain('## 未采纳用途匹配建议的批准');
    expect(document).toContain('bin-picks-with-workers：用途匹配（purpose-match/1）建议不予批准（DENY）');
    expect(document).toContain(`> ${REASON}`);
    expect(document.indexOf('## 未采纳用途匹配建议的批准')).toBeLessThan(document.indexOf('## 授权条件'));
    const english = (await t.as(email)<{ contractDocument: string }>(DOCUMENT_IN, { c: contractId, l: 'EN' }))
      .data!.contractDocument;
    expect(english).toContain('## Purpose matcher overridden');
    expect(english).toContain(
      'bin-picks-with-workers: the purpose matcher (purpose-match/1) advised against it (DENY)',
    );
    expect(english).toContain(`> ${REASON}`);
    expect(english.indexOf('## Purpose matcher overridden')).toBeLessThan(english.indexOf('## Terms'));
    const odrl = (await t.as(email)<{ contractOdrl: Record<string, unknown> }>(ODRL, { c: contractId })).data!
      .contractOdrl;
    expect(odrl['tetrad:matcherOverrides']).toEqual([
      expect.objectContaining({
        '@type': 'tetrad:MatcherOverride',
        'tetrad:advice': 'DENY',
        'dcterms:description': REASON,
      }),
    ]);
  });

  it("drafts the terms with the prohibitions the dataset's offer implies, though the purpose is commercial", async () => {
    const { version } = await contractAs(LIU_YANG);
    expect(version.terms.purposes).toEqual(['COMMERCIAL_PRODUCT']);
    expect(version.terms.prohibitions).toEqual([
      'RE_IDENTIFY',
      'REDISTRIBUTE',
      'COMMERCIAL_USE',
      'CROSS_BORDER_TRANSFER',
    ]);
    // The note is written in the contract's governing language (Chinese by default).
    expect(version.note).toContain(
      '但数据集的开放条件并未允许，故予保留：禁止商业使用（“bin-picks-with-workers”：其开放条件不包括商业产品）。',
    );
  });

  it.each([
    ['a member of the consortium who is not a party', ZHAO_LEI],
    ['an organisation of another consortium', HUANG_MEI],
  ])('answers NOT_FOUND to %s asking for the contract, its document or its ODRL', async (_who, email) => {
    expect(code(await t.as(email)(CONTRACT, { id: contractId }))).toBe('NOT_FOUND');
    expect(code(await t.as(email)(DOCUMENT, { c: contractId }))).toBe('NOT_FOUND');
    expect(code(await t.as(email)(ODRL, { c: contractId }))).toBe('NOT_FOUND');
  });

  it('records an ABSTAIN override with its own advice', async () => {
    const response = await review(abstained, true, 'Benchmarks are research here; confirmed with the PI.');
    expect(response.data!.reviewDataAccessRequest.status).toBe('APPROVED');
    const contract = await contractAs(WANG_FANG, response.data!.reviewDataAccessRequest.contractId!);
    expect(contract.matcherOverrides.map((o) => [o.decision, o.reason])).toEqual([
      ['ABSTAIN', 'Benchmarks are research here; confirmed with the PI.'],
    ]);
  });

  it('needs no reason to approve what the matcher advised, and the contract shows no override', async () => {
    const response = await review(advised, true);
    expect(response.errors).toBeUndefined();
    const reviewed = response.data!.reviewDataAccessRequest;
    expect(reviewed.status).toBe('APPROVED');
    expect(reviewed.items[0]).toMatchObject({
      overrideReason: null,
      overriddenByUserId: null,
      overriddenAt: null,
    });
    const contract = await contractAs(WANG_FANG, reviewed.contractId!);
    expect(contract.matcherOverrides).toEqual([]);
    // Research of personal data: the offer still keeps every prohibition.
    expect(contract.version.terms.prohibitions).toEqual([
      'RE_IDENTIFY',
      'REDISTRIBUTE',
      'COMMERCIAL_USE',
      'CROSS_BORDER_TRANSFER',
    ]);
    const document = (
      await t.as(WANG_FANG)<{ contractDocument: string }>(DOCUMENT, { c: reviewed.contractId })
    ).data!.contractDocument;
    expect(document).not.toContain('未采纳用途匹配建议');
  });

  it('keeps a rejection as before: a reason, but no override', async () => {
    const again = await submit(CHEN_JIE, 'REDISTRIBUTE_DERIVED');
    expect(again.advice).toBe('DENY');
    const response = await review(again.id, false, 'Redistribution is not on offer.');
    expect(response.data!.reviewDataAccessRequest.items[0]).toMatchObject({
      decision: 'REJECTED',
      reason: 'Redistribution is not on offer.',
      overrideReason: null,
    });
  });
});
