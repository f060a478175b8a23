import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';
import { usesPostgresServer } from '../../support/test-database';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // raises, on instance A
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // member, listens on instance B
const HUANG_MEI = 'huang.mei@pearl-care.example'; // another consortium, listens on instance B

interface Received {
  events: Record<string, unknown>[];
  errors: unknown[];
  stop: () => void;
}

async function subscribe(
  url: string,
  query: string,
  bearer?: string,
): Promise<{ client: Client; received: Received }> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  const received: Received = { events: [], errors: [], stop: () => undefined };
  await new Promise<void>((ready) => {
    received.stop = client.subscribe(
      { query },
      {
        next: (value) => received.events.push(value as Record<string, unknown>),
        error: (error) => received.errors.push(error),
        complete: () => undefined,
      },
    );
    // graphql-ws acknowledges the connection before the subscription is registered server-side.
    setTimeout(ready, 500);
  });
  return { client, received };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((done) => setTimeout(done, 50));
}

/**
 * Live tickets: raised on instance A, heard on instance B (PostgreSQL LISTEN/NOTIFY), only by
 * members of the ticket's consortium. On the embedded database (one process) A and B are one.
 */
describe('ticket subscriptions', () => {
  let a: TestApp;
  let b: TestApp;
  let urlB: string;
  let scenarioId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = usesPostgresServer ? await startTestApp({ DATABASE_URL: a.database.url! }) : a;
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    urlB = `${(await b.app.getUrl()).replace('http', 'ws')}/graphql`;
    const consortiumId = await consortiumIdByName(a, DEMO_CONSORTIA[0]!.name);
    const scenario = await a.as(ZHANG_MIN)<{ createScenario: { id: string } }>(
      'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Live line", sector: LOGISTICS, site: "Hub" }) { id } }',
      { c: consortiumId },
    );
    scenarioId = scenario.data!.createScenario.id;
  });

  afterAll(async () => {
    for (const client of clients) void client.dispose();
    if (b !== a) await b.close();
    await a.close();
  });

  it('delivers ticketChanged and ticketCommented to members on another instance, and nothing to others', async () => {
    const member = await subscribe(
      urlB,
      'subscription { ticketChanged { title status } }',
      await accessTokenFor(CHEN_JIE),
    );
    const memberComments = await subscribe(
      urlB,
      'subscription { ticketCommented { body } }',
      await accessTokenFor(CHEN_JIE),
    );
    const outsider = await subscribe(
      urlB,
      'subscription { ticketChanged { title } }',
      await accessTokenFor(HUANG_MEI),
    );
    const anonymous = await subscribe(urlB, 'subscription { ticketChanged { title } }');
    clients.push(member.client, memberComments.client, outsider.client, anonymous.client);

    const raised = await a.as(ZHANG_MIN)<{ raiseTicket: { id: string } }>(
      'mutation R($s: UUID!) { raiseTicket(input: { scenarioId: $s, title: "Heard live", description: "x" }) { id } }',
      { s: scenarioId },
    );
    await a.as(ZHANG_MIN)(
      'mutation C($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "first!" }) { id } }',
      {
        id: raised.data!.raiseTicket.id,
      },
    );

    await until(() => member.received.events.length >= 1 && memberComments.received.events.length >= 1);
    expect(member.received.events[0]).toEqual({
      data: { ticketChanged: { title: 'Heard live', status: 'OPEN' } },
    });
    expect(memberComments.received.events[0]).toEqual({ data: { ticketCommented: { body: 'first!' } } });
    await new Promise((done) => setTimeout(done, 1_000));
    expect(outsider.received.events).toEqual([]);
    expect(JSON.stringify([...anonymous.received.events, ...anonymous.received.errors])).toContain(
      'Sign in first',
    );
  });

  it('reads each event afresh: what an earlier event loaded on the connection is not served again', async () => {
    const member = await subscribe(
      urlB,
      'subscription { ticketChanged { status commentCount } }',
      await accessTokenFor(CHEN_JIE),
    );
    clients.push(member.client);
    const raised = await a.as(ZHANG_MIN)<{ raiseTicket: { id: string } }>(
      'mutation R($s: UUID!) { raiseTicket(input: { scenarioId: $s, title: "Counted live", description: "x" }) { id } }',
      { s: scenarioId },
    );
    const id = raised.data!.raiseTicket.id;
    await until(() => member.received.events.length >= 1);
    await a.as(ZHANG_MIN)(
      'mutation C($id: UUID!) { commentOnTicket(ticketId: $id, input: { body: "seen" }) { id } }',
      {
        id,
      },
    );
    const moved = await a.as(ZHANG_MIN)(
      'mutation T($id: UUID!) { transitionTicket(id: $id, to: TRIAGED) { id } }',
      {
        id,
      },
    );
    expect(moved.errors).toBeUndefined();
    await until(() => member.received.events.length >= 2);
    expect(member.received.events.slice(0, 2)).toEqual([
      { data: { ticketChanged: { status: 'OPEN', commentCount: 0 } } },
      { data: { ticketChanged: { status: 'TRIAGED', commentCount: 1 } } },
    ]);
  });
});
