import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes Tetrad reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';
/** Text the database cannot store: a NUL byte, or bytes that are not valid in the encoding. */
export const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';
/** A JSON string PostgreSQL cannot turn into text (\u0000 in jsonb). */
export const PG_UNTRANSLATABLE_CHARACTER = '22P05';
/** A value longer than its column allows. */
export const PG_STRING_DATA_RIGHT_TRUNCATION = '22001';
/** A number outside its column's range. */
export const PG_NUMERIC_VALUE_OUT_OF_RANGE = '22003';
/** A date or time outside PostgreSQL's range, or not a date at all. */
export const PG_DATETIME_FIELD_OVERFLOW = '22008';
export const PG_INVALID_DATETIME_FORMAT = '22007';

const CONNECTION_SQLSTATE_PREFIXES = ['08', '57P'];
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

const RELEASED_CONNECTION_ERRORS = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
]);

interface DriverError {
  code?: string;
  constraint?: string;
}

export function sqlState(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as DriverError | undefined)?.code;
  }
  return undefined;
}

export function violatedConstraint(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as DriverError | undefined)?.constraint;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return (
    sqlState(error) === PG_UNIQUE_VIOLATION &&
    (constraint === undefined || violatedConstraint(error) === constraint)
  );
}

/** True when the database could not be reached, as opposed to refusing a statement. */
export function isConnectionFailure(error: unknown): boolean {
  // Structural checks: socket errors may come from another realm (Jest) and fail instanceof.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  // TypeORM hands back a connection the server terminated; the statements after it fail so.
  if (typeof name === 'string' && RELEASED_CONNECTION_ERRORS.has(name)) return true;
  const driverCode = sqlState(error);
  if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return true;
  if (driverCode && CONNECTION_SQLSTATE_PREFIXES.some((prefix) => driverCode.startsWith(prefix))) {
    return true;
  }
  if (driverCode && CONNECTION_ERRNOS.has(driverCode)) return true;
  // "timeout exceeded when trying to connect": no pooled connection came free in time (an
  // overloaded server): nothing was sent, so a retry is safe.
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Connection refused|not queryable|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

/**
 * Runs a read again when its connection was lost (the pool replaces the broken connection), up to
 * `attempts` times. Only for reads: a write's outcome after a lost connection is unknown.
 */
export async function readAgainOnLostConnection<T>(read: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts || !isConnectionFailure(error)) throw error;
    }
  }
}
