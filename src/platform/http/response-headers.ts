/** Security headers on every response; `no-store` on everything dynamic (SECURITY.md). */
import type { FastifyInstance } from 'fastify';
import { securityHeaders } from './security-headers.js';

export function registerResponseHeaders(app: FastifyInstance): void {
  const headers = securityHeaders(app.achyk.config.https);
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.removeHeader('x-powered-by');
    // Only content-hashed assets may be cached; every page can carry a CSRF token or private data.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (request.ctx?.locale && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-language', request.ctx.locale);
      reply.header('vary', 'Cookie, Accept-Language');
    }
    return payload;
  });
}
