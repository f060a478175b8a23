import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DEFAULT_DOCUMENT_LIMITS } from '@tetrad/core';
import { DEMO_CONSORTIA } from '@tetrad/demo-data';
import { consortiumIdByName } from '../../support/members';
import { accessTokenFor } from '../../support/sign-in';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Hostile documents and requests, as an attacker would send them: each is refused with a client
 * error code, a body free of stack traces, SQL and file paths, and (for those refused before any
 * resolver) without a single SQL statement. Then a fuzz of the mutations' inputs.
 */

const LIMITS = DEFAULT_DOCUMENT_LIMITS;
const CLIENT_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];
const LI_WEI = 'li.wei@jiading-auto.example'; // ORG_ADMIN of the scenario user
const ZHANG_MIN = 'zhang.min@jiading-auto.example'; // ENGINEER of the scenario user
const WANG_FANG = 'wang.fang@jiading-auto.example'; // DATA_STEWARD of the scenario user
const CHEN_JIE = 'chen.jie@lingbu-robotics.example'; // robot maker, member of the same consortium
// 5,000 runs (issue 17), each a signed-in request and a row count over the tables the mutations
// touch; set HOSTILE_FUZZ_RUNS higher for a longer hunt.
const FUZZ_RUNS = Number(process.env['HOSTILE_FUZZ_RUNS'] ?? 5000);

interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A GraphQL request (POST body, or GET query string). */
  query?: string;
  variables?: unknown;
  operationName?: string;
  /** A raw payload instead of { query, variables }. */
  payload?: string;
  url?: string;
  status?: number;
  /** The message must mention this (names the field or the limit). */
  mentions?: RegExp;
  /** Needs a signed-in caller (the refusal comes from a resolver). */
  signedIn?: boolean;
}

const STACK = /\n\s+at |\bat [\w.<>]+ \(|:\d+:\d+\)/;
const SQL =
  /\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|SET|WHERE)\b|\bSQLSTATE\b|QueryFailedError/i;
const FILE_PATH = /\/(work|home|usr|app|src|dist|node_modules|tmp)\/|\.[jt]s:\d+/;

function assertSafeBody(text: string): void {
  expect(text).not.toMatch(STACK);
  expect(text).not.toMatch(SQL);
  expect(text).not.toMatch(FILE_PATH);
  expect(text).not.toContain('INTERNAL_SERVER_ERROR');
}

/** Refusals made by a resolver answer 200 with errors (GraphQL over HTTP); earlier ones 4xx. */
function assertClientError(status: number, text: string, resolverMayRefuse = false): void {
  if (!(resolverMayRefuse && status === 200)) {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  }
  const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(CLIENT_CODES).toContain(error.extensions?.code);
    expect(error.message).toMatch(/^\S/);
  }
  assertSafeBody(text);
}

// --- families of hostile documents -------------------------------------------------------

const repeat = (count: number, make: (index: number) => string, separator = ' '): string =>
  Array.from({ length: count }, (_, index) => make(index)).join(separator);

function textLimitFamily(): HostileRequest[] {
  const over = LIMITS.maxDocumentBytes + 1;
  const cases: HostileRequest[] = [];
  for (const size of [over, 2 * over, 200_000, 900_000]) {
    cases.push(
      {
        name: `${size} bytes padded with a comment`,
        query: `{ __typename }\n#${'x'.repeat(size)}`,
        status: 413,
      },
      { name: `${size} bytes padded with spaces`, query: `{ __typename ${' '.repeat(size)}}`, status: 413 },
      {
        name: `${size} bytes in one string literal`,
        query: `{ organizations(search: "${'y'.repeat(size)}") { totalCount } }`,
        status: 413,
      },
    );
  }
  for (const tokens of [LIMITS.maxTokens + 1, LIMITS.maxTokens * 2, 20_000]) {
    cases.push({
      name: `${tokens} tokens of __typename`,
      query: `{ ${repeat(tokens - 2, () => '__typename')} }`,
      mentions: /tokens|bytes/,
    });
  }
  for (const depth of [LIMITS.maxNesting + 1, 100, 1000, 5000, 10_000]) {
    cases.push(
      { name: `selections nested ${depth} deep`, query: `${'{ a '.repeat(depth)}${'} '.repeat(depth)}` },
      {
        name: `list literal nested ${depth} deep`,
        query: `{ organizations(search: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { totalCount } }`,
      },
      {
        name: `object literal nested ${depth} deep`,
        query: `mutation { registerDataset(input: { metadata: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)} }) { id } }`,
      },
      { name: `parentheses nested ${depth} deep`, query: `{ a${'('.repeat(depth)}${')'.repeat(depth)} }` },
    );
  }
  cases.push(
    { name: 'a raw NUL character in the document', query: '{ __typename \u0000 }' },
    { name: 'a raw lone surrogate in a string', query: '{ organizations(search: "\uD800") { totalCount } }' },
    {
      name: 'a lone surrogate escape in a string',
      query: '{ organizations(search: "\\uD800") { totalCount } }',
    },
    { name: 'an unterminated string', query: '{ organizations(search: "abc) { totalCount } }' },
    { name: 'an unterminated block string', query: '{ organizations(search: """abc) { totalCount } }' },
  );
  return cases;
}

