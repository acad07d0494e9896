/**
 * Is a given day a working day in Kyrgyzstan, and if not, why not.
 *
 * The answer combines, in this order of precedence:
 * 1. an administrator's `working_day` exception (a government decision makes the day working,
 *    e.g. a Saturday worked in exchange for a bridge day): it overrides every rule below;
 * 2. a non-working holiday on that date (fixed by the Labour Code of its era, or a dated Orozo Ait /
 *    Kurman Ait), even when it falls on a weekend: the user should read "Nooruz", not "Saturday";
 * 3. a holiday transferred to that date (only eras with the transfer rule, i.e. before 2025);
 * 4. an administrator's `day_off` exception (reported after real holidays, because "New Year
 *    holidays" explains 1-6 January better than "extended by government decision");
 * 5. Saturday and Sunday, the rest days of the five-day week that state bodies work.
 *
 * @module
 */
import { addDays, dayOfWeek, isIsoDate, isoDate, isWeekend, toUtcMs, yearOf, type IsoDate } from './iso-date.js';
import type {
  CalendarData,
  CalendarException,
  LabourCodeEra,
  LocalizedText,
  MovableHolidayRule,
} from './calendar-rules.js';

/** Why a day is not a working day. `name` is always ready to show in ky/ru/en. */
export type NonWorkingReason =
  | { readonly kind: 'weekend'; readonly name: LocalizedText }
  | {
      readonly kind: 'holiday';
      readonly holiday: string;
      readonly name: LocalizedText;
      /** The Labour-Code era whose rules made the day a holiday. */
      readonly era: string;
      /** The holiday falls on Saturday or Sunday. */
      readonly onWeekend: boolean;
      /** Where the day off went under the old transfer rule; absent when it was not moved. */
      readonly movedTo?: IsoDate;
    }
  | {
      readonly kind: 'transferred_holiday';
      readonly holiday: string;
      readonly name: LocalizedText;
      readonly era: string;
      /** The weekend day on which the holiday itself fell. */
      readonly originalDate: IsoDate;
    }
  | {
      readonly kind: 'exception';
      /** The administrator's reason for the exception. */
      readonly name: LocalizedText;
      readonly source?: string;
    };

/** A state holiday that is nevertheless a working day (23 Feb, 7 Apr, 7-8 Nov since 2025). */
export interface Observance {
  readonly holiday: string;
  readonly name: LocalizedText;
  readonly era: string;
}

/** The answer of {@link isWorkingDay}. */
export type WorkingDayResult =
  | {
      readonly working: true;
      /** Shown as "working day, although it is Defender of the Fatherland Day". */
      readonly observance?: Observance;
      /** Present when an administrator's `working_day` exception made the day working. */
      readonly exception?: CalendarException;
    }
  | { readonly working: false; readonly reason: NonWorkingReason };

/** Weekday names indexed like `Date#getUTCDay` (0 = Sunday). */
export const WEEKDAY_NAMES: readonly LocalizedText[] = [
  { ky: 'жекшемби', ru: 'воскресенье', en: 'Sunday' },
  { ky: 'дүйшөмбү', ru: 'понедельник', en: 'Monday' },
  { ky: 'шейшемби', ru: 'вторник', en: 'Tuesday' },
  { ky: 'шаршемби', ru: 'среда', en: 'Wednesday' },
  { ky: 'бейшемби', ru: 'четверг', en: 'Thursday' },
  { ky: 'жума', ru: 'пятница', en: 'Friday' },
  { ky: 'ишемби', ru: 'суббота', en: 'Saturday' },
];

/** The weekday of `date` in ky/ru/en. */
export function weekdayName(date: IsoDate): LocalizedText {
  const name = WEEKDAY_NAMES[dayOfWeek(date)];
  if (name === undefined) throw new RangeError(`No weekday for ${date}`); // unreachable: 0-6
  return name;
}

interface Occurrence {
  readonly date: IsoDate;
  readonly holiday: string;
  readonly name: LocalizedText;
  readonly era: LabourCodeEra;
  readonly nonWorking: boolean;
}

