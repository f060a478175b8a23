import WebSocket from 'ws';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';

const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // a member of the first demo consortium only
const MAX_SUBSCRIPTIONS = 5;

interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-transport-ws connection: we send exactly what a hostile client would. */
class RawSocket {
  private readonly received: Message[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse((data as Buffer).toString('utf8')) as Message);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static async open(url: string, bearer: string): Promise<RawSocket> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((opened, failed) => socket.once('open', opened).once('error', failed));
    const raw = new RawSocket(socket);
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${bearer}` } });
    await raw.next((message) => message.type === 'connection_ack');
    return raw;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (received or still to come) that matches; consumed. */
  async next(matches: (message: Message) => boolean, ms = 10_000): Promise<Message> {
    const end = Date.now() + ms;
    for (;;) {
      const index = this.received.findIndex(matches);
      if (index >= 0) return this.received.splice(index, 1)[0]!;
      if (this.closed) throw new Error(`socket closed ${this.closed.code} ${this.closed.reason}`);
      if (Date.now() > end) throw new Error('timed out waiting for a message');
      await new Promise<void>((woken) => {
        const timer = setTimeout(woken, end - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          woken();
        });
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  close(): void {
    this.socket.close();
  }
}

interface WireError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
  locations?: unknown;
  path?: unknown;
}

describe('subscriptions over WebSocket: the same limits and codes as HTTP', () => {
  let t: TestApp;
  let url: string;
  let bearer: string;
  let consortiumId: string;
  let foreignConsortiumId: string;
  let socket: RawSocket;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `${(await t.app.getUrl()).replace('http', 'ws')}/graphql`;
    bearer = await accessTokenFor(ZHANG_MIN);
    consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
    foreignConsortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[1]!.name);
    socket = await RawSocket.open(url, bearer);
  });

  afterAll(async () => {
    socket?.close();
    await t?.close();
  });

  /** Subscribes and returns the refusal (an `error` message) for this subscription. */
  async function refusal(payload: unknown): Promise<WireError> {
    serial += 1;
    const id = `s${serial}`;
    socket.send(
      typeof payload === 'string'
        ? payload.replace('"id":"ID"', `"id":"${id}"`)
        : { type: 'subscribe', id, payload },
    );
    const message = await socket.next((m) => m.id === id && (m.type === 'error' || m.type === 'next'));
    expect(message.type).toBe('error');
    const errors = message.payload as WireError[];
    expect(errors).toHaveLength(1);
    return errors[0]!;
  }

  function expectClientError(error: WireError, code: string, message?: RegExp): void {
    expect(error.extensions?.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
    expect(JSON.stringify(error)).not.toMatch(/stack|at \w+ \(|SELECT|INSERT|node_modules/);
  }

  const live = 'subscription L($c: UUID!) { ticketEvents(consortiumId: $c) { cursor kind } }';

  interface Case {
    name: string;
    /** The subscribe message's payload, or the whole message as raw text. */
    payload: () => unknown;
    code: string;
    message: RegExp;
  }

  const deepList = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  const CASES: Case[] = [
    {
      name: 'a document over the size limit',
      payload: () => ({ query: `subscription { ticketEvents { cursor } } #${'x'.repeat(200_000)}` }),
      code: 'BAD_USER_INPUT',
      message: /bytes/i,
    },
    {
      name: 'selections nested 10,000 deep',
      payload: () => ({
        query: `subscription { ticketEvents ${'{ a '.repeat(10_000)}${'}'.repeat(10_000)} }`,
      }),
      code: 'BAD_USER_INPUT',
      message: /deep|nest/i,
    },
    {
      name: 'a document given as JSON instead of text',
      payload: () => ({ query: { kind: 'Document', definitions: [] } }),
      code: 'BAD_USER_INPUT',
      message: /text/i,
    },
    { name: 'no payload', payload: () => null, code: 'BAD_USER_INPUT', message: /payload/i },
    {
      name: 'variables that are not an object',
      payload: () => ({ query: live, variables: [consortiumId] }),
      code: 'BAD_USER_INPUT',
      message: /object/i,
    },
    {
      name: 'a syntax error',
      payload: () => ({ query: 'subscription {' }),
      code: 'BAD_USER_INPUT',
      message: /Syntax/i,
    },
    {
      name: 'a field that does not exist',
      payload: () => ({ query: 'subscription { noSuchField }' }),
      code: 'BAD_USER_INPUT',
      message: /noSuchField/,
    },
    { name: 'a missing variable', payload: () => ({ query: live }), code: 'BAD_USER_INPUT', message: /\$c/ },
    {
      name: 'a variable of the wrong type',
      payload: () => ({ query: live, variables: { c: 'not-a-uuid' } }),
      code: 'BAD_USER_INPUT',
      message: /UUID|\$c/i,
    },
    {
      name: 'variables nested 10,000 deep',
      payload: () =>
        `{"type":"subscribe","id":"ID","payload":{"query":${JSON.stringify(live)},"variables":{"c":"${consortiumId}","extra":${deepList(10_000)}}}}`,
      code: 'BAD_USER_INPUT',
      message: /deep|nest/i,
    },
    {
      name: 'a NUL byte in a variable',
      payload: () => ({
        query: 'subscription L($c: UUID!, $a: String) { ticketEvents(consortiumId: $c, after: $a) { kind } }',
        variables: { c: consortiumId, a: 'x\u0000y' },
      }),
      code: 'BAD_USER_INPUT',
      message: /NUL|character/i,
    },
    {
      name: 'a query over WebSocket',
      payload: () => ({ query: 'query { __typename }' }),
      code: 'BAD_USER_INPUT',
      message: /Only subscriptions/,
    },
    {
      name: 'a mutation over WebSocket',
      payload: () => ({ query: 'mutation { revokeMySessions }' }),
      code: 'BAD_USER_INPUT',
      message: /Only subscriptions/,
    },
    {
      name: 'two operations and no operation name',
      payload: () => ({
        query: 'subscription A { ticketEvents { kind } } subscription B { ticketEvents { kind } }',
      }),
      code: 'BAD_USER_INPUT',
      message: /Name the operation/,
    },
    {
      name: 'a made-up consortium id',
      payload: () => ({ query: live, variables: { c: '00000000-0000-4000-8000-000000000000' } }),
      code: 'NOT_FOUND',
      message: /00000000-0000-4000-8000-000000000000 was not found/,
    },
    {
      name: 'another consortium of which the caller is not a member',
      payload: () => ({ query: live, variables: { c: foreignConsortiumId } }),
      code: 'NOT_FOUND',
      message: /was not found/,
    },
  ];

  it.each(CASES)(
    'refuses $name with $code, and the connection stays open',
    async ({ payload, code, message }) => {
      expectClientError(await refusal(payload()), code, message);
      expect(socket.closed).toBeUndefined();
    },
  );

  it('answers a foreign consortium exactly as a made-up one, naming only the id sent', async () => {
    const foreign = await refusal({ query: live, variables: { c: foreignConsortiumId } });
    const missing = await refusal({ query: live, variables: { c: '00000000-0000-4000-8000-000000000000' } });
    expect(foreign.message.replace(foreignConsortiumId, 'ID')).toBe(
      missing.message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    expect(foreign.extensions).toEqual(missing.extensions);
  });

  it('holds at most the configured number of subscriptions per connection', async () => {
    const crowded = await RawSocket.open(url, bearer);
    try {
      const ids: string[] = [];
      for (let index = 0; index < MAX_SUBSCRIPTIONS; index += 1) {
        const id = `c${index}`;
        ids.push(id);
        crowded.send({ type: 'subscribe', id, payload: { query: live, variables: { c: consortiumId } } });
      }
      // A resync answer proves the earlier subscriptions were registered before the next one.
      crowded.send({
        type: 'subscribe',
        id: 'over',
        payload: { query: 'subscription { ticketEvents(after: "1") { kind } }' },
      });
      const over = await crowded.next((m) => m.id === 'over');
      expect(over.type).toBe('error');
      expect((over.payload as WireError[])[0]!.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        maxSubscriptionsPerConnection: MAX_SUBSCRIPTIONS,
      });
      // Completing one makes room again.
      crowded.send({ type: 'complete', id: ids[0] });
      crowded.send({
        type: 'subscribe',
        id: 'room',
        payload: { query: 'subscription { ticketEvents(after: "1") { kind } }' },
      });
      const room = await crowded.next((m) => m.id === 'room');
      expect(room).toMatchObject({ type: 'next', payload: { data: { ticketEvents: { kind: 'RESYNC' } } } });
    } finally {
      crowded.close();
    }
  });

  it('still serves a good subscription on the same connection after the refusals', async () => {
    serial += 1;
    const id = `s${serial}`;
    socket.send({ type: 'subscribe', id, payload: { query: live, variables: { c: consortiumId } } });
    // Nothing arrives until something happens; an error would arrive at once. Ask for a resync
    // instead: an unknown cursor answers one RESYNC event.
    serial += 1;
    const resync = `s${serial}`;
    socket.send({
      type: 'subscribe',
      id: resync,
      payload: {
        query: 'subscription L($c: UUID!, $a: String) { ticketEvents(consortiumId: $c, after: $a) { kind } }',
        variables: { c: consortiumId, a: '1' },
      },
    });
    const first = await socket.next((m) => m.id === resync);
    expect(first).toMatchObject({
      type: 'next',
      payload: { data: { ticketEvents: { kind: expect.any(String) } } },
    });
    socket.send({ type: 'complete', id });
    socket.send({ type: 'complete', id: resync });
  });
});
