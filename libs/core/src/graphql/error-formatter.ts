import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { classifyError } from '../errors/classify-error';
import { RefusedRequestError } from './document-limits';

interface FormatterContext {
  reply?: FastifyReply;
  /** Subscriptions over WebSocket have no reply: their errors are logged by the application. */
  app?: { log: FastifyReply['log'] };
}

interface ErrorWithList {
  errors?: unknown;
  statusCode?: unknown;
}

/**
 * Mercurius error formatter: every error leaves the server as `{ message, extensions.code }`
 * decided by classifyError. Internal details (stack, SQL, driver text) stay in the log
 * unless `exposeInternals` is set, which only development does.
 */
export function createErrorFormatter(options: { exposeInternals: boolean }) {
  return (execution: ExecutionResult & { statusCode?: number }, context: FormatterContext) => {
    // Errors Mercurius raised while parsing, validating or coercing variables: no resolver ran.
    const refusedByMercurius =
      (execution.errors ?? []).length > 0 && (execution.errors ?? []).every(isMercuriusRequestError);
    const errors = (execution.errors ?? []).flatMap(expandValidationErrors);
    const requestId = context.reply?.request.id;
    const formatted = errors.map((error) => formatError(error, context, requestId, options));
    return {
      statusCode: statusCodeFor(execution, errors, refusedByMercurius),
      response: { data: execution.data ?? null, errors: formatted },
    };
  };
}

function formatError(
  error: GraphQLError,
  context: FormatterContext,
  requestId: string | undefined,
  options: { exposeInternals: boolean },
): GraphQLFormattedError {
  const classified = classifyError(error);
  const log = context.reply?.log ?? context.app?.log;
  if (classified.internal) {
    log?.error({ err: error.originalError ?? error }, 'request failed with an internal error');
  } else {
    log?.info({ code: classified.code, message: error.message }, 'request refused');
  }
  const extensions: Record<string, unknown> = { code: classified.code, ...classified.details };
  if (classified.internal && requestId) extensions['requestId'] = requestId;
  if (options.exposeInternals && classified.internal) {
    const cause = error.originalError ?? error;
    extensions['exception'] = { message: cause.message, stacktrace: cause.stack?.split('\n') };
  }
  return {
    message: classified.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/** Mercurius reports parse/validation failures as one error carrying the real list. */
function expandValidationErrors(error: GraphQLError): GraphQLError[] {
  const outer = error.originalError as (ErrorWithList & { code?: unknown }) | undefined;
  const list = outer?.errors;
  if (!Array.isArray(list)) return [error];
  if (outer?.code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    const refusal = new RefusedRequestError(
      'Only queries may be sent with GET; send mutations with POST.',
      405,
    );
    return [new GraphQLError(refusal.message, { originalError: refusal })];
  }
  return list.map((inner: unknown) =>
    inner instanceof GraphQLError
      ? inner
      : new GraphQLError(inner instanceof Error ? inner.message : String(inner), {
          originalError: inner instanceof Error ? inner : undefined,
        }),
  );
}

function statusCodeFor(
  execution: { data?: unknown; statusCode?: number },
  errors: GraphQLError[],
  refusedByMercurius: boolean,
): number {
  if (execution.data) return 200;
  if (typeof execution.statusCode === 'number') return execution.statusCode;
  const first = errors[0]?.originalError as (ErrorWithList & { code?: unknown }) | undefined;
  if (
    errors.length === 1 &&
    typeof first?.statusCode === 'number' &&
    first.statusCode >= 400 &&
    first.statusCode < 500
  ) {
    return first.statusCode;
  }
  // Parse and validation failures (no resolver ran): the request itself is wrong.
  return errors.length > 0 && (refusedByMercurius || errors.every(isRequestError)) ? 400 : 200;
}

function isMercuriusRequestError(error: GraphQLError): boolean {
  const code = (error.originalError as { code?: unknown } | undefined)?.code;
  return code === 'MER_ERR_GQL_VALIDATION';
}

function isRequestError(error: GraphQLError): boolean {
  const cause = error.originalError as { code?: unknown } | undefined;
  return !cause || (typeof cause.code === 'string' && cause.code.startsWith('MER_ERR_GQL'));
}
