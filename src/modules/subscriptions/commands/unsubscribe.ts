/**
 * Unsubscription deletes the subscription outright (least data: nothing is kept about an address
 * that left). The token in the link is the authorization; see tokens.ts.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { forgetDeliveries } from '../forget.js';
import { checkUnsubscribeToken, tokenSubscriptionId } from '../tokens.js';

/** The subscription an unsubscribe token names, when the token is genuine. */
export async function findByUnsubscribeToken(db: Executor, cipher: FieldCipher, token: unknown) {
  const id = tokenSubscriptionId(token);
  if (id === null || typeof token !== 'string') return undefined;
  const row = await db.selectFrom('subscription').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !checkUnsubscribeToken(cipher, token, row.id, row.unsubscribe_salt)) return undefined;
  return row;
}

/** Deletes the subscription; returns false when the token names none (wrong or already used). */
export async function unsubscribe(p: {
  trx: Executor;
  cipher: FieldCipher;
  token: string;
  oneClick: boolean;
  now: Date;
}): Promise<boolean> {
  const row = await findByUnsubscribeToken(p.trx, p.cipher, p.token);
  if (!row) return false;
  await p.trx.deleteFrom('subscription').where('id', '=', row.id).execute();
  await forgetDeliveries(p.trx, [row.id]);
  await appendAudit(p.trx, {
    actor: 'anonymous',
    action: 'subscription.deleted',
    objectType: 'subscription',
    objectId: row.id,
    data: { one_click: p.oneClick },
    at: p.now,
  });
  return true;
}
