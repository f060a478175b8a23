import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The body of every refusal made outside GraphQL execution, in the shape GraphQL clients read. */
export function graphqlErrorBody(message: string, code = 'BAD_USER_INPUT'): { errors: object[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers or URL too large,
 * malformed HTTP): answer those with a GraphQL-shaped body too. Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'The request line or headers are too large. Send the query in a POST body and keep headers short.',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive. Try again.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify(graphqlErrorBody(message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** GraphQL is served by GET (queries) and POST: any other method gets 405 and a GraphQL-shaped body. */
export function refuseOtherGraphQLMethods(fastify: FastifyInstance, path: string): void {
  fastify.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: path,
    handler: async (_request, reply) =>
      reply
        .code(405)
        .header('allow', 'GET, POST')
        .send(graphqlErrorBody('GraphQL is served over POST (or GET for queries only).')),
  });
}
