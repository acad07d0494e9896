/**
 * Bishkek wall-clock time ↔ UTC instants. Kyrgyzstan has kept UTC+6 all year since 2005 (no daylight
 * saving), so the conversion is a fixed offset (the same one as `kyrgyzDateOf`); the iCalendar file
 * of an event says so with its VTIMEZONE.
 */
import { KYRGYZ_UTC_OFFSET_MS as BISHKEK_OFFSET_MS } from './iso-date.js';

export { BISHKEK_OFFSET_MS };

/** The first instant of a Bishkek calendar day ('2026-03-18' → 2026-03-17T18:00:00Z). */
export function startOfKyrgyzDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BISHKEK_OFFSET_MS);
}

/** '2026-12-03' + '11:00' (Bishkek) → the UTC instant, or null when the date or time is impossible. */
export function bishkekToUtc(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(date)) return null;
  return new Date(d.getTime() - BISHKEK_OFFSET_MS);
}

/** The Bishkek date and time of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function utcToBishkek(instant: string | Date): { date: string; time: string } {
  const d = new Date(new Date(instant).getTime() + BISHKEK_OFFSET_MS).toISOString();
  return { date: d.slice(0, 10), time: d.slice(11, 16) };
}
