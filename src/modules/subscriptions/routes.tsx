/**
 * Subscriptions by e-mail, double opt-in:
 *   GET/POST /subscribe             the form; POST records a pending request and mails a link
 *   GET  /subscribe/sent            "check your mail"
 *   GET  /subscribe/confirm?token=  shows a Confirm button (no state change over GET)
 *   POST /subscribe/confirm         confirms
 *   GET  /unsubscribe?token=        shows an Unsubscribe button
 *   POST /unsubscribe?token=        unsubscribes (deletes). No CSRF token: this is the RFC 8058
 *        one-click URL that mail providers POST to without cookies; the unguessable token in the URL
 *        is the whole authorization, and a cross-site forger would need it just the same.
 * Requests are rate-limited per client (keyed hash of the address, in memory) and globally.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import { ClientThrottle } from '../../platform/http/client-throttle.js';
import { confirmSubscription, findPending } from './commands/confirm.js';
import { CONFIRM_HOURS, subscribe } from './commands/subscribe.js';
import { findByUnsubscribeToken, unsubscribe } from './commands/unsubscribe.js';
import { emailHash } from './tokens.js';
import { confirmForm, subscribeForm, unsubscribeForm } from './schema.js';
import type { SubscriptionTopic } from './tables.js';
import { topicList, topicsOf } from './topics.js';
import { ConfirmPage, NoticePage, SubscribePage, UnsubscribePage, type SubscribeInput } from './views/pages.js';

const cfg = { policy: 'subscriptions.public', confidential: true } as const;

/** Limits of subscription requests (each sends a letter). */
export const SUBSCRIBE_LIMITS = { perClient: 5, global: 200, windowMs: 3600_000 };

