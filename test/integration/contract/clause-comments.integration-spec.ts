import { DEMO_CONSORTIA, DEMO_PEOPLE } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // scenario user: LEGAL, DATA_STEWARD (provider)
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user: ENGINEER (provider, not LEGAL)
const LI_WEI = 'li.wei@jiading-auto.example'; // scenario user: ORG_ADMIN, SIGNATORY
const SUN_LI = 'sun.li@embodied-institute.example'; // institute: ORG_ADMIN, RESEARCHER (recipient)
const QIAN_JING = 'qian.jing@embodied-institute.example'; // institute: LEGAL (recipient)
const WU_GANG = 'wu.gang@embodied-institute.example'; // institute: SIGNATORY
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker: in the consortium, not a party
const HE_JUN = 'he.jun@bay-robotics.example'; // the other consortium: ORG_ADMIN, LEGAL

const JIADING = 'Shanghai Jiading Auto Body Works';
const INSTITUTE = 'Beijing Institute for Embodied Intelligence';

const COMMENT = `mutation C($input: CommentOnClauseInput!) { commentOnClause(input: $input) {
  id version clauseKey quote body replyToId resolved author { name organizationName email } } }`;
const RESOLVE =
  'mutation R($id: UUID!) { resolveClauseComment(id: $id) { id resolved resolvedBy { name } } }';
const REOPEN = 'mutation R($id: UUID!) { reopenClauseComment(id: $id) { id resolved resolvedAt } }';
const THREAD_FIELDS = `id version clauseKey quote body resolved resolvedAt clauseSince
  author { name organizationName roles email } resolvedBy { name organizationName }
  replies { id body author { name organizationName } }`;
const THREADS = `query T($id: UUID!, $first: Int!, $open: Boolean, $clauseKey: String) {
  dataSharingContract(id: $id) { openCommentCount
    clauseComments(first: $first, open: $open, clauseKey: $clauseKey) { totalCount nodes { ${THREAD_FIELDS} } } } }`;

interface Person {
  name: string;
  organizationName: string;
  roles?: string[];
  email?: string | null;
}
interface Thread {
  id: string;
  version: number;
  clauseKey: string | null;
  quote: string | null;
  body: string;
  resolved: boolean;
  resolvedAt: string | null;
  clauseSince: string | null;
  author: Person | null;
  resolvedBy: Person | null;
  replies: { id: string; body: string; author: Person | null }[];
}
interface Threads {
  dataSharingContract: {
    openCommentCount: number | null;
    clauseComments: { totalCount: number; nodes: Thread[] };
  };
}
interface Clause {
  key: string;
  title: string;
  text: string;
}

const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

