/** Administration: the versioned legal rules and the working-day calendar (with history). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { formSchema, parseForm, parseRecordId } from '../../platform/http/validation.js';
import { defaultCalendarData } from '../calendar/index.js';
import { addCalendarException, addMovableDate, deleteCalendarEntry, saveRuleVersion } from './commands/edit-rules.js';
import { listRules } from './rules/queries.js';
import { checkOptional, emptyForm, kindSchema, unitSchema } from './schema.js';
import { CalendarPage, RulesPage } from './views/admin.js';
import { requestActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

const termField = Type.String({ pattern: '^[0-9]{1,3}$' });
const ruleForm = formSchema({
  kind: kindSchema,
  valid_from: Type.String({ minLength: 1, maxLength: 10 }),
  legal_basis_ky: Type.String({ minLength: 1, maxLength: 500 }),
  legal_basis_ru: Type.String({ minLength: 1, maxLength: 500 }),
  legal_basis_en: Type.String({ minLength: 1, maxLength: 500 }),
  registration_term: termField,
  registration_unit: unitSchema,
  answer_term: termField,
  answer_unit: unitSchema,
  max_extension: termField,
  extension_unit: unitSchema,
  redirection_term: termField,
  redirection_unit: unitSchema,
  disputed: Type.Optional(Type.Literal('1')),
  note: Type.String({ maxLength: 2000 }),
});
const exceptionForm = formSchema({
  date: Type.String({ minLength: 1, maxLength: 10 }),
  kind: Type.Union([Type.Literal('day_off'), Type.Literal('working_day')]),
  reason_ky: Type.String({ minLength: 1, maxLength: 300 }),
  reason_ru: Type.String({ minLength: 1, maxLength: 300 }),
  reason_en: Type.String({ minLength: 1, maxLength: 300 }),
  source: Type.String({ maxLength: 500 }),
});
const movableForm = formSchema({
  holiday: Type.Union([Type.Literal('orozo_ait'), Type.Literal('kurman_ait')]),
  date: Type.String({ minLength: 1, maxLength: 10 }),
  source: Type.String({ maxLength: 500 }),
});

export async function appealAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  async function rulesPage(
    request: FastifyRequest,
    errors: FieldError[] = [],
    input: Record<string, string> = {},
    notice: string | null = null,
  ) {
    return (
      <RulesPage ctx={viewContext(request)} rules={await listRules(db)} errors={errors} input={input} notice={notice} />
    );
  }

  app.get<{ Querystring: { done?: string } }>(
    '/admin/appeals/rules',
    { config: { policy: 'appeals.admin' } },
    async (request, reply) =>
      sendPage(
        reply,
        await rulesPage(
          request,
          [],
          {
            registration_unit: 'working',
            answer_unit: 'working',
            extension_unit: 'working',
            redirection_unit: 'working',
          },
          request.query.done ? request.ctx.t('appeals.notice.saved') : null,
        ),
      ),
  );

  app.post('/admin/appeals/rules', { config: { policy: 'appeals.admin' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: ruleForm,
      check: ({ input }) => checkOptional(input, ['valid_from']),
      command: ({ trx, value: v, now: at }) =>
        saveRuleVersion({
          trx,
          values: {
            kind: v.kind,
            valid_from: v.valid_from,
            legal_basis_ky: v.legal_basis_ky,
            legal_basis_ru: v.legal_basis_ru,
            legal_basis_en: v.legal_basis_en,
            registration_term: Number(v.registration_term),
            registration_unit: v.registration_unit,
            answer_term: Number(v.answer_term),
            answer_unit: v.answer_unit,
            max_extension: Number(v.max_extension),
            extension_unit: v.extension_unit,
            redirection_term: Number(v.redirection_term),
            redirection_unit: v.redirection_unit,
            disputed: v.disputed ? 1 : 0,
            note: v.note,
          },
          actor: requestActor(request),
          now: at,
        }),
      redirect: () => '/admin/appeals/rules?done=1',
      render: async ({ input, errors, status }) => sendPage(reply, await rulesPage(request, errors, input), status),
    }),
  );

  async function calendarPage(
    request: FastifyRequest,
    extra: {
      errors?: FieldError[];
      form?: 'exception' | 'movable';
      input?: Record<string, string>;
      notice?: string | null;
    } = {},
  ) {
    const base = defaultCalendarData();
    const locale = request.ctx.locale;
    return (
      <CalendarPage
        ctx={viewContext(request)}
        exceptions={await db
          .selectFrom('calendar_exception')
          .selectAll()
          .orderBy('date', 'desc')
          .orderBy('id', 'desc')
          .execute()}
        movable={await db
          .selectFrom('calendar_movable_date')
          .selectAll()
          .orderBy('date', 'desc')
          .orderBy('id', 'desc')
          .execute()}
        defaults={{
          exceptions: base.exceptions.map((e) => ({ date: e.date, kind: e.kind, reason: e.reason[locale] })),
          movable: base.movableHolidayDates.map((m) => ({ holiday: m.holiday, date: m.date })),
        }}
        errors={extra.errors ?? []}
        form={extra.form}
        input={extra.input ?? {}}
        notice={extra.notice ?? null}
      />
    );
  }

  app.get<{ Querystring: { done?: string } }>(
    '/admin/appeals/calendar',
    { config: { policy: 'appeals.admin' } },
    async (request, reply) =>
      sendPage(
        reply,
        await calendarPage(request, {
          notice: request.query.done ? request.ctx.t('appeals.admin.calendar_saved') : null,
        }),
      ),
  );

  // A conflict (a date already listed) is shown at the date field of the form that sent it.
  app.post('/admin/appeals/calendar/exceptions', { config: { policy: 'appeals.admin' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: exceptionForm,
      check: ({ input }) => checkOptional(input, ['date']),
      command: ({ trx, value: v, now: at }) =>
        addCalendarException({
          trx,
          values: {
            date: v.date,
            kind: v.kind,
            reason_ky: v.reason_ky,
            reason_ru: v.reason_ru,
            reason_en: v.reason_en,
            source: v.source || null,
          },
          actor: requestActor(request),
          now: at,
        }),
      redirect: () => '/admin/appeals/calendar?done=1',
      render: async ({ input, errors, status }) =>
        sendPage(reply, await calendarPage(request, { errors, form: 'exception', input }), status),
      conflictStatus: 422,
      conflictField: 'date',
    }),
  );

  app.post('/admin/appeals/calendar/movable', { config: { policy: 'appeals.admin' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: movableForm,
      check: ({ input }) => checkOptional(input, ['date']),
      command: ({ trx, value: v, now: at }) =>
        addMovableDate({
          trx,
          holiday: v.holiday,
          date: v.date,
          source: v.source || null,
          actor: requestActor(request),
          now: at,
        }),
      redirect: () => '/admin/appeals/calendar?done=1',
      render: async ({ input, errors, status }) =>
        sendPage(reply, await calendarPage(request, { errors, form: 'movable', input }), status),
      conflictStatus: 422,
      conflictField: 'date',
    }),
  );

  for (const [segment, table] of [
    ['exceptions', 'calendar_exception'],
    ['movable', 'calendar_movable_date'],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/admin/appeals/calendar/${segment}/:id/delete`,
      { config: { policy: 'appeals.admin' } },
      async (request, reply) => {
        // Name the unknown field (a bare 'invalid' gives a 422 page that names nothing).
        const empty = parseForm(emptyForm, request.body);
        if (!empty.ok) throw new AppError('invalid', 'error.invalid', {}, empty.errors);
        const id = parseRecordId(request.params.id) ?? 0;
        const ok =
          id > 0 &&
          (await db
            .transaction()
            .execute((trx) => deleteCalendarEntry({ trx, table, id, actor: requestActor(request), now: now() })));
        if (!ok) throw notFound();
        return redirectTo(reply, '/admin/appeals/calendar?done=1');
      },
    );
  }
}
