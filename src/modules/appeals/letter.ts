/**
 * The letter that carries an appeal to a body, in the appeal's language (not the sender's interface
 * language): the text, the legal basis, the terms and the computed due date, and how to answer.
 */
import { formatDate } from '../calendar/index.js';
import { bodyName, type BodyInfo } from '../directory/index.js';
import type { Appeal } from './queries.js';
import { termWords as units } from './term-words.js';
import { translator } from '../../platform/i18n/translate.js';
import type { AppealLanguage } from './kinds.js';
import type { AppealRule } from './rules/queries.js';
import { legalBasis } from './rules/queries.js';

export interface LetterInput {
  id: number;
  kind: string;
  language: AppealLanguage;
  subject: string;
  text: string;
  bodyName: string;
  applicantName: string;
  applicantContact: string | null;
  onBehalf: boolean;
  receivedOn: string;
  registrationDue: string;
  due: string;
  rule: AppealRule;
}

/**
 * The letter of an appeal, built from the appeal and what the caller computed: the one builder for
 * the preview (the wizard's review page) and the sender (`submitAppeal`), so the letter a person
 * checks is the letter that is sent.
 */
export function appealLetter(p: {
  appeal: Pick<Appeal, 'id' | 'kind' | 'language' | 'subject' | 'text' | 'person_name_enc'>;
  body: Pick<BodyInfo, 'name_ky' | 'name_ru' | 'name_en'>;
  applicant: { name: string; contact: string | null };
  rule: AppealRule;
  receivedOn: string;
  registrationDue: string;
  due: string;
}): { subject: string; text: string } {
  const { appeal } = p;
  return renderAppealLetter({
    id: appeal.id,
    kind: appeal.kind,
    language: appeal.language,
    subject: appeal.subject,
    text: appeal.text,
    bodyName: bodyName(p.body, appeal.language),
    applicantName: p.applicant.name,
    applicantContact: p.applicant.contact,
    onBehalf: appeal.person_name_enc !== null,
    receivedOn: p.receivedOn,
    registrationDue: p.registrationDue,
    due: p.due,
    rule: p.rule,
  });
}

function renderAppealLetter(a: LetterInput): { subject: string; text: string } {
  const t = translator(a.language);
  const kind = t(`appeals.kind.${a.kind}` as never);
  const subject = t('appeals.letter.subject', { id: a.id, kind, subject: a.subject });
  const lines = [
    t('appeals.letter.to', { body: a.bodyName }),
    '',
    t('appeals.letter.heading', { kind, subject: a.subject }),
    '',
    a.text,
    '',
    '—',
    a.onBehalf
      ? t('appeals.letter.applicant_on_behalf', { name: a.applicantName })
      : t('appeals.letter.applicant', { name: a.applicantName }),
    ...(a.applicantContact ? [t('appeals.letter.contact', { contact: a.applicantContact })] : []),
    '',
    t('appeals.letter.legal_basis', { basis: legalBasis(a.rule, a.language) }),
    t('appeals.letter.terms', {
      registration: units(a.language, a.rule.registration_term, a.rule.registration_unit, 'within'),
      answer: units(a.language, a.rule.answer_term, a.rule.answer_unit, 'within'),
      received: formatDate(a.receivedOn, a.language),
      registrationDue: formatDate(a.registrationDue, a.language),
      due: formatDate(a.due, a.language),
    }),
    t('appeals.letter.liability'),
    '',
    t('appeals.letter.reply'),
    t('appeals.letter.reference', { id: a.id }),
  ];
  return { subject, text: lines.join('\n') };
}
