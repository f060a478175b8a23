import { GraphQLError, Source, type ExecutionResult } from 'graphql';
import { INTERNAL_MESSAGE } from '../errors/classify-error';
import { ERROR_CODES, InvalidInputError, NotFoundError } from '../errors/domain-error';
import { createErrorFormatter } from './error-formatter';

type FormatterContext = Parameters<ReturnType<typeof createErrorFormatter>>[1];

function fakeContext(requestId = 'req-1') {
  const log = { error: jest.fn(), info: jest.fn() };
  const context = { reply: { request: { id: requestId }, log } } as unknown as FormatterContext;
  return { context, log };
}

function format(
  execution: ExecutionResult & { statusCode?: number },
  options = { exposeInternals: false },
  context = fakeContext().context,
) {
  return createErrorFormatter(options)(execution, context);
}

/** A resolver failure as graphql-js reports it: the thrown error wrapped with its path. */
function resolverError(cause: Error, path: (string | number)[] = ['organization']): GraphQLError {
  return new GraphQLError(cause.message, { originalError: cause, path });
}

/** Mercurius reports a failed validation as one error whose originalError carries the list. */
function mercuriusValidationError(errors: unknown[], code = 'MER_ERR_GQL_VALIDATION'): GraphQLError {
  const original = Object.assign(new Error('Graphql validation error'), { code, statusCode: 400, errors });
  return new GraphQLError(original.message, { originalError: original });
}

/** Shaped like mercurius's MER_ERR_GQL_QUERY_DEPTH, which @fastify/error gives the default status 500. */
function depthError(operation: string): Error {
  return Object.assign(new Error(`\`${operation} query depth (12) exceeds the query depth limit of 10\``), {
    code: 'MER_ERR_GQL_QUERY_DEPTH',
    statusCode: 500,
  });
}

const secret = new Error('password authentication failed for user "tetrad" at 10.0.0.5');