function shapeFamily(): HostileRequest[] {
  const cases: HostileRequest[] = [];
  for (const count of [LIMITS.maxAliases + 1, 100, 1000, 2000]) {
    cases.push(
      { name: `${count} aliases of __typename`, query: `{ ${repeat(count, (i) => `a${i}: __typename`)} }` },
      {
        name: `${count} aliases of organizations.totalCount`,
        query: `{ ${repeat(count, (i) => `o${i}: organizations(first: 1) { totalCount }`)} }`,
      },
      {
        name: `${count} aliases of verifyAuditChain`,
        query: `{ ${repeat(count, (i) => `v${i}: verifyAuditChain { valid }`)} }`,
      },
    );
  }
  for (const count of [LIMITS.maxDirectives + 1, 200, 800]) {
    cases.push(
      {
        name: `${count} @include on one field`,
        query: `{ __typename ${repeat(count, () => '@include(if: true)')} }`,
      },
      {
        name: `${count} @skip on one field`,
        query: `{ __typename ${repeat(count, () => '@skip(if: false)')} }`,
      },
      {
        name: `${count} fields with a directive each`,
        query: `{ ${repeat(count, () => '__typename @include(if: true)')} }`,
      },
    );
  }
  for (const count of [LIMITS.maxFragments + 1, 200, 500]) {
    cases.push({
      name: `${count} fragments`,
      query: `{ ...F0 } ${repeat(count, (i) => `fragment F${i} on Query { __typename }`)}`,
    });
  }
  for (const length of [LIMITS.maxFragmentChain + 1, 30, 50, 500, 5000]) {
    cases.push({
      name: `a chain of ${length} fragments`,
      query: `{ ...F0 } ${repeat(length, (i) => `fragment F${i} on Query { ${i + 1 < length ? `...F${i + 1}` : '__typename'} }`)}`,
    });
  }
  cases.push(
    { name: 'a fragment cycle', query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
    {
      name: 'a JSON-encoded AST instead of GraphQL text',
      query: JSON.stringify({ kind: 'Document', definitions: [] }),
    },
    {
      name: 'a JSON-encoded AST of a query',
      query: JSON.stringify({
        kind: 'Document',
        definitions: [
          {
            kind: 'OperationDefinition',
            operation: 'query',
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: '__typename' } }],
            },
          },
        ],
      }),
    },
  );
  return cases;
}

