/**
 * Keeps the statistics in step with the appeals, incrementally (docs/public-accountability.md):
 *
 * 1. the appeals changed since the last run (`appeal.updated_at` at or after the stored watermark),
 *    the open ones whose due date has just passed, and any ids passed in (consent changes) get their
 *    fact row recomputed: dates, working days to the answer on the administrators' calendar,
 *    on time by the due date of the appeal's own rule version, outcome, territory;
 * 2. every (body, month, kind) cell those facts left or entered is recomputed from the facts of that
 *    cell alone (an index range), so the cost follows the changes, never the size of the table.
 *
 * Runs from the job queue every few minutes and after a consent change; idempotent, so a run
 * repeated after a crash gives the same tables.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { workingDaysBetween, type CalendarData } from '../calendar/index.js';
import { isOpen, isPastDue, loadCalendar, type AppealState } from '../appeals/index.js';
import { placeOfTerritory, type Place } from '../directory/index.js';
import type { StatsAppealFactTable } from './tables.js';
import { bumpStatsVersion } from './cache.js';
import { whereOverdue } from './queries.js';

const WATERMARK = 'stats.watermark';
const BATCH = 500;

type Fact = Omit<StatsAppealFactTable, 'id'>;

export interface AppealRow {
  id: number;
  body_id: number;
  kind: string;
  state: string;
  received_on: string | null;
  term_from: string | null;
  due_date: string | null;
  answered_on: string | null;
  classification: string | null;
  refusal_reason: string | null;
  updated_at: string;
}

/** The fact of one appeal on `today` (pure apart from the calendar). */
export function factOf(
  a: AppealRow,
  today: string,
  calendar: CalendarData,
  place: { oblast: number | null; rayon: number | null },
  included: boolean,
): Fact | null {
  if (a.state === 'draft' || !a.received_on) return null;
  const open = isOpen(a.state as AppealState);
  const start = a.term_from ?? a.received_on;
  const answerDays = a.answered_on ? Math.max(0, workingDaysBetween(start, a.answered_on, calendar)) : null;
  let onTime: number | null = null;
  if (a.answered_on) onTime = a.due_date && a.answered_on > a.due_date ? 0 : 1;
  else if (isPastDue(a.due_date, today) && a.state !== 'closed') onTime = 0;
  return {
    appeal_id: a.id,
    body_id: a.body_id,
    kind: a.kind,
    month: a.received_on.slice(0, 7),
    received_on: a.received_on,
    due_date: a.due_date,
    open: open ? 1 : 0,
    answered_on: a.answered_on,
    answer_days: answerDays,
    on_time: onTime,
    classification: a.classification,
    refusal_reason: a.refusal_reason,
    oblast_id: place.oblast,
    rayon_id: place.rayon,
    included: included ? 1 : 0,
    appeal_updated_at: a.updated_at,
  };
}

const APPEAL_COLUMNS = [
  'id',
  'body_id',
  'kind',
  'state',
  'received_on',
  'term_from',
  'due_date',
  'answered_on',
  'classification',
  'refusal_reason',
  'updated_at',
] as const;

/** Recomputes the facts of these appeals and the cells they touch. */
export async function refreshAppeals(
  db: Executor,
  ids: number[],
  today: string,
  calendar?: CalendarData,
): Promise<number> {
  if (ids.length === 0) return 0;
  const cal = calendar ?? (await loadCalendar(db));
  const memo = new Map<number, Place>();
  const cells = new Map<string, { body_id: number; month: string; kind: string }>();
  const touch = (c: { body_id: number; month: string; kind: string }) =>
    cells.set(`${c.body_id}|${c.month}|${c.kind}`, { body_id: c.body_id, month: c.month, kind: c.kind });
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const rows = await db
      .selectFrom('appeal')
      .select([...APPEAL_COLUMNS])
      .where('id', 'in', chunk)
      .execute();
    const optOut = new Set(
      (await db.selectFrom('stats_opt_out').select('appeal_id').where('appeal_id', 'in', chunk).execute()).map(
        (r) => r.appeal_id,
      ),
    );
    const old = await db
      .selectFrom('stats_appeal_fact')
      .select(['appeal_id', 'body_id', 'month', 'kind'])
      .where('appeal_id', 'in', chunk)
      .execute();
    for (const o of old) touch(o);
    for (const a of rows) {
      const body = await db.selectFrom('body').select('territory_id').where('id', '=', a.body_id).executeTakeFirst();
      const fact = factOf(
        a,
        today,
        cal,
        await placeOfTerritory(db, body?.territory_id ?? null, memo),
        !optOut.has(a.id),
      );
      await db.deleteFrom('stats_appeal_fact').where('appeal_id', '=', a.id).execute();
      if (fact) {
        await db.insertInto('stats_appeal_fact').values(fact).execute();
        touch(fact);
      }
    }
  }
  await recomputeCells(db, cells.values());
  if (cells.size) await bumpStatsVersion(db);
  return ids.length;
}