interface Transfer {
  readonly holiday: Occurrence;
  readonly target: IsoDate;
}

interface CalendarIndex {
  readonly eras: readonly LabourCodeEra[];
  readonly exceptions: ReadonlyMap<IsoDate, CalendarException>;
  readonly occurrences: Map<number, ReadonlyMap<IsoDate, Occurrence[]>>;
  readonly transfers: Map<number, readonly Transfer[]>;
}

// Keyed on the data object: report cards evaluate thousands of deadlines against one calendar.
const indexes = new WeakMap<CalendarData, CalendarIndex>();

function indexOf(data: CalendarData): CalendarIndex {
  let index = indexes.get(data);
  if (index === undefined) {
    if (data.eras.length === 0) throw new RangeError('Calendar data has no Labour-Code era');
    const exceptions = new Map<IsoDate, CalendarException>();
    // Later entries win, so an administrator's correction appended to the list takes effect.
    for (const exception of data.exceptions) exceptions.set(exception.date, exception);
    index = {
      eras: [...data.eras].sort((a, b) => toUtcMs(a.validFrom) - toUtcMs(b.validFrom)),
      exceptions,
      occurrences: new Map(),
      transfers: new Map(),
    };
    indexes.set(data, index);
  }
  return index;
}

/**
 * The Labour-Code era in force on `date`. Dates before the earliest era use the earliest era,
 * which is the best available approximation for historical records.
 */
export function eraOn(date: IsoDate, data: CalendarData): LabourCodeEra {
  const { eras } = indexOf(data);
  const ms = toUtcMs(date);
  const [earliest, ...later] = eras;
  if (earliest === undefined) throw new RangeError('Calendar data has no Labour-Code era');
  let current = earliest;
  for (const era of later) if (toUtcMs(era.validFrom) <= ms) current = era;
  return current;
}

/** Every holiday (working or not) of `year`, each under the era in force on its own date. */
function occurrencesOf(year: number, data: CalendarData): ReadonlyMap<IsoDate, Occurrence[]> {
  const index = indexOf(data);
  const cached = index.occurrences.get(year);
  if (cached !== undefined) return cached;

  const byDate = new Map<IsoDate, Occurrence[]>();
  const add = (occurrence: Occurrence): void => {
    const list = byDate.get(occurrence.date) ?? [];
    list.push(occurrence);
    byDate.set(occurrence.date, list);
  };
  for (const era of index.eras) {
    for (const rule of era.fixedHolidays) {
      for (let day = rule.day; day <= (rule.lastDay ?? rule.day); day++) {
        const date = isoDate(year, rule.month, day);
        // Skips impossible dates (29 Feb in a common year) and days governed by another era.
        if (!isIsoDate(date) || eraOn(date, data) !== era) continue;
        add({ date, holiday: rule.id, name: rule.name, era, nonWorking: rule.nonWorking });
      }
    }
  }
  for (const { holiday, date } of data.movableHolidayDates) {
    if (yearOf(date) !== year) continue;
    const era = eraOn(date, data);
    const rule = era.movableHolidays.find((r: MovableHolidayRule) => r.id === holiday);
    if (rule === undefined) continue; // not a holiday under that era's Code
    add({ date, holiday: rule.id, name: rule.name, era, nonWorking: rule.nonWorking });
  }
  index.occurrences.set(year, byDate);
  return byDate;
}

function nonWorkingHolidayOn(date: IsoDate, data: CalendarData): Occurrence | undefined {
  const [first, ...others] =
    occurrencesOf(yearOf(date), data)
      .get(date)
      ?.filter((o) => o.nonWorking) ?? [];
  if (first === undefined || others.length === 0) return first;
  // Two holidays on one day (possible when a lunar holiday meets a fixed one): show both names.
  return { ...first, name: joinNames([first, ...others].map((o) => o.name)) };
}

function joinNames(names: readonly LocalizedText[]): LocalizedText {
  return {
    ky: names.map((n) => n.ky).join(' / '),
    ru: names.map((n) => n.ru).join(' / '),
    en: names.map((n) => n.en).join(' / '),
  };
}

