import type { FastifyInstance } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { DomainError } from '../errors/domain-error';
import {
  assertDocumentShape,
  assertDocumentText,
  assertVariables,
  RefusedRequestError,
} from './document-limits';
import type { DocumentLimits } from './document-limits';
import { assertQueryCost } from './query-cost';

/**
 * Subscriptions over WebSocket get the same limits and the same error shape as HTTP.
 *
 * Mercurius (16.x) runs a `subscribe` message as it arrives: it parses the document with no token
 * limit before any hook, accepts a document given as JSON instead of text, skips validation, and
 * sends errors as bare GraphQL errors (no code, and an internal error's own message). Its hooks
 * cannot change that, so this module wraps the two methods of its connection class that start a
 * subscription and send an error. The wrapper is installed once per process; each application
 * decorates its Fastify instance with its own settings, so a connection follows the settings of
 * the application that accepted it. `checkSubscription` is the whole policy and is tested alone.
 */
export interface SubscriptionGuardSettings {
  limits: DocumentLimits;
  maxCost: number;
  introspection: boolean;
  /** Subscriptions one WebSocket connection may hold at once. */
  maxSubscriptionsPerConnection: number;
}

export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

const SETTINGS = 'tetradSubscriptionGuard';

interface Connection {
  fastify: FastifyInstance & { [SETTINGS]?: SubscriptionGuardSettings; graphql: { schema: GraphQLSchema } };
  context: Record<string, unknown>;
  subscriptionContexts: Map<unknown, unknown>;
  protocolMessageTypes: { GQL_ERROR: string };
  errorFormatter: (
    execution: ExecutionResult,
    context: unknown,
  ) => { response: { errors?: readonly GraphQLFormattedError[] } };
  sendMessage(type: string, id: unknown, payload: unknown): Promise<void>;
  handleGQLStart: (this: Connection, data: { id?: unknown; payload?: unknown }) => Promise<void>;
  handleGQLComplete(id: unknown): void;
  sendError: (this: Connection, error: unknown, id: unknown) => void;
}

/** Checks one `subscribe` payload; returns the parsed document Mercurius will run. */
export function checkSubscription(
  schema: GraphQLSchema,
  payload: unknown,
  settings: SubscriptionGuardSettings,
): { document: DocumentNode; variables: Record<string, unknown> | undefined } {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new RefusedRequestError('A subscribe message needs a payload with a query.');
  }
  const { query, variables, operationName } = payload as Record<string, unknown>;
  if (typeof query !== 'string') {
    throw new RefusedRequestError('The query must be GraphQL text (a string).', 400, 'query');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new RefusedRequestError('The operation name must be a string.', 400, 'operationName');
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    throw new RefusedRequestError('Variables must be a JSON object.', 400, 'variables');
  }
  assertDocumentText(query, settings.limits);
  const document = parse(query, { maxTokens: settings.limits.maxTokens });
  assertDocumentShape(document, settings.limits);
  const rules = settings.introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const [invalid] = validate(schema, document, rules);
  if (invalid) throw invalid;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) {
    throw new RefusedRequestError(
      'Name the operation to run: the document has several.',
      400,
      'operationName',
    );
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    throw new RefusedRequestError(
      'Only subscriptions are served over WebSocket: send queries and mutations with POST to /graphql.',
    );
  }
  const given = (variables ?? undefined) as Record<string, unknown> | undefined;
  assertVariables(given, settings.limits);
  assertQueryCost(schema, document, given, settings.maxCost, operationName ?? undefined);
  return { document, variables: given };
}

let installed = false;

/** Gives this application's WebSocket subscriptions the checks above (and installs the wrapper once). */
export function guardSubscriptions(fastify: FastifyInstance, settings: SubscriptionGuardSettings): void {
  fastify.decorate(SETTINGS, settings);
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module, see above
  const connectionClass = require('mercurius/lib/subscription-connection') as { prototype: Connection };
  const prototype = connectionClass.prototype;
  const start = prototype.handleGQLStart;
  const sendError = prototype.sendError;
  if (typeof start !== 'function' || typeof sendError !== 'function') {
    throw new Error(
      'Mercurius changed its subscription connection: review libs/core/src/graphql/subscription-guard.ts',
    );
  }

  prototype.handleGQLStart = async function (this: Connection, data) {
    const guard = this.fastify[SETTINGS];
    if (!guard) return start.call(this, data);
    const { document, variables } = checkSubscription(this.fastify.graphql.schema, data.payload, guard);
    if (this.subscriptionContexts.size >= guard.maxSubscriptionsPerConnection) {
      throw new TooManySubscriptionsError(guard.maxSubscriptionsPerConnection);
    }
    const payload = { ...(data.payload as Record<string, unknown>), query: document, variables };
    try {
      return await start.call(this, { ...data, payload });
    } catch (error) {
      // Mercurius registers a subscription before running it and keeps it when running fails
      // (a missing variable, NOT_FOUND): without this, refusals would use up the connection's share.
      this.handleGQLComplete(data.id);
      throw error;
    }
  };

  prototype.sendError = function (this: Connection, error: unknown, id: unknown) {
    if (!this.fastify[SETTINGS]) return sendError.call(this, error, id);
    const graphQLError =
      error instanceof GraphQLError
        ? error
        : new GraphQLError(error instanceof Error ? error.message : String(error), {
            originalError: error instanceof Error ? error : undefined,
          });
    const { response } = this.errorFormatter({ data: null, errors: [graphQLError] }, this.context);
    void this.sendMessage(this.protocolMessageTypes.GQL_ERROR, id, response.errors ?? []);
  };
}

/** Refused when a connection already holds its share of subscriptions (each costs a listener and memory). */
export class TooManySubscriptionsError extends DomainError {
  readonly code = 'RATE_LIMITED';

  constructor(max: number) {
    super(`This connection already holds ${max} subscriptions: complete one before starting another.`, {
      maxSubscriptionsPerConnection: max,
    });
  }
}
