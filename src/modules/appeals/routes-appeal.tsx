/** My appeals, one appeal's page, recording events, escalation, and the NGO dashboard. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { can } from '../../platform/policy/policy.js';
import { addDays, dayOfWeek, kyrgyzDateOf, workingDaysBetween, type CalendarData } from '../calendar/index.js';
import { appealFor, applicantOf } from './access.js';
import { appealPageView } from './appeal-view.js';
import { bodyName } from '../directory/index.js';
import { loadCalendar } from './calendar-store.js';
import { escalateAppeal } from './commands/escalate.js';
import { recordEvent, type EventInput } from './commands/record-event.js';
import { OPEN_STATES } from './kinds.js';
import { computedStatus, isPastDue } from './lifecycle.js';
import { dashboardAppeals, listOwnAppeals, type Appeal, type AppealListRow } from './queries.js';
import { checkOptional, escalateForm, eventForm } from './schema.js';
import { AppealPage } from './views/appeal.js';
import { DashboardPage, MyAppealsPage, type ListRow } from './views/list.js';
import type { Executor } from '../../platform/db/database.js';
import { requestActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

const NOTICES = {
  sent: 'appeals.notice.sent',
  recorded: 'appeals.notice.recorded',
  saved: 'appeals.notice.saved',
  escalated: 'appeals.notice.escalated',
  file: 'appeals.notice.file_added',
} as const;

/** Turns an event form into the command's input, or field errors. */
export async function eventInputFromForm(
  db: Executor,
  body: unknown,
  today: string,
): Promise<
  { ok: true; input: EventInput } | { ok: false; errors: FieldError[]; kind: string; input: Record<string, string> }
> {
  const form = parseForm(eventForm, body);
  const raw = form.input;
  const kind = raw.kind ?? '';
  if (!form.ok) return { ok: false, errors: form.errors, kind, input: raw };
  const v = form.value;
  const errors: FieldError[] = checkOptional(raw, ['on']);
  const needsDate = ['register', 'extend', 'redirect', 'answer'].includes(v.kind);
  if (needsDate && !v.on) errors.push({ field: 'on', message: 'validation.required' });
  const on = v.on || today;
  let input: EventInput | null = null;
  switch (v.kind) {
    case 'register':
      if (!v.number) errors.push({ field: 'number', message: 'validation.required' });
      input = { kind: 'register', number: v.number ?? '', on };
      break;
    case 'extend': {
      const days = /^[0-9]{1,3}$/.test(v.days ?? '') ? Number(v.days) : NaN;
      if (Number.isNaN(days)) errors.push({ field: 'days', message: 'validation.number' });
      input = { kind: 'extend', days, on, text: v.text };
      break;
    }
    case 'redirect': {
      const ref = (v.body_id ?? '').trim();
      const refId = parseRecordId(ref);
      const row =
        ref === ''
          ? undefined
          : await db
              .selectFrom('body')
              .select('id')
              .where((eb) =>
                refId !== null ? eb.or([eb('id', '=', refId), eb('code', '=', ref)]) : eb('code', '=', ref),
              )
              .executeTakeFirst();
      if (!ref) errors.push({ field: 'body_id', message: 'validation.required' });
      else if (!row) errors.push({ field: 'body_id', message: 'appeals.error.body_unknown' });
      input = { kind: 'redirect', bodyId: row?.id ?? 0, on, text: v.text };
      break;
    }
    case 'answer':
      input = { kind: 'answer', on, text: v.text };
      break;
    case 'classify':
      if (!v.classification) errors.push({ field: 'classification', message: 'validation.required' });
      input = {
        kind: 'classify',
        classification: v.classification || 'satisfied',
        refusalReason: v.refusal_reason || null,
        text: v.text,
      };
      break;
    case 'close':
      input = { kind: 'close', text: v.text };
      break;
    case 'note':
      input = { kind: 'note', text: v.text ?? '' };
      break;
  }
  if (errors.length || !input) return { ok: false, errors, kind, input: raw };
  return { ok: true, input };
}

export function listRows(
  rows: AppealListRow[],
  locale: 'ky' | 'ru' | 'en',
  today: string,
  calendar: CalendarData,
): ListRow[] {
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    kind: r.kind,
    bodyName: bodyName({ name_ky: r.body_name_ky, name_ru: r.body_name_ru, name_en: r.body_name_en }, locale),
    status: computedStatus(r, today),
    due: r.due_date,
    left: r.due_date && OPEN_STATES.includes(r.state) ? workingDaysBetween(today, r.due_date, calendar) : null,
  }));
}

