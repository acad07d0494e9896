/**
 * 'contact.sweep' (hourly, re-scheduling itself): deletes contact-form messages handled more than
 * CONTACT_RETENTION_DAYS ago, one audit entry each (its id, never its content).
 */
import type { Db } from '../../platform/db/database.js';
import type { Schedule } from '../../platform/jobs/recurring.js';
import { deleteMessage } from './commands/inbox-actions.js';

export const SWEEP_JOB = 'contact.sweep';
const SWEEP_EVERY_MS = 3600_000;
const DAY_MS = 24 * 3600_000;

/** Deletes the messages whose retention ended at `now`; returns how many. */
export async function sweepHandled(db: Db, retentionDays: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const due = await db
    .selectFrom('contact_message')
    .select('id')
    .where('status', '=', 'handled')
    .where('handled_at', '<=', before)
    .orderBy('id')
    .limit(1000)
    .execute();
  let n = 0;
  for (const r of due) {
    const deleted = await db
      .transaction()
      .execute((trx) => deleteMessage({ trx, id: r.id, actor: 'system', action: 'contact.expired', now }));
    if (deleted) n++;
  }
  return n;
}

/** The hourly sweep, as the manifest declares it. */
export const contactSweep: Schedule = {
  kind: SWEEP_JOB,
  everyMs: SWEEP_EVERY_MS,
  run: (ctx) => sweepHandled(ctx.db, ctx.services.config.contactRetentionDays, ctx.now).then(() => undefined),
};
