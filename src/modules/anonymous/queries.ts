/**
 * Reads of the anonymous channel, as plain functions taking the executor first.
 *
 *     const report = await findReport(db, 12);
 *     const rows = await listInbox(db, { state: 'new' });
 *     const until = expiresOn(report, config.anonymousRetentionDays); // null when kept
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { STAFF_ROLES } from './policy.js';
import type { AnonymousFileTable, AnonymousMessageTable, AnonymousReportTable, ReportState } from './tables.js';
import './tables.js';
import { isRecordId } from '../../platform/http/validation.js';

export type Report = Selectable<AnonymousReportTable>;
export type ReportMessage = Selectable<AnonymousMessageTable>;
export type ReportFile = Selectable<AnonymousFileTable>;

export const DAY_MS = 86_400_000;

export async function findReport(db: Executor, id: number): Promise<Report | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('anonymous_report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** When the report will be deleted for inactivity, or null when staff keep it. */
export function expiresAt(r: Pick<Report, 'kept' | 'last_activity_at'>, retentionDays: number): Date | null {
  if (r.kept === 1) return null;
  return new Date(Date.parse(r.last_activity_at) + retentionDays * DAY_MS);
}

export interface InboxFilter {
  state?: ReportState;
  assignedTo?: number;
}

export interface InboxRow {
  id: number;
  topic: Report['topic'];
  state: ReportState;
  kept: number;
  staff_unread: number;
  last_activity_at: string;
  created_at: string;
  assigned_to: number | null;
  assignee: string | null;
  converted_case_id: number | null;
  converted_appeal_id: number | null;
}

/** The inbox: newest activity first. Content is not read here (the list shows no text). */
export async function listInbox(db: Executor, f: InboxFilter = {}): Promise<InboxRow[]> {
  let q = db
    .selectFrom('anonymous_report as r')
    .leftJoin('user as u', 'u.id', 'r.assigned_to')
    .select([
      'r.id',
      'r.topic',
      'r.state',
      'r.kept',
      'r.staff_unread',
      'r.last_activity_at',
      'r.created_at',
      'r.assigned_to',
      'u.display_name as assignee',
      'r.converted_case_id',
      'r.converted_appeal_id',
    ]);
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.assignedTo !== undefined) q = q.where('r.assigned_to', '=', f.assignedTo);
  return q
    .orderBy('r.staff_unread', 'desc')
    .orderBy('r.last_activity_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
}

export async function listMessages(db: Executor, reportId: number): Promise<ReportMessage[]> {
  return db.selectFrom('anonymous_message').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

export async function listReportFiles(db: Executor, reportId: number): Promise<ReportFile[]> {
  return db.selectFrom('anonymous_file').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

export async function findReportFile(db: Executor, reportId: number, fileId: number): Promise<ReportFile | undefined> {
  if (!isRecordId(fileId)) return undefined;
  return db
    .selectFrom('anonymous_file')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/** Active coordinators and lawyers: who may be assigned, who is notified and reminded. */
export async function reportStaff(
  db: Executor,
): Promise<{ id: number; display_name: string; email: string; locale: string | null }[]> {
  return db
    .selectFrom('user')
    .select(['id', 'display_name', 'email', 'locale'])
    .where('status', '=', 'active')
    .where('role', 'in', [...STAFF_ROLES])
    .orderBy('display_name')
    .execute();
}
