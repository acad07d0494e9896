/** The contact form's encrypted columns, listed in the manifest so `achyk keys rotate` re-encrypts them. */
import type { EncryptedColumn } from '../../platform/crypto/field-encryption.js';

export const CTX = {
  name: 'contact_message.name',
  replyTo: 'contact_message.reply_to',
  subject: 'contact_message.subject',
  body: 'contact_message.body',
} as const;

export const contactEncryptedColumns: EncryptedColumn[] = [
  { table: 'contact_message', key: 'id', column: 'name_enc', context: CTX.name },
  { table: 'contact_message', key: 'id', column: 'reply_to_enc', context: CTX.replyTo },
  { table: 'contact_message', key: 'id', column: 'subject_enc', context: CTX.subject },
  { table: 'contact_message', key: 'id', column: 'body_enc', context: CTX.body },
];
