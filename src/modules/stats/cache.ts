/**
 * Figures computed from the aggregates (report cards, league tables, map totals), kept until the
 * statistics change. At a million appeals a league table reads ~20,000 cells and their histograms
 * (hundreds of milliseconds); the public pages ask for the same few tables over and over, and the
 * aggregates only change when the statistics job, an import or a rebuild writes them.
 *
 * Correct invalidation, also with several server processes on one PostgreSQL: every writer of the
 * aggregates calls `bumpStatsVersion` after (or in the same transaction as) its writes, and every
 * lookup reads the version from the database first (one indexed row; platform/db/versions.ts). An entry is only ever found
 * under the version it was computed at, so a change made by any process is seen on the next
 * request. Figures that depend on the date ("overdue now") carry the date in their key.
 */
import type { Executor } from '../../platform/db/database.js';
import { bumpVersion, readVersion } from '../../platform/db/versions.js';

/** Entries kept per database (least recently used dropped first): bounds the memory. */
const MAX_ENTRIES = 100;

const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Marks every computed figure as out of date (any process, on its next request). */
export const bumpStatsVersion = (db: Executor, now = new Date()): Promise<void> =>
  bumpVersion(db, 'stats.version', now);

/** The current statistics version (changes with every write of the aggregates). */
const statsVersion = (db: Executor): Promise<string> => readVersion(db, 'stats.version');

/** When the directory last changed (a body's name, kind or territory shows on figure pages). */
export async function directoryStamp(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('body')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return String(row?.at ?? '');
}

/**
 * The figure under `key` at the current statistics version, computed once (concurrent requests for
 * the same key share one computation; a failed one is not kept).
 */
export async function cachedFigures<T>(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${await statsVersion(db)}|${key}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(full);
  if (hit) {
    cache.delete(full);
    cache.set(full, hit);
    return hit as Promise<T>;
  }
  const made = compute();
  cache.set(full, made);
  made.catch(() => cache.delete(full));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return made;
}
