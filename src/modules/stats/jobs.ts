/**
 * The statistics refresh as a self-rescheduling job (like the appeals sweep): every 5 minutes it
 * brings the facts and aggregates up to date with the appeals changed since the last run, and
 * moves open appeals whose due date passed into "late". Idempotent; `achyk jobs run` runs it too.
 */
import type { Db } from '../../platform/db/database.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { refreshStats } from './refresh.js';

export const REFRESH_JOB = 'stats.refresh';
export const REFRESH_EVERY_MS = 5 * 60_000;

export async function ensureRefreshScheduled(db: Db, now: Date): Promise<void> {
  const queued = await db.selectFrom('job').select('id').where('kind', '=', REFRESH_JOB).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (queued) return;
  await db.transaction().execute(async (trx) => {
    await enqueueJob(trx, { kind: REFRESH_JOB, payload: {}, runAt: now, now, dedupeKey: `${REFRESH_JOB}@${now.toISOString()}` });
  });
}

registerJobHandler(REFRESH_JOB, async (_payload, ctx) => {
  await ctx.db.transaction().execute(async (trx) => {
    await refreshStats(trx, kyrgyzDateOf(ctx.now), ctx.now);
    const next = new Date(ctx.now.getTime() + REFRESH_EVERY_MS);
    await enqueueJob(trx, { kind: REFRESH_JOB, payload: {}, runAt: next, now: ctx.now, dedupeKey: `${REFRESH_JOB}@${next.toISOString()}` });
  });
});
