/**
 * Calendar dates as `'YYYY-MM-DD'` strings, computed with UTC arithmetic.
 *
 * Why strings and UTC: a legal term is counted in whole days of the Kyrgyz calendar, not in
 * instants. Doing the arithmetic on `Date.UTC` values means the result never depends on the time
 * zone of the server running Achyk (a laptop in Bishkek, a VPS in Frankfurt) or on DST changes
 * there. The only place where an instant becomes a date is {@link kyrgyzDateOf}.
 *
 * @module
 */

/** A calendar date written `'YYYY-MM-DD'` (ISO 8601 calendar date, no time, no zone). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Kyrgyzstan has kept UTC+6 all year round (no daylight saving time) since August 2005, so a fixed
 * offset is exact for every date Achyk handles and needs no time-zone database.
 */
export const KYRGYZ_UTC_OFFSET_MS = 6 * 3_600_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is a real calendar date in `'YYYY-MM-DD'` form (rejects `2026-02-30`).
 * Plain arithmetic, no Date object: it runs for every step of every deadline and working-day count
 * (a third of a bulk import's CPU time when it went through `toISOString`, docs/performance.md).
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  // Years 0000-0099 were never valid here (Date.UTC reads them as 1900-1999): kept so.
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/**
 * Milliseconds at UTC midnight of `date`.
 *
 * @throws RangeError when `date` is not a valid `'YYYY-MM-DD'` date, so that a typo in
 *   administrator data or an API call fails loudly instead of shifting a legal deadline.
 */
export function toUtcMs(date: IsoDate): number {
  let ms = msOfDate.get(date);
  if (ms !== undefined) return ms;
  if (!isIsoDate(date)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  remember(msOfDate, date, ms);
  return ms;
}

/** The `'YYYY-MM-DD'` date of a UTC-midnight millisecond value. */
export function fromUtcMs(ms: number): IsoDate {
  let date = dateOfMs.get(ms);
  if (date === undefined) remember(dateOfMs, ms, (date = new Date(ms).toISOString().slice(0, 10)));
  return date;
}

// Both conversions run for every day stepped over by every deadline and working-day count (a bulk
// import of a million appeals steps over tens of millions of days, but only a few thousand distinct
// ones): remembered, and forgotten wholesale past a bound so memory stays small.
const MEMO_LIMIT = 50_000;
const msOfDate = new Map<string, number>();
const dateOfMs = new Map<number, string>();
function remember<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/**
 * `date` shifted by `days` (may be negative).
 *
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Saturday or Sunday: the rest days of the five-day working week used by state bodies. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Year of `date` as a number. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Builds `'YYYY-MM-DD'` from numbers (month 1-12). */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/**
 * The date in Kyrgyzstan (UTC+6) at the instant `at`.
 *
 * Use it to turn "now" or an e-mail's arrival timestamp into the day that counts legally: an
 * appeal e-mailed at 23:30 UTC on 17 March arrived on 18 March in Bishkek.
 *
 * @example kyrgyzDateOf(new Date('2026-03-17T23:30:00Z')) // '2026-03-18'
 */
export function kyrgyzDateOf(at: Date): IsoDate {
  return fromUtcMs(Math.floor((at.getTime() + KYRGYZ_UTC_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/**
 * The twelve months up to and including `date`: from the day after the same day a year earlier (the
 * default period of reports and of figures embedded in statements).
 *
 * @example yearEndingOn('2026-03-18') // { from: '2025-03-19', to: '2026-03-18' }
 */
export function yearEndingOn(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const d = new Date(toUtcMs(date));
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return { from: addDays(fromUtcMs(d.getTime()), 1), to: date };
}
