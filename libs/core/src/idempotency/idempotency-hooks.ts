import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../auth/caller';
import type { CallerResolver } from '../auth/caller-resolver';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../errors/classify-error';
import { IDEMPOTENCY_RETENTION_HOURS, type IdempotencyService } from './idempotency.service';
import { markIdempotentRequest } from './idempotent-requests';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Printable ASCII without spaces, as the IETF draft and payment APIs use (a UUID is typical). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

interface Pending {
  scope: string;
  key: string;
  caller: Caller;
}

const pending = new WeakMap<FastifyRequest, Pending>();

/** The caller resolved for an idempotent request (already marked), so it is not resolved twice. */
export function idempotentCallerOf(request: FastifyRequest): Caller | undefined {
  return pending.get(request)?.caller;
}

/**
 * `Idempotency-Key` on GraphQL mutations: the first request with a key runs and its answer is kept
 * for a day; a retry with the same key and the same request gets that answer again (header
 * `Idempotent-Replayed: true`) instead of repeating the change, on any instance. The same key with
 * a different request is refused; a retry while the first is still running is told to retry.
 */
export function registerIdempotency(
  fastify: FastifyInstance,
  requests: IdempotencyService,
  callers: CallerResolver,
  path = '/graphql',
): void {
  fastify.addHook('preHandler', async (request, reply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || request.method !== 'POST' || request.routeOptions.url !== path) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_PATTERN.test(key)) {
      return refuse(reply, 400, 'BAD_USER_INPUT', {
        message:
          'The Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces (a UUID, say).',
      });
    }
    const body = (request.body ?? {}) as GraphQLBody;
    if (!isMutation(body)) return; // Reads are safe to repeat as they are.
    let caller: Caller | null;
    try {
      caller = await callers.resolve(request);
    } catch {
      return; // Bad credentials: GraphQL reports them as usual.
    }
    if (!caller) return;
    const scope = caller.userId;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([body.query, body.variables ?? null, body.operationName ?? null]))
      .digest('hex');
    let decision;
    try {
      decision = await requests.begin(scope, key, fingerprint);
    } catch {
      return refuse(reply, 503, 'UNAVAILABLE', { message: DATABASE_UNAVAILABLE_MESSAGE, retryable: true });
    }
    switch (decision.kind) {
      case 'run':
        markIdempotentRequest(caller, { scope, key });
        pending.set(request, { scope, key, caller });
        return;
      case 'replay':
        return reply
          .code(decision.statusCode)
          .header('content-type', 'application/json; charset=utf-8')
          .header('idempotent-replayed', 'true')
          .send(decision.response);
      case 'in-progress':
        return refuse(reply, 409, 'CONFLICT', {
          message:
            'A request with this Idempotency-Key is still being carried out. Retry in a moment to get its answer.',
          retryable: true,
        });
      case 'reused':
        return refuse(reply, 422, 'BAD_USER_INPUT', {
          message: `This Idempotency-Key was used for a different request in the last ${IDEMPOTENCY_RETENTION_HOURS} hours. Use a new key for a new request.`,
        });
      case 'applied':
        return refuse(reply, 409, 'CONFLICT', {
          message:
            'The request with this Idempotency-Key was carried out, but its answer was lost. Read the current state instead of retrying.',
          committedAt: decision.committedAt,
        });
    }
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const entry = pending.get(request);
    if (!entry) return payload;
    pending.delete(request);
    try {
      if (typeof payload === 'string' && !isRetryable(payload)) {
        await requests.complete(entry.scope, entry.key, reply.statusCode, payload);
      } else {
        await requests.release(entry.scope, entry.key);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'the answer to an idempotent request was not kept');
    }
    return payload;
  });
}

function isMutation(body: GraphQLBody): boolean {
  if (typeof body.query !== 'string') return false;
  try {
    const operations = parse(body.query, { maxTokens: 20_000 }).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const chosen =
      typeof body.operationName === 'string'
        ? operations.find((operation) => operation.name?.value === body.operationName)
        : operations[0];
    return chosen?.operation === OperationTypeNode.MUTATION;
  } catch {
    return false; // GraphQL reports the syntax error.
  }
}

/** An answer that says "retry": keeping it would replay a failure that a retry could fix. */
function isRetryable(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as { errors?: { extensions?: { retryable?: unknown } }[] };
    return (parsed.errors ?? []).some((error) => error.extensions?.retryable === true);
  } catch {
    return true;
  }
}

function refuse(
  reply: FastifyReply,
  statusCode: number,
  code: string,
  { message, ...extensions }: { message: string } & Record<string, unknown>,
): FastifyReply {
  return reply
    .code(statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ data: null, errors: [{ message, extensions: { code, ...extensions } }] }));
}
