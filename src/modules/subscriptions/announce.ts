/**
 * Announcing a statement or an event to its subscribers: one letter per confirmed subscriber of the
 * topic in the letter's language, queued through the durable mail outbox in the caller's
 * transaction (so a statement that is not published sends nothing). Each letter carries its own
 * unsubscribe link, in the text and in the RFC 8058 headers, so mail clients offer a one-click
 * "Unsubscribe" button that POSTs to the link.
 *
 * The statements module calls this; keep the signature stable.
 */
import type { Kysely, Transaction } from 'kysely';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Database } from '../../platform/db/database.js';
import { translator } from '../../platform/i18n/translate.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { EMAIL_CONTEXT, unsubscribeToken } from './tokens.js';
import './tables.js';

export interface Announcement {
  topic: 'statements' | 'events';
  language: 'ky' | 'ru' | 'en';
  subject: string;
  text: string;
  /** absolute URL of the statement or event on this site; its origin also makes the unsubscribe link */
  url: string;
}

/** The absolute unsubscribe link of a subscription (the same URL serves GET page and one-click POST). */
export function unsubscribeUrl(origin: string, cipher: Pick<FieldCipher, 'hmac'>, id: number, salt: string): string {
  return `${origin}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(cipher, id, salt))}`;
}

/**
 * Queues one letter per confirmed subscriber of `msg.topic` whose language is `msg.language`;
 * returns how many were queued. The unsubscribe link is built on the origin of `msg.url` (the
 * announcement's own page on this site), so this function needs no configuration of its own.
 */
export async function announceToSubscribers(
  trx: Transaction<Database> | Kysely<Database>,
  msg: { topic: 'statements' | 'events'; language: 'ky' | 'ru' | 'en'; subject: string; text: string; url: string },
  opts: { cipher: FieldCipher; now: Date },
): Promise<number> {
  const origin = new URL(msg.url).origin;
  const topicColumn = msg.topic === 'statements' ? 'topic_statements' : 'topic_events';
  const rows = await trx
    .selectFrom('subscription')
    .select(['id', 'email_enc', 'unsubscribe_salt'])
    .where('status', '=', 'confirmed')
    .where('language', '=', msg.language)
    .where(topicColumn, '=', 1)
    .orderBy('id')
    .execute();
  const t = translator(msg.language);
  const topic = t(`subscriptions.topic.${msg.topic}`);
  for (const row of rows) {
    const link = unsubscribeUrl(origin, opts.cipher, row.id, row.unsubscribe_salt);
    await queueMail(
      trx,
      {
        to: opts.cipher.decrypt(row.email_enc, EMAIL_CONTEXT),
        subject: msg.subject,
        text: `${msg.text}\n\n${msg.url}\n\n-- \n${t('subscriptions.mail.footer', { topic, link })}\n`,
        headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        related: { type: 'subscription', id: row.id },
        confidentialRecipient: true,
      },
      opts,
    );
  }
  return rows.length;
}
