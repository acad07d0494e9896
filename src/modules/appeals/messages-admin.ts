/** Messages of the appeals administration (rules, calendar), the holding pen and reminder letters. */
import { defineMessages } from '../../platform/i18n/locales.js';

export const appealsAdminMessages = defineMessages({
  'appeals.reminder.subject.before': { ky: 'Эскертме: «{subject}» кайрылуусуна жооп берүү мөөнөтү {due}', ru: 'Напоминание: срок ответа на обращение «{subject}» — {due}', en: 'Reminder: the answer to "{subject}" is due on {due}' },
  'appeals.reminder.subject.due': { ky: 'Бүгүн «{subject}» кайрылуусуна жооп берүүнүн акыркы күнү', ru: 'Сегодня истекает срок ответа на обращение «{subject}»', en: 'Today the answer to "{subject}" is due' },
  'appeals.reminder.subject.overdue': { ky: '«{subject}» кайрылуусунун мөөнөтү өттү', ru: 'Срок ответа на обращение «{subject}» пропущен', en: 'The answer to "{subject}" is overdue' },
  'appeals.reminder.subject.long_overdue': { ky: '«{subject}» кайрылуусунун мөөнөтү көптөн бери өттү', ru: 'Ответ на обращение «{subject}» давно просрочен', en: 'The answer to "{subject}" is long overdue' },
  'appeals.reminder.body': {
    ky: '{body} органына жөнөтүлгөн кайрылуу: «{subject}».\nЖооп берүү мөөнөтү: {due} ({status}).\nТолугураак жана даттануу: {link}',
    ru: 'Обращение в {body}: «{subject}».\nСрок ответа: {due} ({status}).\nПодробнее и обжалование: {link}',
    en: 'Appeal to {body}: "{subject}".\nAnswer due: {due} ({status}).\nDetails and escalation: {link}',
  },
  'appeals.reminder.escalate_hint': {
    ky: 'Мөөнөт өттү: бир баскыч менен жогору турган органга, прокуратурага же Акыйкатчыга даттанууну даярдай аласыз.',
    ru: 'Срок пропущен: одним нажатием можно подготовить жалобу в вышестоящий орган, прокуратуру или Акыйкатчы.',
    en: 'The deadline has passed: you can draft a complaint to the supervising body, the prosecutor or the Ombudsman in one step.',
  },
});
