/** The holding pen: administrators attach held messages to an appeal, or discard them (kept, with who and when). */
import fs from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { notFound, type FieldError } from '../../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../../platform/http/page.js';
import { findByRecordId, formSchema, parseForm, parseRecordId } from '../../../platform/http/validation.js';
import { storedPath } from '../../../platform/files/store.js';
import { findAppeal } from '../queries.js';
import { attachMessage, prepareAttachments } from './process-message.js';
import { HoldingPenPage } from './views.js';
import { requestActor } from '../../../platform/audit/actor.js';

const attachForm = formSchema({ appeal_id: Type.String({ minLength: 1, maxLength: 12 }) });
const emptyForm = formSchema({});

export async function holdingPenRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, now } = app.achyk;

  async function page(
    request: FastifyRequest,
    extra: { errors?: FieldError[]; errorFor?: number; notice?: string | null } = {},
  ) {
    const held = await db
      .selectFrom('inbound_message')
      .selectAll()
      .where('status', '=', 'held')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return (
      <HoldingPenPage
        ctx={viewContext(request)}
        held={held}
        errors={extra.errors ?? []}
        errorFor={extra.errorFor}
        notice={extra.notice ?? null}
      />
    );
  }

  async function heldMessage(rawId: string) {
    const id = parseRecordId(rawId) ?? 0;
    const msg = id
      ? await db.selectFrom('inbound_message').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!msg) throw notFound();
    return msg;
  }

  app.get<{ Querystring: { done?: string } }>(
    '/admin/mail',
    { config: { policy: 'mail.holding_pen' } },
    async (request, reply) => {
      const done = request.query.done;
      return sendPage(
        reply,
        await page(request, {
          notice:
            done === 'attached'
              ? request.ctx.t('mail.attached')
              : done === 'discarded'
                ? request.ctx.t('mail.discarded')
                : null,
        }),
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/mail/:id/raw',
    { config: { policy: 'mail.holding_pen', confidential: true } },
    async (request, reply) => {
      const msg = await heldMessage(request.params.id);
      const p = storedPath(config.dataDir, msg.stored_name);
      if (!fs.existsSync(p)) throw notFound();
      return reply
        .header('content-disposition', `attachment; filename="message-${msg.id}.eml"`)
        .type('message/rfc822')
        .send(fs.createReadStream(p));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/mail/:id/attach',
    { config: { policy: 'mail.holding_pen' } },
    async (request, reply) => {
      const msg = await heldMessage(request.params.id);
      if (msg.status !== 'held') throw notFound();
      const form = parseForm(attachForm, request.body);
      const ref = form.ok ? form.value.appeal_id.replace(/^A-/i, '') : '';
      const appeal = await findByRecordId(ref, (id) => findAppeal(db, id));
      if (!appeal || appeal.state === 'draft')
        return sendPage(
          reply,
          await page(request, {
            errors: [{ field: 'appeal_id', message: 'mail.error.appeal_unknown' }],
            errorFor: msg.id,
          }),
          422,
        );
      if (msg.hold_reason === 'too_large')
        return sendPage(
          reply,
          await page(request, {
            errors: [{ field: 'appeal_id', message: 'mail.error.too_large_kept_head' }],
            errorFor: msg.id,
          }),
          422,
        );
      const { simpleParser } = await import('mailparser'); // Loaded on first use, not at start: the server's memory budget (docs/performance.md, RSS).
      const parsed = await simpleParser(fs.readFileSync(storedPath(config.dataDir, msg.stored_name)));
      const actor = requestActor(request);
      const at = now();
      const files = await prepareAttachments(config.dataDir, parsed);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('inbound_message')
          .set({ status: 'sorted', appeal_id: appeal.id, sorted_by: actor, sorted_at: at.toISOString() })
          .where('id', '=', msg.id)
          .execute();
        await attachMessage({ trx, parsed, files, appeal, inboundId: msg.id, actor, now: at });
        await appendAudit(trx, {
          actor,
          action: 'mail.inbound_sorted',
          objectType: 'inbound_message',
          objectId: msg.id,
          data: { appeal: appeal.id },
          at,
        });
      });
      return redirectTo(reply, '/admin/mail?done=attached');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/mail/:id/discard',
    { config: { policy: 'mail.holding_pen' } },
    async (request, reply) => {
      const msg = await heldMessage(request.params.id);
      if (msg.status !== 'held' || !parseForm(emptyForm, request.body).ok) throw notFound();
      const actor = requestActor(request);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('inbound_message')
          .set({ status: 'discarded', sorted_by: actor, sorted_at: at.toISOString() })
          .where('id', '=', msg.id)
          .execute();
        await appendAudit(trx, {
          actor,
          action: 'mail.inbound_discarded',
          objectType: 'inbound_message',
          objectId: msg.id,
          data: { reason: msg.hold_reason },
          at,
        });
      });
      return redirectTo(reply, '/admin/mail?done=discarded');
    },
  );
}
