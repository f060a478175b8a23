import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@tetrad/core';

/** dist/apps/api/src → dist/web, where `npm run build` puts the web app. */
export const DEFAULT_WEB_DIR = join(__dirname, '..', '..', '..', 'web');

/** Paths that belong to the API: never answered with the web app's page. */
const API_PREFIXES = ['/graphql', '/auth/', '/health/'];

/**
 * Serves the built web app (apps/web → dist/web) beside the API: hashed assets cached for a year,
 * the page itself never cached, and any other GET that asks for HTML answered with the page so
 * that client-side routes (/c/…/tickets/…) survive a reload. Without a build, GET / says what the
 * server offers, as before the web app existed.
 */
export async function serveWebApp(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const dir = config.webDir ?? DEFAULT_WEB_DIR;
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/', () => ({
      service: 'Tetrad API',
      graphql: '/graphql',
      signIn: '/auth/login',
      signOut: '/auth/logout',
      health: '/health/ready',
      web: 'not built: run npm run build',
    }));
    return;
  }
  const page = readFileSync(indexFile, 'utf8');
  const csp = contentSecurityPolicy(config.publicUrl);
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // Brotli or gzip copies made at build time (scripts/compress-web.ts), chosen by Accept-Encoding.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      res.header('x-content-type-options', 'nosniff');
    },
  });
  const sendPage = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (API_PREFIXES.some((prefix) => path.startsWith(prefix)) || !wantsHtml) {
      return reply.code(404).send({ message: `${path} was not found.`, extensions: { code: 'NOT_FOUND' } });
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(page);
  };
  fastify.get('/', sendPage);
  fastify.get('/*', sendPage);
}

/** Scripts and connections from this origin only; Ant Design injects its styles at run time. */
export function contentSecurityPolicy(publicUrl: string): string {
  const origin = new URL(publicUrl);
  const ws = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
