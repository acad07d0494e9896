/**
 * Request logging that keeps secrets out (SECURITY.md "Errors and logs"): no client address, no
 * user agent, no query string (it can hold tokens or search terms), no cookies or authorization
 * headers, no bodies. What remains is enough to trace a request by its correlation id.
 */
import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string }) => ({
        type: err.name,
        code: err.code,
        message: err.message,
        stack: err.stack ?? '',
      }),
    },
    // @fastify/multipart logs its busboy options, request headers included (cookies, user agent,
    // forwarded addresses), at trace level: those headers are removed too.
    redact: {
      paths: [
        'req.headers',
        'busboyOptions.headers',
        'req.remoteAddress',
        'req.remotePort',
        'password',
        '*.password',
        'token',
        '*.token',
      ],
      remove: true,
    },
  };
}