export type CellKey = { body_id: number; month: string; kind: string };
export const keyOf = (c: CellKey) => `${c.body_id}|${c.month}|${c.kind}`;
/** Cells recomputed per statement: (body, month, kind) row values, well within both drivers' parameter limits. */
const CELL_BATCH = 200;

/**
 * Aggregate cells from their facts (the consenting ones only), a batch at a time: one read of the batch's facts, one delete, one
 * multi-row insert, instead of three statements per cell (recomputing 78,000 cells after a bulk
 * import took 11 minutes on PostgreSQL one cell at a time, docs/performance.md). Also used by the
 * bulk import of appeals. The caller bumps the statistics version when done (cache.ts), once for
 * all its cells.
 */
export async function recomputeCells(db: Executor, cells: Iterable<CellKey>): Promise<void> {
  const all = [...cells];
  for (let i = 0; i < all.length; i += CELL_BATCH) await recomputeCellBatch(db, all.slice(i, i + CELL_BATCH));
}

async function recomputeCellBatch(db: Executor, batch: CellKey[]): Promise<void> {
  if (batch.length === 0) return;
  // A row-value list, typed by the columns on the left on both dialects (`IN (VALUES …)` would leave
  // PostgreSQL's parameters untyped).
  const inBatch = sql<boolean>`(body_id, month, kind) in (${sql.join(batch.map((c) => sql`(${c.body_id}, ${c.month}, ${c.kind})`))})`;
  const facts = await db
    .selectFrom('stats_appeal_fact')
    .select([
      'body_id',
      'month',
      'kind',
      'answer_days',
      'on_time',
      'classification',
      'refusal_reason',
      'oblast_id',
      'rayon_id',
      'answered_on',
    ])
    .where(inBatch)
    .where('included', '=', 1)
    .execute();
  await db.deleteFrom('stats_body_month').where(inBatch).execute();
  const byCell = new Map<string, typeof facts>();
  for (const f of facts) {
    const list = byCell.get(keyOf(f));
    if (list) list.push(f);
    else byCell.set(keyOf(f), [f]);
  }
  const rows = batch.flatMap((c) => {
    const list = byCell.get(keyOf(c));
    if (!list) return [];
    byCell.delete(keyOf(c)); // a cell named twice in the batch is written once
    const outcomes: Record<string, number> = {};
    const reasons: Record<string, number> = {};
    const days: Record<string, number> = {};
    let answered = 0;
    let onTime = 0;
    let late = 0;
    for (const f of list) {
      if (f.answered_on) answered++;
      if (f.on_time === 1) onTime++;
      if (f.on_time === 0) late++;
      if (f.answer_days !== null) days[f.answer_days] = (days[f.answer_days] ?? 0) + 1;
      if (f.classification) outcomes[f.classification] = (outcomes[f.classification] ?? 0) + 1;
      if (f.refusal_reason) reasons[f.refusal_reason] = (reasons[f.refusal_reason] ?? 0) + 1;
    }
    return [
      {
        body_id: c.body_id,
        month: c.month,
        kind: c.kind,
        oblast_id: list[0]!.oblast_id,
        rayon_id: list[0]!.rayon_id,
        received: list.length,
        answered,
        on_time: onTime,
        late,
        outcomes: JSON.stringify(outcomes),
        reasons: JSON.stringify(reasons),
        days_hist: JSON.stringify(days),
      },
    ];
  });
  if (rows.length) await db.insertInto('stats_body_month').values(rows).execute();
}

