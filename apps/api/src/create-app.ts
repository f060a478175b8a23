import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import {
  answerClientError,
  assignRequestId,
  CALLER_RESOLVER,
  createRootLogger,
  createValidationPipe,
  echoRequestId,
  guardSubscriptions,
  IdempotencyService,
  refuseOtherGraphQLMethods,
  registerIdempotency,
  registerRateLimit,
  RequestLogController,
  type AppConfig,
} from '@tetrad/core';
import { AppModule } from './app.module';
import { serveWebApp } from './web-app';

/** Builds the Nest application exactly as production runs it; tests use it too. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
    bodyLimit: config.bodyLimitBytes,
    genReqId: assignRequestId,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Refusals of Node's HTTP parser (431 headers or URL too large, 400) in GraphQL's shape.
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    // Boot logs wait for pino; a failed boot is reported by the caller in one line, not a stack.
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useGlobalPipes(createValidationPipe());
  echoRequestId(app.getHttpAdapter().getInstance());
  guardSubscriptions(app.getHttpAdapter().getInstance(), {
    limits: config.graphql.limits,
    maxCost: config.graphql.maxCost,
    introspection: config.graphql.introspection,
    maxSubscriptionsPerConnection: config.graphql.maxSubscriptionsPerConnection,
  });
  await registerRateLimit(app.getHttpAdapter().getInstance(), config);
  refuseOtherGraphQLMethods(app.getHttpAdapter().getInstance(), '/graphql');
  registerIdempotency(
    app.getHttpAdapter().getInstance(),
    app.get(IdempotencyService),
    app.get(CALLER_RESOLVER),
  );
  await serveWebApp(app.getHttpAdapter().getInstance(), config);
  return app;
}
