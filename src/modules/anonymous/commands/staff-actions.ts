/**
 * What staff do with a report: open it (a read of confidential content, audited), triage, assign,
 * write to the reporter, keep it from expiring. Staff activity also restarts the retention period:
 * a report someone is working on does not disappear under them.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import { CTX } from '../encrypted-columns.js';
import { STAFF_ROLES } from '../policy.js';
import type { ReportState } from '../tables.js';
import { userActor } from '../../../platform/audit/actor.js';

async function staffActivity(trx: Executor, reportId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx
    .updateTable('anonymous_report')
    .set({ last_activity_at: at, reminded_at: null, updated_at: at })
    .where('id', '=', reportId)
    .execute();
}

/** Records that a staff member read the report, and clears its "new activity" flag. */
export async function recordRead(p: { trx: Executor; reportId: number; userId: number; now: Date }): Promise<void> {
  await p.trx.updateTable('anonymous_report').set({ staff_unread: 0 }).where('id', '=', p.reportId).execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.report_read',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    at: p.now,
  });
}

export async function triageReport(p: {
  trx: Executor;
  reportId: number;
  state: ReportState;
  userId: number;
  now: Date;
}): Promise<void> {
  await p.trx.updateTable('anonymous_report').set({ state: p.state }).where('id', '=', p.reportId).execute();
  await staffActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.triaged',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { state: p.state },
    at: p.now,
  });
}

/** Assigns the report to an active coordinator or lawyer, or to nobody (null). */
export async function assignReport(p: {
  trx: Executor;
  reportId: number;
  assignee: number | null;
  userId: number;
  now: Date;
}): Promise<void> {
  if (p.assignee !== null) {
    const u = await p.trx
      .selectFrom('user')
      .select('id')
      .where('id', '=', p.assignee)
      .where('status', '=', 'active')
      .where('role', 'in', [...STAFF_ROLES])
      .executeTakeFirst();
    if (!u) throw invalid([{ field: 'assignee', message: 'anonymous.error.assignee' }]);
  }
  await p.trx.updateTable('anonymous_report').set({ assigned_to: p.assignee }).where('id', '=', p.reportId).execute();
  await staffActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.assigned',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { assignee: p.assignee },
    at: p.now,
  });
}

export async function addStaffMessage(p: {
  trx: Executor;
  cipher: FieldCipher;
  reportId: number;
  text: string;
  userId: number;
  now: Date;
}): Promise<void> {
  const row = await p.trx
    .insertInto('anonymous_message')
    .values({
      report_id: p.reportId,
      author: 'staff',
      user_id: p.userId,
      body_enc: p.cipher.encrypt(p.text, CTX.message),
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await staffActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.staff_message',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    data: { message: row.id },
    at: p.now,
  });
}

/** Keeps the report from expiring (or lets it expire again, counting from now). */
export async function keepReport(p: {
  trx: Executor;
  reportId: number;
  keep: boolean;
  userId: number;
  now: Date;
}): Promise<void> {
  await p.trx
    .updateTable('anonymous_report')
    .set({ kept: p.keep ? 1 : 0 })
    .where('id', '=', p.reportId)
    .execute();
  await staffActivity(p.trx, p.reportId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: p.keep ? 'anonymous.kept' : 'anonymous.released',
    objectType: 'anonymous_report',
    objectId: p.reportId,
    at: p.now,
  });
}
