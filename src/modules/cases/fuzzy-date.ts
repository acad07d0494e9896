/**
 * Dates of events and acts, with their precision (HURIDOCS "date type"): an exact day, a month, a
 * year, or an approximate date in words ("spring 2017") anchored on the earliest day it can mean.
 * The form gives the date as written: '2017-03-14', '2017-03' or '2017'. The precision must match
 * what was written (an exact date needs a day, a month date must not have one, …); a contradiction is
 * refused rather than guessed. Stored as the first day of the period, so ranges sort and filter alike
 * on both dialects.
 */
import type { DatePrecision } from './tables.js';
import { DATE_PRECISIONS } from './tables.js';
import { isIsoDate } from '../calendar/index.js';

export interface FuzzyDate {
  /** first day of the period, 'YYYY-MM-DD' */
  date: string;
  precision: DatePrecision;
  label: string | null;
}

export type FuzzyDateProblem = 'required' | 'format' | 'precision_mismatch' | 'label_required' | 'precision_unknown';

function shape(written: string): 'day' | 'month' | 'year' | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return isIsoDate(written) ? 'day' : null;
  if (/^\d{4}-\d{2}$/.test(written)) {
    const m = Number(written.slice(5));
    return m >= 1 && m <= 12 ? 'month' : null;
  }
  if (/^\d{4}$/.test(written)) return 'year';
  return null;
}

/** Parses what was written with its precision; returns the date or the problem. */
export function parseFuzzyDate(
  written: string,
  precision: string,
  label?: string | null,
): FuzzyDate | FuzzyDateProblem {
  const w = written.trim();
  if (w === '') return 'required';
  if (!(DATE_PRECISIONS as readonly string[]).includes(precision)) return 'precision_unknown';
  const s = shape(w);
  if (!s) return 'format';
  const p = precision as DatePrecision;
  if ((p === 'exact' && s !== 'day') || (p === 'month' && s !== 'month') || (p === 'year' && s !== 'year'))
    return 'precision_mismatch';
  const words = (label ?? '').trim();
  if (p === 'approximate' && words === '') return 'label_required';
  const date = s === 'day' ? w : s === 'month' ? `${w}-01` : `${w}-01-01`;
  return { date, precision: p, label: p === 'approximate' ? words : null };
}

/** The last day a fuzzy date can mean (the end of its month or year; approximate: of what was written). */
export function lastDayOf(d: { date: string; precision: DatePrecision }, written?: string): string {
  const kind =
    d.precision === 'exact'
      ? 'day'
      : d.precision === 'month'
        ? 'month'
        : d.precision === 'year'
          ? 'year'
          : written
            ? shape(written)
            : 'day';
  const y = Number(d.date.slice(0, 4));
  const m = Number(d.date.slice(5, 7));
  if (kind === 'year') return `${y}-12-31`;
  if (kind === 'month') {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${d.date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
  }
  return d.date;
}

/** An end that finishes before the start can begin is a contradiction (compared by whole periods). */
export function endsBeforeStart(start: FuzzyDate, end: FuzzyDate, endWritten?: string): boolean {
  return lastDayOf(end, endWritten) < start.date;
}

/** How a fuzzy date is written back in a form ('2017-03' for a month). */
export function writtenForm(date: string, precision: DatePrecision): string {
  return precision === 'exact'
    ? date
    : precision === 'month'
      ? date.slice(0, 7)
      : precision === 'year'
        ? date.slice(0, 4)
        : date;
}
