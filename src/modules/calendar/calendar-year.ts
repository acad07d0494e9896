/**
 * A year of the calendar as the administrator sees it: which lunar holidays still need a date, and
 * the status of every day.
 *
 * @module
 */
import { addDays, isoDate, yearOf, type IsoDate } from './iso-date.js';
import type { CalendarData, LocalizedText } from './calendar-rules.js';
import { eraOn, isWorkingDay, type WorkingDayResult } from './working-days.js';

/** A movable holiday with no date entered for a year in which it is a day off. */
export interface MissingMovableHoliday {
  readonly holiday: string;
  readonly name: LocalizedText;
  readonly year: number;
  /**
   * Rough estimate from the nearest entered year, moving by the lunar year (354.37 days); absent
   * when no date of that holiday is entered at all. The announced date usually differs by a day
   * or two (moon sighting), so use it only to decide whether a warning is relevant.
   */
  readonly expectedAround?: IsoDate;
}

const LUNAR_YEAR_DAYS = 354.367;

/**
 * Movable non-working holidays (Orozo Ait, Kurman Ait) whose date for `year` is not entered yet.
 *
 * Deadlines that cross such a holiday come out one working day too early until the administrator
 * enters the date, so `computeDue` turns this list into a visible warning.
 */
export function missingMovableHolidays(year: number, data: CalendarData): MissingMovableHoliday[] {
  const erasOfYear = new Set([eraOn(isoDate(year, 1, 1), data), eraOn(isoDate(year, 12, 31), data)]);
  const missing = new Map<string, MissingMovableHoliday>();
  for (const era of erasOfYear) {
    for (const rule of era.movableHolidays) {
      if (!rule.nonWorking) continue;
      const known = data.movableHolidayDates.filter((d) => d.holiday === rule.id);
      if (known.some((d) => yearOf(d.date) === year)) continue;
      const nearest = [...known].sort((a, b) => Math.abs(yearOf(a.date) - year) - Math.abs(yearOf(b.date) - year))[0];
      if (nearest === undefined) {
        missing.set(rule.id, { holiday: rule.id, name: rule.name, year });
        continue;
      }
      const expected = addDays(nearest.date, Math.round((year - yearOf(nearest.date)) * LUNAR_YEAR_DAYS));
      missing.set(rule.id, { holiday: rule.id, name: rule.name, year, expectedAround: expected });
    }
  }
  return [...missing.values()];
}

/**
 * Every day of `year` with its status, for the administrator's calendar page and for exports.
 *
 * @example describeYear(2026, data).filter((d) => !d.status.working).length // days off in 2026
 */
export function describeYear(year: number, data: CalendarData): { date: IsoDate; status: WorkingDayResult }[] {
  const days: { date: IsoDate; status: WorkingDayResult }[] = [];
  for (let date = isoDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) {
    days.push({ date, status: isWorkingDay(date, data) });
  }
  return days;
}
