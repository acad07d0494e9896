/** The home page and the language switch. */
import type { FastifyInstance } from 'fastify';
import { isLocale } from '../../platform/i18n/locales.js';
import { cookieOptions } from '../../platform/http/cookies.js';
import { redirectTo, safeNext, sendPage, viewContext } from '../../platform/http/page.js';
import { invalid } from '../../platform/errors.js';
import { HomePage } from './views/home.js';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  const { db, cookies, config, now } = app.achyk;

  app.get('/', { config: { policy: 'public' } }, async (request, reply) => sendPage(reply, <HomePage ctx={viewContext(request)} today={now()} />));

  // Language choice: a cookie for a year, and the profile of a signed-in user.
  app.post('/language', { config: { policy: 'public' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!isLocale(body.lang)) throw invalid([{ field: 'lang', message: 'validation.choice' }]);
    reply.setCookie(cookies.lang, body.lang, cookieOptions(config.https, 365 * 24 * 3600));
    if (request.ctx.user) await db.updateTable('user').set({ locale: body.lang }).where('id', '=', request.ctx.user.id).execute();
    return redirectTo(reply, safeNext(body.next, '/'));
  });
}
