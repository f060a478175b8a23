import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * The one pino logger: Fastify logs requests through it (each line carries the request id)
 * and Nest's own messages reach it through nestjs-pino. JSON lines on stdout.
 */
export function createRootLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'tetrad-api' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}
