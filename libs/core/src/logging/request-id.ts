import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The id of a request, in logs, in the `x-request-id` response header and in internal errors.
 * A caller-supplied x-request-id is kept when it looks sane, so ids follow a request across services.
 */
export function assignRequestId(request: IncomingMessage & { id?: unknown }): string {
  if (typeof request.id === 'string') return request.id;
  const header = request.headers['x-request-id'];
  const supplied = Array.isArray(header) ? header[0] : header;
  const id = supplied && REQUEST_ID_PATTERN.test(supplied) ? supplied : randomUUID();
  request.id = id;
  return id;
}
