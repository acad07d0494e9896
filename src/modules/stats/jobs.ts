/**
 * The statistics refresh as a self-rescheduling job (like the appeals sweep): every 5 minutes it
 * brings the facts and aggregates up to date with the appeals changed since the last run, and
 * moves open appeals whose due date passed into "late". Idempotent; `achyk jobs run` runs it too.
 */
import type { Db } from '../../platform/db/database.js';
import { registerJobHandler } from '../../platform/jobs/queue.js';
import { ensureJobQueued, queueNextRun } from '../../platform/jobs/recurring.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { refreshStats } from './refresh.js';

export const REFRESH_JOB = 'stats.refresh';
export const REFRESH_EVERY_MS = 5 * 60_000;

export async function ensureRefreshScheduled(db: Db, now: Date): Promise<void> {
  await ensureJobQueued(db, REFRESH_JOB, now);
}

registerJobHandler(REFRESH_JOB, async (_payload, ctx) => {
  await ctx.db.transaction().execute(async (trx) => {
    await refreshStats(trx, kyrgyzDateOf(ctx.now), ctx.now);
    await queueNextRun(trx, REFRESH_JOB, REFRESH_EVERY_MS, ctx.now);
  });
});