/**
 * The incremental run: changed appeals since the watermark, plus open appeals that became overdue
 * (their fact still says "not late"). Returns how many appeals were looked at.
 */
export async function refreshStats(db: Executor, today: string, now: Date): Promise<number> {
  const mark = await db.selectFrom('setting').select('value').where('key', '=', WATERMARK).executeTakeFirst();
  const since = mark?.value ?? '';
  const cal = await loadCalendar(db);
  let total = 0;
  let cursor = { at: since, id: 0 };
  let max = since;
  // Rows at exactly the watermark are looked at again unless their fact is already current: a
  // change made within the same millisecond as the last run is never missed.
  for (;;) {
    const rows = await db
      .selectFrom('appeal')
      .select(['appeal.id', 'appeal.updated_at'])
      .where((eb) =>
        eb.or([
          eb('appeal.updated_at', '>', cursor.at),
          eb.and([eb('appeal.updated_at', '=', cursor.at), eb('appeal.id', '>', cursor.id)]),
        ]),
      )
      .where('appeal.state', '<>', 'draft')
      // already current (a row at the watermark seen by the last run): skip
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('stats_appeal_fact')
              .select('stats_appeal_fact.id')
              .whereRef('stats_appeal_fact.appeal_id', '=', 'appeal.id')
              .whereRef('stats_appeal_fact.appeal_updated_at', '=', 'appeal.updated_at'),
          ),
        ),
      )
      .orderBy('appeal.updated_at')
      .orderBy('appeal.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    total += await refreshAppeals(
      db,
      rows.map((r) => r.id),
      today,
      cal,
    );
    const last = rows[rows.length - 1]!;
    cursor = { at: last.updated_at, id: last.id };
    if (last.updated_at > max) max = last.updated_at;
    if (rows.length < BATCH) break;
  }
  const lapsed = await whereOverdue(db.selectFrom('stats_appeal_fact').select('appeal_id'), today)
    .where('on_time', 'is', null)
    .limit(10_000)
    .execute();
  total += await refreshAppeals(
    db,
    lapsed.map((r) => r.appeal_id),
    today,
    cal,
  );
  if (max !== since || !mark) {
    if (mark)
      await db
        .updateTable('setting')
        .set({ value: max, updated_at: now.toISOString() })
        .where('key', '=', WATERMARK)
        .execute();
    else await db.insertInto('setting').values({ key: WATERMARK, value: max, updated_at: now.toISOString() }).execute();
  }
  return total;
}

/**
 * The statistics version (cache.ts) and when the figures were last brought up to date, in one round
 * trip: what a figure page needs before it knows whether its kept rendering is still right.
 */
export async function statsState(db: Executor): Promise<{ version: string; updated: string | null }> {
  const rows = await db
    .selectFrom('setting')
    .select(['key', 'value', 'updated_at'])
    .where('key', 'in', [WATERMARK, 'stats.version'])
    .execute();
  const watermark = rows.find((r) => r.key === WATERMARK);
  return {
    version: rows.find((r) => r.key === 'stats.version')?.value ?? '',
    updated: watermark ? String(watermark.updated_at) : null,
  };
}

/** When the figures were last brought up to date (shown on the pages). */
export async function lastRefresh(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('setting').select('updated_at').where('key', '=', WATERMARK).executeTakeFirst();
  return row ? String(row.updated_at) : null;
}

/**
 * Recomputes every fact and cell from scratch, in one transaction. For an administrator's change
 * that alters old figures without touching the appeals (a corrected calendar changes working days;
 * a territory moved changes the map): `achyk stats rebuild`.
 */
export async function rebuildStats(db: Executor, today: string, now: Date): Promise<number> {
  await db.deleteFrom('stats_body_month').execute();
  await db.deleteFrom('stats_appeal_fact').execute();
  await db.deleteFrom('setting').where('key', '=', WATERMARK).execute();
  await bumpStatsVersion(db, now);
  return refreshStats(db, today, now);
}
