/**
 * Deadlines of appeals and information requests on the Kyrgyz working-day calendar.
 *
 * Legal basis of the counting rules (general civil-law practice of the Kyrgyz Republic and the
 * CIS, as in the Civil Code's chapter on computing terms; article numbers to be verified):
 * - a term set as a number of days starts on the day after the event that starts it (here: the
 *   day the appeal or request was received), so the day of receipt is never counted;
 * - when the last day of a term falls on a non-working day, the term ends on the next working day.
 *   For calendar-day terms this is {@link ComputeDueInput.rollForwardIfNonWorking} (default true);
 *   for working-day terms the last counted day is a working day by construction.
 *
 * Terms themselves (14 working days for an appeal under Law No. 67 of 2007, 10 working days for an
 * information request under Law No. 217 of 2023, extensions) come from the versioned rule set of
 * each appeal kind, not from here: this module only counts.
 *
 * @module
 */
import { addDays, fromUtcMs, kyrgyzDateOf, toUtcMs, yearOf, type IsoDate } from './iso-date.js';
import type { CalendarData } from './calendar-rules.js';
import { eraOn, isWorkingDay, weekdayName, type NonWorkingReason } from './working-days.js';
import { missingMovableHolidays } from './calendar-year.js';
import type { ExplanationItem, TermUnit } from './explanation.js';

/** A day that was not counted, with the reason. */
export interface SkippedDay {
  readonly date: IsoDate;
  readonly reason: NonWorkingReason;
}

/** Where a deadline stands on a given day. */
export interface DueStatus {
  readonly today: IsoDate;
  /** Signed working days from `today` to `due` (see {@link workingDaysBetween}). */
  readonly workingDaysLeft: number;
  /** `today` is after `due`: the body answers until the end of the due day. */
  readonly overdue: boolean;
}

/** A computed deadline with everything needed to explain it. */
export interface DueResult {
  readonly due: IsoDate;
  /** The days counted towards the term, in order. */
  readonly counted: readonly IsoDate[];
  /** Non-working days passed over: inside a working-day term, or rolled over at the end. */
  readonly skipped: readonly SkippedDay[];
  readonly explanation: readonly ExplanationItem[];
  /** Present when `now` was given. */
  readonly status?: DueStatus;
}

/** Input of {@link computeDue}. */
export interface ComputeDueInput {
  /** The day the appeal or request was received (Bishkek date). Counting starts the next day. */
  readonly from: IsoDate;
  /** Number of days, a non-negative integer; 0 makes `from` the due date. */
  readonly term: number;
  readonly unit: TermUnit;
  readonly calendar: CalendarData;
  /** "Today", as a Bishkek date or an instant; adds {@link DueResult.status}. Time is a parameter. */
  readonly now?: IsoDate | Date;
  /** Calendar-day terms only: move a due date that is not a working day forward. Default true. */
  readonly rollForwardIfNonWorking?: boolean;
}

// A year of consecutive days off can only come from broken calendar data; stop instead of looping.
const MAX_CONSECUTIVE_DAYS_OFF = 366;

/**
 * Computes the due date of a term that starts the day after `from`.
 *
 * @example
 * computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar: defaultCalendarData() }).due
 * // '2026-04-08': skips 20 Mar (Orozo Ait), 21 Mar (Nooruz on a Saturday, not moved), weekends
 * @throws RangeError on an invalid date or a negative / fractional term.
 */
export function computeDue(input: ComputeDueInput): DueResult {
  const { from, term, unit, calendar } = input;
  return finish(input, countTerm(from, term, unit, calendar, input.rollForwardIfNonWorking ?? true), {
    key: 'deadline.term',
    params: { term, unit, from, start: addDays(from, 1) },
  });
}

/** Input of {@link addExtension}. */
export interface AddExtensionInput {
  /** The due date in force before the extension. */
  readonly due: IsoDate;
  /** Extra days, e.g. up to 10 working days for an information request (Law No. 217 of 2023). */
  readonly term: number;
  readonly unit: TermUnit;
  readonly calendar: CalendarData;
  readonly now?: IsoDate | Date;
  readonly rollForwardIfNonWorking?: boolean;
}

