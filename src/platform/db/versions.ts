/**
 * Version stamps of derived data kept in memory (computed figures, rendered public pages): a
 * setting replaced by every writer of the data after its writes, read by every reader first. A
 * random value, not a timestamp, so that two writes in the same millisecond still change it; kept in
 * the database, so that several server processes on one PostgreSQL see each other's writes.
 */
import crypto from 'node:crypto';
import type { Executor } from './database.js';

export type VersionKey = 'stats.version' | 'publication.version';

/** Marks what was derived from this data as out of date (any process, on its next request). */
export async function bumpVersion(db: Executor, key: VersionKey, now = new Date()): Promise<void> {
  const value = crypto.randomUUID();
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
}

export async function readVersion(db: Executor, key: VersionKey): Promise<string> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? '';
}
