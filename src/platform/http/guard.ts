/**
 * The guard every route passes (SECURITY.md "Access control"): CSRF and Origin checks on every
 * state-changing request of the HTML site, then the route's declared policy. Denials are written to
 * the audit log (by the error handler, like refusals decided inside handlers). Routes without a
 * declared policy cannot even be registered.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors.js';
import { can, isDefinedPolicy } from '../policy/policy.js';
import { csrfTokenFor } from './request-context.js';
import { MAX_ID } from './validation.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a route that declares no policy, or one that names an unknown policy. */
export function registerRouteInventory(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const policy = (route.config as { policy?: string } | undefined)?.policy;
    const url = route.url ?? route.path;
    if (!policy) throw new Error(`route ${route.method} ${url} declares no policy (config.policy)`);
    if (!isDefinedPolicy(policy)) throw new Error(`route ${route.method} ${url} names an unknown policy "${policy}"`);
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD') continue;
      app.achyk.routes.push({ method, url, policy, api: !!(route.config as { api?: boolean }).api });
    }
  });
}

function checkCsrf(app: FastifyInstance, request: FastifyRequest): void {
  const origin = request.headers.origin;
  // With Referrer-Policy: no-referrer, browsers send "Origin: null" on our own forms; the token
  // below is what protects those. An explicit foreign origin is refused outright.
  if (origin && origin !== 'null') {
    const own = new Set([app.achyk.config.publicUrl, `${request.protocol}://${request.host}`]);
    if (!own.has(origin)) throw new AppError('csrf');
  }
  const cookie = request.cookies[app.achyk.cookies.csrf];
  const body = request.body as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const sent =
    (typeof body?._csrf === 'string' && body._csrf) ||
    (typeof query?._csrf === 'string' && query._csrf) ||
    request.headers['x-csrf-token'];
  if (!cookie || typeof sent !== 'string') throw new AppError('csrf');
  const expected = Buffer.from(csrfTokenFor(app, cookie));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw new AppError('csrf');
}

export function registerGuard(app: FastifyInstance): void {
  // preValidation: after the body is parsed (the CSRF token is in it) but before schema validation, so
  // a visitor without permission learns nothing about a route's schema (401/403, never 400 first).
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404) return;
    const config = request.routeOptions.config;
    const policy = config.policy;
    const ctx = request.ctx;
    if (!SAFE_METHODS.has(request.method) && !config.api && !config.csrfExempt) checkCsrf(app, request);

    // A staff member who must set up TOTP may only reach the enrolment pages until done.
    if (ctx.session?.stage === 'enrol' && !config.enrolment && policy !== 'public') {
      return reply.redirect('/account/totp/setup', 303);
    }
    if (policy === 'anonymous' && ctx.user) return reply.redirect('/account', 303);
    if (policy && can(ctx.user, policy)) return;
    if (!ctx.user) {
      if (!config.api && request.method === 'GET') {
        const next = encodeURIComponent(request.url);
        return reply.redirect(`/login?next=${next}${ctx.sessionExpired ? '&expired=1' : ''}`, 303);
      }
      throw new AppError(ctx.sessionExpired ? 'session_expired' : 'unauthenticated');
    }
    // Written to the audit log by the error handler, like a refusal decided inside a handler.
    throw new AppError('forbidden');
  });

  // PostgreSQL text cannot hold U+0000 (a query carrying one fails, a 500 where SQLite just finds
  // nothing), and no field has a use for it: refuse it everywhere, naming the field. Likewise a number
  // in the URL too large to be finite ("1e309") where a route schema coerces it: Ajv turns it into
  // Infinity, which passes an integer check and breaks PostgreSQL's integer columns. Registered after the access check above,
  // so it never tells a visitor without access anything either.
  app.addHook('preValidation', async (request) => {
    const api = request.routeOptions.config.api === true;
    const where = (part: string, key: string) => (api ? `${part}.${key}` : key);
    // Only routes with a schema for that part of the URL coerce its strings to numbers.
    const schema = (request.routeOptions.schema ?? {}) as { params?: unknown; querystring?: unknown };
    // A route with a params schema names the field in its own 400 instead.
    if (schema.params === undefined && namesNoRow(request.params)) throw notFound();
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const key = unusableField(value, part !== 'body' && schema[part] !== undefined);
      if (key !== null)
        throw new AppError('invalid', 'error.invalid', {}, [
          { field: where(part, key), message: 'validation.unusable_value', params: { field: where(part, key) } },
        ]);
    }
  });
}

/** Path parameters that name a row or a number (`:id`, `:uid`, `:fileId`, `:n`, `:year`, `:choice`). */
const NUMERIC_PARAM = /^(id|n|year|choice)$|[a-z]id$|Id$/;

/**
 * True when a numeric path parameter is beyond MAX_ID: no row can have that id, and PostgreSQL would
 * fail on it (a 500) where SQLite finds nothing. One rule here instead of a check in every handler.
 */
function namesNoRow(params: unknown): boolean {
  if (!params || typeof params !== 'object') return false;
  return Object.entries(params).some(
    ([name, v]) => NUMERIC_PARAM.test(name) && typeof v === 'string' && /^\d+$/.test(v) && Number(v) > MAX_ID,
  );
}

const NUMBER_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The name of the first field (key path) holding U+0000, or (in the URL) an infinite number; or null. */
function unusableField(value: unknown, inUrl: boolean, path = ''): string | null {
  if (typeof value === 'string') {
    const bad = value.includes('\u0000') || (inUrl && NUMBER_LITERAL.test(value) && !Number.isFinite(Number(value)));
    return bad ? path || 'value' : null;
  }
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return here;
    const found = unusableField(v, inUrl, here);
    if (found !== null) return found;
  }
  return null;
}
