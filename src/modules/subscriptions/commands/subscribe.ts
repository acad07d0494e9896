/**
 * Step one of the double opt-in: records a pending subscription and mails the confirmation link.
 * Nothing is sent to the address again while a pending request is open (an attacker typing a
 * victim's address cannot flood that mailbox), and the pending row is deleted when it expires.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { translator } from '../../../platform/i18n/translate.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { forgetDeliveries } from '../forget.js';
import { EMAIL_CONTEXT, emailHash, normaliseEmail, randomToken, sha256 } from '../tokens.js';
import type { SubscriptionTopic } from '../tables.js';
import { topicList } from '../topics.js';

/** How long a confirmation link works; after that the pending address is deleted. */
export const CONFIRM_HOURS = 48;

export type SubscribeResult =
  { kind: 'pending'; id: number } | { kind: 'already_subscribed' } | { kind: 'already_pending' };

/**
 * Subscribes `email` to `topics` in `language`, pending confirmation. A confirmed address, or one
 * with an open confirmation, is not changed: the caller shows a translated message.
 */
export async function subscribe(p: {
  trx: Executor;
  cipher: FieldCipher;
  publicUrl: string;
  email: string;
  topics: SubscriptionTopic[];
  language: Locale;
  now: Date;
}): Promise<SubscribeResult> {
  const { trx, cipher, now } = p;
  const hash = emailHash(cipher, p.email);
  const existing = await trx
    .selectFrom('subscription')
    .select(['id', 'status', 'expires_at'])
    .where('email_hash', '=', hash)
    .executeTakeFirst();
  if (existing?.status === 'confirmed') return { kind: 'already_subscribed' };
  if (existing && existing.expires_at !== null && existing.expires_at > now.toISOString())
    return { kind: 'already_pending' };
  if (existing) {
    // An expired request the sweep has not removed yet: it is gone as far as anyone can tell.
    await trx.deleteFrom('subscription').where('id', '=', existing.id).execute();
    await forgetDeliveries(trx, [existing.id]);
    await appendAudit(trx, {
      actor: 'system',
      action: 'subscription.expired',
      objectType: 'subscription',
      objectId: existing.id,
      at: now,
    });
  }
  const token = randomToken();
  const row = await trx
    .insertInto('subscription')
    .values({
      email_hash: hash,
      email_enc: cipher.encrypt(normaliseEmail(p.email), EMAIL_CONTEXT),
      language: p.language,
      topic_statements: p.topics.includes('statements') ? 1 : 0,
      topic_events: p.topics.includes('events') ? 1 : 0,
      status: 'pending',
      confirm_token_hash: sha256(token),
      unsubscribe_salt: randomToken(),
      expires_at: new Date(now.getTime() + CONFIRM_HOURS * 3600_000).toISOString(),
      created_at: now.toISOString(),
      confirmed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t = translator(p.language);
  await queueMail(
    trx,
    {
      to: normaliseEmail(p.email),
      subject: t('subscriptions.mail.confirm.subject'),
      text: t('subscriptions.mail.confirm.body', {
        topics: topicList(t, p.topics),
        hours: CONFIRM_HOURS,
        link: `${p.publicUrl}/subscribe/confirm?token=${token}`,
      }),
      related: { type: 'subscription', id: row.id },
      confidentialRecipient: true,
    },
    { cipher, now },
  );
  await appendAudit(trx, {
    actor: 'anonymous',
    action: 'subscription.requested',
    objectType: 'subscription',
    objectId: row.id,
    data: { topics: p.topics, language: p.language },
    at: now,
  });
  return { kind: 'pending', id: row.id };
}
