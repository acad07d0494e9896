/**
 * The wizard's last step: send a draft to the body by e-mail, or record an appeal already submitted
 * on paper or through a state portal. Either way the appeal gets the rule version in force on the
 * day the body received it, its deadlines, and a timeline entry; an e-mail is queued in the same
 * transaction (durable: sent by the job queue with retries, delivery recorded).
 */
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid, type FieldError } from '../../../platform/errors.js';
import { listFiles } from '../queries.js';
import { storedPath } from '../../../platform/files/store.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { kyrgyzDateOf, type CalendarData } from '../../calendar/index.js';
import { bodyById, bodyEmail, isBodyActive } from '../../directory/index.js';
import { appealLetter } from '../letter.js';
import { transition } from '../lifecycle.js';
import type { Appeal } from '../queries.js';
import { replyAddress } from '../reply-address.js';
import { ruleInForce } from '../rules/queries.js';
import { addEvent, refreshDeadlines } from './timeline.js';

export interface SubmitProps {
  trx: Executor;
  appeal: Appeal;
  /** the applicant as named in the letter (the person acted for, or the owner) */
  applicantName: string;
  applicantContact: string | null;
  actor: string;
  calendar: CalendarData;
  cipher: FieldCipher;
  mailDomain: string;
  /** where stored documents live (config.dataDir), so the letter can carry them */
  dataDir: string;
  now: Date;
}

/** Field errors that stop a draft from being sent or recorded (shown on the review page). */
export function draftProblems(a: Appeal, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (a.subject.trim() === '') errors.push({ field: 'subject', message: 'validation.required' });
  if (a.channel === 'email' && a.text.trim() === '') errors.push({ field: 'text', message: 'validation.required' });
  if (a.channel !== 'email') {
    if (!a.received_on) errors.push({ field: 'submitted_on', message: 'validation.required' });
    else if (a.received_on > today) errors.push({ field: 'submitted_on', message: 'appeals.error.date_in_future' });
    if (a.registered_on && a.received_on && a.registered_on < a.received_on)
      errors.push({ field: 'registered_on', message: 'appeals.error.registered_before_received' });
    if (a.registered_on && a.registered_on > today)
      errors.push({ field: 'registered_on', message: 'appeals.error.date_in_future' });
  }
  return errors;
}

/** Sends or records the draft; returns the mail delivery id when a letter was queued. */
export async function submitAppeal(p: SubmitProps): Promise<{ deliveryId: number | null }> {
  const { trx, appeal, now } = p;
  const today = kyrgyzDateOf(now);
  const event = appeal.channel === 'email' ? 'send' : 'record';
  let state = transition(appeal.state, event);
  const problems = draftProblems(appeal, today);
  if (problems.length) throw invalid(problems);
  const body = await bodyById(trx, appeal.body_id);
  if (!body || !isBodyActive(body, today))
    throw invalid([{ field: 'body_id', message: 'appeals.error.body_inactive' }]);
  const to = appeal.to_address ?? bodyEmail(body);
  if (event === 'send' && !to) throw invalid([{ field: 'to_address', message: 'appeals.error.body_no_email' }]);

  const receivedOn = event === 'send' ? today : appeal.received_on!;
  const rule = await ruleInForce(trx, appeal.kind, receivedOn);
  if (!rule) throw new AppError('conflict', 'appeals.error.no_rule', { date: receivedOn });
  if (appeal.registration_number && appeal.registered_on) state = transition(state, 'register');

  await trx
    .updateTable('appeal')
    .set({
      state,
      received_on: receivedOn,
      rule_id: rule.id,
      sent_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', appeal.id)
    .execute();
  const updated = { ...appeal, state, received_on: receivedOn, rule_id: rule.id };
  const deadlines = await refreshDeadlines(trx, updated, p.calendar);

  let deliveryId: number | null = null;
  if (event === 'send') {
    const letter = appealLetter({
      appeal,
      body,
      applicant: { name: p.applicantName, contact: p.applicantContact },
      rule,
      receivedOn,
      registrationDue: deadlines.registration_due!,
      due: deadlines.due_date!,
    });
    deliveryId = await queueMail(
      trx,
      {
        to: to!,
        subject: letter.subject,
        text: letter.text,
        attachments: (await listFiles(trx, appeal.id)).map((f) => ({
          filename: f.original_name,
          path: storedPath(p.dataDir, f.stored_name),
          contentType: f.mime,
        })),
        replyTo: replyAddress(p.cipher, appeal.id, p.mailDomain),
        headers: { 'X-Achyk-Appeal': String(appeal.id) },
        related: { type: 'appeal', id: appeal.id },
      },
      { cipher: p.cipher, now },
    );
    await addEvent(trx, {
      appealId: appeal.id,
      kind: 'sent',
      onDate: receivedOn,
      actor: p.actor,
      data: { delivery: deliveryId, rule: rule.id, due: deadlines.due_date },
      now,
    });
  } else {
    await addEvent(trx, {
      appealId: appeal.id,
      kind: 'recorded',
      onDate: receivedOn,
      actor: p.actor,
      data: { channel: appeal.channel, rule: rule.id, due: deadlines.due_date },
      now,
    });
    if (state === 'registered') {
      await addEvent(trx, {
        appealId: appeal.id,
        kind: 'registered',
        onDate: appeal.registered_on!,
        actor: p.actor,
        data: { number: appeal.registration_number },
        now,
      });
    }
  }
  return { deliveryId };
}
