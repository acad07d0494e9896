/**
 * What a reporter does after entering the receipt: answer staff, add files, change what staff may
 * copy, delete the report. Every entry in the audit log is by 'anonymous' and holds ids and counts
 * only. Any reporter activity restarts the retention period and flags the report for staff.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { CTX } from '../encrypted-columns.js';
import type { PreparedFile } from '../files/upload.js';
import { announceActivity } from '../jobs.js';
import type { ConsentPart } from '../tables.js';
import { recordFiles } from './record-files.js';

/** Marks reporter activity: restarts expiry, flags the report unread, and schedules a notification. */
async function reporterActivity(trx: Executor, reportId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx
    .updateTable('anonymous_report')
    .set({ last_activity_at: at, reminded_at: null, staff_unread: 1, notify_pending: 1, updated_at: at })
    .where('id', '=', reportId)
    .execute();
  await announceActivity(trx, now);
}

export async function addReporterMessage(p: {
  trx: Executor;
  cipher: FieldCipher;
  reportId: number;
  text: string;
  now: Date;
}): Promise<void> {
  const row = await p.trx
    .insertInto('anonymous_message')
    .values({
      report_id: p.reportId,
      author: 'reporter',
      user_id: null,
      body_enc: p.cipher.encrypt(p.text, CTX.message),
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await reporterActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: 'anonymous',
    action: 'anonymous.reporter_message',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { message: row.id },
    at: p.now,
  });
}

export async function addReporterFiles(p: {
  trx: Executor;
  reportId: number;
  files: PreparedFile[];
  now: Date;
}): Promise<void> {
  await recordFiles(p.trx, p.reportId, p.files, 'reporter', p.now);
  await reporterActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: 'anonymous',
    action: 'anonymous.reporter_files',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { files: p.files.length },
    at: p.now,
  });
}

export async function setConsent(p: {
  trx: Executor;
  reportId: number;
  consent: Record<ConsentPart, boolean>;
  now: Date;
}): Promise<void> {
  const at = p.now.toISOString();
  const c = p.consent;
  await p.trx
    .updateTable('anonymous_report')
    .set({
      consent_description: c.description ? 1 : 0,
      consent_details: c.details ? 1 : 0,
      consent_institution: c.institution ? 1 : 0,
      consent_files: c.files ? 1 : 0,
      last_activity_at: at,
      reminded_at: null,
      updated_at: at,
    })
    .where('id', '=', p.reportId)
    .execute();
  await appendAudit(p.trx, {
    actor: 'anonymous',
    action: 'anonymous.consent_changed',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { ...c },
    at: p.now,
  });
}

/**
 * Deletes a report with its messages and files (the rows here; the caller removes the returned
 * stored files from disk after the commit). Leaves one audit entry: who (reporter, or 'system' for
 * expiry) and that it happened, nothing else.
 */
export async function deleteReport(p: {
  trx: Executor;
  reportId: number;
  actor: 'anonymous' | 'system';
  action: 'anonymous.report_deleted' | 'anonymous.report_expired';
  now: Date;
}): Promise<string[]> {
  const files = await p.trx
    .selectFrom('anonymous_file')
    .select('stored_name')
    .where('report_id', '=', p.reportId)
    .execute();
  await p.trx.deleteFrom('anonymous_file').where('report_id', '=', p.reportId).execute();
  await p.trx.deleteFrom('anonymous_message').where('report_id', '=', p.reportId).execute();
  await p.trx.deleteFrom('anonymous_report').where('id', '=', p.reportId).execute();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: p.action,
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: {},
    at: p.now,
  });
  return files.map((f) => f.stored_name);
}
