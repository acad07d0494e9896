/**
 * Login throttling (SECURITY.md): 5 failures per account per minute, then 429 with a growing delay
 * (1, 2, 4 … minutes, at most a day). Keyed by a hash of the normalised account name, so unknown
 * accounts are throttled the same way and the table never holds e-mail addresses.
 */
import type { Executor } from '../db/database.js';
import { sha256 } from './sessions.js';

const WINDOW_MS = 60 * 1000;
const MAX_FAILURES = 5;
const MAX_LOCK_MS = 24 * 60 * 60 * 1000;

export function throttleKey(kind: string, account: string): string {
  return sha256(`${kind}:${account.trim().toLowerCase()}`);
}

/** Seconds to wait, or 0 when an attempt is allowed now. */
export async function throttleWait(db: Executor, key: string, now: Date): Promise<number> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row?.locked_until) return 0;
  const left = Date.parse(row.locked_until) - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export async function recordFailure(db: Executor, key: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('login_throttle')
      .values({ key, failures: 1, window_start: at, locked_until: null, lockouts: 0 })
      .execute();
    return;
  }
  const inWindow = now.getTime() - Date.parse(row.window_start) < WINDOW_MS;
  const failures = inWindow ? row.failures + 1 : 1;
  if (failures >= MAX_FAILURES) {
    const lockMs = Math.min(WINDOW_MS * 2 ** row.lockouts, MAX_LOCK_MS);
    await db
      .updateTable('login_throttle')
      .set({
        failures: 0,
        window_start: at,
        locked_until: new Date(now.getTime() + lockMs).toISOString(),
        lockouts: row.lockouts + 1,
      })
      .where('key', '=', key)
      .execute();
  } else {
    await db
      .updateTable('login_throttle')
      .set({ failures, window_start: inWindow ? row.window_start : at })
      .where('key', '=', key)
      .execute();
  }
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