/**
 * Extends a deadline by `term` more days, counted from the day after the current due date.
 *
 * Why from the due date and not from today: an extension prolongs the original term (the body
 * must notify the applicant before the first term ends), so the extra days run on from its end.
 *
 * @example
 * addExtension({ due: '2025-05-23', term: 10, unit: 'working', calendar }).due // '2025-06-09'
 */
export function addExtension(input: AddExtensionInput): DueResult {
  const { due, term, unit, calendar } = input;
  return finish(input, countTerm(due, term, unit, calendar, input.rollForwardIfNonWorking ?? true), {
    key: 'deadline.extension',
    params: { term, unit, previousDue: due, start: addDays(due, 1) },
  });
}

/**
 * Signed number of working days from `a` to `b`: the working days in (a, b] when `b` is later,
 * minus the working days in (b, a] when `a` is later, 0 on the same day.
 *
 * With `a` = today and `b` = the due date: 3 means "3 working days left", 0 "due today" (or due on
 * a day off just passed), -5 "overdue by 5 working days". Whether a deadline is overdue is decided
 * by comparing dates, not by this count: the Saturday after a Friday deadline is overdue by 0.
 *
 * @example workingDaysBetween('2026-03-19', '2026-03-23', data) // 1: 20-22 Mar are days off
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, data: CalendarData): number {
  const sign = toUtcMs(b) >= toUtcMs(a) ? 1 : -1;
  const [start, end] = sign === 1 ? [toUtcMs(a), toUtcMs(b)] : [toUtcMs(b), toUtcMs(a)];
  let count = 0;
  for (let ms = start + DAY_MS; ms <= end; ms += DAY_MS) {
    if (isWorkingMs(ms, data)) count++;
  }
  return sign * count;
}

const DAY_MS = 86_400_000;
// Keyed on the data object like the calendar's own index (working-days.ts): the statistics and
// the bulk import count working days for a million answers against one calendar, and
// `isWorkingDay` (with its reasons) was 40 % of an import's CPU time (docs/performance.md).
const workingByDay = new WeakMap<CalendarData, Map<number, boolean>>();

function isWorkingMs(ms: number, data: CalendarData): boolean {
  let memo = workingByDay.get(data);
  if (memo === undefined) workingByDay.set(data, (memo = new Map()));
  let working = memo.get(ms);
  if (working === undefined) memo.set(ms, (working = isWorkingDay(fromUtcMs(ms), data).working));
  return working;
}

interface Counting {
  readonly start: IsoDate;
  readonly due: IsoDate;
  readonly counted: IsoDate[];
  readonly skipped: SkippedDay[];
  readonly tail: ExplanationItem[];
}

function countTerm(
  from: IsoDate,
  term: number,
  unit: TermUnit,
  calendar: CalendarData,
  rollForward: boolean,
): Counting {
  toUtcMs(from); // validates
  if (!Number.isInteger(term) || term < 0) throw new RangeError(`Term must be a non-negative integer, got ${term}`);
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  const tail: ExplanationItem[] = [];
  let date = from;
  let daysOffInARow = 0;
  const skip = (day: IsoDate, reason: NonWorkingReason): void => {
    if (++daysOffInARow > MAX_CONSECUTIVE_DAYS_OFF) {
      throw new RangeError(`Calendar data has more than ${MAX_CONSECUTIVE_DAYS_OFF} days off in a row after ${from}`);
    }
    skipped.push({ date: day, reason });
  };

  if (unit === 'working') {
    while (counted.length < term) {
      date = addDays(date, 1);
      const status = isWorkingDay(date, calendar);
      if (status.working) {
        counted.push(date);
        daysOffInARow = 0;
      } else {
        skip(date, status.reason);
      }
    }
    return { start: addDays(from, 1), due: date, counted, skipped, tail };
  }

  for (let i = 1; i <= term; i++) counted.push(addDays(from, i));
  const lastDay = addDays(from, term);
  date = lastDay;
  if (term > 0) tail.push({ key: 'deadline.last_day', params: { date: lastDay } });
  let status = isWorkingDay(date, calendar);
  if (term > 0 && !status.working) {
    if (rollForward) {
      while (!status.working) {
        skip(date, status.reason);
        date = addDays(date, 1);
        status = isWorkingDay(date, calendar);
      }
      tail.push({ key: 'deadline.rolled_forward', params: { lastDay, due: date } });
    } else {
      tail.push({ key: 'deadline.not_rolled_forward', params: { lastDay } });
    }
  }
  return { start: addDays(from, 1), due: date, counted, skipped, tail };
}

function skippedItem(day: SkippedDay, calendar: CalendarData): ExplanationItem {
  const { date, reason } = day;
  const weekday = weekdayName(date);
  switch (reason.kind) {
    case 'weekend':
      return { key: 'deadline.skipped.weekend', params: { date, weekday } };
    case 'holiday':
      if (!reason.onWeekend) return { key: 'deadline.skipped.holiday', params: { date, name: reason.name, weekday } };
      return reason.movedTo === undefined
        ? {
            key: 'deadline.skipped.holiday_on_weekend_not_moved',
            params: { date, name: reason.name, weekday, era: eraOn(date, calendar).title },
          }
        : {
            key: 'deadline.skipped.holiday_on_weekend_moved',
            params: { date, name: reason.name, weekday, movedTo: reason.movedTo },
          };
    case 'transferred_holiday':
      return {
        key: 'deadline.skipped.transferred_holiday',
        params: { date, name: reason.name, weekday, originalDate: reason.originalDate },
      };
    case 'exception':
      return { key: 'deadline.skipped.exception', params: { date, reason: reason.name, weekday } };
  }
}

/**
 * Margin around the estimated date of an unannounced lunar holiday. The estimate drifts by a day
 * or two from the announced date (moon sighting, the Muftiate's decision); a week is generous and
 * still keeps the warning off deadlines months away from the holiday.
 */
