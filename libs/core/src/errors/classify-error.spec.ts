import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { GraphQLError, locatedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { classifyError, DATABASE_UNAVAILABLE_MESSAGE, INTERNAL_MESSAGE } from './classify-error';
import {
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  type ErrorCode,
} from './domain-error';

const INSERT_SQL = 'INSERT INTO "organization"("id", "name") VALUES ($1, $2)';

function queryFailed(sqlState: string, driverMessage: string, constraint?: string): QueryFailedError {
  return new QueryFailedError(
    INSERT_SQL,
    ['id-1', 'secret parameter'],
    Object.assign(new Error(driverMessage), { code: sqlState, ...(constraint ? { constraint } : {}) }),
  );
}

function withCode(message: string, code: string, statusCode?: number): Error {
  return Object.assign(new Error(message), { code, ...(statusCode === undefined ? {} : { statusCode }) });
}

describe('classifyError', () => {
  describe('domain errors keep their code and message', () => {
    it.each<[string, Error, ErrorCode]>([
      ['InvalidInputError', new InvalidInputError('The name is too long.'), 'BAD_USER_INPUT'],
      ['NotFoundError', new NotFoundError('Organization', 'abc'), 'NOT_FOUND'],
      ['ConflictError', new ConflictError('That code is taken.'), 'CONFLICT'],
      ['ForbiddenError', new ForbiddenError('You may not do that.'), 'FORBIDDEN'],
      ['UnauthenticatedError', new UnauthenticatedError('Sign in first.'), 'UNAUTHENTICATED'],
    ])('%s', (_label, error, code) => {
      expect(classifyError(error)).toEqual({ code, message: error.message, details: {}, internal: false });
    });

    it('keeps the code, message and details of a subclass defined elsewhere', () => {
      class CodeTakenError extends ConflictError {
        constructor(code: string) {
          super(`An organisation with code ${code} is already registered.`, { field: 'input.code' });
        }
      }
      expect(classifyError(new CodeTakenError('91350100M000100Y43'))).toEqual({
        code: 'CONFLICT',
        message: 'An organisation with code 91350100M000100Y43 is already registered.',
        details: { field: 'input.code' },
        internal: false,
      });
    });

    it('passes the field problems of an InvalidInputError on as details', () => {
      const problems = [{ field: 'input.name', message: 'name must not be empty' }];
      expect(classifyError(new InvalidInputError('Invalid input.', problems))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Invalid input.',
        details: { problems },
        internal: false,
      });
    });

    it('says the same thing whether a record is missing or out of reach', () => {
      expect(classifyError(new NotFoundError('Organization', 'abc')).message).toBe(
        'Organization abc was not found.',
      );
    });
  });

  describe('Nest HTTP exceptions', () => {
    it.each<[number, ErrorCode, HttpException]>([
      [400, 'BAD_USER_INPUT', new BadRequestException('first must be at least 1')],
      [401, 'UNAUTHENTICATED', new UnauthorizedException('Sign in first')],
      [403, 'FORBIDDEN', new ForbiddenException('Not your consortium')],
      [404, 'NOT_FOUND', new NotFoundException('No such route')],
      [409, 'CONFLICT', new ConflictException('Already exists')],
      [413, 'BAD_USER_INPUT', new HttpException('Too large', 413)],
      [415, 'BAD_USER_INPUT', new HttpException('Send JSON', 415)],
    ])('%i → %s with its message', (_status, code, error) => {
      expect(classifyError(error)).toEqual({ code, message: error.message, details: {}, internal: false });
    });

    it.each<[number, HttpException]>([
      [500, new InternalServerErrorException('pool exhausted at db.internal:5432')],
      [502, new HttpException('upstream secret', 502)],
    ])('%i → INTERNAL_SERVER_ERROR with its message hidden', (_status, error) => {
      expect(classifyError(error)).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: INTERNAL_MESSAGE,
        details: {},
        internal: true,
      });
    });
  });

  describe('database errors', () => {
    it.each<[string, ErrorCode, string]>([
      ['23505 unique violation', 'CONFLICT', '23505'],
      ['23503 foreign key violation', 'BAD_USER_INPUT', '23503'],
      ['23514 check violation', 'BAD_USER_INPUT', '23514'],
      ['22P02 invalid text representation', 'BAD_USER_INPUT', '22P02'],
      ['22021 character not in repertoire (a NUL byte)', 'BAD_USER_INPUT', '22021'],
      ['22P05 untranslatable character (\\u0000 in jsonb)', 'BAD_USER_INPUT', '22P05'],
      ['22001 string data right truncation', 'BAD_USER_INPUT', '22001'],
      ['22003 numeric value out of range', 'BAD_USER_INPUT', '22003'],
      ['22007 invalid datetime format', 'BAD_USER_INPUT', '22007'],
      ['22008 datetime field overflow', 'BAD_USER_INPUT', '22008'],
    ])('%s → %s without SQL, parameters or constraint name', (_label, code, sqlState) => {
      const error = queryFailed(
        sqlState,
        'violates constraint "organization_uscc_key" on "organization"',
        'organization_uscc_key',
      );
      const classified = classifyError(error);
      expect(classified).toMatchObject({ code, details: {}, internal: false });
      expect(classified.message).not.toMatch(/INSERT|organization|constraint|\$1|secret parameter|violates/i);
      expect(classified.message).toMatch(/^[A-Z].*\.$/);
    });

    it('turns the duplicate key of the brief into a plain CONFLICT', () => {
      const error = new QueryFailedError(
        'INSERT ...',
        [],
        Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
          code: '23505',
          constraint: 'x',
        }),
      );
      const classified = classifyError(error);
      expect(classified.code).toBe('CONFLICT');
      expect(classified.message).toBe('A record with the same unique value already exists.');
      expect(classified.message).not.toContain('"x"');
      expect(classified.message).not.toContain('INSERT');
    });

    it.each<[string, unknown]>([
      ['ECONNREFUSED', withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')],
      ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
      ['ENOTFOUND', withCode('getaddrinfo ENOTFOUND db.internal', 'ENOTFOUND')],
      ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
      ['a connection timeout', new Error('timeout expired: connection timeout')],
      ['no pooled connection free in time', new Error('timeout exceeded when trying to connect')],
      ['a closed embedded database', new Error('PGlite is closed, not queryable')],
      ['SQLSTATE 08006 in a QueryFailedError', queryFailed('08006', 'connection failure at 10.0.0.5')],
      [
        'SQLSTATE 57P01 (admin shutdown)',
        queryFailed('57P01', 'terminating connection due to administrator command'),
      ],
      [
        'ECONNREFUSED wrapped in a GraphQLError',
        new GraphQLError('x', { originalError: withCode('refused', 'ECONNREFUSED') }),
      ],
      [
        'a socket error object thrown by a resolver',
        locatedError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, null, ['organization']),
      ],
    ])('%s → UNAVAILABLE, retryable, database unavailable', (_label, error) => {
      expect(classifyError(error)).toEqual({
        code: 'UNAVAILABLE',
        message: DATABASE_UNAVAILABLE_MESSAGE,
        details: { retryable: true },
        internal: false,
      });
    });

    it('hides an unknown SQLSTATE as an internal error', () => {
      const classified = classifyError(queryFailed('42P01', 'relation "organization" does not exist'));
      expect(classified).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: INTERNAL_MESSAGE,
        details: {},
        internal: true,
      });
    });
  });

  describe('unknown failures', () => {
    it.each<[string, unknown]>([
      ['an Error', new Error('secret stack detail')],
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'secret stack detail')")],
      ['a thrown string', 'secret stack detail'],
      ['a string thrown by a resolver', locatedError('secret stack detail', null, ['organization'])],
      ['a thrown object', { message: 'secret stack detail' }],
      ['undefined', undefined],
      ['null', null],
      ['an Error with a non-Fastify code', withCode('secret stack detail', 'ERR_SOMETHING', 400)],
      ['a Fastify error with status 500', withCode('secret stack detail', 'FST_ERR_SOMETHING', 500)],
    ])('%s → INTERNAL_SERVER_ERROR with the secret hidden', (_label, error) => {
      const classified = classifyError(error);
      expect(classified).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: INTERNAL_MESSAGE,
        details: {},
        internal: true,
      });
      expect(classified.message).not.toContain('secret');
    });
  });

  describe('GraphQL errors', () => {
    it.each<[string, GraphQLError, ErrorCode, string]>([
      [
        'a domain error one level deep',
        new GraphQLError('wrapper', { originalError: new NotFoundError('Organization', 'abc') }),
        'NOT_FOUND',
        'Organization abc was not found.',
      ],
      [
        'a domain error two levels deep',
        new GraphQLError('outer', {
          originalError: new GraphQLError('inner', {
            originalError: new ConflictError('That code is taken.'),
          }),
        }),
        'CONFLICT',
        'That code is taken.',
      ],
      [
        'an unknown error',
        new GraphQLError('secret stack detail', { originalError: new Error('secret stack detail') }),
        'INTERNAL_SERVER_ERROR',
        INTERNAL_MESSAGE,
      ],
      [
        'a unique violation',
        new GraphQLError('duplicate key', { originalError: queryFailed('23505', 'duplicate key', 'x') }),
        'CONFLICT',
        'A record with the same unique value already exists.',
      ],
    ])('unwraps %s', (_label, error, code, message) => {
      expect(classifyError(error)).toMatchObject({ code, message });
    });

    it.each<[string, ErrorCode, GraphQLError]>([
      [
        'a validation error without code',
        'BAD_USER_INPUT',
        new GraphQLError('Cannot query field "nme" on type "Organization".'),
      ],
      [
        'an unknown code',
        'BAD_USER_INPUT',
        new GraphQLError('Syntax Error: Expected Name, found "}".', {
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ],
      [
        'a known code',
        'UNAUTHENTICATED',
        new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } }),
      ],
    ])('keeps the message of %s and maps it to %s', (_label, code, error) => {
      expect(classifyError(error)).toEqual({ code, message: error.message, details: {}, internal: false });
    });
  });

  describe('Fastify and Mercurius errors', () => {
    it('FST_ERR_CTP_BODY_TOO_LARGE → BAD_USER_INPUT asking for a smaller body', () => {
      const classified = classifyError(
        withCode('Request body is too large', 'FST_ERR_CTP_BODY_TOO_LARGE', 413),
      );
      expect(classified).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'The request body is too large. Send a smaller query or fewer variables.',
        details: {},
        internal: false,
      });
    });

    it.each<[string, Error]>([
      [
        'MER_ERR_GQL_QUERY_DEPTH',
        withCode('`organizations` exceeds the maximum query depth of 10', 'MER_ERR_GQL_QUERY_DEPTH', 400),
      ],
      ['MER_ERR_GQL_VALIDATION', withCode('Graphql validation error', 'MER_ERR_GQL_VALIDATION', 400)],
      [
        'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        withCode("Unsupported Media Type: 'text/xml'", 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 415),
      ],
      ['MER_ERR_METHOD_NOT_ALLOWED', withCode('Method not allowed', 'MER_ERR_METHOD_NOT_ALLOWED', 405)],
    ])('%s → BAD_USER_INPUT with its message', (_code, error) => {
      expect(classifyError(error)).toEqual({
        code: 'BAD_USER_INPUT',
        message: error.message,
        details: {},
        internal: false,
      });
    });
  });

  it.each<[string, unknown]>([
    ['domain', new ForbiddenError('no')],
    ['http', new HttpException('teapot', 418)],
    ['database', queryFailed('23505', 'dup')],
    ['graphql', new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } })],
    ['fastify', withCode('x', 'FST_ERR_X', 400)],
    ['unknown', Symbol('x')],
  ])('always answers with a code from the fixed list (%s)', (_label, error) => {
    expect(ERROR_CODES).toContain(classifyError(error).code);
  });
});
