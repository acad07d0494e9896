/**
 * The owner's statistical consent for one appeal: an opt-out row in `stats_opt_out` (the default is
 * to count the appeal). The aggregates follow at once, in the same transaction, with an audit entry.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { kyrgyzDateOf } from '../../calendar/index.js';
import { refreshAppeals } from '../refresh.js';

/** Whether the appeal counts in the statistics (no opt-out recorded). */
export async function countsInStatistics(db: Executor, appealId: number): Promise<boolean> {
  return !(await db.selectFrom('stats_opt_out').select('id').where('appeal_id', '=', appealId).executeTakeFirst());
}

/** Gives (`include`) or withdraws the consent; idempotent. Call inside a transaction. */
export async function setStatisticsConsent(p: {
  trx: Executor;
  appealId: number;
  include: boolean;
  actor: string;
  now: Date;
}): Promise<void> {
  const { trx, appealId, now } = p;
  if (p.include) await trx.deleteFrom('stats_opt_out').where('appeal_id', '=', appealId).execute();
  else if (await countsInStatistics(trx, appealId)) {
    await trx.insertInto('stats_opt_out').values({ appeal_id: appealId, created_at: now.toISOString() }).execute();
  }
  await refreshAppeals(trx, [appealId], kyrgyzDateOf(now));
  await appendAudit(trx, {
    actor: p.actor,
    action: p.include ? 'stats.consent_given' : 'stats.consent_withdrawn',
    objectType: 'appeal',
    objectId: appealId,
    at: now,
  });
}