/** One string input of each mutation, as a literal and as a variable. */
const TEXT_INPUTS: {
  mutation: string;
  field: string;
  literal: (text: string) => string;
  variable: (text: string) => unknown;
}[] = [
  ...['title', 'description'].map((field) => ({
    mutation: 'raiseTicket',
    field,
    literal: (text: string) =>
      `mutation { raiseTicket(input: { scenarioId: "00000000-0000-4000-8000-000000000000", title: "t", description: "d", ${field}: ${text} }) { id } }`,
    variable: (text: string) => ({
      query: 'mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }',
      variables: {
        input: {
          scenarioId: '00000000-0000-4000-8000-000000000000',
          title: 't',
          description: 'd',
          [field]: text,
        },
      },
    }),
  })),
  {
    mutation: 'raiseTicket',
    field: 'labels',
    literal: (text) =>
      `mutation { raiseTicket(input: { scenarioId: "00000000-0000-4000-8000-000000000000", title: "t", description: "d", labels: [${text}] }) { id } }`,
    variable: (text) => ({
      query: 'mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }',
      variables: {
        input: {
          scenarioId: '00000000-0000-4000-8000-000000000000',
          title: 't',
          description: 'd',
          labels: [text],
        },
      },
    }),
  },
  ...['name', 'robotType', 'storageLocation', 'description', 'checksum'].map((field) => ({
    mutation: 'registerDataset',
    field,
    literal: (text: string) =>
      `mutation { registerDataset(input: { scenarioId: "00000000-0000-4000-8000-000000000000", name: "n", robotType: "r", storageLocation: "s", sensitivity: PUBLIC, format: LEROBOT, modalities: [RGB], ${field}: ${text} }) { id } }`,
    variable: (text: string) => ({
      query: 'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      variables: { input: { ...DATASET_INPUT, [field]: text } },
    }),
  })),
  {
    mutation: 'registerDataset',
    field: 'metadata',
    literal: (text) =>
      `mutation { registerDataset(input: { scenarioId: "00000000-0000-4000-8000-000000000000", name: "n", robotType: "r", storageLocation: "s", sensitivity: PUBLIC, format: LEROBOT, modalities: [RGB], metadata: { note: ${text} } }) { id } }`,
    variable: (text) => ({
      query: 'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      variables: { input: { ...DATASET_INPUT, metadata: { note: { deeper: [text] } } } },
    }),
  },
  {
    mutation: 'registerDataset',
    field: 'metadata key',
    literal: (text) =>
      `mutation { registerDataset(input: { scenarioId: "00000000-0000-4000-8000-000000000000", name: "n", robotType: "r", storageLocation: "s", sensitivity: PUBLIC, format: LEROBOT, modalities: [RGB], metadata: { note: [${text}] } }) { id } }`,
    variable: (text) => ({
      query: 'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
      variables: { input: { ...DATASET_INPUT, metadata: { [String(text)]: 1 } } },
    }),
  },
  ...['intendedOutputs', 'securityMeasures'].map((field) => ({
    mutation: 'submitDataAccessRequest',
    field,
    literal: (text: string) =>
      `mutation { submitDataAccessRequest(input: { datasetIds: ["00000000-0000-4000-8000-000000000000"], durationDays: 30, purpose: RESEARCH, intendedOutputs: "o", securityMeasures: "s", ${field}: ${text} }) { id } }`,
    variable: (text: string) => ({
      query:
        'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
      variables: { input: { ...ACCESS_INPUT, [field]: text } },
    }),
  })),
  {
    mutation: 'commentOnTicket',
    field: 'body',
    literal: (text) =>
      `mutation { commentOnTicket(ticketId: "00000000-0000-4000-8000-000000000000", input: { body: ${text} }) { id } }`,
    variable: (text) => ({
      query:
        'mutation C($id: UUID!, $body: String!) { commentOnTicket(ticketId: $id, input: { body: $body }) { id } }',
      variables: { id: '00000000-0000-4000-8000-000000000000', body: text },
    }),
  },
  ...['name', 'region', 'unifiedSocialCreditCode'].map((field) => ({
    mutation: 'createOrganization',
    field,
    literal: (text: string) =>
      `mutation { createOrganization(input: { kind: SUPPLIER, name: "n", region: "r", unifiedSocialCreditCode: "c", ${field}: ${text} }) { id } }`,
    variable: (text: string) => ({
      query: 'mutation O($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      variables: {
        input: { kind: 'SUPPLIER', name: 'n', region: 'r', unifiedSocialCreditCode: 'c', [field]: text },
      },
    }),
  })),
  {
    mutation: 'inviteUser',
    field: 'email',
    literal: (text) => `mutation { inviteUser(input: { email: ${text}, roles: [ENGINEER] }) { id } }`,
    variable: (text) => ({
      query: 'mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
      variables: { input: { email: text, roles: ['ENGINEER'] } },
    }),
  },
  {
    mutation: 'organizations',
    field: 'search',
    literal: (text) => `{ organizations(filter: { search: ${text} }) { totalCount } }`,
    variable: (text) => ({
      query: 'query Q($s: String) { organizations(filter: { search: $s }) { totalCount } }',
      variables: { s: text },
    }),
  },
];

const DATASET_INPUT = {
  scenarioId: '00000000-0000-4000-8000-000000000000',
  name: 'Fuzz grasps',
  robotType: 'Lingbu H1',
  storageLocation: 's3://fuzz/grasps',
  sensitivity: 'PUBLIC',
  format: 'LEROBOT',
  modalities: ['RGB'],
};
const ACCESS_INPUT = {
  datasetIds: ['00000000-0000-4000-8000-000000000000'],
  durationDays: 30,
  purpose: 'RESEARCH',
  intendedOutputs: 'o',
  securityMeasures: 's',
};

