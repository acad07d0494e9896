/**
 * The working-day calendar as administrators keep it: the shipped defaults
 * (`defaultCalendarData()`) with the dated exceptions and movable-holiday dates entered in
 * /admin/appeals/calendar merged over them. An entered exception replaces a default one for the same
 * date; an entered Orozo/Kurman Ait date replaces the default for the same holiday and year.
 * Deleted entries stay in the tables (history) and are ignored here.
 */
import {
  defaultCalendarData,
  type CalendarData,
  type CalendarException,
  type MovableHolidayDate,
} from '../calendar/index.js';
import type { Executor } from '../../platform/db/database.js';

export async function loadCalendar(db: Executor): Promise<CalendarData> {
  const base = defaultCalendarData();
  const exceptions = await db
    .selectFrom('calendar_exception')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .execute();
  const movable = await db
    .selectFrom('calendar_movable_date')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .execute();
  return mergeCalendar(
    base,
    exceptions.map((e) => ({
      date: e.date,
      kind: e.kind,
      reason: { ky: e.reason_ky, ru: e.reason_ru, en: e.reason_en },
      ...(e.source ? { source: e.source } : {}),
    })),
    movable.map((m) => ({ holiday: m.holiday, date: m.date, ...(m.source ? { source: m.source } : {}) })),
  );
}

/** Pure merge, exported for tests and for validating an edit before it is saved. */
export function mergeCalendar(
  base: CalendarData,
  exceptions: CalendarException[],
  movable: MovableHolidayDate[],
): CalendarData {
  const byDate = new Map(base.exceptions.map((e) => [e.date, e]));
  for (const e of exceptions) byDate.set(e.date, e);
  const key = (m: MovableHolidayDate) => `${m.holiday}/${m.date.slice(0, 4)}`;
  const byHolidayYear = new Map(base.movableHolidayDates.map((m) => [key(m), m]));
  for (const m of movable) byHolidayYear.set(key(m), m);
  return {
    eras: base.eras,
    exceptions: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    movableHolidayDates: [...byHolidayYear.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
