/**
 * Reads of the statistics for report cards, league tables and maps. They read the per-body-month
 * aggregates (and, for "overdue now", the open facts by due date): never the appeal table.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../platform/db/database.js';
import { cachedFigures, directoryStamp } from './cache.js';
import { addCell, emptyTotals, figuresOf, type Figures, type Totals } from './figures.js';

export interface Period {
  /** 'YYYY-MM', inclusive */
  from: string;
  to: string;
}

export interface ReportCard {
  totals: Totals;
  figures: Figures;
  byKind: { kind: string; totals: Totals; figures: Figures }[];
  trend: { month: string; received: number; answered: number; onTime: number; late: number }[];
  overdueNow: number;
}

type Cell = {
  body_id: number;
  month: string;
  kind: string;
  received: number;
  answered: number;
  on_time: number;
  late: number;
  outcomes: string;
  reasons: string;
  days_hist: string;
  oblast_id: number | null;
  rayon_id: number | null;
};

/**
 * "Overdue now" over the facts: the appeals' rule (appeals' `isOverdue`: open and past the due date)
 * on the two columns a fact keeps for it, `open` and `due_date`. Every count of overdue facts (report
 * cards, league tables, the refresh of lapsed appeals) goes through here.
 */
export function whereOverdue<O>(
  qb: SelectQueryBuilder<Database, 'stats_appeal_fact', O>,
  today: string,
): SelectQueryBuilder<Database, 'stats_appeal_fact', O> {
  return qb.where('open', '=', 1).where('due_date', '<', today);
}

function cells(db: Executor, period: Period) {
  return db
    .selectFrom('stats_body_month')
    .selectAll()
    .where('month', '>=', period.from)
    .where('month', '<=', period.to);
}

/** The months of a period, in order ('2026-01' … '2026-06'); at most 120. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** One body's card: totals, by kind, monthly trend, overdue now (consenting appeals only). */
export async function reportCard(
  db: Executor,
  bodyId: number,
  period: Period,
  today: string,
  kind?: string,
): Promise<ReportCard> {
  let q = cells(db, period).where('body_id', '=', bodyId);
  if (kind) q = q.where('kind', '=', kind);
  const rows = (await q.execute()) as Cell[];
  const totals = emptyTotals();
  const kinds = new Map<string, Totals>();
  const months = new Map(monthsOf(period).map((m) => [m, { month: m, received: 0, answered: 0, onTime: 0, late: 0 }]));
  for (const c of rows) {
    addCell(totals, c);
    addCell(kinds.get(c.kind) ?? kinds.set(c.kind, emptyTotals()).get(c.kind)!, c);
    const m = months.get(c.month);
    if (m) {
      m.received += c.received;
      m.answered += c.answered;
      m.onTime += c.on_time;
      m.late += c.late;
    }
  }
  let overdue = whereOverdue(
    db
      .selectFrom('stats_appeal_fact')
      .select(sql<number>`count(*)`.as('n'))
      .where('body_id', '=', bodyId),
    today,
  ).where('included', '=', 1);
  if (kind) overdue = overdue.where('kind', '=', kind);
  const n = Number((await overdue.executeTakeFirstOrThrow()).n);
  return {
    totals,
    figures: figuresOf(totals),
    byKind: [...kinds]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, t]) => ({ kind: k, totals: t, figures: figuresOf(t) })),
    trend: [...months.values()],
    overdueNow: n,
  };
}

export interface LeagueRow {
  bodyId: number;
  totals: Totals;
  figures: Figures;
  overdueNow: number;
}

export interface LeagueFilter {
  period: Period;
  kind?: string;
  bodyKind?: string;
  oblastId?: number;
}

