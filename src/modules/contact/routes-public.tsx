/**
 * The public contact form: GET/POST /contact, GET /contact/sent.
 * Bots are kept out without a third-party CAPTCHA, by three signals:
 * - a honeypot field people never see; filled in, the submission is dropped;
 * - a signed timestamp (form-token.ts): missing, forged, or sent within seconds of loading, dropped;
 * - rate limits per client (keyed hash of the IP, in memory) and overall: 429 with a message.
 * A dropped submission answers exactly like a real one (303 to /contact/sent), so a bot learns
 * nothing, and nothing is stored or mailed. The organisation's address is only in the config.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { isEmail, parseForm } from '../../platform/http/validation.js';
import { ClientThrottle } from '../../platform/http/client-throttle.js';
import { receiveMessage } from './commands/receive-message.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { contactForm, HONEYPOT, MESSAGE_MAX } from './schema.js';
import { ContactPage, SentPage, type ContactInput } from './views/public.js';

const cfg = { policy: 'contact.send', confidential: true } as const;

/** Accepted messages per client and overall, per hour. */
export const CONTACT_LIMITS = { perClient: 5, global: 100, windowMs: 3600_000 };

/** Field errors in the words of this form (the generic ones say less about what to do). */
function contactErrors(errors: FieldError[], input: Record<string, string>): FieldError[] {
  return errors.map((e) => {
    if (e.field === 'message' && e.message === 'validation.required')
      return { field: 'message', message: 'contact.error.empty' };
    if (e.field === 'message' && e.message === 'validation.too_long')
      return {
        field: 'message',
        message: 'contact.error.too_long',
        params: { length: (input.message ?? '').length, max: MESSAGE_MAX },
      };
    if (e.field === 'subject' && e.message === 'validation.required')
      return { field: 'subject', message: 'contact.error.subject_empty' };
    return e;
  });
}

export async function contactPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const throttle = new ClientThrottle(CONTACT_LIMITS);

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: ContactInput,
    errors: FieldError[],
    formToken: string,
    status = 200,
  ) =>
    sendPage(
      reply,
      <ContactPage
        ctx={viewContext(request)}
        input={input}
        errors={errors}
        formToken={formToken}
        retentionDays={config.contactRetentionDays}
      />,
      status,
    );

  app.get('/contact', { config: cfg }, async (request, reply) =>
    page(request, reply, {}, [], issueFormToken(cipher, now())),
  );

  app.post('/contact', { config: cfg }, async (request, reply) => {
    const at = now();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const honeypot = body[HONEYPOT];
    const token = typeof body.form_token === 'string' ? body.form_token : undefined;
    // A filled honeypot: a bot. Answer like a success, keep nothing, send nothing.
    if (
      (typeof honeypot === 'string' && honeypot.trim() !== '') ||
      (honeypot !== undefined && typeof honeypot !== 'string')
    )
      return redirectTo(reply, '/contact/sent');
    // Field errors come before the timing check, so a person who sends an empty form at once sees
    // what is missing (and the form keeps its first token: the time spent writing still counts).
    const form = parseForm(contactForm, body);
    const errors = form.ok ? [] : contactErrors(form.errors, form.input);
    const replyTo = form.input.reply_to ?? '';
    if (replyTo !== '' && !isEmail(replyTo) && !errors.some((e) => e.field === 'reply_to'))
      errors.push({ field: 'reply_to', message: 'validation.email' });
    const check = checkFormToken(cipher, token, at);
    const keptToken =
      check === 'ok' || (check === 'bot' && token && /^\d{13}\./.test(token)) ? token! : issueFormToken(cipher, at);
    if (!form.ok || errors.length > 0) return page(request, reply, form.input, errors, keptToken, 422);
    // No token, a forged one, or a form sent within seconds of loading: a bot, answered like a success.
    if (check === 'bot') return redirectTo(reply, '/contact/sent');
    if (check === 'stale')
      return page(
        request,
        reply,
        form.input,
        [{ field: 'form', message: 'contact.error.stale' }],
        issueFormToken(cipher, at),
        422,
      );

    const wait = throttle.take(cipher.hmac(`client:${request.ip}`), at);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return page(
        request,
        reply,
        form.input,
        [{ field: 'form', message: 'contact.error.too_many', params: { minutes: Math.ceil(wait / 60) } }],
        keptToken,
        429,
      );
    }
    const v = form.value;
    await db.transaction().execute((trx) =>
      receiveMessage({
        trx,
        cipher,
        publicUrl: config.publicUrl,
        contactEmail: config.contactEmail,
        input: {
          name: v.name || null,
          replyTo: replyTo || null,
          subject: v.subject,
          message: v.message,
          language: request.ctx.locale,
        },
        now: at,
      }),
    );
    return redirectTo(reply, '/contact/sent');
  });

  app.get('/contact/sent', { config: cfg }, async (request, reply) =>
    sendPage(reply, <SentPage ctx={viewContext(request)} />),
  );
}
