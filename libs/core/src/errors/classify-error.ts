import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES, type ErrorCode } from './domain-error';
import {
  isConnectionFailure,
  PG_CHARACTER_NOT_IN_REPERTOIRE,
  PG_CHECK_VIOLATION,
  PG_DATETIME_FIELD_OVERFLOW,
  PG_FOREIGN_KEY_VIOLATION,
  PG_INVALID_DATETIME_FORMAT,
  PG_INVALID_TEXT_REPRESENTATION,
  PG_NUMERIC_VALUE_OUT_OF_RANGE,
  PG_STRING_DATA_RIGHT_TRUNCATION,
  PG_UNTRANSLATABLE_CHARACTER,
  PG_UNIQUE_VIOLATION,
  sqlState,
} from './postgres-errors';

export interface ClassifiedError {
  code: ErrorCode;
  /** Safe to show to the caller. */
  message: string;
  details: Record<string, unknown>;
  /** True when the server is at fault: logged with its stack, message hidden. */
  internal: boolean;
}

export const INTERNAL_MESSAGE =
  'Something went wrong on our side. The error was logged; quote the request id if you contact support.';
export const DATABASE_UNAVAILABLE_MESSAGE =
  'Tetrad cannot reach its database right now. Nothing was changed; try again in a moment.';
export const COMMIT_OUTCOME_UNKNOWN_MESSAGE =
  'Tetrad lost its database connection while saving, so the change may or may not have been saved. ' +
  'Retry with the same Idempotency-Key header to get the first result, or read the current state before retrying.';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
};

/** Decides what a client may learn about an error: one place, every code. */
export function classifyError(error: unknown): ClassifiedError {
  const cause = unwrap(error);
  if (cause instanceof DomainError) {
    return { code: cause.code, message: cause.message, details: cause.details, internal: false };
  }
  if (cause instanceof HttpException) return classifyHttpException(cause);
  const databaseError = classifyDatabaseError(cause);
  if (databaseError) return databaseError;
  if (cause instanceof GraphQLError) return classifyGraphQLError(cause);
  const fastifyError = classifyFastifyError(cause);
  if (fastifyError) return fastifyError;
  return { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, details: {}, internal: true };
}

/** GraphQL wraps resolver errors; the interesting one is the innermost. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) {
    current = current.originalError;
  }
  // graphql-js wraps thrown non-Error values (or Errors of another realm) as NonErrorThrown.
  const thrown = (current as { thrownValue?: unknown } | undefined)?.thrownValue;
  return thrown ?? current;
}

function classifyHttpException(error: HttpException): ClassifiedError {
  const status = error.getStatus();
  const code =
    HTTP_STATUS_CODES[status] ?? (status >= 400 && status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR');
  if (code === 'INTERNAL_SERVER_ERROR') {
    return { code, message: INTERNAL_MESSAGE, details: {}, internal: true };
  }
  return { code, message: error.message, details: {}, internal: false };
}

function classifyDatabaseError(error: unknown): ClassifiedError | undefined {
  if (isConnectionFailure(error)) {
    // Not Tetrad's bug and not the caller's: a retry is safe (the unit of work reports a lost
    // commit itself, as an UnavailableError with outcome UNKNOWN).
    return {
      code: 'UNAVAILABLE',
      message: DATABASE_UNAVAILABLE_MESSAGE,
      details: { retryable: true },
      internal: false,
    };
  }
  switch (sqlState(error)) {
    case PG_UNIQUE_VIOLATION:
      return fault('CONFLICT', 'A record with the same unique value already exists.');
    case PG_FOREIGN_KEY_VIOLATION:
      return fault('BAD_USER_INPUT', 'The input refers to a record that does not exist.');
    case PG_CHECK_VIOLATION:
    case PG_INVALID_TEXT_REPRESENTATION:
      return fault('BAD_USER_INPUT', 'The input has a value the database does not accept.');
    // A backstop: inputs are checked before they reach the database (NUL bytes, lone surrogates,
    // lengths, ranges); should a check be missing, the caller still hears it was their input.
    case PG_CHARACTER_NOT_IN_REPERTOIRE:
    case PG_UNTRANSLATABLE_CHARACTER:
      return fault(
        'BAD_USER_INPUT',
        'The input contains characters that cannot be stored (such as a NUL byte).',
      );
    case PG_STRING_DATA_RIGHT_TRUNCATION:
      return fault('BAD_USER_INPUT', 'A text in the input is longer than allowed.');
    case PG_NUMERIC_VALUE_OUT_OF_RANGE:
      return fault('BAD_USER_INPUT', 'A number in the input is outside the allowed range.');
    case PG_DATETIME_FIELD_OVERFLOW:
    case PG_INVALID_DATETIME_FORMAT:
      return fault('BAD_USER_INPUT', 'A date in the input is not valid or is out of range.');
    default:
      return undefined;
  }
}

function classifyGraphQLError(error: GraphQLError): ClassifiedError {
  const declared = error.extensions['code'];
  const code = ERROR_CODES.find((known) => known === declared) ?? 'BAD_USER_INPUT';
  // Errors raised by GraphQL itself (syntax, validation, coercion) describe the request only; the
  // limits Tetrad checks before resolvers add numbers a client can act on (cost, maxCost).
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.extensions)) {
    if (typeof value === 'number') details[key] = value;
  }
  return { code, message: error.message, details, internal: false };
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message: string;
  errors?: unknown;
}

function classifyFastifyError(error: unknown): ClassifiedError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as FastifyLikeError;
  if (typeof code !== 'string') return undefined;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return fault('BAD_USER_INPUT', 'The request body is too large. Send a smaller query or fewer variables.');
  }
  if (code === 'MER_ERR_GQL_QUERY_DEPTH' || code === 'MER_ERR_GQL_VALIDATION') {
    return fault('BAD_USER_INPUT', error.message);
  }
  if (
    (code.startsWith('FST_') || code.startsWith('MER_')) &&
    typeof statusCode === 'number' &&
    statusCode < 500
  ) {
    return fault('BAD_USER_INPUT', error.message);
  }
  return undefined;
}

function fault(code: ErrorCode, message: string): ClassifiedError {
  return { code, message, details: {}, internal: false };
}
