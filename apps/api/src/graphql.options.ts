import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { GqlModuleAsyncOptions } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { IdentityModule } from '@tetrad/identity';
import {
  assertQueryCost,
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
    inject: [LoaderRegistry, CALLER_RESOLVER],
    useFactory: (registry: LoaderRegistry, callers: CallerResolver): MercuriusDriverConfig => ({
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      graphiql: config.graphql.graphiql,
      queryDepth: config.graphql.maxDepth,
      validationRules: config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule],
      errorFormatter: createErrorFormatter({ exposeInternals: config.isDevelopment }),
      // Never throws: a credential error is kept and raised by the guard, as a GraphQL error.
      context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
        const base = { req, reply, loaders: registry.forRequest() };
        try {
          return { ...base, caller: await callers.resolve(req) };
        } catch (error) {
          // Kept as thrown (not re-wrapped) so that the error formatter still sees its code.
          return { ...base, caller: null, authError: error as Error };
        }
      },
      hooks: {
        preExecution: (schema, document, context, variables) => {
          // Bad credentials fail the whole request, even one that touches no guarded field.
          const { authError } = context as unknown as Partial<GraphQLContext>;
          if (authError) throw authError;
          assertQueryCost(schema, document, variables, config.graphql.maxCost);
        },
      },
      buildSchemaOptions: {
        scalarsMap: [{ type: () => Date, scalar: DateTimeScalar }],
      },
    }),
  };
}
