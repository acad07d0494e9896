/**
 * Background work of the anonymous channel, through the durable job queue, with `now` a parameter:
 * - 'anonymous.notify': a few minutes after reporter activity, one e-mail per staff member saying
 *   only that something new is in the inbox (never the topic, the text or which report). Delayed
 *   and batched, so letters do not mirror the moment someone reported.
 * - 'anonymous.sweep' (hourly, re-scheduling itself): deletes reports inactive for longer than
 *   ANONYMOUS_RETENTION_DAYS and not kept, with their messages and files, leaving one audit entry
 *   each; reminds staff REMIND_DAYS before a report expires; drops ended follow-up sessions.
 */
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { isLocale } from '../../platform/i18n/locales.js';
import { formatDate, translator } from '../../platform/i18n/translate.js';
import { defineJob, enqueueJob } from '../../platform/jobs/queue.js';
import type { Schedule } from '../../platform/jobs/recurring.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { deleteReport } from './commands/reporter-actions.js';
import { removeEncrypted } from './files/encrypted-store.js';
import { DAY_MS, reportStaff } from './queries.js';

export const NOTIFY_JOB = 'anonymous.notify';
export const SWEEP_JOB = 'anonymous.sweep';
export const NOTIFY_DELAY_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 3600_000;
/** Staff are reminded this many days before a report expires. */
export const REMIND_DAYS = 7;

/** Schedules the (single, batched) staff notification. Call in the transaction of the activity. */
export async function announceActivity(trx: Executor, now: Date): Promise<void> {
  await enqueueJob(trx, {
    kind: NOTIFY_JOB,
    payload: {},
    runAt: new Date(now.getTime() + NOTIFY_DELAY_MS),
    now,
    dedupeKey: NOTIFY_JOB,
  });
}

type StaffMember = Awaited<ReturnType<typeof reportStaff>>[number];

/** Who hears about a report: its assignee when active staff, else every coordinator and lawyer. */
function recipientsOf(assignedTo: number | null, staff: StaffMember[]): StaffMember[] {
  const assignee = assignedTo === null ? undefined : staff.find((s) => s.id === assignedTo);
  return assignee ? [assignee] : staff;
}

async function mailStaff(
  trx: Executor,
  p: { cipher: FieldCipher; now: Date },
  to: StaffMember,
  kind: 'new' | 'expiring',
  params: Record<string, string | number>,
): Promise<void> {
  const t = translator(isLocale(to.locale) ? to.locale : 'ky');
  await queueMail(
    trx,
    {
      to: to.email,
      subject: t(`anonymous.mail.${kind}.subject`),
      text: t(`anonymous.mail.${kind}.body`, params),
      related: { type: 'anonymous_inbox', id: 0 },
    },
    { cipher: p.cipher, now: p.now },
  );
}

/** Sends the pending "something new" letters; returns how many were queued. */
export async function notifyStaff(p: { db: Db; cipher: FieldCipher; publicUrl: string; now: Date }): Promise<number> {
  return p.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('anonymous_report')
      .select(['id', 'assigned_to'])
      .where('notify_pending', '=', 1)
      .execute();
    if (pending.length === 0) return 0;
    const staff = await reportStaff(trx);
    const to = new Map<number, StaffMember>();
    for (const r of pending) for (const s of recipientsOf(r.assigned_to, staff)) to.set(s.id, s);
    for (const s of to.values()) await mailStaff(trx, p, s, 'new', { link: `${p.publicUrl}/anonymous-reports` });
    await trx
      .updateTable('anonymous_report')
      .set({ notify_pending: 0 })
      .where(
        'id',
        'in',
        pending.map((r) => r.id),
      )
      .execute();
    return to.size;
  });
}

export interface SweepResult {
  expired: number;
  reminded: number;
}

/**
 * Expires and reminds at `now`. A report expires when it is not kept and nobody acted on it for
 * `retentionDays`; it is reminded about once per period of inactivity, REMIND_DAYS before.
 */
