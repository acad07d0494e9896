/**
 * The owner's (and NGO staff's) publication workflow on /appeals/:id/publication: review the
 * automatic suggestions, add redactions and per-appeal rules, preview, publish, withdraw, and the
 * statistics consent. Read → authorize (appealFor: 404 for others) → transaction + audit → redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { can } from '../../platform/policy/policy.js';
import { appealFor } from '../appeals/access.js';
import type { Appeal } from '../appeals/queries.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { needsOcr, queueOcr } from '../appeals/ocr-job.js';
import { refreshAppeals } from '../stats/refresh.js';
import { publishAppeal, withdrawAppeal } from './commands/publish.js';
import { addChoice, addRule, reapplyRule, removeChoice } from './commands/redactions.js';
import { buildSnapshot } from './commands/snapshot.js';
import { ManagePage } from './views/manage.js';

type Body = Record<string, string | undefined>;

export async function publicationManageRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;
  const manage = { config: { policy: 'publication.manage' } };
  const actorOf = (r: FastifyRequest) => `user:${r.ctx.user!.id}`;

  async function render(request: FastifyRequest, reply: FastifyReply, a: Appeal, errors: FieldError[] = [], input: Record<string, string> = {}) {
    const [publication, snapshot, choices, rules, optOut] = await Promise.all([
      db.selectFrom('appeal_publication').select(['state', 'published_at', 'withdrawn_at']).where('appeal_id', '=', a.id).executeTakeFirst(),
      buildSnapshot(db, cipher, a),
      db.selectFrom('redaction_choice').select(['id', 'kind', 'value']).where('appeal_id', '=', a.id).orderBy('id').execute(),
      db.selectFrom('redaction_rule').select(['id', 'pattern', 'is_regex', 'replacement']).where('scope', '=', 'appeal').where('scope_id', '=', a.id).where('deleted_at', 'is', null).orderBy('id').execute(),
      db.selectFrom('stats_opt_out').select('id').where('appeal_id', '=', a.id).executeTakeFirst(),
    ]);
    return sendPage(
      reply,
      <ManagePage
        ctx={viewContext(request)}
        appealId={a.id}
        subject={a.subject}
        isDraft={a.state === 'draft'}
        publication={publication ?? null}
        snapshot={snapshot}
        choices={choices}
        rules={rules}
        canMarkSafe={can(request.ctx.user, 'publication.mark_safe', a)}
        statsIncluded={!optOut}
        errors={errors}
        input={input}
      />,
      errors.length ? 422 : 200,
    );
  }

  /** Runs a write; field errors re-render the page with 422, conflicts too (with their message). */
  async function act(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, fn: (a: Appeal) => Promise<void>, flash: 'publication.saved_flash' | 'publication.published_flash' | 'publication.withdrawn_flash') {
    const a = await appealFor(request, request.params.id, 'appeals.read');
    if (!can(request.ctx.user, 'publication.manage', a)) throw new AppError('not_found');
    const body = (request.body ?? {}) as Body;
    const input = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    try {
      await fn(a);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'invalid' || e.code === 'conflict')) {
        return render(request, reply, a, e.fields.length ? e.fields : [{ field: 'form', message: e.messageKey, params: e.params }], input);
      }
      throw e;
    }
    void flash; // no flash store yet: the page itself shows the new state
    return redirectTo(reply, `/appeals/${a.id}/publication`);
  }

  app.get<{ Params: { id: string } }>('/appeals/:id/publication', manage, async (request, reply) => {
    const a = await appealFor(request, request.params.id, 'appeals.read');
    return render(request, reply, a);
  });

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/publish', manage, async (request, reply) =>
    act(request, reply, (a) => db.transaction().execute((trx) => publishAppeal({ trx, cipher, appeal: a, actor: actorOf(request), now: now() })), 'publication.published_flash'),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/withdraw', manage, async (request, reply) =>
    act(request, reply, (a) => db.transaction().execute((trx) => withdrawAppeal({ trx, appeal: a, actor: actorOf(request), now: now() })), 'publication.withdrawn_flash'),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/choices', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const body = (request.body ?? {}) as Body;
        const kind = body.kind === 'keep' || body.kind === 'safe' || body.kind === 'safe_file' || body.kind === 'ocr_checked' ? body.kind : 'redact';
        const value = typeof body.value === 'string' ? body.value.slice(0, 500) : '';
        if (kind === 'safe_file' || kind === 'ocr_checked') {
          const file = /^[0-9]{1,9}$/.test(value) ? await db.selectFrom('appeal_file').select(['id', 'text_source']).where('id', '=', Number(value)).where('appeal_id', '=', a.id).executeTakeFirst() : undefined;
          if (!file || (kind === 'safe_file' && !can(request.ctx.user, 'publication.mark_safe', a))) throw new AppError('not_found');
          if (kind === 'ocr_checked' && file.text_source !== 'ocr') throw new AppError('conflict', 'publication.error.ocr_not_possible');
        }
        await db.transaction().execute((trx) => addChoice({ trx, cipher, appeal: a, kind, value, actor: actorOf(request), now: now() }));
      },
      'publication.saved_flash',
    ),
  );

  app.post<{ Params: { id: string; choice: string } }>('/appeals/:id/publication/choices/:choice/delete', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const choiceId = /^[0-9]{1,9}$/.test(request.params.choice) ? Number(request.params.choice) : 0;
        await db.transaction().execute((trx) => removeChoice({ trx, cipher, appeal: a, choiceId, actor: actorOf(request), now: now() }));
      },
      'publication.saved_flash',
    ),
  );

  // Recognise a scan's text again (after a failure, a time-out, or once Tesseract is installed).
  app.post<{ Params: { id: string; fileId: string } }>('/appeals/:id/publication/files/:fileId/ocr', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const file = /^[0-9]{1,9}$/.test(request.params.fileId) ? await db.selectFrom('appeal_file').select(['id', 'mime', 'text_source', 'ocr_status']).where('id', '=', Number(request.params.fileId)).where('appeal_id', '=', a.id).executeTakeFirst() : undefined;
        if (!file) throw new AppError('not_found');
        if (file.text_source === 'document' || !needsOcr(file.mime, null)) throw new AppError('conflict', 'publication.error.ocr_not_possible');
        if (file.ocr_status === 'queued') return;
        await db.transaction().execute(async (trx) => {
          await queueOcr(trx, file.id, now());
          await appendAudit(trx, { actor: actorOf(request), action: 'appeal.file_ocr_requested', objectType: 'appeal', objectId: a.id, data: { file: file.id }, at: now() });
        });
      },
      'publication.saved_flash',
    ),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/rules', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const body = (request.body ?? {}) as Body;
        await db.transaction().execute(async (trx) => {
          await addRule({ trx, scope: 'appeal', scopeId: a.id, pattern: String(body.pattern ?? '').slice(0, 1000), isRegex: body.is_regex === '1', replacement: String(body.replacement ?? '').slice(0, 100), note: '', actor: actorOf(request), now: now() });
          await reapplyRule({ trx, cipher, scope: 'appeal', scopeId: a.id, actor: actorOf(request), now: now() });
        });
      },
      'publication.saved_flash',
    ),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/consent', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const include = ((request.body ?? {}) as Body).include === '1';
        await db.transaction().execute(async (trx) => {
          if (include) await trx.deleteFrom('stats_opt_out').where('appeal_id', '=', a.id).execute();
          else if (!(await trx.selectFrom('stats_opt_out').select('id').where('appeal_id', '=', a.id).executeTakeFirst())) {
            await trx.insertInto('stats_opt_out').values({ appeal_id: a.id, created_at: now().toISOString() }).execute();
          }
          // The aggregates follow at once, in the same transaction.
          await refreshAppeals(trx, [a.id], kyrgyzDateOf(now()));
          await appendAudit(trx, { actor: actorOf(request), action: include ? 'stats.consent_given' : 'stats.consent_withdrawn', objectType: 'appeal', objectId: a.id, at: now() });
        });
      },
      'publication.saved_flash',
    ),
  );
}
