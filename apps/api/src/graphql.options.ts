import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { GqlModuleAsyncOptions } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { IdentityModule } from '@tetrad/identity';
import {
  assertDocumentShape,
  assertDocumentText,
  assertQueryCost,
  assertTransport,
  assertVariables,
  chargeQueryCost,
  EventBus,
  idempotentCallerOf,
  readCookie,
  SESSION_COOKIE,
  CALLER_RESOLVER,
  createErrorFormatter,
  DateTimeScalar,
  LoaderRegistry,
  type AppConfig,
  type Caller,
  type CallerResolver,
  type RequestLoaders,
} from '@tetrad/core';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  loaders: RequestLoaders;
  caller: Caller | null;
  authError?: Error;
}

/**
 * GraphQL over Mercurius (Fastify): code-first schema, per-request DataLoaders in the context,
 * and the limits checked before any resolver runs (depth, cost, body size, introspection).
 */
export function graphqlOptions(config: AppConfig): GqlModuleAsyncOptions<MercuriusDriverConfig> {
  return {
    driver: MercuriusDriver,
    imports: [IdentityModule],
    inject: [LoaderRegistry, CALLER_RESOLVER, EventBus],
    useFactory: (
      registry: LoaderRegistry,
      callers: CallerResolver,
      events: EventBus,
    ): MercuriusDriverConfig => ({
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      graphiql: config.graphql.graphiql,
      queryDepth: config.graphql.maxDepth,
      // A second guard behind assertDocumentText: the parser itself stops after maxTokens.
      graphql: { parseOptions: { maxTokens: config.graphql.limits.maxTokens } },
      validationRules: config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule],
      errorFormatter: createErrorFormatter({ exposeInternals: config.isDevelopment }),
      // Never throws: a credential error is kept and raised by the guard, as a GraphQL error.
      context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
        const base = { req, reply, loaders: registry.forRequest() };
        try {
          // An idempotent mutation's caller was resolved (and marked) before the handler ran.
          return { ...base, caller: idempotentCallerOf(req) ?? (await callers.resolve(req)) };
        } catch (error) {
          // Kept as thrown (not re-wrapped) so that the error formatter still sees its code.
          return { ...base, caller: null, authError: error as Error };
        }
      },
      subscription: subscriptionOptions(config, registry, callers, events),
      hooks: {
        preParsing: (_schema, source) => assertDocumentText(source, config.graphql.limits),
        // Only for documents not yet in Mercurius' cache of validated documents.
        preValidation: (_schema, document) => assertDocumentShape(document, config.graphql.limits),
        preExecution: (schema, document, context, variables) => {
          const { authError, reply } = context as unknown as Partial<GraphQLContext>;
          if (reply) {
            assertTransport(document, operationNameOf(reply.request), {
              method: reply.request.method,
              webSocket: Boolean((reply.request as { ws?: unknown }).ws),
            });
          }
          assertVariables(variables, config.graphql.limits);
          // Bad credentials fail the whole request, even one that touches no guarded field.
          if (authError) throw authError;
          const cost = assertQueryCost(schema, document, variables, config.graphql.maxCost);
          if (reply) chargeQueryCost(reply.request, cost);
        },
      },
      buildSchemaOptions: {
        scalarsMap: [{ type: () => Date, scalar: DateTimeScalar }],
      },
    }),
  };
}

function operationNameOf(request: FastifyRequest): string | undefined {
  const params = (request.method === 'GET' ? request.query : request.body) as
    { operationName?: unknown } | undefined;
  return typeof params?.operationName === 'string' ? params.operationName : undefined;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol). The caller comes from the session
 * cookie of the upgrade request or from `authorization` in the connection_init payload; a cookie
 * from a foreign origin is refused (cross-site WebSocket hijacking).
 */
function subscriptionOptions(
  config: AppConfig,
  registry: LoaderRegistry,
  callers: CallerResolver,
  events: EventBus,
) {
  const publicOrigin = new URL(config.publicUrl).origin;
  const resolveCaller = async (headers: Record<string, string | string[] | undefined>) => {
    try {
      return { caller: await callers.resolve({ headers, method: 'GET' } as unknown as FastifyRequest) };
    } catch (error) {
      return { caller: null, authError: error as Error };
    }
  };
  return {
    emitter: events,
    verifyClient: (
      info: { origin: string; req: { headers: Record<string, string | string[] | undefined> } },
      next: (result: boolean, code?: number, message?: string) => void,
    ) => {
      const hasCookie = Boolean(
        readCookie({ headers: info.req.headers } as unknown as FastifyRequest, SESSION_COOKIE),
      );
      if (hasCookie && info.origin && info.origin !== publicOrigin) return next(false, 403, 'Foreign origin');
      next(true);
    },
    context: async (_socket: unknown, request: FastifyRequest) => ({
      loaders: registry.forRequest(),
      ...(await resolveCaller(request.headers)),
    }),
    onConnect: async ({ payload }: { payload?: { authorization?: unknown } }) => {
      const authorization = payload?.authorization;
      if (typeof authorization !== 'string') return true;
      const resolved = await resolveCaller({ authorization });
      return resolved.caller ? resolved : false;
    },
  };
}
