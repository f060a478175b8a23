import { parse } from 'graphql';
import {
  assertDocumentShape,
  assertDocumentText,
  assertTransport,
  assertVariables,
  DEFAULT_DOCUMENT_LIMITS,
  RefusedRequestError,
} from './document-limits';

const LIMITS = { ...DEFAULT_DOCUMENT_LIMITS, maxDocumentBytes: 2000, maxTokens: 100, maxNesting: 8 };
const LITERAL_LIMITS = { ...LIMITS, maxTokens: 10_000, maxDocumentBytes: 100_000, maxNesting: 64 };

function refusal(check: () => void): RefusedRequestError {
  try {
    check();
  } catch (error) {
    if (error instanceof RefusedRequestError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('assertDocumentText (before parsing)', () => {
  it('accepts an ordinary query', () => {
    expect(() => assertDocumentText('{ organizations(first: 5) { totalCount } }', LIMITS)).not.toThrow();
  });

  it.each([
    ['too many bytes', `{ a } #${'x'.repeat(2000)}`, 413, /bytes long and the limit is 2000/],
    ['too many tokens', `{ ${'a '.repeat(120)}}`, 400, /more than 100 tokens/],
    ['selections nested too deep', `${'{ a '.repeat(9)}${'}'.repeat(9)}`, 400, /more than 8 deep/],
    ['a list nested too deep', `{ a(b: ${'['.repeat(9)}1${']'.repeat(9)}) }`, 400, /more than 8 deep/],
  ])('refuses %s', (_name, source, status, message) => {
    const error = refusal(() => assertDocumentText(source, LIMITS));
    expect(error.statusCode).toBe(status);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('counts bytes, not characters', () => {
    expect(refusal(() => assertDocumentText(`{ a } #${'汉'.repeat(700)}`, LIMITS)).statusCode).toBe(413);
  });
});

describe('assertDocumentShape (after parsing, before validation)', () => {
  const repeat = (count: number, make: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => make(index)).join(' ');

  it('accepts ordinary documents with a few aliases, directives and fragments', () => {
    const document = parse(
      'query Q($s: Boolean!) { a: me { id } b: me { ...F @include(if: $s) } } fragment F on User { id }',
    );
    expect(() => assertDocumentShape(document, LITERAL_LIMITS)).not.toThrow();
  });

  it.each([
    ['31 aliases', `{ ${repeat(31, (i) => `a${i}: __typename`)} }`, /more than 30 aliases/],
    ['51 directives', `{ __typename ${repeat(51, () => '@include(if: true)')} }`, /more than 50 directives/],
    [
      '51 fragments',
      `{ ...F0 } ${repeat(51, (i) => `fragment F${i} on Query { __typename }`)}`,
      /51 fragments/,
    ],
    [
      'a chain of 11 fragments',
      `{ ...F0 } ${repeat(11, (i) => `fragment F${i} on Query { ${i < 10 ? `...F${i + 1}` : '__typename'} }`)}`,
      /more than 10 deep/,
    ],
    ['a NUL in a literal', '{ a(b: { c: ["x\\u0000"] }) }', /a\(b\)\.c\[0\] contains a NUL/],
    ['a list literal over the item limit', `{ a(b: [${repeat(1001, () => '1')}]) }`, /1001 items/],
    [
      'an object literal nested 21 deep',
      `{ a(b: ${'{ c: '.repeat(21)}1${' }'.repeat(21)}) }`,
      /more than 20 deep/,
    ],
    ['a NUL in a default value', 'query Q($v: String = "\\u0000") { a }', /\$v contains a NUL/],
  ])('refuses %s', (_name, source, message) => {
    expect(refusal(() => assertDocumentShape(parse(source), LITERAL_LIMITS)).message).toMatch(message);
  });

  it('refuses a JSON-encoded AST (no source location)', () => {
    const document = JSON.parse(JSON.stringify(parse('{ a }', { noLocation: true }))) as ReturnType<
      typeof parse
    >;
    expect(refusal(() => assertDocumentShape(document, LITERAL_LIMITS)).message).toMatch(
      /not valid GraphQL text/,
    );
  });

  it('leaves fragment cycles to validation without looping', () => {
    const document = parse('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(() => assertDocumentShape(document, LITERAL_LIMITS)).not.toThrow();
  });
});

describe('assertVariables', () => {
  const deep = (depth: number): unknown => {
    let value: unknown = 1;
    for (let level = 0; level < depth; level += 1) value = { a: value };
    return value;
  };

  it('accepts ordinary variables, emoji included', () => {
    expect(() =>
      assertVariables({ input: { title: 'Gripper 🤖', labels: ['a'], metadata: deep(19) } }, LIMITS),
    ).not.toThrow();
  });

  it.each([
    ['a NUL', { input: { title: 'a\u0000' } }, /\$input\.title contains a NUL/],
    ['a lone high surrogate', { input: { title: 'a\uD83D' } }, /\$input\.title contains invalid Unicode/],
    ['a lone low surrogate', { s: '\uDE00x' }, /\$s contains invalid Unicode/],
    ['a NUL in a key', { m: { 'k\u0000': 1 } }, /\$m \(a key\)/],
    ['nesting 20,000 deep', { m: deep(20_000) }, /\$m(\.a)+ nests lists or objects more than 20 deep/],
    ['1,001 items', { ids: Array.from({ length: 1001 }, () => 'x') }, /\$ids has 1001 items/],
    [
      '1,001 keys',
      { m: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i])) },
      /\$m has 1001/,
    ],
  ])('refuses %s, naming the variable path', (_name, variables, message) => {
    const error = refusal(() => assertVariables(variables, LIMITS));
    expect(error.message).toMatch(message);
    expect(error.problems[0]?.field).toMatch(/^\$/);
  });
});

describe('assertTransport', () => {
  const http = (method: string) => ({ method, webSocket: false });

  it.each([
    ['a query over GET', '{ a }', http('GET'), undefined],
    ['a mutation over POST', 'mutation { a }', http('POST'), undefined],
    ['a subscription over WebSocket', 'subscription { a }', { method: 'GET', webSocket: true }, undefined],
    ['a mutation over GET', 'mutation { a }', http('GET'), 405],
    ['a subscription over POST', 'subscription { a }', http('POST'), 400],
    ['a subscription over GET', 'subscription { a }', http('GET'), 400],
  ])('%s', (_name, source, transport, status) => {
    const check = () => assertTransport(parse(source), undefined, transport);
    if (status === undefined) expect(check).not.toThrow();
    else expect(refusal(check).statusCode).toBe(status);
  });
});
