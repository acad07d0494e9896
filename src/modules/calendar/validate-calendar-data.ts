/**
 * Checks administrator-edited calendar data before it is saved.
 *
 * Why: a mistyped date or a Kurman Ait entered twice would silently move every deadline computed
 * from it, and deadlines carry fines (10,000 som since July 2025). The admin form shows these
 * problems next to the fields; the calendar functions themselves only throw on invalid dates.
 *
 * @module
 */
import { isIsoDate, yearOf } from './iso-date.js';
import type { CalendarData, LocalizedText } from './calendar-rules.js';
import { eraOn } from './working-days.js';

/** One problem, with a JSON-path-like location such as `exceptions[3].date`. */
export interface CalendarDataProblem {
  readonly path: string;
  readonly message: string;
}

function blankLanguages(text: LocalizedText): string[] {
  return (['ky', 'ru', 'en'] as const).filter((lang) => text[lang].trim() === '');
}

/**
 * Lists the problems in `data`; an empty list means it is safe to use.
 *
 * @example validateCalendarData(defaultCalendarData()) // []
 */
export function validateCalendarData(data: CalendarData): CalendarDataProblem[] {
  const problems: CalendarDataProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  if (data.eras.length === 0) problem('eras', 'At least one Labour-Code era is required');
  const eraIds = new Set<string>();
  data.eras.forEach((era, e) => {
    if (eraIds.has(era.id)) problem(`eras[${e}].id`, `Duplicate era id ${era.id}`);
    eraIds.add(era.id);
    if (!isIsoDate(era.validFrom)) problem(`eras[${e}].validFrom`, 'Not a valid YYYY-MM-DD date');
    era.fixedHolidays.forEach((rule, r) => {
      const path = `eras[${e}].fixedHolidays[${r}]`;
      const lastDay = rule.lastDay ?? rule.day;
      // 2024 is a leap year, so 29 February passes; it simply does not occur in common years.
      if (!isIsoDate(`2024-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`)) {
        problem(path, `No such day: ${rule.day}/${rule.month}`);
      } else if (
        !Number.isInteger(lastDay) ||
        lastDay < rule.day ||
        !isIsoDate(`2024-${String(rule.month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`)
      ) {
        problem(`${path}.lastDay`, 'The last day must be a day of the same month, not before the first day');
      }
      for (const lang of blankLanguages(rule.name)) problem(`${path}.name.${lang}`, 'Name is empty');
    });
    era.movableHolidays.forEach((rule, r) => {
      for (const lang of blankLanguages(rule.name))
        problem(`eras[${e}].movableHolidays[${r}].name.${lang}`, 'Name is empty');
    });
  });
  if (problems.length > 0) return problems; // the checks below need valid eras

  const seenMovable = new Set<string>();
  data.movableHolidayDates.forEach((entry, i) => {
    const path = `movableHolidayDates[${i}]`;
    if (!isIsoDate(entry.date)) {
      problem(`${path}.date`, 'Not a valid YYYY-MM-DD date');
      return;
    }
    const key = `${entry.holiday}/${yearOf(entry.date)}`;
    if (seenMovable.has(key)) problem(path, `${entry.holiday} is entered twice for ${yearOf(entry.date)}`);
    seenMovable.add(key);
    if (!eraOn(entry.date, data).movableHolidays.some((rule) => rule.id === entry.holiday)) {
      problem(`${path}.holiday`, `${entry.holiday} is not a holiday under the Labour Code in force on ${entry.date}`);
    }
  });

  const seenExceptions = new Set<string>();
  data.exceptions.forEach((exception, i) => {
    const path = `exceptions[${i}]`;
    if (!isIsoDate(exception.date)) problem(`${path}.date`, 'Not a valid YYYY-MM-DD date');
    if (seenExceptions.has(exception.date)) problem(`${path}.date`, `Another exception exists for ${exception.date}`);
    seenExceptions.add(exception.date);
    for (const lang of blankLanguages(exception.reason)) problem(`${path}.reason.${lang}`, 'Reason is empty');
  });
  return problems;
}
