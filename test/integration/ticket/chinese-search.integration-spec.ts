import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { documentTerms } from '@tetrad/core';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLClient, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // scenario user, raises
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker, comments
const WANG_FANG = 'wang.fang@jiading-auto.example'; // data steward of the scenario user

const TITLE = '夜班时机器人抓手掉落包裹（软包）';
const RAISE = `mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }`;
const TICKETS = `query L($filter: TicketFilter, $after: String, $first: Int, $orderBy: TicketOrder) {
  tickets(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount nodes { id title searchHighlight { field start length } } pageInfo { endCursor hasNextPage } } }`;
const DATASETS = `query D($search: String, $after: String, $first: Int) {
  datasets(search: $search, first: $first, after: $after) {
    nodes { id name searchHighlight { field start length } } pageInfo { endCursor } } }`;

interface Match {
  field: string;
  start: number;
  length: number;
}
interface Found {
  id: string;
  title: string;
  searchHighlight: Match[] | null;
}

describe('Chinese full-text search', () => {
  let t: TestApp;
  let scenarioId: string;
  const ids: Record<string, string> = {};
  const as = (email: string): GraphQLClient => t.as(email);

  async function raise(title: string, description: string): Promise<string> {
    const response = await as(ZHANG_MIN)<{ raiseTicket: { id: string } }>(RAISE, {
      input: { scenarioId, title, description, category: 'HARDWARE_PERFORMANCE', severity: 'MEDIUM' },
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.raiseTicket.id;
  }

  const search = async (text: string, page: { first?: number; after?: string } = {}) => {
    const response = await as(ZHANG_MIN)<{
      tickets: { totalCount: number; nodes: Found[]; pageInfo: { endCursor: string | null } };
    }>(TICKETS, { filter: { scenarioId, search: text }, first: page.first ?? 50, after: page.after });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.tickets;
  };
  const found = async (text: string) => (await search(text)).nodes.map((node) => node.id);

  beforeAll(async () => {
    t = await startTestApp();
    const consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenario = await as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "分拣中心 1 号线", sector: LOGISTICS, site: "嘉定" }) { id } }',
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
    ids['title'] = await raise(TITLE, '1号线凌晨两点，gripper drops parcels。');
    ids['description'] = await raise('机械臂报警', '检查抓手的气压。');
    ids['comment'] = await raise('Conveyor jam', 'Belt stops at the merge.');
    ids['reversed'] = await raise('手抓饭订单', '食堂 1 号线');
    ids['twelve'] = await raise('12号线 扫码失败', 'Barcode glare');
    const comment = await as(CHEN_JIE)<{ commentOnTicket: { id: string } }>(
      'mutation C($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "昨晚抓手又掉落了" }) { id } }',
      { id: ids['comment'] },
    );
    ids['commentItself'] = comment.data!.commentOnTicket.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds words inside a Chinese sentence, and only where its characters stand in that order', async () => {
    for (const words of ['抓手', '掉落', '软包', TITLE, '抓手掉落']) {
      expect(await found(words)).toContain(ids['title']);
    }
    expect(await found('手抓')).toEqual([ids['reversed']]);
    expect(await found('掉包')).toEqual([]);
    expect(await found('仓库')).toEqual([]);
    expect(await found('！？')).toEqual([]);
  });

  it('matches "1 号线" with or without the space, and not line 12', async () => {
    expect((await found('1 号线')).sort()).toEqual([ids['title'], ids['reversed']].sort());
    expect((await found('1号线')).sort()).toEqual([ids['title'], ids['reversed']].sort());
    expect(await found('12 号线')).toEqual([ids['twelve']]);
  });

  it('keeps English and mixed searches: every word must occur, words by their beginning', async () => {
    expect(await found('gripper drops')).toEqual([ids['title']]);
    expect(await found('GRIP drop')).toEqual([ids['title']]);
    expect(await found('gripper 抓手')).toEqual([ids['title']]);
    expect(await found('gripper jam')).toEqual([]);
    expect(await found('stops')).toEqual([ids['comment']]);
  });

  it('ranks a title match over a description match over a comment match, and pages through that order', async () => {
    expect(await found('抓手')).toEqual([ids['title'], ids['description'], ids['comment']]);
    const first = await search('抓手', { first: 2 });
    expect(first.totalCount).toBe(3);
    const counts = await as(ZHANG_MIN)<{ ticketCounts: { count: number }[] }>(
      'query C($f: TicketFilter) { ticketCounts(filter: $f) { count } }',
      { f: { scenarioId, search: '抓手' } },
    );
    expect(counts.data!.ticketCounts.reduce((sum, c) => sum + c.count, 0)).toBe(3);
    const rest = await search('抓手', { first: 2, after: first.pageInfo.endCursor! });
    expect(rest.nodes.map((node) => node.id)).toEqual([ids['comment']]);
    const unsearched = await as(ZHANG_MIN)<unknown>(TICKETS, {
      filter: { scenarioId },
      after: first.pageInfo.endCursor,
    });
    expect(unsearched.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const byCreation = await as(ZHANG_MIN)<{ tickets: { nodes: Found[] } }>(TICKETS, {
      filter: { scenarioId, search: '抓手' },
      orderBy: 'CREATED_DESC',
    });
    expect(byCreation.data!.tickets.nodes.map((node) => node.id)).toEqual([
      ids['comment'],
      ids['description'],
      ids['title'],
    ]);
  });

  it('follows edited and deleted comments', async () => {
    await as(CHEN_JIE)(
      'mutation E($id: UUID!) { editTicketComment(id: $id, input: { body: "皮带打滑" }) { id } }',
      {
        id: ids['commentItself'],
      },
    );
    expect(await found('皮带')).toEqual([ids['comment']]);
    expect(await found('抓手')).not.toContain(ids['comment']);
    await as(CHEN_JIE)('mutation D($id: UUID!) { deleteTicketComment(id: $id) { id } }', {
      id: ids['commentItself'],
    });
    expect(await found('皮带')).toEqual([]);
  });

  it('marks where the search occurs, only in a searched list', async () => {
    const [hit] = (await search('抓手 drops')).nodes;
    expect(hit!.title.slice(6, 8)).toBe('抓手');
    expect(hit!.searchHighlight).toEqual([
      { field: 'title', start: 6, length: 2 },
      { field: 'description', start: 16, length: 5 },
    ]);
    const [described] = (await search('抓手')).nodes.filter((node) => node.id === ids['description']);
    expect(described!.searchHighlight).toEqual([{ field: 'description', start: 2, length: 2 }]);
    const plain = await as(ZHANG_MIN)<{ tickets: { nodes: Found[] } }>(TICKETS, { filter: { scenarioId } });
    expect(plain.data!.tickets.nodes.every((node) => node.searchHighlight === null)).toBe(true);
  });

  it('finds datasets by name, robot type and description, ranked, with their matches', async () => {
    const register = async (name: string, description: string, robotType: string) => {
      const response = await as(WANG_FANG)<{ registerDataset: { id: string } }>(
        'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
        {
          input: {
            scenarioId,
            name,
            description,
            robotType,
            sensitivity: 'CONSORTIUM',
            modalities: ['RGB'],
            format: 'LEROBOT',
            formatVersion: 'v2.1',
            hours: 10,
            episodes: 100,
            allowedPurposes: ['RESEARCH'],
            storageLocation: `s3://jiading-data/${robotType}-${Date.now()}`,
            features: [],
          },
        },
      );
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.registerDataset.id;
    };
    const named = await register('软包抓取失败片段', '夜班 1号线 录制', 'lingbu-h1');
    const described = await register('Night shift grasps', '含软包抓取失败的片段', 'lingbu-h2');
    const datasets = async (text: string) => {
      const response = await as(WANG_FANG)<{ datasets: { nodes: (Found & { name: string })[] } }>(DATASETS, {
        search: text,
        first: 50,
      });
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      // The demo catalog is left out: this test reasons about its own two.
      return response.data.datasets.nodes.filter((node) => [named, described].includes(node.id));
    };
    expect((await datasets('抓取失败')).map((d) => d.id)).toEqual([named, described]);
    expect((await datasets('1 号线')).map((d) => d.id)).toEqual([named]);
    expect((await datasets('取抓')).map((d) => d.id)).toEqual([]);
    expect((await datasets('lingbu-h2 软包')).map((d) => d.id)).toEqual([described]);
    const [top] = await datasets('软包');
    expect(top!.searchHighlight).toEqual([{ field: 'name', start: 0, length: 2 }]);
  });

  it('takes a description with one enormous "word" and finds it by that word', async () => {
    // Found by the fuzz: a lexeme over 2,046 bytes made the insert fail with an internal error.
    const id = await raise('Long scanner dump', `${'q'.repeat(12_000)} 抓手`);
    expect(await found('q'.repeat(150))).toEqual([id]);
  });

  it('indexes text in SQL exactly as the server cuts it', async () => {
    const samples = [
      TITLE,
      '1号线 Gripper drops ＡＧＶ１２',
      'Émile 抓 ñ Ωmega ｶﾀｶﾅ 한국어',
      '',
      // A "word" far longer than PostgreSQL's 2,046-byte lexeme limit: indexed by its first 100 letters.
      `${'x'.repeat(5_000)} 抓手`,
    ];
    const rows = await t.dataSource.query<{ terms: string[] | null }[]>(
      `SELECT (SELECT array_agg(lexeme) FROM unnest(tetrad_search_document(sample))) AS terms
         FROM unnest($1::text[]) WITH ORDINALITY AS s(sample, ord) ORDER BY ord`,
      [samples],
    );
    expect(rows.map((row) => [...(row.terms ?? [])].sort())).toEqual(samples.map((s) => documentTerms(s)));
  });
});
