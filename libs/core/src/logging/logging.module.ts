import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/** Routes Nest's logger and injectable PinoLoggers to the root pino logger. */
@Module({})
export class LoggingModule {
  static forRoot(root: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Fastify logs each request (see registerRequestLogging); pino-http only lends its logger.
          pinoHttp: { logger: root, autoLogging: false, quietReqLogger: true },
        }),
      ],
    };
  }
}
