/**
 * The outbox's delivery log (`mail_delivery`) keeps each letter's recipient in plain text for the
 * administrators' view of mail. When a subscription goes (unsubscribed, or never confirmed), its
 * address must go too: the deliveries of that subscription keep their dates and status but the
 * recipient is replaced by a placeholder. (The letters themselves live only encrypted in the job
 * payloads.)
 */
import type { Executor } from '../../platform/db/database.js';

export const FORGOTTEN_ADDRESS = '(deleted subscriber)';

export async function forgetDeliveries(trx: Executor, subscriptionIds: number[]): Promise<void> {
  if (subscriptionIds.length === 0) return;
  await trx
    .updateTable('mail_delivery')
    .set({ to_address: FORGOTTEN_ADDRESS })
    .where('related_type', '=', 'subscription')
    .where('related_id', 'in', subscriptionIds.map(String))
    .execute();
}
