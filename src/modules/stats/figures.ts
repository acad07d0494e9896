/**
 * The arithmetic of report cards, as pure functions (unit-tested on hand-checked numbers).
 *
 * - Rates are shown only from {@link MIN_SAMPLE} cases, with a 95% Wilson score interval, which stays
 *   inside 0–100% and is honest for small samples (Wilson 1927; Brown, Cai & DasGupta 2001).
 * - Percentiles use the nearest-rank method: the p-th percentile is the smallest value with at least
 *   p% of the values at or below it, so every figure is a number of days some appeal really took.
 *
 * @example wilson(8, 10) // { rate: 0.8, low: 0.4902, high: 0.9433 } (rounded)
 * @example percentile({ 3: 2, 5: 1, 9: 1 }, 0.5) // 3
 */

/** Below this many cases a rate is not shown (a single late answer would swing it by 10 points). */
export const MIN_SAMPLE = 10;

const Z = 1.959963984540054;

export interface Rate {
  /** successes and trials */
  x: number;
  n: number;
  /** null when n < MIN_SAMPLE */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** The 95% Wilson score interval of x successes in n trials. */
export function wilson(x: number, n: number): { rate: number; low: number; high: number } {
  if (n <= 0) return { rate: 0, low: 0, high: 0 };
  const p = x / n;
  const z2 = Z * Z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A rate with its interval, or only the counts when the sample is too small. */
export function rate(x: number, n: number, min = MIN_SAMPLE): Rate {
  if (n < min) return { x, n, rate: null, low: null, high: null };
  return { x, n, ...wilson(x, n) };
}

/** Histogram { value: count } → nearest-rank percentile (p in (0, 1]); null when empty. */
export function percentile(hist: Record<string, number>, p: number): number | null {
  const entries = Object.entries(hist)
    .map(([k, v]) => [Number(k), v] as const)
    .filter(([, v]) => v > 0)
    .sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((s, [, v]) => s + v, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen >= rank) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Adds histogram / count maps (JSON objects of numbers). */
export function addCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

export function parseCounts(json: string): Record<string, number> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Summed figures of a set of aggregate cells (one body, a league row, a region). */
export interface Totals {
  received: number;
  answered: number;
  onTime: number;
  late: number;
  outcomes: Record<string, number>;
  reasons: Record<string, number>;
  days: Record<string, number>;
}

export function emptyTotals(): Totals {
  return { received: 0, answered: 0, onTime: 0, late: 0, outcomes: {}, reasons: {}, days: {} };
}

/** Adds a cell to the totals; a cell read without its outcome and reason histograms (a league row needs neither) adds none. */
export function addCell(
  t: Totals,
  c: {
    received: number;
    answered: number;
    on_time: number;
    late: number;
    outcomes?: string;
    reasons?: string;
    days_hist: string;
  },
): Totals {
  t.received += c.received;
  t.answered += c.answered;
  t.onTime += c.on_time;
  t.late += c.late;
  if (c.outcomes !== undefined) addCounts(t.outcomes, parseCounts(c.outcomes));
  if (c.reasons !== undefined) addCounts(t.reasons, parseCounts(c.reasons));
  addCounts(t.days, parseCounts(c.days_hist));
  return t;
}

/** The headline figures of a report card or league row. */
export interface Figures {
  received: number;
  answered: number;
  /** on time among answered-or-late (appeals whose term has ended or that were answered) */
  onTimeRate: Rate;
  median: number | null;
  p90: number | null;
}

export function figuresOf(t: Totals): Figures {
  return {
    received: t.received,
    answered: t.answered,
    onTimeRate: rate(t.onTime, t.onTime + t.late),
    median: percentile(t.days, 0.5),
    p90: percentile(t.days, 0.9),
  };
}
