/**
 * Administrators' edits of the legal rules and the calendar. Rules: each save adds a version (a
 * version with the same kind and start date replaces the current one, which stays in the history).
 * Calendar: entries are added or marked deleted, never erased. After a calendar change the due
 * dates of open appeals are recomputed (their rule versions do not change: an appeal keeps the rule
 * in force on the day it was received, but days off are facts of the calendar).
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { conflict, invalid, type FieldError } from '../../../platform/errors.js';
import { validateCalendarData, type CalendarData } from '../../calendar/index.js';
import { loadCalendar } from '../calendar-store.js';
import { OPEN_STATES } from '../kinds.js';
import type { Appeal } from '../queries.js';
import type { RuleValues } from '../rules/default-rules.js';
import { refreshDeadlines } from './timeline.js';

export async function saveRuleVersion(p: {
  trx: Executor;
  values: RuleValues;
  actor: string;
  now: Date;
}): Promise<number> {
  const v = p.values;
  const errors: FieldError[] = [];
  if (v.answer_term < 1)
    errors.push({ field: 'answer_term', message: 'validation.range', params: { min: 1, max: 365 } });
  if (errors.length) throw invalid(errors);
  const replaced = await p.trx
    .selectFrom('appeal_rule')
    .select('id')
    .where('kind', '=', v.kind)
    .where('valid_from', '=', v.valid_from)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  const row = await p.trx
    .insertInto('appeal_rule')
    .values({ ...v, created_at: p.now.toISOString(), created_by: p.actor, superseded_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (replaced)
    await p.trx.updateTable('appeal_rule').set({ superseded_by: row.id }).where('id', '=', replaced.id).execute();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'appeal_rule.version',
    objectType: 'appeal_rule',
    objectId: row.id,
    data: {
      kind: v.kind,
      valid_from: v.valid_from,
      replaces: replaced?.id ?? null,
      answer_term: v.answer_term,
      answer_unit: v.answer_unit,
    },
    at: p.now,
  });
  return row.id;
}

/** Recomputes the stored due dates of every open appeal on `calendar` (index on state). */
export async function refreshOpenAppeals(trx: Executor, calendar: CalendarData): Promise<number> {
  const open = (await trx
    .selectFrom('appeal')
    .selectAll()
    .where('state', 'in', [...OPEN_STATES])
    .execute()) as Appeal[];
  for (const a of open) await refreshDeadlines(trx, a, calendar);
  return open.length;
}

async function checkAndRefresh(trx: Executor, field: string): Promise<void> {
  const calendar = await loadCalendar(trx);
  const problems = validateCalendarData(calendar);
  if (problems.length)
    throw invalid([{ field, message: 'appeals.admin.calendar_invalid', params: { problem: problems[0]!.message } }]);
  await refreshOpenAppeals(trx, calendar);
}

export interface ExceptionValues {
  date: string;
  kind: 'day_off' | 'working_day';
  reason_ky: string;
  reason_ru: string;
  reason_en: string;
  source: string | null;
}

export async function addCalendarException(p: {
  trx: Executor;
  values: ExceptionValues;
  actor: string;
  now: Date;
}): Promise<number> {
  const existing = await p.trx
    .selectFrom('calendar_exception')
    .select('id')
    .where('date', '=', p.values.date)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw conflict('appeals.admin.exception_exists');
  const row = await p.trx
    .insertInto('calendar_exception')
    .values({ ...p.values, created_at: p.now.toISOString(), created_by: p.actor, deleted_at: null, deleted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await checkAndRefresh(p.trx, 'date');
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'calendar.exception_added',
    objectType: 'calendar_exception',
    objectId: row.id,
    data: { date: p.values.date, kind: p.values.kind },
    at: p.now,
  });
  return row.id;
}

export async function addMovableDate(p: {
  trx: Executor;
  holiday: string;
  date: string;
  source: string | null;
  actor: string;
  now: Date;
}): Promise<number> {
  const year = p.date.slice(0, 4);
  const existing = await p.trx
    .selectFrom('calendar_movable_date')
    .select('id')
    .where('holiday', '=', p.holiday)
    .where('date', 'like', `${year}-%`)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw conflict('appeals.admin.movable_exists');
  const row = await p.trx
    .insertInto('calendar_movable_date')
    .values({
      holiday: p.holiday,
      date: p.date,
      source: p.source,
      created_at: p.now.toISOString(),
      created_by: p.actor,
      deleted_at: null,
      deleted_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await checkAndRefresh(p.trx, 'date');
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'calendar.movable_added',
    objectType: 'calendar_movable_date',
    objectId: row.id,
    data: { holiday: p.holiday, date: p.date },
    at: p.now,
  });
  return row.id;
}

export async function deleteCalendarEntry(p: {
  trx: Executor;
  table: 'calendar_exception' | 'calendar_movable_date';
  id: number;
  actor: string;
  now: Date;
}): Promise<boolean> {
  const res = await p.trx
    .updateTable(p.table)
    .set({ deleted_at: p.now.toISOString(), deleted_by: p.actor })
    .where('id', '=', p.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await checkAndRefresh(p.trx, 'date');
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'calendar.entry_deleted',
    objectType: p.table,
    objectId: p.id,
    at: p.now,
  });
  return true;
}
