import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

// Two legal teams edit one version of a contract: the server merges, the preview is what is stored.
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER
const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL (provider)
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const QIAN_JING = 'qian.jing@embodied-institute.example'; // institute: LEGAL
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: in the consortium, not a party

const VERSION_FIELDS = `number basedOn merged contentHash title
  terms { datasetIds purposes prohibitions duties { duty dueInDays } startsOn endsOn excludedModalities }
  clauses { key title text }`;
const LATEST = `query C($id: UUID!) { dataSharingContract(id: $id) { currentVersion version { ${VERSION_FIELDS} } } }`;
const PREVIEW = `query P($input: ContractEditProposalInput!) { previewContractEdit(input: $input) {
  baseVersion latestVersion newVersion merged unchanged openConflicts contentHash title
  terms { purposes duties { duty dueInDays } excludedModalities endsOn }
  clauses { key title text }
  conflicts { path kind clauseKey base mine theirs resolution }
  comparison { fromVersion toVersion widens narrows clauses { key change before { title text } after { title text } } terms { field effect summary } } } }`;
const EDIT = `mutation E($input: EditContractInput!) { editContract(input: $input) { ${VERSION_FIELDS} } }`;
const COMPARE = `query D($id: UUID!, $from: Int!, $to: Int!) { compareContractVersions(contractId: $id, fromVersion: $from, toVersion: $to) {
  widens narrows clauses { key change before { title text } after { title text } } terms { field effect summary } } }`;