export async function appealRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  app.get('/appeals', { config: { policy: 'appeals.use' } }, async (request, reply) => {
    const today = kyrgyzDateOf(now());
    const rows = listRows(
      await listOwnAppeals(db, request.ctx.user!.id),
      request.ctx.locale,
      today,
      await loadCalendar(db),
    );
    return sendPage(
      reply,
      <MyAppealsPage ctx={viewContext(request)} rows={rows} dashboard={can(request.ctx.user, 'appeals.dashboard')} />,
    );
  });

  app.get('/appeals/dashboard', { config: { policy: 'appeals.dashboard' } }, async (request, reply) => {
    const today = kyrgyzDateOf(now());
    // "This week": up to the coming Sunday (Bishkek dates; Monday = 1).
    const dow = dayOfWeek(today);
    const sunday = addDays(today, dow === 0 ? 0 : 7 - dow);
    const calendar = await loadCalendar(db);
    const { due, awaiting } = await dashboardAppeals(db, request.ctx.user!, sunday);
    const rows = listRows(due, request.ctx.locale, today, calendar);
    return sendPage(
      reply,
      <DashboardPage
        ctx={viewContext(request)}
        overdue={rows.filter((r) => isPastDue(r.due, today))}
        week={rows.filter((r) => r.due && !isPastDue(r.due, today))}
        awaiting={listRows(awaiting, request.ctx.locale, today, calendar)}
      />,
    );
  });

  async function page(
    request: FastifyRequest,
    appeal: Appeal,
    extra: { errors?: FieldError[]; form?: string; input?: Record<string, string>; notice?: string | null } = {},
  ) {
    return (
      <AppealPage
        ctx={viewContext(request)}
        view={await appealPageView(request, appeal)}
        errors={extra.errors ?? []}
        form={extra.form}
        input={extra.input}
        notice={extra.notice ?? null}
      />
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/appeals/:id',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id);
      const done = request.query.done as keyof typeof NOTICES | undefined;
      return sendPage(
        reply,
        await page(request, appeal, { notice: done && done in NOTICES ? request.ctx.t(NOTICES[done]) : null }),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/events',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id, 'appeals.act');
      const at = now();
      const parsed = await eventInputFromForm(db, request.body, kyrgyzDateOf(at));
      if (!parsed.ok)
        return sendPage(
          reply,
          await page(request, appeal, { errors: parsed.errors, form: parsed.kind, input: parsed.input }),
          422,
        );
      try {
        const calendar = await loadCalendar(db);
        await db
          .transaction()
          .execute((trx) =>
            recordEvent({ trx, appeal, input: parsed.input, actor: requestActor(request), calendar, now: at }),
          );
      } catch (err) {
        if (err instanceof AppError && (err.code === 'invalid' || err.code === 'conflict')) {
          const errors =
            err.code === 'invalid' ? err.fields : [{ field: 'kind', message: err.messageKey, params: err.params }];
          return sendPage(
            reply,
            await page(request, appeal, {
              errors,
              form: parsed.input.kind,
              input: (request.body ?? {}) as Record<string, string>,
            }),
            422,
          );
        }
        throw err;
      }
      return redirectTo(reply, `/appeals/${appeal.id}?done=saved`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/escalate',
    { config: { policy: 'appeals.use' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: () => appealFor(request, request.params.id, 'appeals.act'),
        schema: escalateForm,
        command: async ({ trx, value, record: appeal, now: at }) => {
          const applicant = await applicantOf(trx, cipher, appeal);
          return escalateAppeal({
            trx,
            appeal,
            target: value.target,
            applicantName: applicant.name,
            actor: requestActor(request),
            calendar: await loadCalendar(trx),
            now: at,
          });
        },
        redirect: ({ result: childId }) => `/appeals/${childId}/edit`,
        render: async ({ record: appeal, input, errors, status }) =>
          sendPage(reply, await page(request, appeal, { errors, form: 'escalate', input }), status),
        // "Not due yet", "closed": shown at the choice of target, with the form.
        conflictStatus: 422,
        conflictField: 'target',
      }),
  );
}
