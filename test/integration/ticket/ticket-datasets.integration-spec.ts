import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const WANG_FANG = 'wang.fang@jiading-auto.example'; // data steward of the scenario user
const ZHANG_MIN = 'zhang.min@jiading-auto.example';
const CHEN_JIE = 'chen.jie@lingbu-robotics.example';
const HUANG_MEI = 'huang.mei@pearl-care.example'; // the other consortium

const LINK = `mutation L($t: UUID!, $d: UUID!) { linkTicketToDataset(ticketId: $t, datasetId: $d) { id datasets { name } } }`;
// The test's own datasets (robot type H1), not the demo data's.
const PAGE = `query P($c: UUID!, $first: Int!) { datasets(first: $first, consortiumId: $c, robotType: "H1") {
  nodes { name owner { name } activeContracts { id } openTickets { title status } } } }`;
const code = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions.code;

describe.each([
  ['the configured database', false],
  ['the embedded database', true],
])('tickets name the datasets they concern, on %s', (_database, embedded) => {
  let t: TestApp;
  let consortiumId: string;
  const datasets: string[] = [];
  const tickets: string[] = [];
  let foreignPublic: string;

  async function register(
    email: string,
    scenarioId: string,
    name: string,
    sensitivity: string,
  ): Promise<string> {
    const response = await t.as(email)<{ registerDataset: { id: string } }>(
      'mutation R($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      {
        input: {
          scenarioId,
          name,
          sensitivity,
          modalities: ['RGB'],
          format: 'MCAP',
          robotType: 'H1',
          storageLocation: 's3://x',
        },
      },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.registerDataset.id;
  }
  const scenario = async (email: string, consortium: string): Promise<string> =>
    (
      await t.as(email)<{ createScenario: { id: string } }>(
        'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Sorting line", sector: LOGISTICS, site: "Hub 2" }) { id } }',
        { c: consortium },
      )
    ).data!.createScenario.id;

  beforeAll(async () => {
    t = await startTestApp({}, { embedded });
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    const scenarioId = await scenario(ZHANG_MIN, consortiumId);
    for (const name of ['a-grasps', 'b-totes', 'c-shelves'])
      datasets.push(await register(WANG_FANG, scenarioId, name, 'CONSORTIUM'));
    for (const title of ['Gripper slips on wet totes', 'Shelf labels unreadable']) {
      const raised = await t.as(ZHANG_MIN)<{ raiseTicket: { id: string } }>(
        'mutation T($s: UUID!, $title: String!) { raiseTicket(input: { scenarioId: $s, title: $title, description: "Seen on line 1", category: DATA }) { id } }',
        { s: scenarioId, title },
      );
      tickets.push(raised.data!.raiseTicket.id);
    }
    const forming = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
    foreignPublic = await register(HUANG_MEI, await scenario(HUANG_MEI, forming), 'walks', 'PUBLIC');
  });

  afterAll(async () => {
    await t.close();
  });

  it('links a ticket to datasets of its consortium, audited, and shows them both ways', async () => {
    const linked = await t.as(CHEN_JIE)<{ linkTicketToDataset: { datasets: { name: string }[] } }>(LINK, {
      t: tickets[0],
      d: datasets[0],
    });
    expect(linked.data?.linkTicketToDataset.datasets).toEqual([{ name: 'a-grasps' }]);
    await t.as(CHEN_JIE)(LINK, { t: tickets[1], d: datasets[0] });
    await t.as(CHEN_JIE)(LINK, { t: tickets[1], d: datasets[2] });
    const page = await t.as(CHEN_JIE)<{
      datasets: {
        nodes: {
          name: string;
          owner: { name: string };
          activeContracts: unknown[];
          openTickets: { title: string }[];
        }[];
      };
    }>(PAGE, { c: consortiumId, first: 10 });
    const byName = Object.fromEntries(page.data!.datasets.nodes.map((node) => [node.name, node]));
    expect(byName['a-grasps']!.openTickets.map((ticket) => ticket.title)).toEqual([
      'Shelf labels unreadable',
      'Gripper slips on wet totes',
    ]);
    expect(byName['b-totes']!.openTickets).toEqual([]);
    expect(byName['c-shelves']!.openTickets.map((ticket) => ticket.title)).toEqual([
      'Shelf labels unreadable',
    ]);
    expect(byName['a-grasps']!.owner.name).toBe('Shanghai Jiading Auto Body Works');
    expect(byName['a-grasps']!.activeContracts).toEqual([]);
    const [audited] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'ticket.linkDataset'`,
    );
    expect(audited!.n).toBe(3);
  });

  it('unlinks', async () => {
    const response = await t.as(CHEN_JIE)<{ unlinkTicketFromDataset: { datasets: unknown[] } }>(
      'mutation U($t: UUID!, $d: UUID!) { unlinkTicketFromDataset(ticketId: $t, datasetId: $d) { datasets { name } } }',
      { t: tickets[1], d: datasets[2] },
    );
    expect(response.data?.unlinkTicketFromDataset.datasets).toEqual([{ name: 'a-grasps' }]);
  });

  it('refuses a dataset of another consortium, and a ticket out of reach', async () => {
    expect(code(await t.as(CHEN_JIE)(LINK, { t: tickets[0], d: foreignPublic }))).toBe('BAD_USER_INPUT');
    expect(code(await t.as(HUANG_MEI)(LINK, { t: tickets[0], d: foreignPublic }))).toBe('NOT_FOUND');
  });

  it('answers a page of datasets with owners, contracts and tickets in the same number of SQL statements whatever its size', async () => {
    const statements = async (first: number): Promise<number> => {
      await t.as(CHEN_JIE)(PAGE, { c: consortiumId, first }); // warm the caller's token and ability caches alike
      const before = t.sqlStatements();
      const response = await t.as(CHEN_JIE)<{ datasets: { nodes: unknown[] } }>(PAGE, {
        c: consortiumId,
        first,
      });
      expect(response.data!.datasets.nodes).toHaveLength(first);
      return t.sqlStatements() - before;
    };
    expect(await statements(3)).toBe(await statements(1));
  });

  it('answers a page of tickets with their datasets in the same number of SQL statements whatever its size, each dataset scoped to the caller', async () => {
    // A trade secret of the scenario user, named by both tickets: its owner sees it, another member does not.
    const scenarioId = (
      await t.as(ZHANG_MIN)<{ ticket: { scenarioId: string } }>(
        'query T($id: UUID!) { ticket(id: $id) { scenarioId } }',
        {
          id: tickets[0],
        },
      )
    ).data!.ticket.scenarioId;
    const secret = await register(WANG_FANG, scenarioId, 'd-recipes', 'TRADE_SECRET');
    for (const ticket of tickets)
      expect((await t.as(WANG_FANG)(LINK, { t: ticket, d: secret })).errors).toBeUndefined();
    await t.as(WANG_FANG)(LINK, { t: tickets[0], d: datasets[1] });
    const TICKETS = `query T($s: UUID!, $first: Int!) { tickets(first: $first, filter: { scenarioId: $s }, orderBy: CREATED_DESC) {
      nodes { id title datasets { name } } } }`;
    type Page = { tickets: { nodes: { id: string; title: string; datasets: { name: string }[] }[] } };
    const page = async (email: string, first: number) => {
      const response = await t.as(email)<Page>(TICKETS, { s: scenarioId, first });
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.tickets.nodes;
    };
    const names = (nodes: Page['tickets']['nodes']) =>
      Object.fromEntries(nodes.map((node) => [node.title, node.datasets.map((dataset) => dataset.name)]));
    expect(names(await page(CHEN_JIE, 2))).toEqual({
      'Gripper slips on wet totes': ['a-grasps', 'b-totes'],
      'Shelf labels unreadable': ['a-grasps'],
    });
    expect(names(await page(WANG_FANG, 2))).toEqual({
      'Gripper slips on wet totes': ['a-grasps', 'd-recipes', 'b-totes'],
      'Shelf labels unreadable': ['a-grasps', 'd-recipes'],
    });
    // The batched page says what one ticket at a time says.
    for (const node of await page(CHEN_JIE, 2)) {
      const one = await t.as(CHEN_JIE)<{ ticket: { datasets: { name: string }[] } }>(
        'query T($id: UUID!) { ticket(id: $id) { datasets { name } } }',
        { id: node.id },
      );
      expect(one.data!.ticket.datasets).toEqual(node.datasets);
    }
    const statements = async (first: number): Promise<number> => {
      await page(CHEN_JIE, first); // warm the caller's token and ability caches alike
      const before = t.sqlStatements();
      expect(await page(CHEN_JIE, first)).toHaveLength(first);
      return t.sqlStatements() - before;
    };
    expect(await statements(2)).toBe(await statements(1));
  });
});
