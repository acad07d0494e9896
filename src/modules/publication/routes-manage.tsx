/**
 * The owner's (and NGO staff's) publication workflow on /appeals/:id/publication: review the
 * automatic suggestions, add redactions and per-appeal rules, preview, publish, withdraw; other
 * modules add sections at the end of the page (the statistics consent, through `managePageSections`).
 * Read → authorize (appealFor: 404 for others) → transaction + audit → redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/audit/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { findByRecordId, parseRecordId } from '../../platform/http/validation.js';
import { extensionsOf } from '../../platform/manifest/extensions.js';
import { can } from '../../platform/policy/policy.js';
import { appealFor, needsOcr, queueOcr, type Appeal } from '../appeals/index.js';
import { publishAppeal, withdrawAppeal } from './commands/publish.js';
import { addChoice, addRule, reapplyRule, removeChoice } from './commands/redactions.js';
import { buildSnapshot } from './commands/snapshot.js';
import { managePageSections } from './extensions.js';
import { ManagePage } from './views/manage.js';

type Body = Record<string, string | undefined>;

export async function publicationManageRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;
  const manage = { config: { policy: 'publication.manage' } } as const;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    a: Appeal,
    errors: FieldError[] = [],
    input: Record<string, string> = {},
  ) {
    const ctx = viewContext(request);
    const [publication, snapshot, choices, rules, sections] = await Promise.all([
      db
        .selectFrom('appeal_publication')
        .select(['state', 'published_at', 'withdrawn_at'])
        .where('appeal_id', '=', a.id)
        .executeTakeFirst(),
      buildSnapshot(db, cipher, a),
      db
        .selectFrom('redaction_choice')
        .select(['id', 'kind', 'value'])
        .where('appeal_id', '=', a.id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('redaction_rule')
        .select(['id', 'pattern', 'is_regex', 'replacement'])
        .where('scope', '=', 'appeal')
        .where('scope_id', '=', a.id)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
      Promise.all(extensionsOf(managePageSections).map((section) => section.render({ db, ctx, appeal: a }))),
    ]);
    return sendPage(
      reply,
      <ManagePage
        ctx={ctx}
        appealId={a.id}
        subject={a.subject}
        isDraft={a.state === 'draft'}
        publication={publication ?? null}
        snapshot={snapshot}
        choices={choices}
        rules={rules}
        canMarkSafe={can(request.ctx.user, 'publication.mark_safe', a)}
        sections={sections}
        errors={errors}
        input={input}
      />,
      errors.length ? 422 : 200,
    );
  }

  /** Runs a write; field errors re-render the page with 422, conflicts too (with their message). */
  async function act(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    fn: (a: Appeal) => Promise<void>,
    flash: 'publication.saved_flash' | 'publication.published_flash' | 'publication.withdrawn_flash',
  ) {
    const a = await appealFor(request, request.params.id, 'appeals.read');
    if (!can(request.ctx.user, 'publication.manage', a)) throw new AppError('not_found');
    const body = (request.body ?? {}) as Body;
    const input = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    try {
      await fn(a);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'invalid' || e.code === 'conflict')) {
        return render(
          request,
          reply,
          a,
          e.fields.length ? e.fields : [{ field: 'form', message: e.messageKey, params: e.params }],
          input,
        );
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
    act(
      request,
      reply,
      (a) =>
        db
          .transaction()
          .execute((trx) => publishAppeal({ trx, cipher, appeal: a, actor: requestActor(request), now: now() })),
      'publication.published_flash',
    ),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/withdraw', manage, async (request, reply) =>
    act(
      request,
      reply,
      (a) =>
        db.transaction().execute((trx) => withdrawAppeal({ trx, appeal: a, actor: requestActor(request), now: now() })),
      'publication.withdrawn_flash',
    ),
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/publication/choices', manage, async (request, reply) =>
    act(
      request,
      reply,
      async (a) => {
        const body = (request.body ?? {}) as Body;
        const kind =
          body.kind === 'keep' || body.kind === 'safe' || body.kind === 'safe_file' || body.kind === 'ocr_checked'
            ? body.kind
            : 'redact';
        const value = typeof body.value === 'string' ? body.value.slice(0, 500) : '';
        if (kind === 'safe_file' || kind === 'ocr_checked') {
          const file = await findByRecordId(value, (fileId) =>
            db
              .selectFrom('appeal_file')
              .select(['id', 'text_source'])
              .where('id', '=', fileId)
              .where('appeal_id', '=', a.id)
              .executeTakeFirst(),
          );
          if (!file || (kind === 'safe_file' && !can(request.ctx.user, 'publication.mark_safe', a)))
            throw new AppError('not_found');
          if (kind === 'ocr_checked' && file.text_source !== 'ocr')
            throw new AppError('conflict', 'publication.error.ocr_not_possible');
        }
        await db
          .transaction()
          .execute((trx) =>
            addChoice({ trx, cipher, appeal: a, kind, value, actor: requestActor(request), now: now() }),
          );
      },
      'publication.saved_flash',
    ),
  );

  app.post<{ Params: { id: string; choice: string } }>(
    '/appeals/:id/publication/choices/:choice/delete',
    manage,
    async (request, reply) =>
      act(
        request,
        reply,
        async (a) => {
          const choiceId = parseRecordId(request.params.choice) ?? 0;
          await db
            .transaction()
            .execute((trx) =>
              removeChoice({ trx, cipher, appeal: a, choiceId, actor: requestActor(request), now: now() }),
            );
        },
        'publication.saved_flash',
      ),
  );

  // Recognise a scan's text again (after a failure, a time-out, or once Tesseract is installed).
  app.post<{ Params: { id: string; fileId: string } }>(
    '/appeals/:id/publication/files/:fileId/ocr',
    manage,
    async (request, reply) =>
      act(
        request,
        reply,
        async (a) => {
          const file = await findByRecordId(request.params.fileId, (fileId) =>
            db
              .selectFrom('appeal_file')
              .select(['id', 'mime', 'text_source', 'ocr_status'])
              .where('id', '=', fileId)
              .where('appeal_id', '=', a.id)
              .executeTakeFirst(),
          );
          if (!file) throw new AppError('not_found');
          if (file.text_source === 'document' || !needsOcr(file.mime, null))
            throw new AppError('conflict', 'publication.error.ocr_not_possible');
          if (file.ocr_status === 'queued') return;
          await db.transaction().execute(async (trx) => {
            await queueOcr(trx, file.id, now());
            await appendAudit(trx, {
              actor: requestActor(request),
              action: 'appeal.file_ocr_requested',
              objectType: 'appeal',
              objectId: a.id,
              data: { file: file.id },
              at: now(),
            });
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
          await addRule({
            trx,
            scope: 'appeal',
            scopeId: a.id,
            pattern: String(body.pattern ?? '').slice(0, 1000),
            isRegex: body.is_regex === '1',
            replacement: String(body.replacement ?? '').slice(0, 100),
            note: '',
            actor: requestActor(request),
            now: now(),
          });
          await reapplyRule({ trx, cipher, scope: 'appeal', scopeId: a.id, actor: requestActor(request), now: now() });
        });
      },
      'publication.saved_flash',
    ),
  );
}