export async function subscriptionRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const throttle = new ClientThrottle(SUBSCRIBE_LIMITS);

  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: SubscribeInput,
    errors: FieldError[],
    status = 200,
  ) =>
    sendPage(
      reply,
      <SubscribePage ctx={viewContext(request)} input={input} errors={errors} hours={CONFIRM_HOURS} />,
      status,
    );

  const notice = (request: FastifyRequest, reply: FastifyReply, title: string, text: string, status = 200) =>
    sendPage(reply, <NoticePage ctx={viewContext(request)} title={title} text={text} />, status);

  app.get('/subscribe', { config: cfg }, async (request, reply) => form(request, reply, {}, []));

  app.post('/subscribe', { config: cfg }, async (request, reply) => {
    const parsed = parseForm(subscribeForm, request.body);
    const errors = parsed.ok ? [] : [...parsed.errors];
    const topics: SubscriptionTopic[] = [];
    if (parsed.input.topic_statements === '1') topics.push('statements');
    if (parsed.input.topic_events === '1') topics.push('events');
    if (topics.length === 0 && !errors.some((e) => e.field.startsWith('topic')))
      errors.push({ field: 'topics', message: 'subscriptions.error.topics' });
    if (!parsed.ok || errors.length > 0) return form(request, reply, parsed.input, errors, 422);
    const wait = throttle.take(cipher.hmac(`client:${request.ip}`), now());
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return form(
        request,
        reply,
        parsed.input,
        [{ field: 'form', message: 'subscriptions.error.too_many', params: { seconds: wait } }],
        429,
      );
    }
    const v = parsed.value;
    const at = now();
    let result: Awaited<ReturnType<typeof subscribe>>;
    try {
      result = await db.transaction().execute((trx) =>
        subscribe({
          trx,
          cipher,
          publicUrl: config.publicUrl,
          email: v.email,
          topics,
          language: v.language,
          now: at,
        }),
      );
    } catch (err) {
      // Two requests for the same address at the same moment: the unique hash lets one through; the
      // other (rolled back whole) is told a letter is on its way, like any later duplicate.
      const raced = await db
        .selectFrom('subscription')
        .select('id')
        .where('email_hash', '=', emailHash(cipher, v.email))
        .executeTakeFirst();
      if (!raced) throw err;
      result = { kind: 'already_pending' };
    }
    if (result.kind === 'already_subscribed')
      return form(
        request,
        reply,
        parsed.input,
        [{ field: 'email', message: 'subscriptions.error.already_subscribed' }],
        422,
      );
    if (result.kind === 'already_pending')
      return form(
        request,
        reply,
        parsed.input,
        [{ field: 'email', message: 'subscriptions.error.already_pending', params: { hours: CONFIRM_HOURS } }],
        422,
      );
    return redirectTo(reply, '/subscribe/sent');
  });

  app.get('/subscribe/sent', { config: cfg }, async (request, reply) =>
    notice(request, reply, request.ctx.t('subscriptions.sent.title'), request.ctx.t('subscriptions.sent.text')),
  );

  app.get<{ Querystring: { token?: string } }>('/subscribe/confirm', { config: cfg }, async (request, reply) => {
    const t = request.ctx.t;
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const row = await findPending(db, token, now());
    if (!row) return notice(request, reply, t('subscriptions.confirm.title'), t('subscriptions.confirm.invalid'), 404);
    return sendPage(
      reply,
      <ConfirmPage
        ctx={viewContext(request)}
        token={token}
        topics={topicList(t, topicsOf(row))}
        language={t(`lang.${row.language}`)}
      />,
    );
  });

  app.post('/subscribe/confirm', { config: cfg }, async (request, reply) => {
    const t = request.ctx.t;
    const parsed = parseForm(confirmForm, request.body);
    const ok =
      parsed.ok &&
      (await db
        .transaction()
        .execute((trx) =>
          confirmSubscription({ trx, cipher, publicUrl: config.publicUrl, token: parsed.value.token, now: now() }),
        ));
    if (!ok) return notice(request, reply, t('subscriptions.confirm.title'), t('subscriptions.confirm.invalid'), 404);
    return redirectTo(reply, '/subscribe/confirmed');
  });

  app.get('/subscribe/confirmed', { config: cfg }, async (request, reply) =>
    notice(
      request,
      reply,
      request.ctx.t('subscriptions.confirmed.title'),
      request.ctx.t('subscriptions.confirmed.text'),
    ),
  );

  app.get<{ Querystring: { token?: string } }>('/unsubscribe', { config: cfg }, async (request, reply) => {
    const t = request.ctx.t;
    const row = await findByUnsubscribeToken(db, cipher, request.query.token);
    if (!row)
      return notice(request, reply, t('subscriptions.unsubscribe.title'), t('subscriptions.unsubscribe.invalid'), 404);
    return sendPage(reply, <UnsubscribePage ctx={viewContext(request)} token={request.query.token ?? ''} />);
  });

  // In a scope of its own: RFC 8058 allows the one-click body as multipart/form-data too. Only the
  // key/value pair is looked for (4 KB at most); the token in the URL is what authorizes.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => {
        done(
          null,
          /name="?List-Unsubscribe"?\r?\n\r?\nOne-Click\r?\n/.test(String(body))
            ? { 'List-Unsubscribe': 'One-Click' }
            : {},
        );
      },
    );
    scoped.post<{ Querystring: { token?: string } }>(
      '/unsubscribe',
      { config: { ...cfg, csrfExempt: true } },
      async (request, reply) => {
        const t = request.ctx.t;
        const parsed = parseForm(unsubscribeForm, request.body ?? {});
        const token = request.query.token;
        const ok =
          parsed.ok &&
          typeof token === 'string' &&
          (await db.transaction().execute((trx) =>
            unsubscribe({
              trx,
              cipher,
              token,
              oneClick: parsed.value['List-Unsubscribe'] === 'One-Click',
              now: now(),
            }),
          ));
        if (!ok)
          return notice(
            request,
            reply,
            t('subscriptions.unsubscribe.title'),
            t('subscriptions.unsubscribe.invalid'),
            404,
          );
        // Answered directly, not by a redirect: RFC 8058 one-click clients do not follow redirects.
        return notice(request, reply, t('subscriptions.unsubscribed.title'), t('subscriptions.unsubscribed.text'));
      },
    );
  });
}
