import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller';

/** Implemented by the identity domain: turns a request's credentials into a caller. */
export interface CallerResolver {
  /** Null without credentials; throws UnauthenticatedError for bad or revoked ones. */
  resolve(request: FastifyRequest): Promise<Caller | null>;
}

export const CALLER_RESOLVER = Symbol('CALLER_RESOLVER');