/** Comments on clauses between the parties' legal teams, on both databases. */
describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('comments on clauses on %s', (_database, embedded) => {
  let t: TestApp;
  let contractId: string;
  let clauses: Clause[];
  let terms: Record<string, unknown>;

  const gql = async <T>(
    email: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await t.as(email)<T>(query, variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const comment = (email: string, input: Record<string, unknown>) =>
    t.as(email)<{ commentOnClause: Thread & { replyToId: string | null } }>(COMMENT, {
      input: { contractId, ...input },
    });
  const threads = async (email: string, variables: Record<string, unknown> = {}) =>
    (await gql<Threads>(email, THREADS, { id: contractId, first: 20, ...variables })).dataSharingContract;
  const clause = (key: string): Clause => clauses.find((candidate) => candidate.key === key)!;

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    // People exist once they have signed in; a bearer token carries no name, so set the demo's.
    for (const email of [WANG_FANG, QIAN_JING, ZHANG_MIN, SUN_LI, LI_WEI, WU_GANG]) {
      await gql(email, '{ me { id } }');
      const { name } = DEMO_PEOPLE.find((person) => person.email === email)!;
      await t.dataSource.query(`UPDATE "user" SET name = $2 WHERE email = $1`, [email, name]);
    }
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const { createScenario } = await gql<{ createScenario: { id: string } }>(
      ZHANG_MIN,
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Kitting", sector: LOGISTICS, site: "Hub 5" }) { id } }',
      { c: consortiumId },
    );
    const { registerDataset } = await gql<{ registerDataset: { id: string } }>(
      WANG_FANG,
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId: createScenario.id,
          name: 'kitting-grasps',
          sensitivity: 'CONSORTIUM',
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          allowedPurposes: ['RESEARCH'],
          storageLocation: 's3://jiading/kitting-grasps',
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
          intendedOutputs: 'A kitting benchmark',
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
    const { dataSharingContract } = await gql<{
      dataSharingContract: { version: { terms: Record<string, unknown>; clauses: Clause[] } };
    }>(
      WANG_FANG,
      `query C($id: UUID!) { dataSharingContract(id: $id) { version {
        terms { datasetIds purposes prohibitions duties { duty dueInDays } startsOn endsOn excludedModalities }
        clauses { key title text } } } }`,
      { id: contractId },
    );
    ({ clauses, terms } = dataSharingContract.version);
  });

  afterAll(async () => {
    await t.close();
  });

  let threadId: string;

  it("keeps a provider's comment, the recipient's reply and resolution, naming each person to both parties", async () => {
    const quote = clause('security').text.slice(0, 40);
    const made = await comment(WANG_FANG, {
      version: 1,
      clauseKey: 'security',
      quote: `  ${quote.replace(/ /g, '\n')} `,
      body: '  Please name the encryption standard.  ',
    });
    expect(made.errors).toBeUndefined();
    const root = made.data!.commentOnClause;
    expect(root).toMatchObject({
      version: 1,
      clauseKey: 'security',
      body: 'Please name the encryption standard.',
      resolved: false,
      replyToId: null,
      author: { name: 'Wang Fang', organizationName: JIADING, email: WANG_FANG },
    });
    threadId = root.id;

    const reply = await comment(QIAN_JING, {
      version: 1,
      clauseKey: 'security',
      replyTo: root.id,
      body: 'SM4 at rest, TLS 1.3 in transit.',
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.commentOnClause.replyToId).toBe(root.id);
    expect((await threads(QIAN_JING)).openCommentCount).toBe(1);

    // Resolving through the reply resolves its thread.
    const resolved = await gql<{
      resolveClauseComment: { id: string; resolved: boolean; resolvedBy: Person };
    }>(QIAN_JING, RESOLVE, { id: reply.data!.commentOnClause.id });
    expect(resolved.resolveClauseComment).toEqual({
      id: root.id,
      resolved: true,
      resolvedBy: { name: 'Qian Jing' },
    });

    const seen = await threads(WANG_FANG);
    expect(seen.openCommentCount).toBe(0);
    expect(seen.clauseComments.nodes).toHaveLength(1);
    const [thread] = seen.clauseComments.nodes;
    expect(thread).toMatchObject({
      quote,
      clauseSince: 'UNCHANGED',
      resolved: true,
      author: { name: 'Wang Fang', roles: ['LEGAL', 'DATA_STEWARD'], email: WANG_FANG },
      resolvedBy: { name: 'Qian Jing', organizationName: INSTITUTE },
      replies: [
        {
          body: 'SM4 at rest, TLS 1.3 in transit.',
          author: { name: 'Qian Jing', organizationName: INSTITUTE },
        },
      ],
    });
    // The e-mail only to the person's own organisation.
    expect((await threads(QIAN_JING)).clauseComments.nodes[0]!.author!.email).toBeNull();

    expect(
      code(await comment(WANG_FANG, { version: 1, clauseKey: 'security', replyTo: root.id, body: 'More' })),
    ).toBe('CONFLICT');
    const reopened = await gql<{ reopenClauseComment: { resolved: boolean; resolvedAt: string | null } }>(
      WANG_FANG,
      REOPEN,
      { id: root.id },
    );
    expect(reopened.reopenClauseComment).toEqual({ id: root.id, resolved: false, resolvedAt: null });
    expect(code(await t.as(WANG_FANG)(REOPEN, { id: root.id }))).toBe('CONFLICT');
    expect((await threads(SUN_LI, { open: true })).clauseComments.totalCount).toBe(1);
    expect((await threads(SUN_LI, { open: false })).clauseComments.totalCount).toBe(0);

    const [trail] = await t.dataSource.query<{ actions: string[] }[]>(
      `SELECT array_agg(action ORDER BY seq) AS actions FROM audit_entry
        WHERE subject_id = $1 AND action LIKE 'contract.comment.%'`,
      [contractId],
    );
    expect(trail!.actions).toEqual([
      'contract.comment.add',
      'contract.comment.reply',
      'contract.comment.resolve',
      'contract.comment.reopen',
    ]);
  });

  it('refuses a party member who is not LEGAL, and answers NOT_FOUND naming only the id sent to non-parties', async () => {
    const input = { version: 1, clauseKey: 'security', body: 'Not mine to say.' };
    for (const email of [ZHANG_MIN, SUN_LI]) {
      expect(code(await comment(email, input))).toBe('FORBIDDEN');
      expect(code(await t.as(email)(RESOLVE, { id: threadId }))).toBe('FORBIDDEN');
    }
    // The recipient's admin still reads them.
    expect((await threads(SUN_LI)).clauseComments.totalCount).toBe(1);

    for (const email of [HE_JUN, CHEN_JIE]) {
      const onContract = await comment(email, input);
      expect(code(onContract)).toBe('NOT_FOUND');
      expect(onContract.errors![0]!.message).toContain(contractId);
      for (const mutation of [RESOLVE, REOPEN]) {
        const onComment = await t.as(email)(mutation, { id: threadId });
        expect(code(onComment)).toBe('NOT_FOUND');
        expect(onComment.errors![0]!.message).toBe(`ClauseComment ${threadId} was not found.`);
      }
      expect(code(await t.as(email)(THREADS, { id: contractId, first: 5 }))).toBe('NOT_FOUND');
    }
    const [row] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM contract_clause_comment WHERE contract_id = $1',
      [contractId],
    );
    expect(row!.n).toBe(2);
  });

  it.each([
    [
      'a clause key not in the version',
      { version: 1, clauseKey: 'no-such-clause', body: 'Where?' },
      'input.clauseKey',
    ],
    ['a version that does not exist', { version: 9, clauseKey: 'security', body: 'When?' }, 'input.version'],
    [
      'a quote that is not in the clause',
      { version: 1, clauseKey: 'security', quote: 'not in it', body: 'Hm' },
      'input.quote',
    ],
    ['an empty body', { version: 1, clauseKey: 'security', body: '   ' }, 'body'],
    [
      'a body of more than 4,000 characters',
      { version: 1, clauseKey: 'security', body: 'x'.repeat(4_001) },
      'body',
    ],
    ['a NUL character', { version: 1, clauseKey: 'security', body: 'a\u0000b' }, 'body'],
  ])('answers BAD_USER_INPUT to %s', async (_label, input, field) => {
    const response = await comment(WANG_FANG, input);
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors![0]!.extensions)).toContain(field);
  });

  it('keeps comments with the version they were made on, and shows from version 2 whether their clause changed', async () => {
    for (const key of ['liability', 'governing-law']) {
      const made = await comment(QIAN_JING, { version: 1, clauseKey: key, body: `On ${key}` });
      expect(made.errors).toBeUndefined();
    }
    const whole = await comment(QIAN_JING, { version: 1, body: 'On the terms as a whole' });
    expect(whole.data!.commentOnClause.clauseKey).toBeNull();

    // Version 2 changes the liability clause and leaves the others.
    const changed = clauses.map((c) =>
      c.key === 'liability' ? { ...c, text: `${c.text} Capped at CNY 1,000,000.` } : c,
    );
    await gql(
      WANG_FANG,
      'mutation E($input: EditContractInput!) { editContract(input: $input) { number } }',
      {
        input: { contractId, baseVersion: 1, terms, clauses: changed, note: 'Cap liability' },
      },
    );

    const VERSIONS = `query V($id: UUID!) { dataSharingContract(id: $id) { currentVersion
      v1: version(number: 1) { comments { clauseKey version clauseSince } }
      v2: version { number comments { id } } } }`;
    const { dataSharingContract: seen } = await gql<{
      dataSharingContract: {
        v1: { comments: { clauseKey: string | null; version: number; clauseSince: string | null }[] };
        v2: { number: number; comments: unknown[] };
      };
    }>(SUN_LI, VERSIONS, { id: contractId });
    expect(seen.v2).toEqual({ number: 2, comments: [] });
    expect(seen.v1.comments).toEqual([
      { clauseKey: 'security', version: 1, clauseSince: 'UNCHANGED' },
      { clauseKey: 'liability', version: 1, clauseSince: 'CHANGED' },
      { clauseKey: 'governing-law', version: 1, clauseSince: 'UNCHANGED' },
      { clauseKey: null, version: 1, clauseSince: null },
    ]);
    // The contract's list, read while version 2 is the latest, says each was made on version 1.
    const list = await threads(WANG_FANG, { clauseKey: 'liability' });
    expect(list.clauseComments.nodes.map((n) => [n.version, n.clauseSince])).toEqual([[1, 'CHANGED']]);
    expect((await threads(WANG_FANG)).openCommentCount).toBe(4);

    // A comment on version 2 names the new clause text; a reply must stay on its thread's version.
    const onTwo = await comment(WANG_FANG, {
      version: 2,
      clauseKey: 'liability',
      body: 'Is the cap per claim?',
    });
    expect(onTwo.data!.commentOnClause.version).toBe(2);
    const astray = await comment(QIAN_JING, {
      version: 2,
      clauseKey: 'security',
      replyTo: threadId,
      body: 'Wrong place',
    });
    expect(code(astray)).toBe('BAD_USER_INPUT');
  });

  it('answers a page of threads with replies, people and clause changes in the same number of SQL statements whatever its size', async () => {
    const page = async (first: number) => {
      await threads(WANG_FANG, { first });
      const before = t.sqlStatements();
      const seen = await threads(WANG_FANG, { first });
      expect(seen.clauseComments.nodes).toHaveLength(first);
      return t.sqlStatements() - before;
    };
    // Pages of 2 and 4 threads name the same people (both parties' lawyers), so any growth is per item.
    expect(await page(4)).toBe(await page(2));
  });

  it('keeps comments open while the agreed version awaits signatures, and for the record only once every party has signed', async () => {
    const agreed = await gql<{ agreeContract: { agreedHash: string } }>(
      WANG_FANG,
      'mutation A($c: UUID!, $v: Int!) { agreeContract(contractId: $c, version: $v) { agreedHash } }',
      { c: contractId, v: 2 },
    );
    expect(
      (await comment(QIAN_JING, { version: 2, clauseKey: 'security', body: 'Before we sign' })).errors,
    ).toBeUndefined();
    const sign = 'mutation S($c: UUID!, $h: String!) { signContract(contractId: $c, hash: $h) { status } }';
    await gql(LI_WEI, sign, { c: contractId, h: agreed.agreeContract.agreedHash });
    await gql(WU_GANG, sign, { c: contractId, h: agreed.agreeContract.agreedHash });

    expect(code(await comment(QIAN_JING, { version: 2, clauseKey: 'security', body: 'Too late' }))).toBe(
      'CONFLICT',
    );
    expect(code(await t.as(WANG_FANG)(RESOLVE, { id: threadId }))).toBe('CONFLICT');
    expect((await threads(SUN_LI)).clauseComments.totalCount).toBe(6);
  });
});