function textFamily(): HostileRequest[] {
  const cases: HostileRequest[] = [];
  for (const input of TEXT_INPUTS) {
    const label = `${input.mutation} ${input.field}`;
    cases.push(
      { name: `${label}: NUL escape in a literal`, query: input.literal('"a\\u0000b"'), mentions: /NUL/ },
      {
        name: `${label}: NUL escape in a block-less literal at the start`,
        query: input.literal('"\\u0000"'),
        mentions: /NUL/,
      },
      { name: `${label}: lone surrogate escape in a literal`, query: input.literal('"a\\uDC00b"') },
    );
    for (const [what, text, mentions] of [
      ['NUL in a variable', 'a\u0000b', /NUL/],
      ['lone high surrogate in a variable', 'x\uD83Dy', /Unicode/],
      ['lone low surrogate in a variable', '\uDE00', /Unicode/],
    ] as const) {
      const { query, variables } = input.variable(text) as { query: string; variables: unknown };
      cases.push({ name: `${label}: ${what}`, query, variables, mentions });
    }
  }
  return cases;
}

/** JSON text nested `depth` deep (as text: JSON.stringify itself overflows the stack on these). */
function nest(depth: number, leaf: string, kind: 'object' | 'list'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
}

/** A request body whose variable at `RAW` is replaced by raw JSON text. */
function rawPayload(query: string, variables: unknown, raw: string): string {
  return JSON.stringify({ query, variables }).replace('"RAW"', raw);
}

function inputSizeFamily(): HostileRequest[] {
  const register = 'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }';
  const cases: HostileRequest[] = [];
  for (const depth of [LIMITS.maxInputDepth + 1, 100, 1000, 10_000, 20_000]) {
    for (const kind of ['object', 'list'] as const) {
      cases.push({
        name: `metadata variable: ${kind}s nested ${depth} deep`,
        payload: rawPayload(
          register,
          { input: { ...DATASET_INPUT, metadata: 'RAW' } },
          nest(depth, '1', kind),
        ),
        mentions: /\$input\.metadata/,
      });
    }
    cases.push({
      name: `a String variable of lists nested ${depth} deep`,
      payload: rawPayload(
        'query Q($s: String) { organizations(filter: { search: $s }) { totalCount } }',
        { s: 'RAW' },
        nest(depth, '"x"', 'list'),
      ),
    });
  }
  for (const depth of [LIMITS.maxInputDepth + 1, 40, 60]) {
    cases.push({
      name: `metadata literal nested ${depth} deep`,
      query: `mutation { registerDataset(input: { metadata: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)} }) { id } }`,
    });
  }
  for (const count of [LIMITS.maxInputItems + 1, 5000, 20_000]) {
    cases.push(
      {
        name: `metadata with ${count} keys`,
        query: register,
        variables: {
          input: {
            ...DATASET_INPUT,
            metadata: Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])),
          },
        },
        mentions: /\$input\.metadata/,
      },
      {
        name: `${count} copies of a purpose`,
        query: register,
        variables: {
          input: { ...DATASET_INPUT, allowedPurposes: Array.from({ length: count }, () => 'RESEARCH') },
        },
        mentions: /allowedPurposes/,
      },
      {
        name: `${count} labels`,
        query: 'mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }',
        variables: {
          input: {
            scenarioId: DATASET_INPUT.scenarioId,
            title: 't',
            description: 'd',
            labels: Array.from({ length: count }, (_, i) => `l${i}`),
          },
        },
      },
      {
        name: `${count} dataset ids in an access request`,
        query:
          'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
        variables: {
          input: {
            ...ACCESS_INPUT,
            datasetIds: Array.from({ length: count }, () => ACCESS_INPUT.datasetIds[0]),
          },
        },
      },
    );
  }
  cases.push({
    name: `${LIMITS.maxInputItems + 1} purposes in a literal`,
    query: `mutation { registerDataset(input: { allowedPurposes: [${repeat(LIMITS.maxInputItems + 1, () => 'RESEARCH', ',')}] }) { id } }`,
  });
  return cases;
}