describe('createErrorFormatter', () => {
  it.each<[string, string, GraphQLError]>([
    ['a domain error', 'NOT_FOUND', resolverError(new NotFoundError('Organization', 'abc'))],
    ['an unknown error', 'INTERNAL_SERVER_ERROR', resolverError(secret)],
    ['a GraphQL validation error', 'BAD_USER_INPUT', new GraphQLError('Cannot query field "nme".')],
    [
      'an unknown extensions code',
      'BAD_USER_INPUT',
      new GraphQLError('x', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ],
    [
      'a non-Error thrown value',
      'INTERNAL_SERVER_ERROR',
      new GraphQLError('boom', { originalError: 'boom' as unknown as Error }),
    ],
  ])('gives %s the code %s from the fixed list', (_label, code, error) => {
    const { response } = format({ data: null, errors: [error] });
    expect(response.errors).toHaveLength(1);
    expect(response.errors[0]!.extensions!['code']).toBe(code);
    expect(ERROR_CODES).toContain(response.errors[0]!.extensions!['code']);
  });

  it('keeps the message, path and locations of a refused request', () => {
    const error = new GraphQLError('Organization abc was not found.', {
      originalError: new NotFoundError('Organization', 'abc'),
      path: ['organization'],
      source: new Source('{ organization(id: "abc") { id } }'),
      positions: [2],
    });
    const { response } = format({ data: { organization: null }, errors: [error] });
    expect(response).toEqual({
      data: { organization: null },
      errors: [
        {
          message: 'Organization abc was not found.',
          locations: [{ line: 1, column: 3 }],
          path: ['organization'],
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });

  it('adds the field problems of an InvalidInputError to the extensions', () => {
    const problems = [{ field: 'input.name', message: 'name must not be empty' }];
    const { response } = format({
      data: null,
      errors: [resolverError(new InvalidInputError('Invalid input.', problems))],
    });
    expect(response.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', problems });
  });

  describe('internal errors', () => {
    it('hide the cause, give the request id and no stack', () => {
      const { context, log } = fakeContext('req-1');
      const { response } = format(
        { data: null, errors: [resolverError(secret)] },
        { exposeInternals: false },
        context,
      );
      expect(response.errors).toEqual([
        {
          message: INTERNAL_MESSAGE,
          path: ['organization'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
        },
      ]);
      const serialized = JSON.stringify(response);
      expect(serialized).not.toContain('password');
      expect(serialized).not.toContain('10.0.0.5');
      expect(serialized).not.toContain('stacktrace');
      expect(log.error).toHaveBeenCalledWith({ err: secret }, expect.any(String));
      expect(log.info).not.toHaveBeenCalled();
    });

    it('still hide the cause when there is no reply to take a request id from', () => {
      const { response } = format(
        { data: null, errors: [resolverError(secret)] },
        { exposeInternals: false },
        {},
      );
      expect(response.errors[0]).toEqual({
        message: INTERNAL_MESSAGE,
        path: ['organization'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    });

    it('show the cause message and stack trace with exposeInternals', () => {
      const { response } = format({ data: null, errors: [resolverError(secret)] }, { exposeInternals: true });
      const extensions = response.errors[0]!.extensions!;
      expect(response.errors[0]!.message).toBe(INTERNAL_MESSAGE);
      expect(extensions['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(extensions['requestId']).toBe('req-1');
      expect(extensions['exception']).toEqual({
        message: secret.message,
        stacktrace: secret.stack!.split('\n'),
      });
      expect((extensions['exception'] as { stacktrace: string[] }).stacktrace[0]).toContain(secret.message);
    });
  });

  it.each<[string, boolean]>([
    ['without exposeInternals', false],
    ['with exposeInternals', true],
  ])(
    'gives a refused request neither request id nor stack %s, and logs it as info',
    (_label, exposeInternals) => {
      const { context, log } = fakeContext();
      const { response } = format(
        { data: null, errors: [resolverError(new NotFoundError('Organization', 'abc'))] },
        { exposeInternals },
        context,
      );
      expect(response.errors[0]!.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(log.info).toHaveBeenCalledWith(
        { code: 'NOT_FOUND', message: 'Organization abc was not found.' },
        expect.any(String),
      );
      expect(log.error).not.toHaveBeenCalled();
    },
  );

  describe('mercurius validation errors', () => {
    it.each<[string, GraphQLError, string[]]>([
      [
        'GraphQL validation errors',
        mercuriusValidationError([
          new GraphQLError('Cannot query field "nme" on type "Organization".'),
          new GraphQLError('Unknown argument "frist" on field "Query.organizations".'),
        ]),
        [
          'Cannot query field "nme" on type "Organization".',
          'Unknown argument "frist" on field "Query.organizations".',
        ],
      ],
      [
        'a syntax error',
        mercuriusValidationError([new GraphQLError('Syntax Error: Expected Name, found <EOF>.')]),
        ['Syntax Error: Expected Name, found <EOF>.'],
      ],
    ])('expand %s into one BAD_USER_INPUT entry each, with status 400', (_label, error, messages) => {
      const { statusCode, response } = format({ errors: [error] });
      expect(response.data).toBeNull();
      expect(response.errors.map((formatted) => formatted.message)).toEqual(messages);
      expect(response.errors.map((formatted) => formatted.extensions!['code'])).toEqual(
        messages.map(() => 'BAD_USER_INPUT'),
      );
      expect(statusCode).toBe(400);
    });

    it('expand query depth errors, which are plain Errors, into one BAD_USER_INPUT entry each', () => {
      const { statusCode, response } = format({
        errors: [mercuriusValidationError([depthError('deep'), depthError('deeper')])],
      });
      expect(response.errors).toEqual([
        {
          message: '`deep query depth (12) exceeds the query depth limit of 10`',
          extensions: { code: 'BAD_USER_INPUT' },
        },
        {
          message: '`deeper query depth (12) exceeds the query depth limit of 10`',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
      expect(statusCode).toBeLessThan(500);
    });

    // Known bug: with a single expanded error, statusCodeFor takes the status of the inner
    // MER_ERR_GQL_QUERY_DEPTH (500), so a query that is merely too deep gets HTTP 500.
    // it.failing turns red once the bug is fixed; then make it `it`.
    it('answer a single query depth error with 400, not 500', () => {
      const { statusCode, response } = format({ errors: [mercuriusValidationError([depthError('deep')])] });
      expect(response.errors[0]!.extensions!['code']).toBe('BAD_USER_INPUT');
      expect(statusCode).toBe(400);
    });

    it('keeps the locations of each expanded error', () => {
      const inner = new GraphQLError('Cannot query field "nme".', {
        source: new Source('{\n  organization(id: "abc") {\n    nme\n  }\n}'),
        positions: [34],
      });
      const { response } = format({ errors: [mercuriusValidationError([inner])] });
      expect(response.errors).toEqual([
        {
          message: 'Cannot query field "nme".',
          locations: [{ line: 3, column: 5 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
    });
  });

  describe('status code', () => {
    it.each<[string, number, ExecutionResult & { statusCode?: number }]>([
      ['data with an internal error', 200, { data: { organization: null }, errors: [resolverError(secret)] }],
      [
        'data with a domain error',
        200,
        { data: { organization: null }, errors: [resolverError(new NotFoundError('Organization', 'abc'))] },
      ],
      [
        'data and an explicit status',
        200,
        { data: { organization: null }, errors: [resolverError(secret)], statusCode: 500 },
      ],
      ['no data and an explicit status', 415, { errors: [new GraphQLError('x')], statusCode: 415 }],
      [
        'no data and a resolver error',
        200,
        { data: null, errors: [resolverError(new NotFoundError('Organization', 'abc'))] },
      ],
      ['no data and a request error', 400, { errors: [new GraphQLError('Must provide query string.')] }],
      [
        'no data and one error with its own status',
        413,
        {
          errors: [
            resolverError(
              Object.assign(new Error('Too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
            ),
          ],
        },
      ],
    ])('%s → %i', (_label, statusCode, execution) => {
      expect(format(execution).statusCode).toBe(statusCode);
    });

    it('answers data null and no errors when there is nothing to report', () => {
      expect(format({})).toEqual({ statusCode: 200, response: { data: null, errors: [] } });
    });
  });
});
