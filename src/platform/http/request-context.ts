/**
 * Builds `request.ctx` for every request: who is signed in (session cookie, or a bearer API token on
 * /api routes), the language, the translator and the CSRF token.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadSession, sha256 } from '../auth/sessions.js';
import { isLocale, negotiateLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { cookieOptions } from './cookies.js';
import type { CurrentUser, RequestContext } from './context.js';

const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'status', 'locale', 'totp_secret_enc'] as const;

function toCurrentUser(row: {
  id: number;
  email: string;
  display_name: string;
  role: CurrentUser['role'];
  status: CurrentUser['status'];
  locale: string | null;
  totp_secret_enc: string | null;
}): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    locale: row.locale,
    totpEnabled: row.totp_secret_enc !== null,
  };
}

export function csrfTokenFor(app: FastifyInstance, csrfCookie: string): string {
  return app.achyk.cipher.hmac(`csrf:${csrfCookie}`);
}

async function userFromApiToken(app: FastifyInstance, header: string | undefined): Promise<CurrentUser | null> {
  const m = /^Bearer\s+(achyk_[\w-]{20,100})$/.exec(header ?? '');
  if (!m) return null;
  const { db, now } = app.achyk;
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user', 'user.id', 'api_token.user_id')
    .select(['api_token.id as token_id', 'api_token.last_used_at', ...USER_COLUMNS.map((c) => `user.${c}` as const)])
    .where('api_token.token_hash', '=', sha256(m[1]!))
    .where('api_token.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.status !== 'active') return null;
  const at = now();
  if (!row.last_used_at || at.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: at.toISOString() }).where('id', '=', row.token_id).execute();
  }
  return toCurrentUser(row);
}

export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const { db, cookies, config, now } = app.achyk;
    // Decided by the matched route, not by the raw URL: "/%61pi/v1/me" reaches the same route and must
    // not be authenticated by the session cookie (API routes have no CSRF check).
    const isApi = request.routeOptions.config?.api === true || request.url.startsWith('/api/');
    let user: CurrentUser | null = null;
    let session: RequestContext['session'] = null;
    let pendingUserId: number | null = null;
    let sessionExpired = false;

    if (isApi) {
      user = await userFromApiToken(app, request.headers.authorization);
    } else {
      const loaded = await loadSession(db, request.cookies[cookies.session], now());
      if (loaded.status === 'expired') {
        sessionExpired = true;
        reply.clearCookie(cookies.session, cookieOptions(config.https));
      } else if (loaded.status === 'ok') {
        const s = loaded.session;
        session = { tokenHash: s.token_hash, stage: s.stage, createdAt: s.created_at, reauthAt: s.reauth_at };
        const row = await db
          .selectFrom('user')
          .select([...USER_COLUMNS])
          .where('id', '=', s.user_id)
          .executeTakeFirst();
        if (row && row.status !== 'disabled') {
          if (s.stage === 'full') user = toCurrentUser(row);
          else pendingUserId = row.id;
        }
      }
    }

    let csrfCookie = request.cookies[cookies.csrf];
    // Assets are publicly cacheable: a Set-Cookie on them could be stored and replayed by a shared cache.
    const isAsset = request.routeOptions.url === '/assets/:name';
    if (!isApi && !isAsset && (!csrfCookie || !/^[\w-]{43}$/.test(csrfCookie))) {
      csrfCookie = crypto.randomBytes(32).toString('base64url');
      reply.setCookie(cookies.csrf, csrfCookie, cookieOptions(config.https));
      // Make the new cookie visible to the CSRF check of this same request (it will fail anyway).
      request.cookies[cookies.csrf] = csrfCookie;
    }
    const chosen = request.cookies[cookies.lang];
    const locale = negotiateLocale(isLocale(chosen) ? chosen : user?.locale, request.headers['accept-language']);
    request.ctx = {
      user,
      session,
      pendingUserId,
      sessionExpired,
      viaApiToken: isApi && user !== null,
      locale,
      t: translator(locale),
      csrfToken: csrfCookie ? csrfTokenFor(app, csrfCookie) : '',
      path: request.url.split('?')[0] ?? '/',
    };
  });
}

export { sha256 };
