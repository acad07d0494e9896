/**
 * 'contact.sweep' (hourly, re-scheduling itself): deletes contact-form messages handled more than
 * CONTACT_RETENTION_DAYS ago, one audit entry each (its id, never its content).
 */
import type { Db } from '../../platform/db/database.js';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.js';
import { deleteMessage } from './commands/inbox-actions.js';

export const SWEEP_JOB = 'contact.sweep';
const SWEEP_EVERY_MS = 3600_000;
const DAY_MS = 24 * 3600_000;

/** Deletes the messages whose retention ended at `now`; returns how many. */
export async function sweepHandled(db: Db, retentionDays: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const due = await db.selectFrom('contact_message').select('id').where('status', '=', 'handled').where('handled_at', '<=', before).orderBy('id').limit(1000).execute();
  let n = 0;
  for (const r of due) {
    const deleted = await db.transaction().execute((trx) => deleteMessage({ trx, id: r.id, actor: 'system', action: 'contact.expired', now }));
    if (deleted) n++;
  }
  return n;
}

/** Makes sure a sweep is queued (when the app is ready; the sweep then re-schedules itself). */
export async function ensureSweepScheduled(db: Db, now: Date): Promise<void> {
  const queued = await db.selectFrom('job').select('id').where('kind', '=', SWEEP_JOB).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (queued) return;
  await db.transaction().execute(async (trx) => {
    await enqueueJob(trx, { kind: SWEEP_JOB, payload: {}, runAt: now, now, dedupeKey: `${SWEEP_JOB}@${now.toISOString()}` });
  });
}

registerJobHandler(SWEEP_JOB, async (_payload, ctx) => {
  await sweepHandled(ctx.db, ctx.services.config.contactRetentionDays, ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    const next = new Date(ctx.now.getTime() + SWEEP_EVERY_MS);
    await enqueueJob(trx, { kind: SWEEP_JOB, payload: {}, runAt: next, now: ctx.now, dedupeKey: `${SWEEP_JOB}@${next.toISOString()}` });
  });
});
