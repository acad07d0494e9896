/**
 * E-mail to the followers of a consultation (a new version, closing soon, the final report), through
 * the durable mail queue: the letters are queued in the transaction of the change that causes them,
 * so a rolled-back change sends nothing and a crash after commit loses nothing. Each follower gets the
 * letter in their own language.
 */
import type { Executor } from '../../../platform/db/database.js';
import { isLocale, type Locale } from '../../../platform/i18n/locales.js';
import { formatDate, translator } from '../../../platform/i18n/translate.js';
import { defineJob, enqueueJob } from '../../../platform/jobs/queue.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { CLOSING_SOON_MS, closesAt, consultationPhase } from '../phase.js';
import '../tables.js';

export type Notice = { kind: 'new_version'; versionNumber: number } | { kind: 'closing_soon' } | { kind: 'report' };

export interface MailDeps {
  cipher: { encrypt(v: string, c: string): string };
  publicUrl: string;
  now: Date;
}

/** Queues one letter per follower; returns how many were queued. */
export async function notifyFollowers(
  trx: Executor,
  consultation: { id: number; title: string; closes_on: string },
  notice: Notice,
  deps: MailDeps,
): Promise<number> {
  const followers = await trx
    .selectFrom('consultation_follower')
    .innerJoin('user', 'user.id', 'consultation_follower.user_id')
    .select(['user.email', 'user.locale'])
    .where('consultation_follower.consultation_id', '=', consultation.id)
    .where('user.status', '=', 'active')
    .orderBy('consultation_follower.id')
    .execute();
  const base = `${deps.publicUrl.replace(/\/$/, '')}/consultations/${consultation.id}`;
  for (const f of followers) {
    const locale: Locale = isLocale(f.locale) ? f.locale : 'ky';
    const t = translator(locale);
    const params = { title: consultation.title, date: formatDate(locale, consultation.closes_on) };
    const letter =
      notice.kind === 'new_version'
        ? {
            subject: t('consultations.mail.new_version_subject', params),
            text: t('consultations.mail.new_version_body', {
              ...params,
              n: notice.versionNumber,
              link: `${base}/versions/${notice.versionNumber}`,
            }),
          }
        : notice.kind === 'closing_soon'
          ? {
              subject: t('consultations.mail.closing_subject', params),
              text: t('consultations.mail.closing_body', { ...params, link: base }),
            }
          : {
              subject: t('consultations.mail.report_subject', params),
              text: t('consultations.mail.report_body', { ...params, link: `${base}/report` }),
            };
    await queueMail(
      trx,
      { to: f.email, ...letter, related: { type: 'consultation', id: consultation.id } },
      { cipher: deps.cipher, now: deps.now },
    );
  }
  return followers.length;
}

interface ClosingSoonPayload {
  consultationId: number;
  closesOn: string;
}

/**
 * Schedules the "closing soon" letters three days before the end of the comment period (at once if
 * that moment has passed). Moving the closing date schedules a new job; the old one finds the date
 * changed and does nothing.
 */
export async function scheduleClosingSoon(
  trx: Executor,
  c: { id: number; closes_on: string },
  now: Date,
): Promise<void> {
  const closes = closesAt(c).getTime();
  if (closes <= now.getTime()) return;
  const runAt = new Date(Math.max(now.getTime(), closes - CLOSING_SOON_MS));
  const payload: ClosingSoonPayload = { consultationId: c.id, closesOn: c.closes_on };
  await enqueueJob(trx, {
    kind: 'consultations.closing-soon',
    payload,
    runAt,
    now,
    dedupeKey: `consultation-closing:${c.id}:${c.closes_on}`,
  });
}

/** The job: sends the letters once per closing date, and only while the consultation is open or announced. */
export async function sendClosingSoon(trx: Executor, payload: ClosingSoonPayload, deps: MailDeps): Promise<number> {
  const c = await trx
    .selectFrom('consultation')
    .selectAll()
    .where('id', '=', payload.consultationId)
    .executeTakeFirst();
  if (!c || c.closes_on !== payload.closesOn || c.closing_notice_for === c.closes_on) return 0;
  const phase = consultationPhase(c, deps.now);
  if (phase !== 'open' && phase !== 'announced') return 0;
  await trx.updateTable('consultation').set({ closing_notice_for: c.closes_on }).where('id', '=', c.id).execute();
  return notifyFollowers(trx, c, { kind: 'closing_soon' }, deps);
}

/** The "closing soon" letters, as the manifest declares the job. */
export const closingSoonJob = defineJob<ClosingSoonPayload>('consultations.closing-soon', async (payload, ctx) => {
  await ctx.db.transaction().execute((trx) =>
    sendClosingSoon(trx, payload, {
      cipher: ctx.services.cipher,
      publicUrl: ctx.services.config.publicUrl,
      now: ctx.now,
    }),
  );
});
