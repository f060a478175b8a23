/** The only codes a client ever sees in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** The input path, e.g. `input.unifiedSocialCreditCode`. */
  field: string;
  message: string;
}

/** An expected failure whose message is written for the person who caused it. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message, problems.length > 0 ? { problems } : {});
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  /** Same words whether the record is missing or out of the caller's reach. */
  constructor(subject: string, id: string) {
    super(`${subject} ${id} was not found.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/**
 * Tetrad could not do it now, through no fault of the request: a retry is safe and advised
 * (`extensions.retryable: true`). For a change, safe means "with the same Idempotency-Key" when
 * the outcome is unknown (`extensions.outcome: 'UNKNOWN'`).
 */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { retryable: true, ...details });
  }
}

/** Over the per-caller request limit: retry after `retryAfterSeconds` (HTTP 429). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly statusCode = 429;

  constructor(max: number, retryAfterSeconds: number) {
    super(
      `Too many requests: at most ${max} a minute per person or token. Try again in ${retryAfterSeconds} s.`,
      { retryable: true, retryAfterSeconds },
    );
  }
}
