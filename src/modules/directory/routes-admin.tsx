/**
 * Directory administration: CSV upload (multipart, one file of at most 1 MB — the whole country's
 * bodies.csv is about 100 kB, so the platform limit holds) and download, and the forms to create,
 * edit, merge, deactivate and reactivate bodies and territories. Every write runs in one
 * transaction with its audit entry; refused input re-renders the page with 422.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Trx } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { exportDirectory } from './commands/export-directory.js';
import { importDirectory, type ImportReport } from './commands/import-directory.js';
import { mergeBody, mergeTerritory, setActive, type LifecycleResult } from './commands/lifecycle.js';
import { saveRecord } from './commands/save-record.js';
import type { DirectoryFile } from './csv.js';
import { changesOf, findBodyById, findTerritoryById, isBodyActive, isTerritoryValid } from './queries.js';
import { loadBodyRecords, loadTerritoryRecords, toCells } from './records.js';
import { bodyForm, dateForm, IdParams, mergeForm, territoryForm } from './schema.js';
import { DirectoryAdminPage, type RecentChange } from './views/admin.js';
import { EditPage, type EditKind } from './views/admin-edit.js';
import { requestActor } from '../../platform/audit/actor.js';

/** The platform's 1 MB body limit (app.ts) also bounds an uploaded CSV file. */
const UPLOAD_LIMIT = 1024 * 1024;

const NOTICES: Record<string, MessageKey> = {
  saved: 'directory.admin.saved',
  unchanged: 'directory.admin.nothing_changed',
  merged: 'directory.admin.merged',
  deactivated: 'directory.admin.deactivated',
  reactivated: 'directory.admin.reactivated',
};

