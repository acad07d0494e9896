/**
 * Coordinators' statement routes: list, create, edit (a correction once public), preview, publish or
 * schedule. Routes stay thin: read → authorize (policy `statements.manage`) → call → render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, type FieldError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { findByRecordId } from '../../platform/http/validation.js';
import { pickText } from '../../platform/i18n/translate.js';
import { publishStatement } from './commands/publish-statement.js';
import { createStatement, updateStatement } from './commands/save-statement.js';
import { presentStatement } from './present.js';
import { findStatement, listAllStatements, listVersions, TEXT_COLUMNS, type StatementRow } from './queries.js';
import { publishForm, statementForm } from './schema.js';
import { EditPage, ManageListPage, type Status } from './views/manage.js';
import { StatementPage } from './views/public.js';
import { isPublic } from './visibility.js';
import { handleForm } from '../../platform/http/form-route.js';

type IdParams = { Params: { id: string } };
const manage = { config: { policy: 'statements.manage' } } as const;

export function statusOf(r: { published_at: string | null }, now: Date): Status {
  if (r.published_at === null) return { kind: 'draft' };
  return isPublic(r, now) ? { kind: 'public', at: r.published_at } : { kind: 'scheduled', at: r.published_at };
}

const FLASH: Record<
  string,
  'statements.saved' | 'statements.published' | 'statements.scheduled' | 'statements.corrected'
> = {
  saved: 'statements.saved',
  published: 'statements.published',
  scheduled: 'statements.scheduled',
  corrected: 'statements.corrected',
};

export async function statementManageRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, cipher, config } = app.achyk;

  async function load(id: string): Promise<StatementRow> {
    const s = await findByRecordId(id, (statementId) => findStatement(db, statementId));
    if (!s) throw notFound();
    return s;
  }

  const inputOf = (s: StatementRow): Record<string, string> => ({
    kind: s.kind,
    tags: s.tags,
    ...Object.fromEntries(TEXT_COLUMNS.map((c) => [c, s[c] ?? ''])),
  });

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    s: StatementRow | null,
    o: { input?: Record<string, string>; errors?: FieldError[]; form?: 'details' | 'publish'; status?: number } = {},
  ) {
    const m = (request.query as Record<string, string | undefined>).m;
    const ctx = viewContext(request, m && FLASH[m] ? request.ctx.t(FLASH[m]) : null);
    const versions = s
      ? (await listVersions(db, s.id)).map((v) => ({
          number: v.number,
          createdAt: v.created_at,
          note: v.correction_note,
        }))
      : [];
    const details = s ? inputOf(s) : { kind: 'statement' };
    const input = o.form === 'publish' ? { ...details, ...o.input } : (o.input ?? details);
    return sendPage(
      reply,
      <EditPage
        ctx={ctx}
        id={s?.id ?? null}
        status={s ? statusOf(s, now()) : { kind: 'draft' }}
        slug={s?.slug ?? null}
        input={input}
        errors={o.errors ?? []}
        form={o.form ?? 'details'}
        versions={versions}
      />,
      o.status ?? 200,
    );
  }

  app.get('/statements/manage', manage, async (request, reply) => {
    const at = now();
    const rows = await listAllStatements(db);
    const items = rows.map((s) => ({
      id: s.id,
      title: pickText(
        { ky: s.title_ky ?? undefined, ru: s.title_ru ?? undefined, en: s.title_en ?? undefined },
        request.ctx.locale,
      ).text,
      status: statusOf(s, at),
      updatedAt: s.updated_at,
    }));
    return sendPage(reply, <ManageListPage ctx={viewContext(request)} items={items} />);
  });

  app.get('/statements/manage/new', manage, async (request, reply) => editPage(request, reply, null));

  app.post('/statements/manage', manage, (request, reply) =>
    handleForm(request, reply, {
      schema: statementForm,
      command: ({ trx, value, now: at }) =>
        createStatement({ trx, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ result: id }) => `/statements/manage/${id}?m=saved`,
      render: ({ input, errors, status }) => editPage(request, reply, null, { input, errors, status }),
    }),
  );

  app.get<IdParams>('/statements/manage/:id', manage, async (request, reply) =>
    editPage(request, reply, await load(request.params.id)),
  );

  app.post<IdParams>('/statements/manage/:id', manage, (request, reply) =>
    handleForm(request, reply, {
      load: () => load(request.params.id),
      schema: statementForm,
      command: ({ trx, value, record: s, now: at }) =>
        updateStatement({ trx, id: s.id, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ record: s, result }) => `/statements/manage/${s.id}?m=${result}`,
      render: ({ record: s, input, errors, status }) => editPage(request, reply, s, { input, errors, status }),
    }),
  );

  app.post<IdParams>('/statements/manage/:id/publish', manage, (request, reply) =>
    handleForm(request, reply, {
      load: () => load(request.params.id),
      schema: publishForm,
      command: ({ trx, value, record: s, now: at }) =>
        publishStatement({
          trx,
          id: s.id,
          choice: value,
          actorId: request.ctx.user!.id,
          now: at,
          mail: { cipher, publicUrl: config.publicUrl, now: at },
        }),
      redirect: ({ record: s, result }) =>
        `/statements/manage/${s.id}?m=${result.scheduled ? 'scheduled' : 'published'}`,
      render: ({ record: s, input, errors, status }) =>
        editPage(request, reply, s, { input, errors, form: 'publish', status }),
      conflictStatus: 409,
    }),
  );

  app.get<IdParams & { Querystring: { lang?: string } }>(
    '/statements/manage/:id/preview',
    manage,
    async (request, reply) => {
      const s = await load(request.params.id);
      const ctx = viewContext(request);
      const at = now();
      const p = await presentStatement(db, s, {
        t: ctx.t,
        locale: ctx.locale,
        asked: request.query.lang,
        now: at,
        preview: true,
        published: s.published_at !== null,
      });
      return sendPage(reply, <StatementPage ctx={ctx} statement={p.view} preview />);
    },
  );
}