/**
 * Days off moved under the transfer rule whose holiday fell in `year - 1` or `year` (a holiday on
 * the last weekend of December moves into January).
 *
 * Rule of the 2004 Labour Code (art. 113): when a non-working holiday coincides with a rest day,
 * the day off moves to the next working day after the holiday. Several weekend holidays in a row
 * (7-8 November on Saturday-Sunday) take consecutive working days (Monday and Tuesday).
 * Exceptions are not consulted here: they are one-off decisions that override the result.
 */
function transfersFor(year: number, data: CalendarData): readonly Transfer[] {
  const index = indexOf(data);
  const cached = index.transfers.get(year);
  if (cached !== undefined) return cached;

  const candidates: Occurrence[] = [];
  for (const y of [year - 1, year]) {
    for (const list of occurrencesOf(y, data).values()) {
      const first = list.find((o) => o.nonWorking);
      if (first !== undefined && first.era.weekendHolidayTransfer === 'next_working_day' && isWeekend(first.date)) {
        candidates.push(first);
      }
    }
  }
  candidates.sort((a, b) => toUtcMs(a.date) - toUtcMs(b.date));

  const taken = new Set<IsoDate>();
  const transfers: Transfer[] = [];
  for (const holiday of candidates) {
    let target = addDays(holiday.date, 1);
    while (isWeekend(target) || nonWorkingHolidayOn(target, data) !== undefined || taken.has(target)) {
      target = addDays(target, 1);
    }
    taken.add(target);
    transfers.push({ holiday, target });
  }
  index.transfers.set(year, transfers);
  return transfers;
}

/**
 * Whether `date` is a working day for a body on the five-day week, and if not, why.
 *
 * @param date `'YYYY-MM-DD'`; throws `RangeError` if invalid.
 * @example
 * isWorkingDay('2026-03-21', defaultCalendarData());
 * // { working: false, reason: { kind: 'holiday', holiday: 'nooruz', onWeekend: true, era: 'labour-code-2025', … } }
 * isWorkingDay('2026-03-23', defaultCalendarData()); // { working: true }: Nooruz was not moved
 */
export function isWorkingDay(date: IsoDate, data: CalendarData): WorkingDayResult {
  toUtcMs(date); // validates
  const exception = indexOf(data).exceptions.get(date);
  const observed = occurrencesOf(yearOf(date), data)
    .get(date)
    ?.find((o) => !o.nonWorking);
  const observance: Observance | undefined =
    observed === undefined ? undefined : { holiday: observed.holiday, name: observed.name, era: observed.era.id };

  if (exception?.kind === 'working_day') {
    return observance === undefined ? { working: true, exception } : { working: true, exception, observance };
  }

  const holiday = nonWorkingHolidayOn(date, data);
  if (holiday !== undefined) {
    const onWeekend = isWeekend(date);
    const moved = onWeekend ? transfersFor(yearOf(date), data).find((t) => t.holiday.date === date)?.target : undefined;
    const base = {
      kind: 'holiday',
      holiday: holiday.holiday,
      name: holiday.name,
      era: holiday.era.id,
      onWeekend,
    } as const;
    return { working: false, reason: moved === undefined ? base : { ...base, movedTo: moved } };
  }

  const transfer = transfersFor(yearOf(date), data).find((t) => t.target === date);
  if (transfer !== undefined) {
    return {
      working: false,
      reason: {
        kind: 'transferred_holiday',
        holiday: transfer.holiday.holiday,
        name: transfer.holiday.name,
        era: transfer.holiday.era.id,
        originalDate: transfer.holiday.date,
      },
    };
  }

  if (exception?.kind === 'day_off') {
    const reason: NonWorkingReason =
      exception.source === undefined
        ? { kind: 'exception', name: exception.reason }
        : { kind: 'exception', name: exception.reason, source: exception.source };
    return { working: false, reason };
  }

  if (isWeekend(date)) return { working: false, reason: { kind: 'weekend', name: weekdayName(date) } };

  return observance === undefined ? { working: true } : { working: true, observance };
}
