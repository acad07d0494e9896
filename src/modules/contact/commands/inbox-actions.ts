/** What staff do with a contact-form message: mark it handled (starts its retention) or delete it. */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { userActor } from '../../../platform/audit/actor.js';

/** Marks a message handled; false when there is no such message. Handling twice keeps the first date. */
export async function markHandled(p: { trx: Executor; id: number; userId: number; now: Date }): Promise<boolean> {
  const row = await p.trx
    .selectFrom('contact_message')
    .select(['id', 'status'])
    .where('id', '=', p.id)
    .executeTakeFirst();
  if (!row) return false;
  if (row.status === 'handled') return true;
  await p.trx
    .updateTable('contact_message')
    .set({ status: 'handled', handled_at: p.now.toISOString(), handled_by: p.userId })
    .where('id', '=', p.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'contact.handled',
    objectType: 'contact_message',
    objectId: p.id,
    at: p.now,
  });
  return true;
}

/**
 * Deletes a message for good (a request for deletion, or a message not worth keeping); false when
 * there is no such message. `actor` is 'system' for the retention sweep.
 */
export async function deleteMessage(p: {
  trx: Executor;
  id: number;
  actor: string;
  action?: 'contact.deleted' | 'contact.expired';
  now: Date;
}): Promise<boolean> {
  const res = await p.trx.deleteFrom('contact_message').where('id', '=', p.id).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) return false;
  await appendAudit(p.trx, {
    actor: p.actor,
    action: p.action ?? 'contact.deleted',
    objectType: 'contact_message',
    objectId: p.id,
    at: p.now,
  });
  return true;
}
