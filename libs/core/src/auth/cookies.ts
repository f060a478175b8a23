import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tetrad_session';
export const LOGIN_COOKIE = 'tetrad_login';
export const CSRF_HEADER = 'x-tetrad-csrf';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      return decodeURIComponent(part.slice(index + 1).trim());
    }
  }
  return undefined;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  path?: string;
  secure: boolean;
}

/** httpOnly, SameSite=Lax: sent on top-level navigation (the OIDC callback), never readable by scripts. */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = Array.isArray(previous) ? previous : previous ? [String(previous)] : [];
  void reply.header('set-cookie', [...list, parts.join('; ')]);
}

export function clearCookie(
  reply: FastifyReply,
  name: string,
  options: { path?: string; secure: boolean },
): void {
  setCookie(reply, name, '', { ...options, maxAgeSeconds: 0 });
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
