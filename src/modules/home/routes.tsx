/** The home page and the language switch. */
import type { FastifyInstance } from 'fastify';
import { cookieOptions } from '../../platform/http/cookies.js';
import { redirectTo, safeNext, sendPage, viewContext } from '../../platform/http/page.js';
import { invalid } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/validation.js';
import { languageForm } from './schema.js';
import { HomePage } from './views/home.js';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  const { db, cookies, config, now } = app.achyk;

  app.get('/', { config: { policy: 'public' } }, async (request, reply) =>
    sendPage(reply, <HomePage ctx={viewContext(request)} today={now()} />),
  );

  // Language choice: a cookie for a year, and the profile of a signed-in user.
  app.post('/language', { config: { policy: 'public' } }, async (request, reply) => {
    // The form lives in the layout, so there is no page to re-render: errors go to the error page (422).
    const form = parseForm(languageForm, request.body);
    if (!form.ok) throw invalid(form.errors);
    const { lang, next } = form.value;
    reply.setCookie(cookies.lang, lang, cookieOptions(config.https, 365 * 24 * 3600));
    if (request.ctx.user)
      await db.updateTable('user').set({ locale: lang }).where('id', '=', request.ctx.user.id).execute();
    return redirectTo(reply, safeNext(next, '/'));
  });
}
