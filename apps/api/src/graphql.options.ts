import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { GqlModuleAsyncOptions } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import {
  assertQueryCost,
  createErrorFormatter,
  DateTimeScalar,
  LoaderRegistry,
  type AppConfig,
  type RequestLoaders,
} from '@tetrad/core';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  loaders: RequestLoaders;
}

/**
 * GraphQL over Mercurius (Fastify): code-first schema, per-request DataLoaders in the context,
 * and the limits checked before any resolver runs (depth, cost, body size, introspection).
 */
export function graphqlOptions(config: AppConfig): GqlModuleAsyncOptions<MercuriusDriverConfig> {
  return {
    driver: MercuriusDriver,
    inject: [LoaderRegistry],
    useFactory: (registry: LoaderRegistry): MercuriusDriverConfig => ({
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      graphiql: config.graphql.graphiql,
      queryDepth: config.graphql.maxDepth,
      validationRules: config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule],
      errorFormatter: createErrorFormatter({ exposeInternals: config.isDevelopment }),
      context: (req: FastifyRequest, reply: FastifyReply): GraphQLContext => ({
        req,
        reply,
        loaders: registry.forRequest(),
      }),
      hooks: {
        preExecution: (schema, document, _context, variables) => {
          assertQueryCost(schema, document, variables, config.graphql.maxCost);
        },
      },
      buildSchemaOptions: {
        scalarsMap: [{ type: () => Date, scalar: DateTimeScalar }],
      },
    }),
  };
}
