/** Saves the wizard's second step (kind, language, text, channel, on-behalf person) on a draft. */
import type { Executor } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { conflict } from '../../../platform/errors.js';
import type { AppealKind, AppealLanguage, Channel } from '../kinds.js';
import type { Appeal } from '../queries.js';

export interface DraftValues {
  kind: AppealKind;
  language: AppealLanguage;
  subject: string;
  text: string;
  channel: Channel;
  /** the body's official address, when the directory has none or the person knows a better one */
  to_address?: string | null;
  /** paper or portal: the day it was submitted, the registration number and day if known */
  submitted_on?: string | null;
  registration_number?: string | null;
  registered_on?: string | null;
  /** on behalf of a person (staff only): stored encrypted */
  person_name?: string | null;
  person_contact?: string | null;
}

export async function updateDraft(p: {
  trx: Executor;
  appeal: Appeal;
  values: DraftValues;
  cipher: FieldCipher;
  canActOnBehalf: boolean;
  now: Date;
}): Promise<void> {
  if (p.appeal.state !== 'draft') throw conflict('appeals.error.not_draft');
  const v = p.values;
  const paper = v.channel !== 'email';
  await p.trx
    .updateTable('appeal')
    .set({
      kind: v.kind,
      language: v.language,
      subject: v.subject,
      text: v.text,
      channel: v.channel,
      to_address: v.to_address || null,
      received_on: paper ? (v.submitted_on ?? null) : null,
      registration_number: paper ? (v.registration_number ?? null) : null,
      registered_on: paper ? (v.registered_on ?? null) : null,
      ...(p.canActOnBehalf
        ? {
            person_name_enc: v.person_name ? p.cipher.encrypt(v.person_name, 'appeal.person_name') : null,
            person_contact_enc: v.person_contact ? p.cipher.encrypt(v.person_contact, 'appeal.person_contact') : null,
          }
        : {}),
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.appeal.id)
    .execute();
}