export async function directoryAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;
  const manage = { config: { policy: 'directory.manage' } } as const;
  // Multipart only for this plugin's routes (encapsulated); limits enforced while streaming (413).
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 5, parts: 6, fieldSize: 1000 }, throwFileSizeLimit: true });

  const actor = (request: FastifyRequest) => requestActor(request);

  async function recent(): Promise<RecentChange[]> {
    return db.selectFrom('directory_change').selectAll().orderBy('id', 'desc').limit(50).execute();
  }

  app.get('/admin/directory', manage, async (request, reply) => sendPage(reply, <DirectoryAdminPage ctx={viewContext(request)} recent={await recent()} />));

  app.post('/admin/directory/import', manage, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    let file: DirectoryFile = 'bodies';
    let dryRun = false;
    let data: Buffer | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (part.fieldname === 'csv' && buf.length > 0) data = buf;
      } else if (part.fieldname === 'file' && (part.value === 'bodies' || part.value === 'territories')) file = part.value;
      else if (part.fieldname === 'dry_run') dryRun = part.value === '1';
      else if (part.fieldname === 'file') throw new AppError('invalid', 'error.invalid', {}, [{ field: 'file', message: 'validation.choice' }]);
    }
    const ctx = viewContext(request);
    if (!data) {
      return sendPage(reply, <DirectoryAdminPage ctx={ctx} recent={await recent()} formError={ctx.t('directory.admin.no_file')} input={{ file, dry_run: dryRun }} />, 422);
    }
    const csv = data;
    const report: ImportReport = await db.transaction().execute((trx) => importDirectory({ trx, file, data: csv, actor: actor(request), now: now(), dryRun }));
    return sendPage(reply, <DirectoryAdminPage ctx={ctx} report={report} recent={await recent()} input={{ file, dry_run: dryRun }} />, report.problems.length ? 422 : 200);
  });

  app.get<{ Params: { file: string } }>('/admin/directory/export/:file', manage, async (request, reply) => {
    const m = /^(territories|bodies)\.csv$/.exec(request.params.file);
    if (!m) throw notFound();
    const { csv } = await exportDirectory(db, m[1] as DirectoryFile);
    return reply
      .header('content-disposition', `attachment; filename="${m[1]}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  for (const kind of ['bodies', 'territories'] as const) {
    const base = `/admin/directory/${kind}`;
    const objectType = kind === 'bodies' ? 'body' : 'territory';
    const schema = kind === 'bodies' ? bodyForm : territoryForm;

    /** The stored record as form values, whether it is active today, or null when missing. */
    async function load(id: number): Promise<{ input: Record<string, string>; active: boolean } | null> {
      const today = kyrgyzDateOf(now());
      if (kind === 'bodies') {
        const b = await findBodyById(db, id);
        if (!b) return null;
        const stored = (await loadBodyRecords(db)).find((s) => s.id === id)!;
        return { input: toCells(stored.record), active: isBodyActive(b, today) };
      }
      const x = await findTerritoryById(db, id);
      if (!x) return null;
      const stored = (await loadTerritoryRecords(db)).find((s) => s.id === id)!;
      return { input: toCells(stored.record), active: isTerritoryValid(x, today) };
    }

    async function page(request: FastifyRequest, reply: FastifyReply, p: { id: number | null; input?: Record<string, string>; errors?: FieldError[]; lifecycleErrors?: FieldError[]; lifecycleInput?: Record<string, string> }, status = 200) {
      const stored = p.id === null ? null : await load(p.id);
      if (p.id !== null && !stored) throw notFound();
      const done = (request.query as Record<string, unknown>).done;
      const notice = typeof done === 'string' && NOTICES[done] ? request.ctx.t(NOTICES[done]!) : null;
      return sendPage(
        reply,
        <EditPage
          ctx={viewContext(request)}
          kind={kind as EditKind}
          id={p.id}
          input={p.input ?? stored?.input ?? (kind === 'bodies' ? { contact_unknown: '1' } : {})}
          errors={p.errors ?? []}
          active={stored?.active ?? true}
          history={p.id === null ? [] : await changesOf(db, objectType, p.id)}
          lifecycleErrors={p.lifecycleErrors ?? []}
          lifecycleInput={p.lifecycleInput ?? {}}
          today={kyrgyzDateOf(now())}
          notice={notice}
        />,
        status,
      );
    }

    app.get(`${base}/new`, manage, async (request, reply) => page(request, reply, { id: null }));

    app.post(`${base}/new`, manage, async (request, reply) => {
      const form = parseForm(schema, request.body);
      if (!form.ok) return page(request, reply, { id: null, input: form.input, errors: form.errors }, 422);
      const { _csrf, ...values } = form.input;
      // Two administrators creating the same code at the same moment: the unique index decides.
      const result = await db
        .transaction()
        .execute((trx) => saveRecord({ trx, file: kind, values, editing: null, actor: actor(request), now: now() }))
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) return { ok: false as const, errors: [{ field: 'code', message: 'directory.admin.code_taken' as const }] };
          throw err;
        });
      if (!result.ok) return page(request, reply, { id: null, input: form.input, errors: result.errors }, 422);
      return redirectTo(reply, `${base}/${result.id}?done=saved`);
    });

    app.get<{ Params: { id: string } }>(`${base}/:id`, { ...manage, schema: { params: IdParams } }, async (request, reply) => page(request, reply, { id: Number(request.params.id) }));

    app.post<{ Params: { id: string } }>(`${base}/:id`, { ...manage, schema: { params: IdParams } }, async (request, reply) => {
      const id = Number(request.params.id);
      const stored = await load(id);
      if (!stored) throw notFound();
      const form = parseForm(schema, request.body);
      const input: Record<string, string> = { ...form.input, code: stored.input.code! };
      if (!form.ok) return page(request, reply, { id, input, errors: form.errors }, 422);
      const { _csrf, ...values } = input;
      const result = await db.transaction().execute((trx) => saveRecord({ trx, file: kind, values, editing: stored.input.code!, actor: actor(request), now: now() }));
      if (!result.ok) return page(request, reply, { id, input, errors: result.errors }, 422);
      return redirectTo(reply, `${base}/${id}?done=${result.changed ? 'saved' : 'unchanged'}`);
    });

    async function lifecycle(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, run: (trx: Trx, id: number, values: Record<string, string>) => Promise<LifecycleResult>, schemaOf: typeof mergeForm | typeof dateForm, done: string) {
      const id = Number(request.params.id);
      if (!(await load(id))) throw notFound();
      const form = parseForm(schemaOf, request.body);
      if (!form.ok) return page(request, reply, { id, lifecycleErrors: form.errors, lifecycleInput: form.input }, 422);
      const result = await db.transaction().execute(async (trx) => {
        const r = await run(trx, id, form.input);
        // A refused change must leave nothing behind: roll the transaction back.
        if (!r.ok) throw new LifecycleRefused(r.errors);
        return r;
      }).catch((err: unknown) => {
        if (err instanceof LifecycleRefused) return { ok: false as const, errors: err.errors };
        throw err;
      });
      if (!result.ok) return page(request, reply, { id, lifecycleErrors: result.errors, lifecycleInput: form.input }, 422);
      return redirectTo(reply, `${base}/${id}?done=${done}`);
    }

    app.post<{ Params: { id: string } }>(`${base}/:id/merge`, { ...manage, schema: { params: IdParams } }, (request, reply) =>
      lifecycle(
        request,
        reply,
        (trx, id, v) => (kind === 'bodies' ? mergeBody : mergeTerritory)({ trx, actor: actor(request), now: now(), sourceId: id, targetCode: v.target ?? '', date: v.date || undefined }),
        mergeForm,
        'merged',
      ),
    );
    app.post<{ Params: { id: string } }>(`${base}/:id/deactivate`, { ...manage, schema: { params: IdParams } }, (request, reply) =>
      lifecycle(request, reply, (trx, id, v) => setActive({ trx, actor: actor(request), now: now(), objectType, id, active: false, date: v.end_date || undefined }), dateForm, 'deactivated'),
    );
    app.post<{ Params: { id: string } }>(`${base}/:id/reactivate`, { ...manage, schema: { params: IdParams } }, (request, reply) =>
      lifecycle(request, reply, (trx, id) => setActive({ trx, actor: actor(request), now: now(), objectType, id, active: true }), dateForm, 'reactivated'),
    );
  }
}

/** A unique constraint refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

class LifecycleRefused extends Error {
  constructor(readonly errors: FieldError[]) {
    super('refused');
  }
}
