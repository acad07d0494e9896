/** The period filter of the statistics pages and API: months 'YYYY-MM', checked, at most 10 years. */
import type { MessageKey } from '../../platform/i18n/catalog.js';
import type { Period } from './queries.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The default period: the 12 months up to and including today's month. */
export function defaultPeriod(today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const fromM = m === 12 ? 1 : m + 1;
  const fromY = m === 12 ? y : y - 1;
  return { from: `${fromY}-${String(fromM).padStart(2, '0')}`, to: today.slice(0, 7) };
}

/** Parses the period; an impossible month ("2026-13", "2026-02-30", "x") or a reversed range is an error. */
export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { period: Period; error: MessageKey | null; field?: 'from' | 'to' } {
  const d = defaultPeriod(today);
  const f = from?.trim() || d.from;
  const t = to?.trim() || d.to;
  if (!MONTH.test(f)) return { period: d, error: 'stats.bad_month', field: 'from' };
  if (!MONTH.test(t)) return { period: d, error: 'stats.bad_month', field: 'to' };
  const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
  if (f > t || months(t) - months(f) >= 120) return { period: d, error: 'stats.bad_range', field: 'from' };
  return { period: { from: f, to: t }, error: null };
}