function transportFamily(): HostileRequest[] {
  const get = (query: string, extra = '') => `/graphql?query=${encodeURIComponent(query)}${extra}`;
  const cases: HostileRequest[] = [];
  for (const mutation of [
    'mutation { revokeMySessions }',
    'mutation M { raiseTicket(input: { scenarioId: "00000000-0000-4000-8000-000000000000", title: "t", description: "d" }) { id } }',
    'mutation { createOrganization(input: { kind: SUPPLIER, name: "nn", region: "rr", unifiedSocialCreditCode: "c" }) { id } }',
  ]) {
    cases.push({
      name: `a mutation over GET: ${mutation.slice(0, 40)}`,
      method: 'GET',
      url: get(mutation),
      status: 405,
    });
  }
  cases.push({
    name: 'a mutation chosen by operationName over GET',
    method: 'GET',
    url: get('query Q { __typename } mutation M { revokeMySessions }', '&operationName=M'),
    status: 405,
  });
  for (const subscription of [
    'subscription { ticketChanged { id } }',
    'subscription S { ticketCommented { id } }',
    'subscription { ticketEvents { __typename } }',
  ]) {
    cases.push(
      {
        name: `a subscription over POST: ${subscription}`,
        query: subscription,
        status: 400,
        mentions: /WebSocket/,
      },
      {
        name: `a subscription over GET: ${subscription}`,
        method: 'GET',
        url: get(subscription),
        status: 405,
      },
    );
  }
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    cases.push({
      name: `${method} /graphql`,
      method,
      url: '/graphql',
      payload: JSON.stringify({ query: '{ __typename }' }),
      status: 405,
    });
  }
  cases.push(
    {
      name: 'a body over the body limit',
      payload: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
      status: 413,
    },
    { name: 'a body that is not JSON', payload: '{"query": ', status: 400 },
    { name: 'a body that is a JSON string', payload: '"{ __typename }"', status: 400 },
    { name: 'a body with __proto__', payload: '{"query":"{ __typename }","__proto__":{"x":1}}', status: 400 },
    {
      name: 'variables that are a string',
      payload: JSON.stringify({ query: '{ __typename }', variables: 'x' }),
      status: 400,
    },
    { name: 'a query that is a number', payload: JSON.stringify({ query: 42 }), status: 400 },
    { name: 'no query at all', payload: JSON.stringify({ variables: {} }), status: 400 },
  );
  return cases;
}

const HOSTILE: HostileRequest[] = [
  ...textLimitFamily(),
  ...shapeFamily(),
  ...textFamily(),
  ...inputSizeFamily(),
  ...transportFamily(),
];

