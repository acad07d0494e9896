/**
 * A new anonymous report. The receipt is made here, hashed (slow) and returned to be shown once;
 * it is not stored in clear anywhere. Recorded as actor 'anonymous' with no request data at all;
 * staff are told by e-mail, later and without content, that something new arrived.
 */
import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { hashPassword, type HashParams } from '../../../platform/auth/password-hash.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { CTX } from '../encrypted-columns.js';
import type { PreparedFile } from '../files/upload.js';
import { announceActivity } from '../jobs.js';
import { lookupId, newReceipt } from '../receipt.js';
import type { ConsentPart, Topic } from '../tables.js';
import { recordFiles } from './record-files.js';

export interface ReportInput {
  topic: Topic;
  bodyId: number | null;
  what: string;
  when: string;
  where: string;
  consent: Record<ConsentPart, boolean>;
}

/** SHA-256 of the sending form's one-time token: the same form sent twice makes one report. */
export function submissionKey(formToken: string): string {
  return crypto.createHash('sha256').update(`anonymous.submission:${formToken}`).digest('hex');
}

export async function alreadySubmitted(db: Executor, formToken: string): Promise<boolean> {
  return !!(await db
    .selectFrom('anonymous_report')
    .select('id')
    .where('submission_key', '=', submissionKey(formToken))
    .executeTakeFirst());
}

/** Makes the receipt and its hash (slow: call before opening the transaction). */
export async function makeReceipt(
  cipher: FieldCipher,
  hash: HashParams,
): Promise<{ receipt: string; lookupId: string; receiptHash: string }> {
  const receipt = newReceipt();
  return { receipt, lookupId: lookupId(cipher, receipt), receiptHash: await hashPassword(receipt, hash) };
}

export interface CreateReportProps {
  trx: Executor;
  cipher: FieldCipher;
  input: ReportInput;
  files: PreparedFile[];
  receipt: { lookupId: string; receiptHash: string };
  formToken: string;
  now: Date;
}

export async function createReport(p: CreateReportProps): Promise<number> {
  const at = p.now.toISOString();
  const { input, cipher } = p;
  const row = await p.trx
    .insertInto('anonymous_report')
    .values({
      lookup_id: p.receipt.lookupId,
      receipt_hash: p.receipt.receiptHash,
      submission_key: submissionKey(p.formToken),
      topic: input.topic,
      body_ref_enc: input.bodyId === null ? null : cipher.encrypt(String(input.bodyId), CTX.body),
      what_enc: cipher.encrypt(input.what, CTX.what),
      when_enc: cipher.encryptNullable(input.when || null, CTX.when),
      where_enc: cipher.encryptNullable(input.where || null, CTX.where),
      consent_description: input.consent.description ? 1 : 0,
      consent_details: input.consent.details ? 1 : 0,
      consent_institution: input.consent.institution ? 1 : 0,
      consent_files: input.consent.files ? 1 : 0,
      state: 'new',
      assigned_to: null,
      kept: 0,
      staff_unread: 1,
      notify_pending: 1,
      last_activity_at: at,
      reminded_at: null,
      converted_case_id: null,
      converted_appeal_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordFiles(p.trx, row.id, p.files, 'reporter', p.now);
  await appendAudit(p.trx, {
    actor: 'anonymous',
    action: 'anonymous.report_created',
    objectType: 'anonymous_report',
    objectId: row.id,
    data: { topic: input.topic, files: p.files.length },
    at: p.now,
  });
  await announceActivity(p.trx, p.now);
  return row.id;
}
