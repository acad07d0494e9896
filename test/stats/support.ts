/** Fixtures for the statistics tests: appeals inserted with known dates (no letters, no wizard). */
import type { TestApp } from '../support/test-app.js';

let n = 0;

export interface FactInput {
  bodyId: number;
  ownerId: number;
  kind?: 'application' | 'complaint' | 'information_request';
  state: 'sent' | 'registered' | 'answered' | 'classified' | 'closed';
  receivedOn: string;
  dueDate: string;
  answeredOn?: string | null;
  classification?: 'satisfied' | 'partially_satisfied' | 'refused' | 'redirected' | 'formal' | null;
  refusalReason?: 'no_grounds' | 'not_competent' | null;
}

/** Inserts a sent appeal with the given dates and returns its id. */
export async function insertAppeal(t: TestApp, f: FactInput): Promise<number> {
  n++;
  const at = t.clock.now.toISOString();
  const row = await t.db.conn.db
    .insertInto('appeal')
    .values({
      owner_id: f.ownerId,
      ngo: 0,
      body_id: f.bodyId,
      kind: f.kind ?? 'application',
      language: 'ru',
      subject: `Fixture ${n}`,
      text: 'Fixture text',
      channel: 'paper',
      to_address: null,
      state: f.state,
      person_name_enc: null,
      person_contact_enc: null,
      received_on: f.receivedOn,
      sent_at: at,
      rule_id: null,
      registration_number: null,
      registered_on: null,
      registration_due: null,
      term_from: f.receivedOn,
      extension_days: 0,
      due_date: f.dueDate,
      redirected_to_body_id: null,
      redirected_on: null,
      answered_on: f.answeredOn ?? null,
      classification: f.classification ?? null,
      refusal_reason: f.refusalReason ?? null,
      classification_note: null,
      parent_id: null,
      escalation_target: null,
      reminder_stage: 0,
      closed_on: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
