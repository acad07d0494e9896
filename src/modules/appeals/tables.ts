/**
 * Tables of the appeals module, merged into the one `Database` type. Dates are 'YYYY-MM-DD' text
 * (Bishkek calendar dates, the ones that count legally), timestamps ISO text, flags 0/1.
 */
import type { Generated } from 'kysely';
import type { AppealKind, AppealLanguage, AppealState, Channel, Classification, RefusalReason } from './kinds.js';
import type { OcrStatus } from '../../platform/files/ocr.js';

/**
 * One version of the legal rule of a kind of appeal. Rows are never changed: an administrator's edit
 * adds a new row (and marks the one it replaces), so the history stays and every appeal keeps the
 * version that was in force on the day it was received (`appeal.rule_id`).
 */
export interface AppealRuleTable {
  id: Generated<number>;
  kind: AppealKind;
  /** first day the version applies (the day the law or amendment took effect) */
  valid_from: string;
  legal_basis_ky: string;
  legal_basis_ru: string;
  legal_basis_en: string;
  registration_term: number;
  registration_unit: 'working' | 'calendar';
  answer_term: number;
  answer_unit: 'working' | 'calendar';
  max_extension: number;
  extension_unit: 'working' | 'calendar';
  redirection_term: number;
  redirection_unit: 'working' | 'calendar';
  /** 1 when public sources disagree on a value (shown in the admin screen) */
  disputed: number;
  /** why it is disputed, which source was followed */
  note: string;
  created_at: string;
  created_by: string;
  /** the version that replaced this one (an edit), or null while current */
  superseded_by: number | null;
}

export interface AppealTable {
  id: Generated<number>;
  owner_id: number;
  /** 1 when filed by NGO staff: coordinators and lawyers may act on it (see policy.ts) */
  ngo: number;
  body_id: number;
  kind: AppealKind;
  language: AppealLanguage;
  subject: string;
  text: string;
  channel: Channel;
  /** the address the letter goes to, when the person gives one (the directory often has none) */
  to_address: string | null;
  state: AppealState;
  /** the person an NGO acts for: encrypted at rest, never shown publicly */
  person_name_enc: string | null;
  person_contact_enc: string | null;
  /** day the body received the appeal (starts the terms) */
  received_on: string | null;
  sent_at: string | null;
  rule_id: number | null;
  registration_number: string | null;
  registered_on: string | null;
  registration_due: string | null;
  /** the day the answer term counts from (receipt, registration, or the redirection) */
  term_from: string | null;
  extension_days: number;
  /** current due date of the answer, kept in step with the events (indexed with state) */
  due_date: string | null;
  redirected_to_body_id: number | null;
  redirected_on: string | null;
  answered_on: string | null;
  classification: Classification | null;
  refusal_reason: RefusalReason | null;
  classification_note: string | null;
  /** escalation: the appeal this complaint escalates */
  parent_id: number | null;
  escalation_target: string | null;
  /** highest reminder already queued: 0 none, 1 before due, 2 on the due day, 3 overdue, 4 long overdue */
  reminder_stage: number;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

/** The timeline: every fact about an appeal, in order. */
export interface AppealEventTable {
  id: Generated<number>;
  appeal_id: number;
  /** created, sent, recorded, registered, extended, redirected, answer, classified, closed, note, escalated, reminder, file */
  kind: string;
  /** the legal date of the event (Bishkek date) */
  on_date: string;
  /** 'user:12', 'system', 'mail' */
  actor: string;
  /** text of a note or of the body's reply */
  text: string | null;
  /** JSON: non-confidential details (registration number, days, body id, inbound message id) */
  data: string;
  created_at: string;
}

/** How text recognition of a scan went (platform/files/ocr.ts). */
export { OCR_STATUSES, type OcrStatus } from '../../platform/files/ocr.js';

/** A document on the timeline: stored under a random name outside the web root. */
export interface AppealFileTable {
  id: Generated<number>;
  appeal_id: number;
  event_id: number | null;
  original_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  /** text for search and redaction: the document's own text (TXT, PDF, DOCX) or recognised by OCR */
  extracted_text: string | null;
  /** where the text came from: 'document' (its text layer), 'ocr' (recognised automatically), null (none) */
  text_source: 'document' | 'ocr' | null;
  /** text recognition of a scan (files/ocr.ts): null when not needed */
  ocr_status: OcrStatus | null;
  /** pages recognised, out of the pages the document has */
  ocr_pages: number | null;
  ocr_pages_total: number | null;
  created_at: string;
}

/** An administrator's dated exception to the working-day calendar; deleting keeps the row. */
export interface CalendarExceptionTable {
  id: Generated<number>;
  date: string;
  kind: 'day_off' | 'working_day';
  reason_ky: string;
  reason_ru: string;
  reason_en: string;
  source: string | null;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** An administrator-entered date of a movable holiday (Orozo Ait, Kurman Ait); deleting keeps the row. */
export interface CalendarMovableDateTable {
  id: Generated<number>;
  holiday: string;
  date: string;
  source: string | null;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    appeal_rule: AppealRuleTable;
    appeal: AppealTable;
    appeal_event: AppealEventTable;
    appeal_file: AppealFileTable;
    calendar_exception: CalendarExceptionTable;
    calendar_movable_date: CalendarMovableDateTable;
  }
}
