/**
 * The one `Database` type, honest for both drivers (STYLE.md §4). Decided once:
 * - ids are 32-bit integers (`integer` in both dialects, returned as JS numbers);
 * - timestamps are ISO-8601 UTC text ('2026-11-28T10:00:00.000Z'), calendar dates 'YYYY-MM-DD' text:
 *   sortable, identical on both dialects, and dialect-neutral in backups;
 * - booleans are integers 0/1 in both dialects (SQLite has no boolean type);
 * - encrypted fields are text envelopes produced by the field encryption service.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

type Timestamp = string;

export type Role = 'admin' | 'coordinator' | 'lawyer' | 'monitor' | 'citizen';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'lawyer', 'monitor', 'citizen'];

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  status: 'active' | 'unconfirmed' | 'disabled';
  locale: string | null;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored */
  token_hash: string;
  user_id: number;
  /** 'full' = signed in; 'totp' = password ok, waiting for the code; 'enrol' = must set up TOTP first */
  stage: 'full' | 'totp' | 'enrol';
  /** encrypted TOTP secret being enrolled: bound to this session's own user */
  pending_totp_enc: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  reauth_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface EmailTokenTable {
  token_hash: string;
  user_id: number;
  purpose: 'confirm' | 'reset';
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface LoginThrottleTable {
  /** SHA-256 of the normalised account name, so unknown accounts are throttled too */
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
  lockouts: number;
}

export interface AuditEventTable {
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

/** One row: the head of the audit chain; locking it serialises appends on PostgreSQL. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface FoundationTables {
  user: UserTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  email_token: EmailTokenTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  setting: SettingTable;
}

/** Domain modules extend this interface with their tables (declaration merging keeps one type). */
export interface Database extends FoundationTables {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything that runs queries: the database or a transaction. Queries take it first. */
export type Executor = Kysely<Database> | Transaction<Database>;
