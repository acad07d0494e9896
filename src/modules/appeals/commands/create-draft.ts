/**
 * Step one of the wizard: a draft appeal to the chosen body. The draft is kept in the database so
 * the wizard works without JavaScript across pages (and across devices) until it is sent.
 */
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import { kyrgyzDateOf } from '../../calendar/index.js';
import { bodyById, isBodyActive } from '../../directory/index.js';
import type { AppealKind, AppealLanguage } from '../kinds.js';
import { addEvent } from './timeline.js';

export interface CreateDraftProps {
  trx: Executor;
  ownerId: number;
  /** the owner is NGO staff (coordinators and lawyers of the organisation may then act on it) */
  ngo: boolean;
  bodyId: number;
  kind?: AppealKind;
  language?: AppealLanguage;
  subject?: string;
  text?: string;
  parentId?: number | null;
  escalationTarget?: string | null;
  personNameEnc?: string | null;
  personContactEnc?: string | null;
  actor: string;
  now: Date;
}

/** Creates a draft; refuses a body that does not exist or was deactivated (field error on body_id). */
export async function createDraft(p: CreateDraftProps): Promise<number> {
  const body = await bodyById(p.trx, p.bodyId);
  if (!body) throw invalid([{ field: 'body_id', message: 'appeals.error.body_unknown' }]);
  if (!isBodyActive(body, kyrgyzDateOf(p.now)))
    throw invalid([{ field: 'body_id', message: 'appeals.error.body_inactive' }]);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('appeal')
    .values({
      owner_id: p.ownerId,
      ngo: p.ngo ? 1 : 0,
      body_id: body.id,
      kind: p.kind ?? 'application',
      language: p.language ?? 'ky',
      subject: p.subject ?? '',
      text: p.text ?? '',
      channel: 'email',
      to_address: null,
      state: 'draft',
      person_name_enc: p.personNameEnc ?? null,
      person_contact_enc: p.personContactEnc ?? null,
      received_on: null,
      sent_at: null,
      rule_id: null,
      registration_number: null,
      registered_on: null,
      registration_due: null,
      term_from: null,
      extension_days: 0,
      due_date: null,
      redirected_to_body_id: null,
      redirected_on: null,
      answered_on: null,
      classification: null,
      refusal_reason: null,
      classification_note: null,
      parent_id: p.parentId ?? null,
      escalation_target: p.escalationTarget ?? null,
      reminder_stage: 0,
      closed_on: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEvent(p.trx, {
    appealId: row.id,
    kind: 'created',
    actor: p.actor,
    data: { body: body.id, ...(p.parentId ? { parent: p.parentId } : {}) },
    now: p.now,
  });
  return row.id;
}
