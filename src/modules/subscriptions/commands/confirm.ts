/**
 * Step two of the double opt-in (a POST from the confirmation page, never a GET: link scanners in
 * mail systems open links, and must not subscribe anybody). Confirms the pending subscription the
 * token names and mails a welcome letter with the unsubscribe link.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { translator } from '../../../platform/i18n/translate.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { unsubscribeUrl } from '../announce.js';
import { EMAIL_CONTEXT, sha256 } from '../tokens.js';
import { topicList, topicsOf } from '../topics.js';

/** The open (not expired) pending subscription a confirmation token names. */
export async function findPending(db: Executor, token: string, now: Date) {
  if (!/^[\w-]{43}$/.test(token)) return undefined;
  return db
    .selectFrom('subscription')
    .selectAll()
    .where('confirm_token_hash', '=', sha256(token))
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Confirms; returns false when the token names no open request (wrong, used or expired). */
export async function confirmSubscription(p: {
  trx: Executor;
  cipher: FieldCipher;
  publicUrl: string;
  token: string;
  now: Date;
}): Promise<boolean> {
  const { trx, cipher, now } = p;
  const row = await findPending(trx, p.token, now);
  if (!row) return false;
  const done = await trx
    .updateTable('subscription')
    .set({ status: 'confirmed', confirm_token_hash: null, expires_at: null, confirmed_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  const t = translator(row.language);
  const link = unsubscribeUrl(p.publicUrl, cipher, row.id, row.unsubscribe_salt);
  await queueMail(
    trx,
    {
      to: cipher.decrypt(row.email_enc, EMAIL_CONTEXT),
      subject: t('subscriptions.mail.welcome.subject'),
      text: t('subscriptions.mail.welcome.body', { topics: topicList(t, topicsOf(row)), link }),
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      related: { type: 'subscription', id: row.id },
      confidentialRecipient: true,
    },
    { cipher, now },
  );
  await appendAudit(trx, {
    actor: 'anonymous',
    action: 'subscription.confirmed',
    objectType: 'subscription',
    objectId: row.id,
    at: now,
  });
  return true;
}
