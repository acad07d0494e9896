/**
 * Coordinators' routes: create and edit a consultation, publish it, add versions (pasted text or an
 * uploaded .txt/.md/.docx file), name drafters, record hearings, publish the final report.
 * Multipart bodies are accepted by these routes only.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import { pickText } from '../../platform/i18n/translate.js';
import { flashFor, readableConsultation } from './access.js';
import { addVersion } from './commands/add-version.js';
import { addDrafter, publishReport, recordHearing } from './commands/participation.js';
import { createConsultation, publishConsultation, updateConsultation } from './commands/save-consultation.js';
import { consultationPhase } from './phase.js';
import { bodyChoices, listDrafters, listHearings, listVersions, type ConsultationRow } from './queries.js';
import {
  consultationForm,
  DRAFT_FILE_MAX,
  drafterForm,
  emptyForm,
  hearingFields,
  MINUTES_FILE_MAX,
  reportForm,
  versionFields,
} from './schema.js';
import { docxText, loadMammoth, readMultipart, utf8Text } from './uploads.js';
import { ManagePage, NewConsultationPage, type ManageProps } from './views/manage.js';
import { handleForm } from '../../platform/http/form-route.js';

type IdParams = { Params: { id: string } };

export async function consultationManageRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, cipher, config } = app.achyk;
  await app.register(multipart, {
    limits: { fileSize: DRAFT_FILE_MAX + 1, files: 1, fields: 8, parts: 10, fieldSize: 2 * 1024 * 1024 },
  });
  const mail = () => ({ cipher, publicUrl: config.publicUrl, now: now() });

  async function bodies(request: FastifyRequest) {
    return (await bodyChoices(db)).map((b) => ({
      code: b.code,
      name: pickText(
        { ky: b.name_ky ?? undefined, ru: b.name_ru ?? undefined, en: b.name_en ?? undefined },
        request.ctx.locale,
      ).text,
    }));
  }

  app.get('/consultations/new', { config: { policy: 'consultations.manage' } }, async (request, reply) =>
    sendPage(
      reply,
      <NewConsultationPage ctx={viewContext(request)} input={{}} errors={[]} bodies={await bodies(request)} />,
    ),
  );

  app.post('/consultations', { config: { policy: 'consultations.manage' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: consultationForm,
      command: ({ trx, value, now: at }) =>
        createConsultation({ trx, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ result: id }) => `/consultations/${id}/manage?m=created`,
      render: async ({ input, errors, status }) =>
        sendPage(
          reply,
          <NewConsultationPage
            ctx={viewContext(request)}
            input={input}
            errors={errors}
            bodies={await bodies(request)}
          />,
          status,
        ),
    }),
  );

  async function managePage(
    request: FastifyRequest,
    reply: FastifyReply,
    c: ConsultationRow,
    form: ManageProps['form'] = null,
    errors: FieldError[] = [],
    input?: Record<string, string>,
    status = 200,
  ) {
    const details = {
      title: c.title,
      body: c.body_code,
      summary: c.summary,
      official_url: c.official_url ?? '',
      opens_on: c.opens_on,
      closes_on: c.closes_on,
    };
    return sendPage(
      reply,
      <ManagePage
        ctx={viewContext(request, flashFor(request))}
        consultation={{
          id: c.id,
          title: c.title,
          phase: consultationPhase(c, now()),
          published: !!c.published_at,
          reportConclusion: c.report_conclusion,
        }}
        input={input ?? details}
        errors={errors}
        form={form}
        bodies={await bodies(request)}
        versions={(await listVersions(db, c.id)).map((v) => ({
          number: v.number,
          createdAt: v.created_at,
          splitOk: v.split_ok === 1,
          changeNote: v.change_note,
        }))}
        drafters={await listDrafters(db, c.id)}
        hearings={await listHearings(db, c.id)}
        mammoth={(await loadMammoth()) !== null}
      />,
      status,
    );
  }

  /** Runs a write; domain errors re-render the manage page with the form's input. */
  async function attempt(
    request: FastifyRequest,
    reply: FastifyReply,
    c: ConsultationRow,
    form: ManageProps['form'],
    input: Record<string, string> | (() => Record<string, string>),
    work: () => Promise<string>,
  ) {
    try {
      return redirectTo(reply, await work());
    } catch (err) {
      if (err instanceof AppError && (err.code === 'invalid' || err.code === 'conflict')) {
        const errors = err.fields.length ? err.fields : [{ field: 'form', message: err.messageKey }];
        return managePage(
          request,
          reply,
          c,
          form,
          errors,
          typeof input === 'function' ? input() : input,
          err.code === 'invalid' ? 422 : 409,
        );
      }
      throw err;
    }
  }

  app.get<IdParams>(
    '/consultations/:id/manage',
    { config: { policy: 'consultations.manage' } },
    async (request, reply) => managePage(request, reply, await readableConsultation(request, request.params.id)),
  );

  app.post<IdParams>('/consultations/:id', { config: { policy: 'consultations.manage' } }, (request, reply) =>
    handleForm(request, reply, {
      load: () => readableConsultation(request, request.params.id),
      schema: consultationForm,
      command: ({ trx, value, record: c, now: at }) =>
        updateConsultation({ trx, id: c.id, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ record: c }) => `/consultations/${c.id}/manage?m=saved`,
      render: ({ record: c, input, errors, status }) => managePage(request, reply, c, 'details', errors, input, status),
      conflictStatus: 409,
    }),
  );

  app.post<IdParams>(
    '/consultations/:id/publish',
    { config: { policy: 'consultations.manage' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      // Name the unknown field (a bare 'invalid' gives a 422 page that names nothing).
      const empty = parseForm(emptyForm, request.body);
      if (!empty.ok) throw new AppError('invalid', 'error.invalid', {}, empty.errors);
      return attempt(request, reply, c, 'publish', {}, async () => {
        await db
          .transaction()
          .execute((trx) => publishConsultation({ trx, id: c.id, actorId: request.ctx.user!.id, now: now() }));
        return `/consultations/${c.id}?m=published`;
      });
    },
  );

  app.post<IdParams>(
    '/consultations/:id/versions',
    { config: { policy: 'consultations.manage' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const mammoth = await loadMammoth();
      let input: Record<string, string> = {};
      return attempt(
        request,
        reply,
        c,
        'version',
        () => input,
        async () => {
          const body = await readMultipart(request, {
            maxFileBytes: DRAFT_FILE_MAX,
            extensions: mammoth ? ['txt', 'md', 'docx'] : ['txt', 'md'],
          });
          input = { ...body.fields };
          const form = parseForm(versionFields, { text: '', format: 'text', change_note: '', ...body.fields });
          if (!form.ok) throw new AppError('invalid', 'error.invalid', {}, form.errors);
          let text = form.value.text;
          let format: 'text' | 'markdown' = form.value.format;
          let sourceFormat: 'text' | 'markdown' | 'docx' = format;
          if (body.file) {
            if (body.file.ext === 'docx') {
              text = await docxText(body.file.data);
              format = 'text';
              sourceFormat = 'docx';
            } else {
              const decoded = utf8Text(body.file.data);
              if (decoded === null)
                throw new AppError('invalid', 'error.invalid', {}, [
                  { field: 'file', message: 'consultations.error_file_type' },
                ]);
              text = decoded;
              format = body.file.ext === 'md' ? 'markdown' : form.value.format;
              sourceFormat = format;
            }
          }
          if (!text.trim())
            throw new AppError('invalid', 'error.invalid', {}, [
              { field: 'text', message: 'consultations.error_no_text' },
            ]);
          const result = await db.transaction().execute((trx) =>
            addVersion({
              trx,
              consultationId: c.id,
              text,
              format,
              sourceFormat,
              changeNote: form.value.change_note.trim() || null,
              actorId: request.ctx.user!.id,
              mail: mail(),
            }),
          );
          return `/consultations/${c.id}/versions/${result.number}`;
        },
      );
    },
  );

  app.post<IdParams>('/consultations/:id/drafters', { config: { policy: 'consultations.manage' } }, (request, reply) =>
    handleForm(request, reply, {
      load: () => readableConsultation(request, request.params.id),
      schema: drafterForm,
      command: ({ trx, value, record: c, now: at }) =>
        addDrafter({ trx, consultationId: c.id, email: value.email, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ record: c }) => `/consultations/${c.id}/manage?m=drafter`,
      render: ({ record: c, input, errors, status }) => managePage(request, reply, c, 'drafter', errors, input, status),
      conflictStatus: 409,
    }),
  );

  app.post<IdParams>(
    '/consultations/:id/hearings',
    { config: { policy: 'consultations.manage' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      let input: Record<string, string> = {};
      return attempt(
        request,
        reply,
        c,
        'hearing',
        () => input,
        async () => {
          const body = await readMultipart(request, { maxFileBytes: MINUTES_FILE_MAX, extensions: ['txt', 'md'] });
          input = { ...body.fields };
          const form = parseForm(hearingFields, { minutes: '', ...body.fields });
          if (!form.ok) throw new AppError('invalid', 'error.invalid', {}, form.errors);
          let minutes: { text: string; name: string | null } | null = form.value.minutes.trim()
            ? { text: form.value.minutes, name: null }
            : null;
          if (body.file) {
            const text = utf8Text(body.file.data);
            if (text === null)
              throw new AppError('invalid', 'error.invalid', {}, [
                { field: 'file', message: 'consultations.error_minutes_type' },
              ]);
            minutes = { text, name: body.file.name };
          }
          await db.transaction().execute((trx) =>
            recordHearing({
              trx,
              consultationId: c.id,
              heldOn: form.value.held_on,
              place: form.value.place,
              participants: Number(form.value.participants),
              minutes,
              actorId: request.ctx.user!.id,
              now: now(),
            }),
          );
          return `/consultations/${c.id}/manage?m=hearing`;
        },
      );
    },
  );

  app.post<IdParams>('/consultations/:id/report', { config: { policy: 'consultations.manage' } }, (request, reply) =>
    handleForm(request, reply, {
      load: () => readableConsultation(request, request.params.id),
      schema: reportForm,
      command: ({ trx, value, record: c }) =>
        publishReport({
          trx,
          consultationId: c.id,
          conclusion: value.conclusion,
          actorId: request.ctx.user!.id,
          mail: mail(),
        }),
      redirect: ({ record: c }) => `/consultations/${c.id}/report?m=report`,
      render: ({ record: c, input, errors, status }) => managePage(request, reply, c, 'report', errors, input, status),
      conflictStatus: 409,
    }),
  );
}
