/**
 * The statistics refresh as a self-rescheduling job (like the appeals sweep): every 5 minutes it
 * brings the facts and aggregates up to date with the appeals changed since the last run, and
 * moves open appeals whose due date passed into "late". Idempotent; `achyk jobs run` runs it too.
 */
import type { Schedule } from '../../platform/jobs/recurring.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { refreshStats } from './refresh.js';

export const REFRESH_JOB = 'stats.refresh';
export const REFRESH_EVERY_MS = 5 * 60_000;

/** The refresh, as the manifest declares it (the platform queues the next run after each one). */
export const statsRefresh: Schedule = {
  kind: REFRESH_JOB,
  everyMs: REFRESH_EVERY_MS,
  async run(ctx) {
    await ctx.db.transaction().execute((trx) => refreshStats(trx, kyrgyzDateOf(ctx.now), ctx.now));
  },
};
