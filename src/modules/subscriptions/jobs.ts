/**
 * 'subscriptions.sweep' (hourly, re-scheduling itself): deletes pending subscriptions whose
 * confirmation link expired, so an address nobody confirmed is not kept. One audit entry per sweep
 * that deleted something (a count, never an address).
 */
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import type { Schedule } from '../../platform/jobs/recurring.js';
import { forgetDeliveries } from './forget.js';

export const SWEEP_JOB = 'subscriptions.sweep';
const SWEEP_EVERY_MS = 3600_000;

/** Deletes expired pending subscriptions at `now`; returns how many. */
export async function sweepPending(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('subscription')
      .select('id')
      .where('status', '=', 'pending')
      .where('expires_at', '<=', now.toISOString())
      .execute();
    const ids = due.map((r) => r.id);
    if (ids.length > 0) await trx.deleteFrom('subscription').where('id', 'in', ids).execute();
    await forgetDeliveries(trx, ids);
    const n = ids.length;
    if (n > 0)
      await appendAudit(trx, { actor: 'system', action: 'subscription.pending_expired', data: { count: n }, at: now });
    return n;
  });
}

/** The hourly sweep, as the manifest declares it. */
export const subscriptionsSweep: Schedule = {
  kind: SWEEP_JOB,
  everyMs: SWEEP_EVERY_MS,
  run: (ctx) => sweepPending(ctx.db, ctx.now).then(() => undefined),
};