describe('hostile documents and requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function send(request: HostileRequest, headers: Record<string, string> = {}) {
    const method = request.method ?? 'POST';
    const response = await t.app.inject({
      method,
      url: request.url ?? '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'GET'
        ? {}
        : {
            payload:
              request.payload ??
              JSON.stringify({
                query: request.query,
                variables: request.variables,
                operationName: request.operationName,
              }),
          }),
    });
    return { status: response.statusCode, text: response.body, headers: response.headers };
  }

  it(`has at least 200 hostile cases (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(200);
    expect(new Set(HOSTILE.map((request) => request.name)).size).toBe(HOSTILE.length);
  });

  it.each(HOSTILE.map((request) => [request.name, request] as const))(
    'refuses %s before any resolver, with a client code',
    async (_name, request) => {
      const before = t.sqlStatements();
      const { status, text } = await send(request);
      assertClientError(status, text);
      if (request.status) expect(status).toBe(request.status);
      if (request.mentions) expect(text).toMatch(request.mentions);
      expect(t.sqlStatements()).toBe(before);
    },
  );

  it('answers GET mutations with 405 and the Allow header of other methods', async () => {
    const { headers } = await send({ name: 'put', method: 'PUT', url: '/graphql', payload: '{}' });
    expect(headers['allow']).toBe('GET, POST');
  });

  it('still answers a normal query, by POST and by GET', async () => {
    const post = await send({ name: 'ok', query: '{ __typename }' });
    expect(JSON.parse(post.text)).toEqual({ data: { __typename: 'Query' } });
    const get = await send({
      name: 'ok',
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
    });
    expect(JSON.parse(get.text)).toEqual({ data: { __typename: 'Query' } });
  });

  describe('over a real socket (Node refuses these before Fastify)', () => {
    let port: number;

    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.getHttpServer().address() as AddressInfo).port;
    });

    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });

    it.each([
      [
        'a 20 kB GET URL',
        () => raw(`/graphql?query=${encodeURIComponent(`{ __typename #${'x'.repeat(20_000)}\n}`)}`),
      ],
      ['a 100 kB GET URL', () => raw(`/graphql?query=${'%20'.repeat(33_000)}`)],
      ['a 20 kB header', () => raw('/graphql?query=%7B__typename%7D', { 'x-pad': 'x'.repeat(20_000) })],
      [
        'many headers totalling 40 kB',
        () =>
          raw(
            '/graphql?query=%7B__typename%7D',
            Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`x-h${i}`, 'y'.repeat(100)])),
          ),
      ],
    ])('answers %s with 431 and a GraphQL-shaped body', async (_name, call) => {
      const before = t.sqlStatements();
      const { status, text } = await call();
      expect(status).toBe(431);
      assertClientError(status, text);
      expect(t.sqlStatements()).toBe(before);
    });
  });

  describe('forged pagination cursors', () => {
    interface ConnectionField {
      name: string;
    }
    let token: string;
    let connections: ConnectionField[];
    const realCursors = new Map<string, string>();

    beforeAll(async () => {
      token = await accessTokenFor(LI_WEI);
      const schema = await t.graphql<{
        __schema: {
          queryType: {
            fields: {
              name: string;
              type: { kind: string; ofType: { name: string } | null };
              args: { name: string; type: { kind: string }; defaultValue: string | null }[];
            }[];
          };
        };
      }>(
        '{ __schema { queryType { fields { name type { kind ofType { name } } args { name defaultValue type { kind } } } } } }',
      );
      connections = schema
        .data!.__schema.queryType.fields.filter((field) => field.type.ofType?.name?.endsWith('Connection'))
        .filter((field) => field.args.some((arg) => arg.name === 'after'))
        .filter((field) =>
          field.args.every((arg) => arg.type.kind !== 'NON_NULL' || arg.defaultValue !== null),
        )
        .map((field) => ({ name: field.name }));
      for (const field of connections) {
        const page = await t.graphql<Record<string, { edges: { cursor: string }[] }>>(
          `{ ${field.name}(first: 1) { edges { cursor } } }`,
          undefined,
          { bearer: token },
        );
        const cursor = page.data?.[field.name]?.edges[0]?.cursor;
        if (cursor) realCursors.set(field.name, cursor);
      }
    });

    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forgeries: [string, (real: { s: string; v: unknown; id: string } | undefined) => string][] = [
      ['not base64', () => '!!!not a cursor!!!'],
      ['base64 of text', () => Buffer.from('hello').toString('base64url')],
      ['base64 of a JSON array', () => encode([1, 2, 3])],
      ['the wrong shape', () => encode({ a: 1 })],
      ['another sort order', (real) => encode({ s: 'nope', v: real?.v ?? 'x', id: real?.id ?? 'x' })],
      [
        'a value of the wrong kind',
        (real) =>
          encode({
            s: real?.s ?? 'x',
            v: typeof real?.v === 'string' && !/^\d+$/.test(real.v) ? 12 : 'not a value',
            id: real?.id ?? 'x',
          }),
      ],
      [
        'a date that is not one',
        (real) =>
          encode({
            s: typeof real?.v === 'string' && /^\d{4}-/.test(real.v) ? real.s : 'other',
            v: '2026-99-99T99:99:99Z',
            id: real?.id ?? 'x',
          }),
      ],
      [
        'an id that is not a UUID',
        (real) => encode({ s: real?.s ?? 'x', v: real?.v ?? 'x', id: 'not-a-uuid' }),
      ],
      ['a NUL in the value', (real) => encode({ s: real?.s ?? 'x', v: 'a\u0000b', id: real?.id ?? 'x' })],
      ['a huge value', (real) => encode({ s: real?.s ?? 'x', v: 'x'.repeat(5000), id: real?.id ?? 'x' })],
      ['a huge number', (real) => encode({ s: real?.s ?? 'x', v: 1e308, id: real?.id ?? 'x' })],
    ];

    it('finds connection fields to forge cursors for', () => {
      expect(connections.length).toBeGreaterThanOrEqual(8);
      expect(realCursors.size).toBeGreaterThanOrEqual(4);
    });

    it.each(forgeries)(
      'refuses a cursor with %s on every connection, naming `after`',
      async (_name, forge) => {
        for (const field of connections) {
          const real = realCursors.get(field.name);
          const decoded = real
            ? (JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as {
                s: string;
                v: unknown;
                id: string;
              })
            : undefined;
          const cursor = forge(decoded);
          const response = await t.app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            payload: JSON.stringify({
              query: `query Q($after: String) { ${field.name}(first: 1, after: $after) { totalCount } }`,
              variables: { after: cursor },
            }),
          });
          const body = response.json<{ errors?: { message: string; extensions: { code: string } }[] }>();
          expect({ field: field.name, code: body.errors?.[0]?.extensions.code }).toEqual({
            field: field.name,
            code: 'BAD_USER_INPUT',
          });
          expect(body.errors?.[0]?.message).toMatch(/after/);
          assertSafeBody(response.body);
        }
      },
    );
  });
  describe('fuzzed mutation inputs', () => {
    const tokens: Record<string, string> = {};
    let scenarioId: string;
    let datasetId: string;
    let ticketId: string;
    let consortiumId: string;
    const TABLES = [
      'ticket',
      'ticket_comment',
      'ticket_label',
      'scenario',
      'kpi_report',
      'invitation',
      'dataset',
      'data_access_request',
      'data_access_request_item',
      'audit_entry',
    ];
    const rowCounts = async (): Promise<Record<string, number>> => {
      const [row] = await t.dataSource.query<Record<string, number>[]>(
        `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
      );
      return row!;
    };

    beforeAll(async () => {
      for (const email of [ZHANG_MIN, WANG_FANG, CHEN_JIE, LI_WEI]) {
        tokens[email] = await accessTokenFor(email);
        // A first sign-in is audited: done here, so that the fuzz sees only its own changes.
        await t.graphql('{ me { id } }', undefined, { bearer: tokens[email] });
      }
      const as = (email: string, query: string, variables: Record<string, unknown>) =>
        t.graphql<Record<string, { id: string }>>(query, variables, { bearer: tokens[email]! });
      consortiumId = await consortiumIdByName(t, DEMO_CONSORTIA[0]!.name);
      scenarioId = (
        await as(
          ZHANG_MIN,
          'mutation S($c: UUID!) { createScenario(input: { consortiumId: $c, name: "Fuzz line", sector: LOGISTICS, site: "Hub" }) { id } }',
          { c: consortiumId },
        )
      ).data!['createScenario']!.id;
      const dataset = await as(
        WANG_FANG,
        'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
        { input: { ...DATASET_INPUT, scenarioId, sensitivity: 'CONSORTIUM', allowedPurposes: ['RESEARCH'] } },
      );
      if (!dataset.data) throw new Error(JSON.stringify(dataset.errors));
      datasetId = dataset.data['registerDataset']!.id;
      ticketId = (
        await as(ZHANG_MIN, 'mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }', {
          input: { scenarioId, title: 'Fuzz target', description: 'A ticket to comment on.' },
        })
      ).data!['raiseTicket']!.id;
    });

    // Mostly hostile text: NUL, lone surrogates, huge, empty, odd Unicode, and ordinary words.
    const hostileText = fc.oneof(
      fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'))
        .map(([a, b]) => a + b),
      fc.integer({ min: 10_000, max: 40_000 }).map((length) => 'x'.repeat(length)),
    );
    const text = fc.oneof(
      { weight: 6, arbitrary: hostileText },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          ' ',
          '  padded  ',
          'Gripper drops polybags',
          '"; DROP TABLE ticket; --',
        ),
      },
    );
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.integer({ min: 1, max: 60 }).map((depth) => JSON.parse(nest(depth, '1', 'object')) as unknown),
      fc
        .integer({ min: 900, max: 1500 })
        .map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]))),
      text.map((value) => ({ note: value })),
      text.map((value) => ({ [value]: 1 })),
    );
    // Long lists repeat a short item (a long list of long strings only measures JSON.stringify).
    const list = <T>(item: fc.Arbitrary<T>, short: fc.Arbitrary<T>) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(short, fc.integer({ min: 990, max: 5000 }))
            .map(([one, count]) => Array.from({ length: count }, () => one)),
        },
      );
    const wrongType = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.double(),
    );
    const maybeWrong = <T>(value: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: wrongType });

    interface FuzzCase {
      email: string;
      query: string;
      variables: Record<string, unknown>;
    }
    // Built inside the test: the cases use ids created in beforeAll.
    const buildCases = (): fc.Arbitrary<FuzzCase>[] => [
      fc
        .record({
          title: maybeWrong(text),
          description: maybeWrong(text),
          labels: maybeWrong(list(text, fc.constantFrom('gripper', 'a\u0000', ''))),
        })
        .map((input) => ({
          email: ZHANG_MIN,
          query: 'mutation R($input: RaiseTicketInput!) { raiseTicket(input: $input) { id } }',
          variables: { input: { scenarioId, ...input } },
        })),
      fc
        .record({
          name: maybeWrong(text),
          robotType: maybeWrong(text),
          storageLocation: maybeWrong(text),
          metadata: json,
          allowedPurposes: maybeWrong(
            list(fc.constantFrom('RESEARCH', 'MODEL_TRAINING', 'NOT_A_PURPOSE'), fc.constant('RESEARCH')),
          ),
          hours: maybeWrong(fc.double()),
        })
        .map((input) => ({
          email: WANG_FANG,
          query: 'mutation D($input: RegisterDatasetInput!) { registerDataset(input: $input) { id } }',
          variables: { input: { ...DATASET_INPUT, scenarioId, ...input } },
        })),
      fc
        .record({
          intendedOutputs: maybeWrong(text),
          securityMeasures: maybeWrong(text),
          durationDays: maybeWrong(fc.integer({ min: -10, max: 3000 })),
          datasetIds: maybeWrong(
            list(fc.oneof(fc.constant(datasetId), fc.uuid(), text), fc.constant(datasetId)),
          ),
        })
        .map((input) => ({
          email: CHEN_JIE,
          query:
            'mutation S($input: SubmitDataAccessRequestInput!) { submitDataAccessRequest(input: $input) { id } }',
          variables: { input: { ...ACCESS_INPUT, ...input } },
        })),
      fc
        .record({ body: maybeWrong(text), ticketId: fc.oneof(fc.constant(ticketId!), fc.uuid(), text) })
        .map((input) => ({
          email: ZHANG_MIN,
          query:
            'mutation C($id: UUID!, $body: String!) { commentOnTicket(ticketId: $id, input: { body: $body }) { id } }',
          variables: { id: input.ticketId, body: input.body },
        })),
      fc
        .record({
          name: maybeWrong(text),
          site: maybeWrong(text),
          sector: maybeWrong(fc.constantFrom('LOGISTICS', 'ELDER_CARE', 'NOT_A_SECTOR')),
          targetUnits: maybeWrong(fc.integer({ min: -5, max: 2 ** 31 - 1 })),
          kpis: maybeWrong(
            list(
              fc.record({ name: maybeWrong(text), unit: maybeWrong(text), target: maybeWrong(fc.double()) }),
              fc.constant({ name: 'Picks', unit: 'per hour', target: 1 }),
            ),
          ),
        })
        .map((input) => ({
          email: ZHANG_MIN,
          query: 'mutation S($input: CreateScenarioInput!) { createScenario(input: $input) { id } }',
          variables: { input: { consortiumId, ...input } },
        })),
      fc
        .record({
          name: maybeWrong(text),
          consortiumId: fc.oneof(fc.constant(consortiumId), fc.uuid(), text),
        })
        .map((input) => ({
          email: ZHANG_MIN,
          query:
            'mutation L($c: UUID!, $name: String!) { createTicketLabel(consortiumId: $c, name: $name) { name } }',
          variables: { c: input.consortiumId, name: input.name },
        })),
      fc
        .record({
          email: maybeWrong(
            fc.oneof(
              text,
              text.map((local) => `${local}@example.com`),
            ),
          ),
          roles: maybeWrong(
            list(fc.constantFrom('ENGINEER', 'LEGAL', 'NOT_A_ROLE'), fc.constant('ENGINEER')),
          ),
        })
        .map((input) => ({
          email: LI_WEI,
          query: 'mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
          variables: { input },
        })),
      fc
        .record({
          periodStart: maybeWrong(
            fc.oneof(
              text,
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            ),
          ),
          periodEnd: maybeWrong(
            fc.oneof(
              text,
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            ),
          ),
          operatingHours: maybeWrong(fc.double()),
          interventions: maybeWrong(fc.integer()),
          robotsInService: maybeWrong(fc.integer()),
        })
        .map((input) => ({
          email: ZHANG_MIN,
          query: 'mutation K($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) { id } }',
          variables: { input: { scenarioId, ...input } },
        })),
    ];

    it(`refuses every bad input with a client code and no change (${FUZZ_RUNS} runs)`, async () => {
      let counts = await rowCounts();
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .oneof(...buildCases().map((arbitrary) => fc.constant(arbitrary)))
            .chain((arbitrary) => arbitrary),
          async (fuzz) => {
            const response = await t.app.inject({
              method: 'POST',
              url: '/graphql',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[fuzz.email]!}` },
              payload: JSON.stringify({ query: fuzz.query, variables: fuzz.variables }),
            });
            const body = response.json<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>();
            const after = await rowCounts();
            if (body.errors) {
              refused += 1;
              assertClientError(response.statusCode, response.body, true);
              expect(after).toEqual(counts);
            } else {
              expect(response.statusCode).toBe(200);
              assertSafeBody(response.body);
            }
            counts = after;
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
      expect(refused).toBeGreaterThan(FUZZ_RUNS / 2);
    }, 240_000);
  });
});
