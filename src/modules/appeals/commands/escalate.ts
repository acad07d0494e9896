/**
 * One-step escalation: creates the linked complaint (a draft, ready to edit and send) to the
 * supervising body from the directory, the prosecutor's office or the Ombudsman, with the letter
 * pre-filled in the appeal's language. Allowed when the deadline has passed without an answer, or
 * once an answer has been received (the person judges whether it was lawful).
 */
import type { Executor } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { kyrgyzDateOf, workingDaysBetween, type CalendarData } from '../../calendar/index.js';
import { bodyById, bodyName, firstBodyOfKind, supervisorOf } from '../../directory/index.js';
import { renderEscalationLetter } from '../escalation-letter.js';
import type { EscalationTarget } from '../kinds.js';
import { escalationRefusal } from '../lifecycle.js';
import type { Appeal } from '../queries.js';
import { findRule, legalBasis } from '../rules/queries.js';
import { createDraft } from './create-draft.js';
import { addEvent } from './timeline.js';

export interface EscalateProps {
  trx: Executor;
  appeal: Appeal;
  target: EscalationTarget;
  applicantName: string;
  actor: string;
  calendar: CalendarData;
  now: Date;
}

/** Returns the id of the new draft complaint. */
export async function escalateAppeal(p: EscalateProps): Promise<number> {
  const { trx, appeal: a, now } = p;
  const today = kyrgyzDateOf(now);
  // The same rule as the page that offers (or hides) the escalation form.
  const refusal = escalationRefusal(a, today);
  if (refusal) throw new AppError('conflict', refusal.message, refusal.params);
  if (!a.received_on || !a.due_date || a.rule_id === null) throw new AppError('conflict', 'appeals.error.not_sent');
  const body = await bodyById(trx, a.body_id);
  const rule = await findRule(trx, a.rule_id);
  if (!body || !rule) throw new AppError('conflict', 'appeals.error.not_sent');
  const target =
    p.target === 'supervisor'
      ? await supervisorOf(trx, body, today)
      : await firstBodyOfKind(trx, p.target === 'prosecutor' ? 'prosecutor' : 'ombudsman', today);
  if (!target)
    throw invalid([
      {
        field: 'target',
        message: p.target === 'supervisor' ? 'appeals.error.no_supervisor' : 'appeals.error.no_target_body',
      },
    ]);

  const letter = renderEscalationLetter({
    language: a.language,
    target: p.target,
    targetName: bodyName(target, a.language),
    bodyName: bodyName(body, a.language),
    kind: a.kind,
    subject: a.subject,
    legalBasis: legalBasis(rule, a.language),
    receivedOn: a.received_on,
    registrationNumber: a.registration_number,
    registeredOn: a.registered_on,
    due: a.due_date,
    today,
    overdueWorkingDays: today > a.due_date ? Math.max(0, -workingDaysBetween(today, a.due_date, p.calendar)) : 0,
    answeredOn: a.answered_on,
    classification: a.classification,
    refusalReason: a.refusal_reason,
    applicantName: p.applicantName,
  });
  const childId = await createDraft({
    trx,
    ownerId: a.owner_id,
    ngo: a.ngo === 1,
    bodyId: target.id,
    kind: 'complaint',
    language: a.language,
    subject: letter.subject,
    text: letter.text,
    parentId: a.id,
    escalationTarget: p.target,
    personNameEnc: a.person_name_enc,
    personContactEnc: a.person_contact_enc,
    actor: p.actor,
    now,
  });
  await addEvent(trx, {
    appealId: a.id,
    kind: 'escalated',
    actor: p.actor,
    data: { child: childId, target: p.target, body: target.id },
    now,
  });
  return childId;
}
