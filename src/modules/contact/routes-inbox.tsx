/**
 * The staff inbox of contact-form messages (coordinators and administrators): the list, a message
 * (each opening is an audited read), mark handled, delete (after re-entering the password, as
 * SECURITY.md asks for deletions).
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { AppError, notFound } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { reauthUrl, recentlyAuthenticated } from '../../platform/http/reauth.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { deleteMessage, markHandled } from './commands/inbox-actions.js';
import { CTX } from './encrypted-columns.js';
import { findMessage, listMessages } from './queries.js';
import { emptyForm } from './schema.js';
import { InboxPage, MessagePage } from './views/inbox.js';
import { requestActor } from '../../platform/audit/actor.js';

const cfg = { policy: 'contact.inbox', confidential: true } as const;

const idOf = (raw: string): number => {
  if (parseRecordId(raw) === null) throw notFound();
  return Number(raw);
};

export async function contactInboxRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;

  app.get<{ Querystring: { done?: string } }>('/contact/inbox', { config: cfg }, async (request, reply) => {
    const t = request.ctx.t;
    const rows = (await listMessages(db)).map((r) => ({
      id: r.id,
      subject: cipher.decrypt(r.subject_enc, CTX.subject),
      status: r.status,
      createdAt: r.created_at,
    }));
    const done = request.query.done;
    const flash =
      done === 'handled'
        ? t('contact.inbox.handled_flash')
        : done === 'deleted'
          ? t('contact.inbox.deleted_flash')
          : null;
    return sendPage(
      reply,
      <InboxPage ctx={viewContext(request, flash)} rows={rows} retentionDays={config.contactRetentionDays} />,
    );
  });

  app.get<{ Params: { id: string } }>('/contact/inbox/:id', { config: cfg }, async (request, reply) => {
    const row = await findMessage(db, idOf(request.params.id));
    if (!row) throw notFound();
    await recordAudit(db, {
      actor: requestActor(request),
      action: 'contact.read',
      objectType: 'contact_message',
      objectId: row.id,
      at: now(),
    });
    const t = request.ctx.t;
    const m = {
      id: row.id,
      name: cipher.decryptNullable(row.name_enc, CTX.name),
      replyTo: cipher.decryptNullable(row.reply_to_enc, CTX.replyTo),
      subject: cipher.decrypt(row.subject_enc, CTX.subject),
      message: cipher.decrypt(row.body_enc, CTX.body),
      language: t(`lang.${row.language}`),
      status: row.status,
      createdAt: row.created_at,
      handledAt: row.handled_at,
    };
    return sendPage(reply, <MessagePage ctx={viewContext(request)} message={m} />);
  });

  app.post<{ Params: { id: string } }>('/contact/inbox/:id/handled', { config: cfg }, async (request, reply) => {
    const id = idOf(request.params.id);
    // Name the unknown field (a bare 'invalid' gives a 422 page that names nothing).
    const empty = parseForm(emptyForm, request.body);
    if (!empty.ok) throw new AppError('invalid', 'error.invalid', {}, empty.errors);
    const ok = await db
      .transaction()
      .execute((trx) => markHandled({ trx, id, userId: request.ctx.user!.id, now: now() }));
    if (!ok) throw notFound();
    return redirectTo(reply, '/contact/inbox?done=handled');
  });

  app.post<{ Params: { id: string } }>('/contact/inbox/:id/delete', { config: cfg }, async (request, reply) => {
    const id = idOf(request.params.id);
    // Name the unknown field (a bare 'invalid' gives a 422 page that names nothing).
    const empty = parseForm(emptyForm, request.body);
    if (!empty.ok) throw new AppError('invalid', 'error.invalid', {}, empty.errors);
    if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl(`/contact/inbox/${id}`));
    const ok = await db
      .transaction()
      .execute((trx) => deleteMessage({ trx, id, actor: requestActor(request), now: now() }));
    if (!ok) throw notFound();
    return redirectTo(reply, '/contact/inbox?done=deleted');
  });
}
