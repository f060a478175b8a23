import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** One line per finished request (method, url, status, duration, request id); health probes stay quiet. */
export class RequestLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => request.url.startsWith('/health') });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const fields = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
    };
    if (error || reply.statusCode >= 500) reply.log.error({ ...fields, err: error }, 'request failed');
    else reply.log.info(fields, 'request completed');
  }
}

/** The request id goes back to the caller, so a support question can quote it. */
export function echoRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
