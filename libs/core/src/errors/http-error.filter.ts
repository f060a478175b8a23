import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from './classify-error';
import type { ErrorCode } from './domain-error';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Errors of plain HTTP routes (sign-in, health) in the same shape and words as GraphQL errors:
 * `{ message, extensions: { code } }`. GraphQL errors pass through to the Mercurius formatter.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof HttpException && !(exception.getStatus() >= 500 && !exception.getResponse())) {
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const classified = classifyError(exception);
    const request = http.getRequest<FastifyRequest>();
    if (classified.internal) this.logger.error({ err: exception, reqId: request.id }, 'request failed');
    void reply.status(STATUS[classified.code]).send({
      message: classified.message,
      extensions: { code: classified.code, ...(classified.internal ? { requestId: request.id } : {}) },
    });
  }
}
