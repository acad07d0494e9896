/**
 * The escalation complaint, drafted in the appeal's language: who was asked what and when, under
 * which law, the registration number, the due date, what went wrong (no answer by the due date, or
 * an answer classified as a refusal, a formal reply, a partial one or a redirection), and the
 * liability introduced in July 2025 (a fine of 10,000 som for an official who misses the deadline or
 * gives no answer). A draft: the person edits it before sending.
 */
import { formatDate } from '../calendar/index.js';
import { translator } from '../../platform/i18n/translate.js';
import type { AppealLanguage, Classification, EscalationTarget, RefusalReason } from './kinds.js';

export interface EscalationInput {
  language: AppealLanguage;
  target: EscalationTarget;
  targetName: string;
  bodyName: string;
  kind: string;
  subject: string;
  legalBasis: string;
  receivedOn: string;
  registrationNumber: string | null;
  registeredOn: string | null;
  due: string;
  today: string;
  /** working days past the due date (0 when not overdue) */
  overdueWorkingDays: number;
  answeredOn: string | null;
  classification: Classification | null;
  refusalReason: RefusalReason | null;
  applicantName: string;
}

export function renderEscalationLetter(e: EscalationInput): { subject: string; text: string } {
  const t = translator(e.language);
  const d = (date: string) => formatDate(date, e.language);
  const kind = t(`appeals.kind.${e.kind}` as never);
  const reg = e.registrationNumber
    ? t('appeals.esc.registration', { number: e.registrationNumber, date: e.registeredOn ? d(e.registeredOn) : '—' })
    : t('appeals.esc.not_registered');
  let situation: string;
  if (!e.answeredOn) situation = t('appeals.esc.no_answer', { today: d(e.today), days: e.overdueWorkingDays });
  else if (e.classification === 'refused')
    situation = t('appeals.esc.refused', {
      date: d(e.answeredOn),
      reason: e.refusalReason ? t(`appeals.refusal.${e.refusalReason}` as never) : '—',
    });
  else if (e.classification === 'formal') situation = t('appeals.esc.formal', { date: d(e.answeredOn) });
  else if (e.classification === 'partially_satisfied') situation = t('appeals.esc.partial', { date: d(e.answeredOn) });
  else if (e.classification === 'redirected') situation = t('appeals.esc.redirected', { date: d(e.answeredOn) });
  else situation = t('appeals.esc.answer_unsatisfactory', { date: d(e.answeredOn) });
  const lateAnswer =
    e.answeredOn && e.answeredOn > e.due
      ? [t('appeals.esc.late_answer', { date: d(e.answeredOn), due: d(e.due) })]
      : [];
  const subject = t('appeals.esc.subject', { body: e.bodyName, date: d(e.receivedOn) });
  const text = [
    t('appeals.letter.to', { body: e.targetName }),
    '',
    subject,
    '',
    t('appeals.esc.facts', { date: d(e.receivedOn), kind, subject: e.subject, body: e.bodyName }) + ' ' + reg,
    t('appeals.esc.law', { basis: e.legalBasis, due: d(e.due) }),
    situation,
    ...lateAnswer,
    t('appeals.esc.liability'),
    '',
    t(`appeals.esc.request.${e.target}` as never, { body: e.bodyName }),
    '',
    t('appeals.letter.applicant', { name: e.applicantName }),
  ].join('\n');
  return { subject, text };
}
