import { dateInTimeZone } from '@tetrad/consortium';
import { DEMO_CONSORTIA, DEMO_ORGANIZATIONS } from '@tetrad/demo-data';
import { consortiumIdByName, memberWithRoles, organizationIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN, SIGNATORY
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: a third organisation of the consortium
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const ZHOU_HUI = 'zhou.hui@embodied-institute.example'; // institute: RESEARCHER, DATA_STEWARD

const SUBMIT = `mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) {
  id status overdue reviewDueAt items { datasetId decision purposeMatch { decision rationale version } } } }`;
const REVIEW = `mutation R($input: ReviewDataAccessRequestInput!) { reviewDataAccessRequest(input: $input) { id status contractId } }`;
const CONTRACT = `query C($id: UUID!) { dataSharingContract(id: $id) {
  id status statusReason currentVersion agreedVersion agreedHash
  parties { name role signed }
  version { number contentHash terms { datasetIds purposes prohibitions duties { duty dueInDays } startsOn endsOn excludedModalities } clauses { key title text } }
  signatures { organizationId hash voidedAt voidReason }
  obligations { id duty dueAt overdue metAt } } }`;
const EDIT = `mutation E($input: EditContractInput!) { editContract(input: $input) { number basedOn contentHash } }`;
const AGREE = `mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { status agreedHash agreedVersion } }`;
const SIGN = `mutation S($c: UUID!, $h: String!) { signContract(contractId: $c, hash: $h) { status } }`;
const ACCESS = `mutation X($d: UUID!, $p: Purpose!) { accessDataset(datasetId: $d, purpose: $p) {
  contractId storageLocation modalities excludedModalities manifest validUntil } }`;

type Terms = {
  datasetIds: string[];
  purposes: string[];
  prohibitions: string[];
  duties: { duty: string; dueInDays: number | null }[];
  startsOn: string;
  endsOn: string;
  excludedModalities: string[];
};
type Version = {
  number: number;
  contentHash: string;
  terms: Terms;
  clauses: { key: string; title: string; text: string }[];
};
type Contract = {
  id: string;
  status: string;
  statusReason: string | null;
  currentVersion: number;
  agreedVersion: number | null;
  agreedHash: string | null;
  parties: { name: string; role: string; signed: boolean }[];
  version: Version;
  signatures: { organizationId: string; hash: string; voidedAt: string | null; voidReason: string | null }[];
  obligations: { id: string; duty: string; dueAt: string | null; overdue: boolean; metAt: string | null }[];
};

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;
/** A date in the consortium's time zone (Asia/Shanghai by default), where contract periods are dates. */
const today = (offsetDays = 0): string =>
  dateInTimeZone(new Date(Date.now() + offsetDays * 86_400_000), 'Asia/Shanghai');

/**
 * The whole chain runs twice: on the PostgreSQL server of the run and on the embedded database,
 * whose single connection turns any read outside a mutation's transaction into a hang.
 */
describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('data sharing on %s: request → contract → signatures → enforced access', (_database, embedded) => {
  let t: TestApp;
  let instituteLegal: string;
  let instituteSignatory: string;
  let parcels: string; // CONSORTIUM dataset of the scenario user
  let secret: string; // TRADE_SECRET dataset of the scenario user
  let requestId: string;
  let contractId: string;

  const asToken =
    (token: string) =>
    <T>(query: string, variables?: Record<string, unknown>) =>
      t.graphql<T>(query, variables, { bearer: token });
  const contract = async (): Promise<Contract> => {
    const response = await t.as(WANG_FANG)<{ dataSharingContract: Contract }>(CONTRACT, { id: contractId });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.dataSharingContract;
  };
  const access = (email: string, purpose = 'RESEARCH', datasetId = parcels) =>
    t.as(email)<{
      accessDataset: {
        storageLocation: string;
        modalities: string[];
        manifest: { features: { key: string }[] };
      };
    }>(ACCESS, { d: datasetId, p: purpose });
  const accessEntries = async (action: string): Promise<{ after: { purpose: string; reason?: string } }[]> =>
    t.dataSource.query(`SELECT after FROM audit_entry WHERE action = $1 ORDER BY seq`, [action]);

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    const institute = await organizationIdByName(
      t,
      DEMO_ORGANIZATIONS.find((o) => o.kind === 'RESEARCH_INSTITUTE')!.name,
    );
    instituteLegal = (await memberWithRoles(t, institute, ['LEGAL'])).token;
    instituteSignatory = (await memberWithRoles(t, institute, ['SIGNATORY'])).token;
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await t.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Parcel sorting", sector: LOGISTICS, site: "Hub 2" }) { id } }',
      { c: consortiumId },
    );
    const register = async (name: string, sensitivity: string): Promise<string> => {
      const response = await t.as(WANG_FANG)<{ registerDataset: { id: string } }>(
        'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
        {
          input: {
            scenarioId: scenario.data!.createScenario.id,
            name,
            sensitivity,
            modalities: ['RGB', 'JOINT_STATES', 'TACTILE'],
            format: 'LEROBOT',
            robotType: 'Lingbu H1',
            hours: 120,
            allowedPurposes: ['RESEARCH', 'MODEL_TRAINING'],
            storageLocation: `s3://jiading/${name}`,
            features: [
              {
                key: 'observation.images.wrist',
                modality: 'RGB',
                dtype: 'video',
                shape: [480, 640, 3],
                rateHz: 30,
              },
              { key: 'observation.tactile', modality: 'TACTILE', dtype: 'float32', shape: [16], rateHz: 100 },
              { key: 'action', modality: 'JOINT_STATES', dtype: 'float32', shape: [7], rateHz: 30 },
            ],
          },
        },
      );
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.registerDataset.id;
    };
    parcels = await register('parcel-grasps', 'CONSORTIUM');
    secret = await register('line-3-recipes', 'TRADE_SECRET');
  });

  afterAll(async () => {
    await t.close();
  });

  it('takes a request with the purpose matcher’s advice stored beside each dataset', async () => {
    const response = await t.as(SUN_LI)<{
      submitDataAccessRequest: {
        id: string;
        status: string;
        overdue: boolean;
        items: { purposeMatch: { decision: string; rationale: string[]; version: string } }[];
      };
    }>(SUBMIT, {
      input: {
        datasetIds: [parcels],
        purpose: 'RESEARCH',
        intendedOutputs: 'A grasping paper',
        durationDays: 180,
        securityMeasures: 'Encrypted lab storage',
      },
    });
    expect(response.errors).toBeUndefined();
    const request = response.data!.submitDataAccessRequest;
    expect(request).toMatchObject({ status: 'SUBMITTED', overdue: false });
    expect(request.items[0]!.purposeMatch).toMatchObject({ decision: 'APPROVE', version: 'purpose-match/1' });
    expect(request.items[0]!.purposeMatch.rationale.join(' ')).toContain('allows RESEARCH');
    requestId = request.id;
  });

  it('refuses access before any contract, and writes the refusal to the audit trail', async () => {
    const response = await access(ZHOU_HUI);
    expect(code(response)).toBe('FORBIDDEN');
    expect(response.errors![0]!.message).toContain('request access first');
    const refusals = await accessEntries('dataset.access.refused');
    expect(refusals.at(-1)!.after).toMatchObject({ purpose: 'RESEARCH' });
  });

  it.each([
    ['an ENGINEER of the owner (not a data steward)', ZHANG_MIN, 'FORBIDDEN'],
    ['a third organisation of the consortium', CHEN_JIE, 'NOT_FOUND'],
  ])('refuses review by %s', async (_who, email, expected) => {
    const response = await t.as(email)(REVIEW, {
      input: { requestId, decisions: [{ datasetId: parcels, approve: true }] },
    });
    expect(code(response)).toBe(expected);
  });

  it("needs a reason to reject, and the owner's steward's approval opens a draft", async () => {
    const noReason = await t.as(WANG_FANG)(REVIEW, {
      input: { requestId, decisions: [{ datasetId: parcels, approve: false }] },
    });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    const response = await t.as(WANG_FANG)<{
      reviewDataAccessRequest: { status: string; contractId: string };
    }>(REVIEW, {
      input: { requestId, decisions: [{ datasetId: parcels, approve: true, reason: 'Fine for research' }] },
    });
    expect(response.data?.reviewDataAccessRequest.status).toBe('APPROVED');
    contractId = response.data!.reviewDataAccessRequest.contractId;
    const draft = await contract();
    expect(draft).toMatchObject({ status: 'DRAFT', currentVersion: 1 });
    expect(draft.parties.map((party) => party.role).sort()).toEqual(['PROVIDER', 'RECIPIENT']);
    expect(draft.version.terms).toMatchObject({
      datasetIds: [parcels],
      purposes: ['RESEARCH'],
      startsOn: today(),
    });
    expect(draft.version.clauses.map((clause) => clause.key)).toContain('purpose-research');
    expect(code(await t.as(CHEN_JIE)(CONTRACT, { id: contractId }))).toBe('NOT_FOUND');
  });

  it('keeps every edit of two concurrent legal users: the later save is merged onto the earlier one', async () => {
    const v1 = (await contract()).version;
    const withTerms = (terms: Partial<Terms>) => ({
      input: {
        contractId,
        baseVersion: 1,
        terms: { ...v1.terms, ...terms },
        clauses: v1.clauses,
        note: 'edit',
      },
    });
    const [provider, recipient] = await Promise.all([
      t.as(WANG_FANG)<{ editContract: { number: number; basedOn: number } }>(
        EDIT,
        withTerms({ excludedModalities: ['TACTILE'] }),
      ),
      asToken(instituteLegal)<{ editContract: { number: number; basedOn: number } }>(
        EDIT,
        withTerms({ purposes: ['RESEARCH', 'MODEL_TRAINING'] }),
      ),
    ]);
    expect(provider.errors).toBeUndefined();
    expect(recipient.errors).toBeUndefined();
    const saved = [provider.data!.editContract, recipient.data!.editContract];
    expect(saved.map((version) => version.number).sort()).toEqual([2, 3]);
    expect(saved.every((version) => version.basedOn === 1)).toBe(true);
    const v3 = (await contract()).version;
    expect(v3.number).toBe(3);
    expect(v3.terms.excludedModalities).toEqual(['TACTILE']);
    expect([...v3.terms.purposes].sort()).toEqual(['MODEL_TRAINING', 'RESEARCH']);
  });

  it('refuses bad drafting input with clear codes, writing nothing', async () => {
    const current = (await contract()).version;
    const edit = (terms: Partial<Terms>) => ({
      input: { contractId, baseVersion: 3, terms: { ...current.terms, ...terms }, clauses: current.clauses },
    });
    expect(code(await t.as(SUN_LI)(EDIT, edit({})))).toBe('FORBIDDEN');
    expect(code(await asToken(instituteLegal)(EDIT, edit({ endsOn: current.terms.startsOn })))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await asToken(instituteLegal)(EDIT, edit({ purposes: ['TELEPATHY'] })))).toBe(
      'BAD_USER_INPUT',
    );
    const foreign = await t.as(ZHOU_HUI)<{ registerDataset: { id: string } }>(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: (
            await t.dataSource.query<{ scenario_id: string }[]>('SELECT scenario_id FROM dataset LIMIT 1')
          )[0]!.scenario_id,
          name: 'institute-own',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'HDF5',
          robotType: 'Arm',
          storageLocation: 's3://institute/own',
        },
      },
    );
    const notProvider = await asToken(instituteLegal)(
      EDIT,
      edit({ datasetIds: [parcels, foreign.data!.registerDataset.id] }),
    );
    expect(code(notProvider)).toBe('BAD_USER_INPUT');
    expect((await contract()).currentVersion).toBe(3);
  });

  it('shows a trade secret to the recipient once a version covers it, and says in words what each version changed', async () => {
    expect(
      code(await t.as(ZHOU_HUI)('query D($id: UUID!) { dataset(id: $id) { id } }', { id: secret })),
    ).toBe('NOT_FOUND');
    const v3 = (await contract()).version;
    const edited = await t.as(WANG_FANG)(EDIT, {
      input: {
        contractId,
        baseVersion: 3,
        terms: { ...v3.terms, datasetIds: [parcels, secret] },
        clauses: v3.clauses,
      },
    });
    expect(edited.errors).toBeUndefined();
    expect(
      (
        await t.as(ZHOU_HUI)<{ dataset: { id: string } }>('query D($id: UUID!) { dataset(id: $id) { id } }', {
          id: secret,
        })
      ).data?.dataset.id,
    ).toBe(secret);
    // Back to the parcels only, then compare version 1 with version 5.
    await t.as(WANG_FANG)(EDIT, {
      input: { contractId, baseVersion: 4, terms: v3.terms, clauses: v3.clauses },
    });
    const diff = await t.as(WANG_FANG)<{
      compareContractVersions: {
        widens: boolean;
        narrows: boolean;
        terms: { effect: string; summary: string }[];
      };
    }>(
      'query D($c: UUID!) { compareContractVersions(contractId: $c, fromVersion: 1, toVersion: 5) { widens narrows terms { effect summary } } }',
      { c: contractId },
    );
    const comparison = diff.data!.compareContractVersions;
    expect(comparison).toMatchObject({ widens: true, narrows: true });
    expect(comparison.terms).toEqual(
      expect.arrayContaining([
        { effect: 'WIDENS', summary: 'Adds purpose MODEL_TRAINING.' },
        { effect: 'NARROWS', summary: 'Withholds the TACTILE modality.' },
      ]),
    );
    const added = await t.as(WANG_FANG)<{ compareContractVersions: { terms: { summary: string }[] } }>(
      'query D($c: UUID!) { compareContractVersions(contractId: $c, fromVersion: 3, toVersion: 4) { terms { summary } } }',
      { c: contractId },
    );
    expect(added.data!.compareContractVersions.terms).toEqual([
      { summary: 'Adds dataset «line-3-recipes».' },
    ]);
  });

  it('agrees a version with its hash; signatures must be by the SIGNATORY, over that hash, once; reopening voids them', async () => {
    const agreed = await t.as(WANG_FANG)<{ agreeContract: { status: string; agreedHash: string } }>(AGREE, {
      c: contractId,
      v: 5,
    });
    expect(agreed.data?.agreeContract.status).toBe('AGREED');
    const hash = agreed.data!.agreeContract.agreedHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe((await contract()).version.contentHash);
    const current = (await contract()).version;
    expect(
      code(
        await t.as(WANG_FANG)(EDIT, {
          input: { contractId, baseVersion: 5, terms: current.terms, clauses: current.clauses },
        }),
      ),
    ).toBe('CONFLICT');
    expect(code(await t.as(SUN_LI)(SIGN, { c: contractId, h: hash }))).toBe('FORBIDDEN');
    expect(code(await t.as(CHEN_JIE)(SIGN, { c: contractId, h: hash }))).toBe('NOT_FOUND');
    expect(code(await asToken(instituteSignatory)(SIGN, { c: contractId, h: 'ab'.repeat(32) }))).toBe(
      'CONFLICT',
    );
    expect((await t.as(LI_WEI)(SIGN, { c: contractId, h: hash })).errors).toBeUndefined();
    expect(code(await t.as(LI_WEI)(SIGN, { c: contractId, h: hash }))).toBe('CONFLICT');

    const reopened = await t.as(WANG_FANG)<{ reopenContractNegotiation: { number: number } }>(
      'mutation O($c: UUID!) { reopenContractNegotiation(contractId: $c, reason: "Start a week later") { number } }',
      { c: contractId },
    );
    expect(reopened.data?.reopenContractNegotiation.number).toBe(6);
    const after = await contract();
    expect(after).toMatchObject({ status: 'IN_NEGOTIATION', agreedHash: null });
    expect(after.signatures).toHaveLength(1);
    expect(after.signatures[0]!.voidedAt).not.toBeNull();
    expect(after.signatures[0]!.voidReason).toContain('Start a week later');
  });

  it('becomes ACTIVE when every party has signed on or after the start date, with its duties as obligations', async () => {
    const again = await t.as(WANG_FANG)<{ agreeContract: { agreedHash: string } }>(AGREE, {
      c: contractId,
      v: 6,
    });
    const hash = again.data!.agreeContract.agreedHash;
    await t.as(LI_WEI)(SIGN, { c: contractId, h: hash });
    expect((await contract()).status).toBe('AGREED');
    const signed = await asToken(instituteSignatory)<{ signContract: { status: string } }>(SIGN, {
      c: contractId,
      h: hash,
    });
    expect(signed.data?.signContract.status).toBe('ACTIVE');
    const active = await contract();
    expect(active.parties.every((party) => party.signed)).toBe(true);
    expect(active.obligations.map((o) => o.duty).sort()).toEqual(
      active.version.terms.duties.map((d) => d.duty).sort(),
    );
  });

  it("grants the recipient's RESEARCHER the location for a permitted purpose, less the excluded modality", async () => {
    const response = await access(ZHOU_HUI);
    expect(response.errors).toBeUndefined();
    const grant = response.data!.accessDataset;
    expect(grant.storageLocation).toBe('s3://jiading/parcel-grasps');
    expect(grant.modalities.sort()).toEqual(['JOINT_STATES', 'RGB']);
    expect(grant.manifest.features.map((feature) => feature.key)).not.toContain('observation.tactile');
    const location = await t.as(ZHOU_HUI)<{ dataset: { storageLocation: string | null } }>(
      'query D($id: UUID!) { dataset(id: $id) { storageLocation } }',
      { id: parcels },
    );
    // Only accessDataset gives the location, and records it with its purpose: the dataset's own
    // field does not show it to a grant holder.
    expect(location.data?.dataset.storageLocation).toBeNull();
    const portfolio = await t.as(ZHOU_HUI)<{
      portfolio: { activeContracts: number; dataHoursShared: number };
    }>('{ portfolio { activeContracts dataHoursShared } }');
    expect(portfolio.data?.portfolio).toEqual({ activeContracts: 1, dataHoursShared: 120 });
    const covering = async (email: string) =>
      (
        await t.as(email)<{ dataset: { activeContracts: { id: string }[] } }>(
          'query D($id: UUID!) { dataset(id: $id) { activeContracts { id } } }',
          { id: parcels },
        )
      ).data?.dataset.activeContracts;
    expect(await covering(ZHOU_HUI)).toEqual([{ id: contractId }]);
    expect(await covering(CHEN_JIE)).toEqual([]);
    const granted = await accessEntries('dataset.access');
    expect(granted.at(-1)!.after).toMatchObject({ purpose: 'RESEARCH', contractId });
    expect(JSON.stringify(granted)).not.toContain('s3://');
  });

  it.each([
    ['a purpose outside the contract', ZHOU_HUI, 'BENCHMARKING', 'not BENCHMARKING'],
    ['a third organisation of the consortium', CHEN_JIE, 'RESEARCH', 'No contract grants'],
  ])('refuses %s, and records the refusal', async (_case, email, purpose, words) => {
    const before = (await accessEntries('dataset.access.refused')).length;
    const response = await access(email, purpose);
    expect(code(response)).toBe('FORBIDDEN');
    expect(response.errors![0]!.message).toContain(words);
    expect(await accessEntries('dataset.access.refused')).toHaveLength(before + 1);
  });

  it("refuses the recipient's LEGAL user", async () => {
    const response = await asToken(instituteLegal)(ACCESS, { d: parcels, p: 'RESEARCH' });
    expect(code(response)).toBe('FORBIDDEN');
    expect(response.errors![0]!.message).toContain('researchers and engineers');
  });

  it('suspends the grant while an obligation is overdue, until it is met', async () => {
    const obligation = (await contract()).obligations.find((o) => o.duty === 'REPORT_PUBLICATIONS')!;
    // The passage of time: the publication report fell due yesterday.
    await t.dataSource.query(
      `UPDATE contract_obligation SET due_at = now() - interval '1 day' WHERE id = $1`,
      [obligation.id],
    );
    const suspended = await contract();
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.statusReason).toContain('has not been met');
    expect(code(await access(ZHOU_HUI))).toBe('FORBIDDEN');
    const met = await asToken(instituteLegal)(
      'mutation F($o: UUID!) { fulfilObligation(obligationId: $o, evidence: "https://papers.example/1") { metAt } }',
      { o: obligation.id },
    );
    expect(met.errors).toBeUndefined();
    expect((await contract()).status).toBe('ACTIVE');
    expect((await access(ZHOU_HUI)).errors).toBeUndefined();
  });

  it('revokes at once on suspension by the provider, and again after expiry and termination', async () => {
    const reason = { c: contractId };
    const move = (verb: string, email = WANG_FANG) =>
      t.as(email)(
        `mutation M($c: UUID!) { ${verb}(contractId: $c, reason: "Audit finding 7") { status } }`,
        reason,
      );
    expect(code(await move('suspendContract', SUN_LI))).toBe('FORBIDDEN');
    expect((await move('suspendContract')).errors).toBeUndefined();
    expect(code(await access(ZHOU_HUI))).toBe('FORBIDDEN');
    expect((await move('resumeContract')).errors).toBeUndefined();
    expect((await access(ZHOU_HUI)).errors).toBeUndefined();

    // The passage of time: the end date has come (no scheduler has run).
    await t.dataSource.query(
      `UPDATE data_sharing_contract SET ends_at = now() - interval '1 minute' WHERE id = $1`,
      [contractId],
    );
    expect((await contract()).status).toBe('EXPIRED');
    expect(code(await access(ZHOU_HUI))).toBe('FORBIDDEN');
    await t.dataSource.query(
      `UPDATE data_sharing_contract SET ends_at = now() + interval '30 days' WHERE id = $1`,
      [contractId],
    );

    expect((await move('terminateContract')).errors).toBeUndefined();
    const terminated = await contract();
    expect(terminated).toMatchObject({ status: 'TERMINATED', statusReason: 'Audit finding 7' });
    const refused = await access(ZHOU_HUI);
    expect(refused.errors![0]!.message).toContain('is TERMINATED');
    const portfolio = await t.as(WANG_FANG)<{
      portfolio: { activeContracts: number; dataHoursShared: number };
    }>('{ portfolio { activeContracts dataHoursShared } }');
    expect(portfolio.data?.portfolio).toEqual({ activeContracts: 0, dataHoursShared: 0 });
  });

  it('exports the signed version as an ODRL 2.2 Agreement and as a readable document with its hash', async () => {
    const { agreedHash } = await contract();
    const odrl = await t.as(ZHOU_HUI)<{ contractOdrl: Record<string, unknown> }>(
      'query O($c: UUID!) { contractOdrl(contractId: $c) }',
      { c: contractId },
    );
    expect(odrl.data?.contractOdrl).toMatchObject({ '@type': 'Agreement', 'tetrad:contentHash': agreedHash });
    const document = await t.as(ZHOU_HUI)<{ contractDocument: string }>(
      'query D($c: UUID!) { contractDocument(contractId: $c) }',
      { c: contractId },
    );
    expect(document.data?.contractDocument).toContain(agreedHash!);
    expect(document.data?.contractDocument).toContain('parcel-grasps');
  });

  it('leaves an audit chain that verifies', async () => {
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const response = await t.as(LI_WEI)<{ verifyAuditChain: { valid: boolean } }>(
      'query V($c: UUID!) { verifyAuditChain(consortiumId: $c) { valid } }',
      { c: consortiumId },
    );
    expect(response.data?.verifyAuditChain.valid).toBe(true);
  });
});
