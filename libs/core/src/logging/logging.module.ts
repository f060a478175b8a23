import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { assignRequestId } from './request-id';

/** JSON logs through pino, one line per request with its id; secrets redacted. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigned the id (see assignRequestId); pino reuses it so logs and errors agree.
            genReqId: (request, response) => {
              const id = String(request.id ?? assignRequestId(request));
              response.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : 'info',
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
          },
        }),
      ],
    };
  }
}