export async function sweepReports(p: {
  db: Db;
  cipher: FieldCipher;
  dataDir: string;
  publicUrl: string;
  retentionDays: number;
  now: Date;
}): Promise<SweepResult> {
  const expireBefore = new Date(p.now.getTime() - p.retentionDays * DAY_MS).toISOString();
  const due = await p.db
    .selectFrom('anonymous_report')
    .select('id')
    .where('kept', '=', 0)
    .where('last_activity_at', '<=', expireBefore)
    .orderBy('id')
    .limit(1000)
    .execute();
  let expired = 0;
  for (const r of due) {
    const stored = await p.db.transaction().execute(async (trx) => {
      // Re-checked inside the transaction: the reporter or staff may have acted meanwhile.
      const still = await trx
        .selectFrom('anonymous_report')
        .select('id')
        .where('id', '=', r.id)
        .where('kept', '=', 0)
        .where('last_activity_at', '<=', expireBefore)
        .executeTakeFirst();
      if (!still) return null;
      return deleteReport({ trx, reportId: r.id, actor: 'system', action: 'anonymous.report_expired', now: p.now });
    });
    if (stored === null) continue;
    for (const name of stored) removeEncrypted(p.dataDir, name);
    expired++;
  }

  const remindBefore = new Date(p.now.getTime() - (p.retentionDays - REMIND_DAYS) * DAY_MS).toISOString();
  const reminded = await p.db.transaction().execute(async (trx) => {
    const soon = await trx
      .selectFrom('anonymous_report')
      .select(['id', 'assigned_to', 'last_activity_at'])
      .where('kept', '=', 0)
      .where('last_activity_at', '<=', remindBefore)
      .where('reminded_at', 'is', null)
      .execute();
    if (soon.length === 0) return 0;
    const staff = await reportStaff(trx);
    const byStaff = new Map<number, { member: StaffMember; count: number; first: number }>();
    for (const r of soon) {
      const until = Date.parse(r.last_activity_at) + p.retentionDays * DAY_MS;
      for (const s of recipientsOf(r.assigned_to, staff)) {
        const e = byStaff.get(s.id) ?? { member: s, count: 0, first: until };
        e.count++;
        e.first = Math.min(e.first, until);
        byStaff.set(s.id, e);
      }
    }
    for (const e of byStaff.values()) {
      const lang = isLocale(e.member.locale) ? e.member.locale : 'ky';
      await mailStaff(trx, p, e.member, 'expiring', {
        count: e.count,
        date: formatDate(lang, new Date(e.first)),
        link: `${p.publicUrl}/anonymous-reports`,
      });
    }
    await trx
      .updateTable('anonymous_report')
      .set({ reminded_at: p.now.toISOString() })
      .where(
        'id',
        'in',
        soon.map((r) => r.id),
      )
      .execute();
    await appendAudit(trx, {
      actor: 'system',
      action: 'anonymous.expiry_reminders',
      data: { reports: soon.length, staff: byStaff.size },
      at: p.now,
    });
    return soon.length;
  });

  await p.db.deleteFrom('anonymous_access').where('expires_at', '<=', p.now.toISOString()).execute();
  return { expired, reminded };
}

/** The delayed staff notification, as the manifest declares it. */
export const notifyJob = defineJob(NOTIFY_JOB, async (_payload, ctx) => {
  await notifyStaff({
    db: ctx.db,
    cipher: ctx.services.cipher,
    publicUrl: ctx.services.config.publicUrl,
    now: ctx.now,
  });
});

/** The hourly sweep, as the manifest declares it (the platform queues the next run after each one). */
export const anonymousSweep: Schedule = {
  kind: SWEEP_JOB,
  everyMs: SWEEP_EVERY_MS,
  async run(ctx) {
    const { config, cipher } = ctx.services;
    await sweepReports({
      db: ctx.db,
      cipher,
      dataDir: config.dataDir,
      publicUrl: config.publicUrl,
      retentionDays: config.anonymousRetentionDays,
      now: ctx.now,
    });
    // A safety net: activity that arrived while a notification job was already running is announced here.
    await notifyStaff({ db: ctx.db, cipher, publicUrl: config.publicUrl, now: ctx.now });
  },
};
