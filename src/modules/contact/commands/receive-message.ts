/**
 * Stores a contact-form message (encrypted) and mails it to the organisation, in one transaction:
 * either both happen or neither. The letter goes to CONTACT_EMAIL when configured, else to every
 * active coordinator; its Reply-To is the writer's address when they gave one, so staff can answer
 * from their mail program. The audit entry records that a message came, never what it says.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../platform/i18n/locales.js';
import { translator } from '../../../platform/i18n/translate.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { CTX } from '../encrypted-columns.js';

export interface ContactInput {
  name: string | null;
  replyTo: string | null;
  subject: string;
  message: string;
  language: Locale;
}

/** Where staff notifications go: the configured address, or every active coordinator. */
async function recipients(trx: Executor, contactEmail: string | null): Promise<{ email: string; locale: Locale }[]> {
  if (contactEmail) return [{ email: contactEmail, locale: DEFAULT_LOCALE }];
  const rows = await trx
    .selectFrom('user')
    .select(['email', 'locale'])
    .where('status', '=', 'active')
    .where('role', '=', 'coordinator')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ email: r.email, locale: isLocale(r.locale) ? r.locale : DEFAULT_LOCALE }));
}

export async function receiveMessage(p: {
  trx: Executor;
  cipher: FieldCipher;
  publicUrl: string;
  contactEmail: string | null;
  input: ContactInput;
  now: Date;
}): Promise<number> {
  const { trx, cipher, input, now } = p;
  const row = await trx
    .insertInto('contact_message')
    .values({
      name_enc: cipher.encryptNullable(input.name, CTX.name),
      reply_to_enc: cipher.encryptNullable(input.replyTo, CTX.replyTo),
      subject_enc: cipher.encrypt(input.subject, CTX.subject),
      body_enc: cipher.encrypt(input.message, CTX.body),
      language: input.language,
      status: 'new',
      handled_at: null,
      handled_by: null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const to of await recipients(trx, p.contactEmail)) {
    const t = translator(to.locale);
    await queueMail(
      trx,
      {
        to: to.email,
        // The subject line names only the message number: the outbox's delivery log keeps subjects
        // in plain text, and what people write is kept encrypted only.
        subject: t('contact.mail.subject', { id: row.id }),
        text: t('contact.mail.body', {
          name: input.name ?? t('contact.inbox.anonymous'),
          replyTo: input.replyTo ?? t('contact.inbox.no_reply_to'),
          subject: input.subject,
          message: input.message,
          link: `${p.publicUrl}/contact/inbox/${row.id}`,
        }),
        replyTo: input.replyTo ?? undefined,
        related: { type: 'contact_message', id: row.id },
      },
      { cipher, now },
    );
  }
  await appendAudit(trx, {
    actor: 'anonymous',
    action: 'contact.received',
    objectType: 'contact_message',
    objectId: row.id,
    data: { language: input.language, reply_to: input.replyTo !== null },
    at: now,
  });
  return row.id;
}