interface Terms {
  datasetIds: string[];
  purposes: string[];
  prohibitions: string[];
  duties: { duty: string; dueInDays: number | null }[];
  startsOn: string;
  endsOn: string;
  excludedModalities: string[];
}
interface Version {
  number: number;
  basedOn: number | null;
  merged: boolean;
  contentHash: string;
  title: string;
  terms: Terms;
  clauses: { key: string; title: string; text: string }[];
}
interface Preview {
  baseVersion: number;
  latestVersion: number;
  newVersion: number;
  merged: boolean;
  unchanged: boolean;
  openConflicts: number;
  contentHash: string | null;
  title: string;
  terms: Pick<Terms, 'purposes' | 'duties' | 'excludedModalities' | 'endsOn'>;
  clauses: Version['clauses'];
  conflicts: {
    path: string;
    kind: string;
    clauseKey: string | null;
    base: unknown;
    mine: unknown;
    theirs: unknown;
    resolution: string | null;
  }[];
  comparison: { fromVersion: number; toVersion: number; widens: boolean; narrows: boolean } & Comparison;
}
interface Comparison {
  widens: boolean;
  narrows: boolean;
  clauses: unknown[];
  terms: unknown[];
}

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('contract edits merged by the server on %s', (_database, embedded) => {
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
  const latest = async (): Promise<Version> =>
    (await gql<{ dataSharingContract: { version: Version } }>(WANG_FANG, LATEST, { id: contractId }))
      .dataSharingContract.version;
  const preview = (email: string, input: Record<string, unknown>) =>
    t.as(email)<{ previewContractEdit: Preview }>(PREVIEW, { input: { contractId, ...input } });
  const edit = (email: string, input: Record<string, unknown>) =>
    t.as(email)<{ editContract: Version }>(EDIT, { input: { contractId, ...input } });
  const versionCount = async (): Promise<number> =>
    Number(
      (
        await t.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM contract_version WHERE contract_id = $1',
          [contractId],
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const { createScenario } = await gql<{ createScenario: { id: string } }>(
      ZHANG_MIN,
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Returns sorting", sector: LOGISTICS, site: "Hub 5" }) { id } }',
      { c: consortiumId },
    );
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
      WANG_FANG,
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: createScenario.id,
          name: 'returns-grasps',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB', 'AUDIO'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH', 'BENCHMARKING', 'MODEL_TRAINING'],
          storageLocation: 's3://jiading/returns-grasps',
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
          intendedOutputs: 'A grasping paper',
          durationDays: 120,
          securityMeasures: 'Encrypted lab storage',
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

  it('keeps both parties’ changes when one saves on a stale version, and stores exactly the reviewed result', async () => {
    const v1 = await latest();
    const [security] = v1.clauses.filter((clause) => clause.key === 'security');
    // The provider adds BENCHMARKING and a duty to report publications, and saves version 2.
    const theirs = await edit(WANG_FANG, {
      baseVersion: 1,
      changes: {
        purposes: { add: ['BENCHMARKING'] },
        duties: { set: [{ duty: 'REPORT_PUBLICATIONS', dueInDays: 30 }] },
      },
      note: 'Benchmarks too, and report publications',
    });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.editContract).toMatchObject({ number: 2, basedOn: 1, merged: false });

    // The institute's legal user edited version 1 all along: the Security clause, and audio excluded.
    const mine = {
      baseVersion: 1,
      changes: {
        clauses: {
          changed: [{ key: 'security', text: `${security!.text} Access logs are kept for three years.` }],
        },
        excludedModalities: { add: ['AUDIO'] },
      },
    };
    const reviewed = await preview(QIAN_JING, mine);
    expect(reviewed.errors).toBeUndefined();
    const review = reviewed.data!.previewContractEdit;
    expect(review).toMatchObject({
      baseVersion: 1,
      latestVersion: 2,
      newVersion: 3,
      merged: true,
      unchanged: false,
      openConflicts: 0,
      conflicts: [],
    });
    expect(review.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // What would be stored keeps the other party's changes...
    expect([...review.terms.purposes].sort()).toEqual(['BENCHMARKING', 'RESEARCH']);
    expect(review.terms.duties).toContainEqual({ duty: 'REPORT_PUBLICATIONS', dueInDays: 30 });
    // ...and the diff against version 2 shows only the institute's own two changes.
    expect(review.comparison).toMatchObject({ fromVersion: 2, toVersion: 3, widens: false, narrows: true });
    expect(
      (review.comparison.clauses as { key: string; change: string }[]).filter(
        (c) => c.change !== 'UNCHANGED',
      ),
    ).toEqual([expect.objectContaining({ key: 'security', change: 'CHANGED' })]);
    expect(review.comparison.terms).toEqual([
      expect.objectContaining({ field: 'excludedModalities', effect: 'NARROWS' }),
    ]);

    const saved = await edit(QIAN_JING, { ...mine, reviewedHash: review.contentHash, note: 'Access logs' });
    expect(saved.errors).toBeUndefined();
    const v3 = saved.data!.editContract;
    expect(v3).toMatchObject({ number: 3, basedOn: 1, merged: true, contentHash: review.contentHash });
    expect(v3.terms.excludedModalities).toEqual(['AUDIO']);
    expect([...v3.terms.purposes].sort()).toEqual(['BENCHMARKING', 'RESEARCH']);
    expect(v3.clauses).toEqual(review.clauses);
    // The review shown equals the stored diff.
    const { compareContractVersions } = await gql<{ compareContractVersions: Comparison }>(
      WANG_FANG,
      COMPARE,
      {
        id: contractId,
        from: 2,
        to: 3,
      },
    );
    expect(compareContractVersions).toEqual({
      widens: review.comparison.widens,
      narrows: review.comparison.narrows,
      clauses: review.comparison.clauses,
      terms: review.comparison.terms,
    });
    const [entry] = await t.dataSource.query<{ after: Record<string, unknown> }[]>(
      `SELECT after FROM audit_entry WHERE action = 'contract.edit' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.after).toMatchObject({ version: 3, basedOn: 1, mergedOnto: 2 });
  });

  it('merges whole edited content too (as scripts send it), losing nothing the other party saved', async () => {
    const v3 = await latest();
    // A script read version 2 and sends its whole content back with one clause changed.
    const { dataSharingContract } = await gql<{ dataSharingContract: { version: Version } }>(
      QIAN_JING,
      `query V($id: UUID!) { dataSharingContract(id: $id) { version(number: 2) { ${VERSION_FIELDS} } } }`,
      { id: contractId },
    );
    const v2 = dataSharingContract.version;
    const response = await edit(QIAN_JING, {
      baseVersion: 2,
      terms: v2.terms,
      clauses: v2.clauses.map((clause) =>
        clause.key === 'liability'
          ? { ...clause, text: `${clause.text} Liability is capped at direct loss.` }
          : clause,
      ),
    });
    expect(response.errors).toBeUndefined();
    const v4 = response.data!.editContract;
    expect(v4).toMatchObject({ number: 4, basedOn: 2, merged: true });
    expect(v4.terms.excludedModalities).toEqual(['AUDIO']); // version 3's change survives
    expect(v4.clauses.find((c) => c.key === 'security')!.text).toBe(
      v3.clauses.find((c) => c.key === 'security')!.text,
    );
    expect(v4.clauses.find((c) => c.key === 'liability')!.text).toContain('capped at direct loss');
  });

  it('reports conflicting changes field by field, stores nothing until each has a side, then stores the choices', async () => {
    const v4 = await latest();
    const publications = v4.clauses.find((clause) => clause.key === 'publications')!;
    const theirs = await edit(WANG_FANG, {
      baseVersion: 4,
      changes: {
        endsOn: '2030-06-30',
        clauses: { changed: [{ key: 'publications', text: 'Drafts are shared 30 days before submission.' }] },
      },
    });
    expect(theirs.errors).toBeUndefined();
    const mine = {
      baseVersion: 4,
      changes: {
        endsOn: '2029-12-31',
        clauses: {
          changed: [{ key: 'publications', title: 'Papers', text: 'Drafts are shared 60 days before.' }],
        },
      },
    };
    const open = (await preview(QIAN_JING, mine)).data!.previewContractEdit;
    expect(open.openConflicts).toBe(2);
    expect(open.contentHash).toBeNull();
    expect(open.conflicts).toEqual([
      {
        path: 'terms.endsOn',
        kind: 'BOTH_CHANGED',
        clauseKey: null,
        base: v4.terms.endsOn,
        mine: '2029-12-31',
        theirs: '2030-06-30',
        resolution: null,
      },
      {
        path: 'clauses.publications.text',
        kind: 'BOTH_CHANGED',
        clauseKey: null,
        base: publications.text,
        mine: 'Drafts are shared 60 days before.',
        theirs: 'Drafts are shared 30 days before submission.',
        resolution: null,
      },
    ]);
    // The title change does not conflict: it is already in the preview.
    expect(open.clauses.find((clause) => clause.key === 'publications')!.title).toBe('Papers');
    const before = await versionCount();
    const refused = await edit(QIAN_JING, mine);
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions).toMatchObject({
      currentVersion: 5,
      conflicts: [
        { path: 'terms.endsOn', kind: 'BOTH_CHANGED' },
        { path: 'clauses.publications.text', kind: 'BOTH_CHANGED' },
      ],
    });
    expect(await versionCount()).toBe(before);

    const resolutions = [
      { path: 'terms.endsOn', keep: 'MINE' },
      { path: 'clauses.publications.text', keep: 'THEIRS' },
    ];
    const chosen = (await preview(QIAN_JING, { ...mine, resolutions })).data!.previewContractEdit;
    expect(chosen.openConflicts).toBe(0);
    expect(chosen.terms.endsOn).toBe('2029-12-31');
    const saved = await edit(QIAN_JING, { ...mine, resolutions, reviewedHash: chosen.contentHash });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.editContract).toMatchObject({ number: 6, contentHash: chosen.contentHash });
    expect(saved.data!.editContract.clauses.find((c) => c.key === 'publications')).toMatchObject({
      title: 'Papers',
      text: 'Drafts are shared 30 days before submission.',
    });
  });

  it('stores nothing when what would be stored is no longer what was reviewed', async () => {
    const v6 = await latest();
    const mine = {
      baseVersion: 6,
      changes: { duties: { set: [{ duty: 'DELETE_ON_EXPIRY', dueInDays: 14 }] } },
    };
    const review = (await preview(QIAN_JING, mine)).data!.previewContractEdit;
    // Someone saves in between.
    expect(
      (await edit(WANG_FANG, { baseVersion: 6, changes: { title: `${v6.title} (revised)` } })).errors,
    ).toBeUndefined();
    const before = await versionCount();
    const stale = await edit(QIAN_JING, { ...mine, reviewedHash: review.contentHash });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toContain('differs from what you reviewed');
    expect(await versionCount()).toBe(before);
    // Reviewed again against version 7: saved as reviewed, with the new title kept.
    const again = (await preview(QIAN_JING, mine)).data!.previewContractEdit;
    expect(again.title).toBe(`${v6.title} (revised)`);
    const saved = await edit(QIAN_JING, { ...mine, reviewedHash: again.contentHash });
    expect(saved.data!.editContract).toMatchObject({ number: 8, contentHash: again.contentHash });
  });

  it('refuses edits that change nothing, do not fit the version they name, or come from the wrong people', async () => {
    const v8 = await latest();
    expect(code(await edit(QIAN_JING, { baseVersion: 8, changes: {} }))).toBe('BAD_USER_INPUT');
    expect(
      code(await edit(QIAN_JING, { baseVersion: 8, changes: { purposes: { add: ['RESEARCH'] } } })),
    ).toBe('BAD_USER_INPUT');
    const missing = await edit(QIAN_JING, {
      baseVersion: 8,
      changes: { clauses: { changed: [{ key: 'no-such-clause', text: 'x' }] } },
    });
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toContain('no clause "no-such-clause"');
    expect(code(await edit(QIAN_JING, { baseVersion: 9, changes: { title: 'Later' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      code(
        await edit(QIAN_JING, {
          baseVersion: 8,
          changes: { title: 'Both' },
          terms: v8.terms,
          clauses: v8.clauses,
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    // The researcher of a party may read but not edit; another organisation does not see the contract.
    expect(code(await preview(SUN_LI, { baseVersion: 8, changes: { title: 'Mine now' } }))).toBe('FORBIDDEN');
    const foreign = await preview(CHEN_JIE, { baseVersion: 8, changes: { title: 'Mine now' } });
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(code(await edit(CHEN_JIE, { baseVersion: 8, changes: { title: 'Mine now' } }))).toBe('NOT_FOUND');
    expect(await versionCount()).toBe(8);
  });
});
