/**
 * The overdue sweep and the reminders, run through the durable job queue with `now` as a parameter.
 *
 * The sweep asks only "which open appeals are due by a week from today and not yet reminded for
 * their current stage?", answered from the (state, due_date) index, never by scanning every appeal.
 * For each it decides the reminder stage: 1 shortly before the due date (2 working days or fewer),
 * 2 on the due day, 3 overdue, 4 long overdue (LONG_OVERDUE_DAYS), and queues one e-mail to the
 * owner per stage reached (the stage is stored, so a stage is never mailed twice, and an appeal
 * found already overdue gets one "overdue" letter, not a burst of all earlier ones).
 */
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Schedule } from '../../platform/jobs/recurring.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { isLocale } from '../../platform/i18n/locales.js';
import { translator } from '../../platform/i18n/translate.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import { addDays, formatDate, kyrgyzDateOf, workingDaysBetween, type CalendarData } from '../calendar/index.js';
import { bodyById, bodyName } from '../directory/index.js';
import { loadCalendar } from './calendar-store.js';
import { addEvent } from './commands/timeline.js';
import { OPEN_STATES } from './kinds.js';
import { daysPastDue, isPastDue, LONG_OVERDUE_DAYS } from './lifecycle.js';

export const SWEEP_JOB = 'appeals.sweep';
/** How often the sweep re-schedules itself. Hourly keeps reminders timely after a restart. */
const SWEEP_EVERY_MS = 3600_000;
/** Look-ahead of the index query; covers "2 working days" even across the long New Year break. */
const LOOKAHEAD_DAYS = 21;
const REMIND_BEFORE_WORKING_DAYS = 2;
const STAGES = ['none', 'before', 'due', 'overdue', 'long_overdue'] as const;

/** The reminder stage an appeal has reached on `today` (0 = nothing to say yet). */
export function reminderStage(due: string, today: string, calendar: CalendarData): number {
  if (isPastDue(due, today)) return daysPastDue(due, today) > LONG_OVERDUE_DAYS ? 4 : 3;
  if (today === due) return 2;
  return workingDaysBetween(today, due, calendar) <= REMIND_BEFORE_WORKING_DAYS ? 1 : 0;
}

export interface SweepResult {
  checked: number;
  reminded: number;
}

/** The sweep's one query (exported for the bench, which shows its plan): open appeals due soon, not yet fully reminded. */
export function sweepCandidates(db: Executor, today: string) {
  return db
    .selectFrom('appeal')
    .select(['id', 'due_date', 'reminder_stage'])
    .where('state', 'in', [...OPEN_STATES])
    .where('due_date', '<=', addDays(today, LOOKAHEAD_DAYS))
    .where('reminder_stage', '<', 4)
    .orderBy('due_date')
    .limit(5000);
}

/** Runs the sweep at `now`: queues the reminders due and records them on the timelines. */
export async function sweepAppeals(p: {
  db: Db;
  cipher: FieldCipher;
  publicUrl: string;
  now: Date;
}): Promise<SweepResult> {
  const today = kyrgyzDateOf(p.now);
  const calendar = await loadCalendar(p.db);
  const candidates = await sweepCandidates(p.db, today).execute();
  let reminded = 0;
  for (const c of candidates) {
    const stage = reminderStage(c.due_date!, today, calendar);
    if (stage <= c.reminder_stage) continue;
    const sent = await p.db.transaction().execute((trx) => remind(trx, c.id, stage, today, calendar, p));
    if (sent) reminded++;
  }
  return { checked: candidates.length, reminded };
}

async function remind(
  trx: Executor,
  appealId: number,
  stage: number,
  today: string,
  calendar: CalendarData,
  p: { cipher: FieldCipher; publicUrl: string; now: Date },
): Promise<boolean> {
  // Re-read inside the transaction: a concurrent event may have answered the appeal meanwhile.
  const a = await trx
    .selectFrom('appeal')
    .innerJoin('user', 'user.id', 'appeal.owner_id')
    .select([
      'appeal.id',
      'appeal.state',
      'appeal.due_date',
      'appeal.reminder_stage',
      'appeal.subject',
      'appeal.body_id',
      'appeal.language',
      'user.email',
      'user.locale',
      'user.status',
    ])
    .where('appeal.id', '=', appealId)
    .executeTakeFirst();
  if (!a || !OPEN_STATES.includes(a.state) || !a.due_date || a.reminder_stage >= stage) return false;
  await trx.updateTable('appeal').set({ reminder_stage: stage }).where('id', '=', a.id).execute();
  const name = STAGES[stage]!;
  if (a.status === 'active') {
    const lang = isLocale(a.locale) ? a.locale : a.language;
    const t = translator(lang);
    const body = await bodyById(trx, a.body_id);
    const left = workingDaysBetween(today, a.due_date, calendar);
    const status = left >= 0 ? t('appeals.days_left', { count: left }) : t('appeals.days_overdue', { count: -left });
    const text = [
      t('appeals.reminder.body', {
        body: body ? bodyName(body, lang) : '—',
        subject: a.subject,
        due: formatDate(a.due_date, lang),
        status,
        link: `${p.publicUrl}/appeals/${a.id}`,
      }),
      ...(stage >= 3 ? ['', t('appeals.reminder.escalate_hint')] : []),
    ].join('\n');
    await queueMail(
      trx,
      {
        to: a.email,
        subject: t(`appeals.reminder.subject.${name as 'before'}`, {
          subject: a.subject,
          due: formatDate(a.due_date, lang),
        }),
        text,
        related: { type: 'appeal', id: a.id },
      },
      { cipher: p.cipher, now: p.now },
    );
  }
  await addEvent(trx, {
    appealId: a.id,
    kind: 'reminder',
    actor: 'system',
    data: { stage: name, due: a.due_date },
    now: p.now,
  });
  return true;
}

/** The hourly sweep, as the manifest declares it (the platform queues the next run after each one). */
export const appealsSweep: Schedule = {
  kind: SWEEP_JOB,
  everyMs: SWEEP_EVERY_MS,
  async run(ctx) {
    const result = await sweepAppeals({
      db: ctx.db,
      cipher: ctx.services.cipher,
      publicUrl: ctx.services.config.publicUrl,
      now: ctx.now,
    });
    if (result.reminded > 0)
      await ctx.db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, { actor: 'system', action: 'appeals.sweep', data: { ...result }, at: ctx.now }),
        );
  },
};