/** Bodies compared: rows with a rate first, ranked by the lower end of the interval (cautious). */
export async function leagueTable(db: Executor, f: LeagueFilter, today: string): Promise<LeagueRow[]> {
  let q = db
    .selectFrom('stats_body_month')
    .innerJoin('body', 'body.id', 'stats_body_month.body_id')
    // Only what the ranking and the figures need: the outcome and reason histograms are most of a cell's bytes.
    .select([
      'stats_body_month.body_id',
      'stats_body_month.received',
      'stats_body_month.answered',
      'stats_body_month.on_time',
      'stats_body_month.late',
      'stats_body_month.days_hist',
    ])
    .where('stats_body_month.month', '>=', f.period.from)
    .where('stats_body_month.month', '<=', f.period.to);
  if (f.kind) q = q.where('stats_body_month.kind', '=', f.kind);
  if (f.bodyKind) q = q.where('body.kind', '=', f.bodyKind as never);
  if (f.oblastId !== undefined) q = q.where('stats_body_month.oblast_id', '=', f.oblastId);
  const rows = await q.execute();
  const by = new Map<number, Totals>();
  for (const c of rows) addCell(by.get(c.body_id) ?? by.set(c.body_id, emptyTotals()).get(c.body_id)!, c);
  const ids = [...by.keys()];
  const overdue = new Map<number, number>();
  if (ids.length) {
    let oq = whereOverdue(db.selectFrom('stats_appeal_fact').select(['body_id', sql<number>`count(*)`.as('n')]), today)
      .where('included', '=', 1)
      .where('body_id', 'in', ids)
      .groupBy('body_id');
    if (f.kind) oq = oq.where('kind', '=', f.kind);
    for (const r of await oq.execute()) overdue.set(r.body_id, Number(r.n));
  }
  return [...by]
    .map(([bodyId, totals]) => ({ bodyId, totals, figures: figuresOf(totals), overdueNow: overdue.get(bodyId) ?? 0 }))
    .sort((a, b) => {
      const la = a.figures.onTimeRate.low ?? -1;
      const lb = b.figures.onTimeRate.low ?? -1;
      return lb - la || b.totals.received - a.totals.received || a.bodyId - b.bodyId;
    });
}

const periodKey = (p: Period) => `${p.from}|${p.to}`;

/** `reportCard`, kept until the statistics change (cache.ts). Do not modify the result. */
export function cachedReportCard(
  db: Executor,
  bodyId: number,
  period: Period,
  today: string,
  kind?: string,
): Promise<ReportCard> {
  return cachedFigures(db, `card|${bodyId}|${periodKey(period)}|${today}|${kind ?? ''}`, () =>
    reportCard(db, bodyId, period, today, kind),
  );
}

/**
 * `leagueTable`, kept until the statistics or the directory change (a body's kind decides its
 * table). The rows keep their counts and figures, not the days histograms (the pages show figures;
 * hundreds of histograms per table would make the cache the largest thing in memory).
 */
export async function cachedLeagueTable(db: Executor, f: LeagueFilter, today: string): Promise<LeagueRow[]> {
  const key = `league|${periodKey(f.period)}|${f.kind ?? ''}|${f.bodyKind ?? ''}|${f.oblastId ?? ''}|${today}|${await directoryStamp(db)}`;
  return cachedFigures(db, key, async () =>
    (await leagueTable(db, f, today)).map((r) => ({ ...r, totals: { ...r.totals, days: {} } })),
  );
}

/** `regionTotals`, kept until the statistics change. Do not modify the result. */
export function cachedRegionTotals(
  db: Executor,
  level: 'oblast' | 'rayon',
  period: Period,
  kind?: string,
): Promise<Map<number, Totals>> {
  return cachedFigures(db, `regions|${level}|${periodKey(period)}|${kind ?? ''}`, () =>
    regionTotals(db, level, period, kind),
  );
}

/** Totals per region (oblast or rayon) for the map. */
export async function regionTotals(
  db: Executor,
  level: 'oblast' | 'rayon',
  period: Period,
  kind?: string,
): Promise<Map<number, Totals>> {
  let q = cells(db, period);
  if (kind) q = q.where('kind', '=', kind);
  const out = new Map<number, Totals>();
  for (const c of (await q.execute()) as Cell[]) {
    const id = level === 'oblast' ? c.oblast_id : c.rayon_id;
    if (id === null) continue;
    addCell(out.get(id) ?? out.set(id, emptyTotals()).get(id)!, c);
  }
  return out;
}

/** Every aggregate cell (the statistics download), in a stable order, page by page. */
export async function* allCells(db: Executor, pageSize = 1000): AsyncGenerator<Cell & { id: number }> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('stats_body_month')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield r as Cell & { id: number };
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
