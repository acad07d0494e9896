/**
 * The statistics' part of a bulk import of appeals (src/modules/bulk-import): the facts of a batch of
 * new appeals written in one multi-row INSERT, and the aggregate cells they touched recomputed once
 * at the end, instead of a refresh per appeal. The same facts `refreshAppeals` would compute.
 */
import type { Db, Executor } from '../../../platform/db/database.js';
import type { CalendarData } from '../../calendar/index.js';
import type { Place } from '../../directory/index.js';
import { bumpStatsVersion } from '../cache.js';
import { factOf, keyOf, recomputeCells, type AppealRow, type CellKey } from '../refresh.js';

/** The aggregate cells an import touched, to recompute once at the end. */
export type TouchedCells = Map<string, CellKey>;

/** Writes the facts of new appeals (all counted: an imported appeal has no opt-out yet) and notes their cells. */
export async function recordImportedFacts(
  trx: Executor,
  appeals: (AppealRow & { place: Place })[],
  p: { today: string; calendar: CalendarData; cells: TouchedCells },
): Promise<void> {
  const facts = appeals
    .map((a) => factOf(a, p.today, p.calendar, a.place, true))
    .filter((f): f is NonNullable<typeof f> => f !== null);
  for (let i = 0; i < facts.length; i += 1000)
    await trx
      .insertInto('stats_appeal_fact')
      .values(facts.slice(i, i + 1000))
      .execute();
  for (const f of facts) p.cells.set(keyOf(f), { body_id: f.body_id, month: f.month, kind: f.kind });
}

/** Recomputes the aggregate cells an import touched (1,000 per transaction, in batches of 200). */
export async function recomputeTouchedCells(
  db: Db,
  cells: TouchedCells,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const all = [...cells.values()];
  for (let i = 0; i < all.length; i += 1000) {
    await db.transaction().execute((trx) => recomputeCells(trx, all.slice(i, i + 1000)));
    onProgress?.(Math.min(all.length, i + 1000), all.length);
  }
  if (all.length) await bumpStatsVersion(db);
}
