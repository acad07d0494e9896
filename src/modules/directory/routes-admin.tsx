/**
 * Directory administration: CSV upload (multipart, one file of at most 1 MB — the whole country's
 * bodies.csv is about 100 kB, so the platform limit holds) and download, and the forms to create,
 * edit, merge, deactivate and reactivate bodies and territories. Every write runs in one
 * transaction with its audit entry; refused input re-renders the page with 422.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Trx } from '../../platform/db/database.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
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
import { handleForm } from '../../platform/http/form-route.js';

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
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    throwFileSizeLimit: true,
  });

  const actor = (request: FastifyRequest) => requestActor(request);

  async function recent(): Promise<RecentChange[]> {
    return db.selectFrom('directory_change').selectAll().orderBy('id', 'desc').limit(50).execute();
  }

  app.get('/admin/directory', manage, async (request, reply) =>
    sendPage(reply, <DirectoryAdminPage ctx={viewContext(request)} recent={await recent()} />),
  );

  app.post('/admin/directory/import', manage, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    let file: DirectoryFile = 'bodies';
    let dryRun = false;
    let data: Buffer | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (part.fieldname === 'csv' && buf.length > 0) data = buf;
      } else if (part.fieldname === 'file' && (part.value === 'bodies' || part.value === 'territories'))
        file = part.value;
      else if (part.fieldname === 'dry_run') dryRun = part.value === '1';
      else if (part.fieldname === 'file')
        throw new AppError('invalid', 'error.invalid', {}, [{ field: 'file', message: 'validation.choice' }]);
    }
    const ctx = viewContext(request);
    if (!data) {
      return sendPage(
        reply,
        <DirectoryAdminPage
          ctx={ctx}
          recent={await recent()}
          formError={ctx.t('directory.admin.no_file')}
          input={{ file, dry_run: dryRun }}
        />,
        422,
      );
    }
    const csv = data;
    const report: ImportReport = await db
      .transaction()
      .execute((trx) => importDirectory({ trx, file, data: csv, actor: actor(request), now: now(), dryRun }));
    return sendPage(
      reply,
      <DirectoryAdminPage ctx={ctx} report={report} recent={await recent()} input={{ file, dry_run: dryRun }} />,
      report.problems.length ? 422 : 200,
    );
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

    async function page(
      request: FastifyRequest,
      reply: FastifyReply,
      p: {
        id: number | null;
        input?: Record<string, string>;
        errors?: FieldError[];
        lifecycleErrors?: FieldError[];
        lifecycleInput?: Record<string, string>;
      },
      status = 200,
    ) {
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

    // A refused record (field errors) rolls its transaction back and is shown with the input.
    app.post(`${base}/new`, manage, (request, reply) =>
      handleForm(request, reply, {
        schema,
        command: async ({ trx, input, now: at }) => {
          const { _csrf, ...values } = input;
          const result = await saveRecord({
            trx,
            file: kind,
            values,
            editing: null,
            actor: actor(request),
            now: at,
          }).catch((err: unknown) => {
            // Two administrators creating the same code at the same moment: the unique index decides.
            if (isUniqueViolation(err)) throw invalid([{ field: 'code', message: 'directory.admin.code_taken' }]);
            throw err;
          });
          if (!result.ok) throw invalid(result.errors);
          return result.id;
        },
        redirect: ({ result: id }) => `${base}/${id}?done=saved`,
        render: ({ input, errors, status }) => page(request, reply, { id: null, input, errors }, status),
      }),
    );

    app.get<{ Params: { id: string } }>(
      `${base}/:id`,
      { ...manage, schema: { params: IdParams } },
      async (request, reply) => page(request, reply, { id: Number(request.params.id) }),
    );

    /** The record a form changes; the code is not editable (the input keeps the stored one). */
    async function stored(id: number) {
      const found = await load(id);
      if (!found) throw notFound();
      return { id, code: found.input.code! };
    }

    app.post<{ Params: { id: string } }>(`${base}/:id`, { ...manage, schema: { params: IdParams } }, (request, reply) =>
      handleForm(request, reply, {
        load: () => stored(Number(request.params.id)),
        schema,
        command: async ({ trx, input, record, now: at }) => {
          const withCode: Record<string, string> = { ...input, code: record.code };
          const { _csrf, ...values } = withCode;
          const result = await saveRecord({
            trx,
            file: kind,
            values,
            editing: record.code,
            actor: actor(request),
            now: at,
          });
          if (!result.ok) throw invalid(result.errors);
          return result.changed;
        },
        redirect: ({ record, result: changed }) => `${base}/${record.id}?done=${changed ? 'saved' : 'unchanged'}`,
        render: ({ record, input, errors, status }) =>
          page(request, reply, { id: record.id, input: { ...input, code: record.code }, errors }, status),
      }),
    );

    /** Merge, deactivate, reactivate: a refused change rolls its transaction back and leaves nothing behind. */
    function lifecycle(
      request: FastifyRequest<{ Params: { id: string } }>,
      reply: FastifyReply,
      run: (trx: Trx, id: number, values: Record<string, string>, now: Date) => Promise<LifecycleResult>,
      schemaOf: typeof mergeForm | typeof dateForm,
      done: string,
    ) {
      return handleForm(request, reply, {
        load: () => stored(Number(request.params.id)),
        schema: schemaOf,
        command: async ({ trx, input, record, now: at }) => {
          const r = await run(trx, record.id, input, at);
          if (!r.ok) throw invalid(r.errors);
        },
        redirect: ({ record }) => `${base}/${record.id}?done=${done}`,
        render: ({ record, input, errors, status }) =>
          page(request, reply, { id: record.id, lifecycleErrors: errors, lifecycleInput: input }, status),
      });
    }

    app.post<{ Params: { id: string } }>(
      `${base}/:id/merge`,
      { ...manage, schema: { params: IdParams } },
      (request, reply) =>
        lifecycle(
          request,
          reply,
          (trx, id, v, at) =>
            (kind === 'bodies' ? mergeBody : mergeTerritory)({
              trx,
              actor: actor(request),
              now: at,
              sourceId: id,
              targetCode: v.target ?? '',
              date: v.date || undefined,
            }),
          mergeForm,
          'merged',
        ),
    );
    app.post<{ Params: { id: string } }>(
      `${base}/:id/deactivate`,
      { ...manage, schema: { params: IdParams } },
      (request, reply) =>
        lifecycle(
          request,
          reply,
          (trx, id, v, at) =>
            setActive({
              trx,
              actor: actor(request),
              now: at,
              objectType,
              id,
              active: false,
              date: v.end_date || undefined,
            }),
          dateForm,
          'deactivated',
        ),
    );
    app.post<{ Params: { id: string } }>(
      `${base}/:id/reactivate`,
      { ...manage, schema: { params: IdParams } },
      (request, reply) =>
        lifecycle(
          request,
          reply,
          (trx, id, _values, at) => setActive({ trx, actor: actor(request), now: at, objectType, id, active: true }),
          dateForm,
          'reactivated',
        ),
    );
  }
}

/** A unique constraint refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
