/**
 * Messages written to the organisation through the contact form. Least data: what the person
 * wrote and, only if they gave one, where to answer; no IP address, no user agent, no account.
 * Every text column is field-encrypted (registered in encrypted-columns.ts). A handled message is
 * deleted CONTACT_RETENTION_DAYS after it was handled (jobs.ts), or earlier by staff on request.
 */
import type { Generated } from 'kysely';
import type { Locale } from '../../platform/i18n/locales.js';

export interface ContactMessageTable {
  id: Generated<number>;
  /** optional name, encrypted */
  name_enc: string | null;
  /** optional reply address, encrypted */
  reply_to_enc: string | null;
  subject_enc: string;
  body_enc: string;
  /** the language of the page the message was written on (to answer in it) */
  language: Locale;
  status: 'new' | 'handled';
  handled_at: string | null;
  handled_by: number | null;
  created_at: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    contact_message: ContactMessageTable;
  }
}
