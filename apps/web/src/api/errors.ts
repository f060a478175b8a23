import type { CombinedError } from 'urql';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** What the web app needs from a failed request, in the shape of the API's error contract. */
export interface ApiProblem {
  code: ApiErrorCode;
  /** The server's own sentence, written for the person who caused it (English). */
  message: string;
  /** Field paths without the leading `input.`, with their messages. */
  fields: Record<string, string>;
  requestId?: string;
}

const KNOWN: readonly ApiErrorCode[] = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
];

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Reads the first error of a GraphQL result (or a network failure) as an ApiProblem. */
export function toApiProblem(error: CombinedError | null | undefined): ApiProblem | undefined {
  if (!error) return undefined;
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { code: 'NETWORK', message: error.networkError.message, fields: {} };
  }
  return fromGraphQLErrors(error.graphQLErrors);
}

export function fromGraphQLErrors(errors: readonly ErrorLike[]): ApiProblem | undefined {
  const first = errors[0];
  if (!first) return undefined;
  const extensions = first.extensions ?? {};
  const code = KNOWN.includes(extensions['code'] as ApiErrorCode)
    ? (extensions['code'] as ApiErrorCode)
    : 'INTERNAL_SERVER_ERROR';
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const problems = error.extensions?.['problems'];
    if (!Array.isArray(problems)) continue;
    for (const problem of problems as { field?: unknown; message?: unknown }[]) {
      if (typeof problem.field !== 'string' || typeof problem.message !== 'string') continue;
      const field = problem.field.replace(/^input\./, '');
      fields[field] ??= problem.message;
    }
  }
  const requestId = typeof extensions['requestId'] === 'string' ? extensions['requestId'] : undefined;
  return { code, message: first.message, fields, ...(requestId ? { requestId } : {}) };
}