const UNKNOWN_HOLIDAY_MARGIN_DAYS = 7;

function mayFallWithin(expected: IsoDate | undefined, start: IsoDate, end: IsoDate): boolean {
  if (expected === undefined) return true;
  return (
    toUtcMs(addDays(expected, -UNKNOWN_HOLIDAY_MARGIN_DAYS)) <= toUtcMs(end) &&
    toUtcMs(addDays(expected, UNKNOWN_HOLIDAY_MARGIN_DAYS)) >= toUtcMs(start)
  );
}

function finish(
  input: { readonly calendar: CalendarData; readonly now?: IsoDate | Date },
  counting: Counting,
  head: ExplanationItem,
): DueResult {
  const { calendar } = input;
  const { due, counted, skipped, tail } = counting;
  // For calendar-day terms the days rolled over are listed after "the term ends on …" and before
  // "moved to the next working day"; for working-day terms they follow the head in order.
  const [lastDay, ...afterLastDay] = tail;
  const explanation: ExplanationItem[] = [head];
  if (lastDay !== undefined) explanation.push(lastDay);
  for (const day of skipped) explanation.push(skippedItem(day, calendar));
  explanation.push(...afterLastDay);
  explanation.push({ key: 'deadline.due', params: { due, weekday: weekdayName(due) } });

  // An Orozo/Kurman Ait not yet entered may fall inside the counted days and shift the result.
  for (let year = yearOf(counting.start); year <= yearOf(due); year++) {
    for (const missing of missingMovableHolidays(year, calendar)) {
      if (mayFallWithin(missing.expectedAround, counting.start, due)) {
        explanation.push({ key: 'deadline.warning.movable_holiday_unknown', params: { name: missing.name, year } });
      }
    }
  }

  if (input.now === undefined) return { due, counted, skipped, explanation };

  const today = typeof input.now === 'string' ? input.now : kyrgyzDateOf(input.now);
  const workingDaysLeft = workingDaysBetween(today, due, calendar);
  const overdue = toUtcMs(today) > toUtcMs(due);
  if (overdue) {
    explanation.push({
      key: 'deadline.status.overdue',
      params: { today, due, since: addDays(due, 1), count: -workingDaysLeft },
    });
  } else if (today === due) {
    explanation.push({ key: 'deadline.status.due_today', params: { today } });
  } else {
    explanation.push({ key: 'deadline.status.left', params: { today, count: workingDaysLeft } });
  }
  return { due, counted, skipped, explanation, status: { today, workingDaysLeft, overdue } };
}
