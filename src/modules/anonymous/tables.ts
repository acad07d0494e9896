/**
 * Tables of the anonymous reporting channel. Nothing here can identify the person who reported:
 * no account, no address, no user agent. Content columns (`_enc`) are field-encrypted envelopes
 * (registered in encrypted-columns.ts); the receipt exists only as a slow hash plus a keyed lookup
 * id (see receipt.ts for why both).
 */
import type { Generated } from 'kysely';

export const TOPICS = ['corruption', 'ill_treatment', 'reprisal', 'discrimination', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const isTopic = (v: unknown): v is Topic => typeof v === 'string' && (TOPICS as readonly string[]).includes(v);

/** Triage states: new (nobody has decided yet), accepted, needs_info (questions to the reporter), not_actionable. */
export const REPORT_STATES = ['new', 'accepted', 'needs_info', 'not_actionable'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const isReportState = (v: unknown): v is ReportState =>
  typeof v === 'string' && (REPORT_STATES as readonly string[]).includes(v);

/** The parts of a report the reporter may allow staff to copy into a case or an appeal. */
export const CONSENT_PARTS = ['description', 'details', 'institution', 'files'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];

export interface AnonymousReportTable {
  id: Generated<number>;
  /** HMAC of the receipt's first characters: finds the candidate rows without scanning (receipt.ts) */
  lookup_id: string;
  /** scrypt of the whole receipt, self-describing ($scrypt$ln=…) */
  receipt_hash: string;
  /** SHA-256 of the one-time token of the sending form: a resent form does not make a second report */
  submission_key: string;
  topic: Topic;
  /** the chosen body's id, encrypted (which institution a report is about can point at the reporter) */
  body_ref_enc: string | null;
  what_enc: string;
  when_enc: string | null;
  where_enc: string | null;
  consent_description: number;
  consent_details: number;
  consent_institution: number;
  consent_files: number;
  state: ReportState;
  assigned_to: number | null;
  /** 1 = kept by staff: does not expire */
  kept: number;
  /** new activity by the reporter that no staff member has opened yet */
  staff_unread: number;
  /** new activity not yet announced to staff by e-mail (the notify job clears it) */
  notify_pending: number;
  /** the last time the reporter or staff acted on the report: expiry counts from here */
  last_activity_at: string;
  /** when staff were last reminded that the report will expire (per period of inactivity) */
  reminded_at: string | null;
  converted_case_id: number | null;
  converted_appeal_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface AnonymousMessageTable {
  id: Generated<number>;
  report_id: number;
  author: 'reporter' | 'staff';
  /** the staff member who wrote it (never shown to the reporter) */
  user_id: number | null;
  body_enc: string;
  created_at: string;
}

export interface AnonymousFileTable {
  id: Generated<number>;
  report_id: number;
  /** random name of the encrypted file under <dataDir>/anonymous-files/ */
  stored_name: string;
  /** the file's own AES-256-GCM key, wrapped by the field cipher (so key rotation re-wraps it) */
  key_enc: string;
  name_enc: string;
  sha256_enc: string;
  mime: string;
  size: number;
  /** what was removed on upload: comma-separated from exif,gps,xmp,iptc,icc,comment; '' when nothing */
  removed: string;
  /** 1 when the format keeps properties we cannot remove (PDF, DOCX, ODT): the reporter was told */
  kept_properties: number;
  uploaded_by: 'reporter' | 'staff';
  created_at: string;
}

/** A reporter's open follow-up: the cookie holds a random token, the table only its SHA-256. */
export interface AnonymousAccessTable {
  token_hash: string;
  report_id: number;
  expires_at: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    anonymous_report: AnonymousReportTable;
    anonymous_message: AnonymousMessageTable;
    anonymous_file: AnonymousFileTable;
    anonymous_access: AnonymousAccessTable;
  }
}
