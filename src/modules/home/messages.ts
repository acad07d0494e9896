import { defineMessages } from '../../platform/i18n/locales.js';

export const homeMessages = defineMessages({
  'home.title': { ky: 'Ачык', ru: 'Ачык', en: 'Achyk' },
  'home.lead': {
    ky: 'Ачык — мамлекеттик органдарга кайрылууларды жөнөтүүгө жана көзөмөлдөөгө, укук бузууларды купуя документтөөгө жана органдардын жарандарга кандай жооп берерин ачык көрсөтүүгө арналган платформа.',
    ru: 'Ачык — платформа, чтобы отправлять обращения в государственные органы и следить за ними, конфиденциально документировать нарушения прав человека и открыто показывать, как органы отвечают гражданам.',
    en: 'Achyk is a platform to send appeals to state bodies and follow them, to document human-rights violations confidentially, and to show openly how each body answers the people who write to it.',
  },
  'home.appeals': { ky: 'Кайрылуулар', ru: 'Обращения', en: 'Appeals' },
  'home.appeals_text': {
    ky: 'Мыйзамдагы мөөнөттү Кыргызстандын жумуш күндөрүнүн календары боюнча эсептейбиз.',
    ru: 'Срок ответа считается по закону и по календарю рабочих дней Кыргызстана.',
    en: 'The answer deadline is computed by law on the Kyrgyz working-day calendar.',
  },
  'home.cases': { ky: 'Укук бузуулар', ru: 'Нарушения прав', en: 'Human-rights cases' },
  'home.cases_text': {
    ky: 'Купуя документтөө, далилдердин бүтүндүгү жана донорлор менен БУУ үчүн отчеттор.',
    ru: 'Конфиденциальное документирование, целостность доказательств, отчёты для доноров и ООН.',
    en: 'Confidential documentation, provable evidence, reports for donors and the UN.',
  },
  'home.accountability': { ky: 'Отчеттуулук', ru: 'Подотчётность', en: 'Accountability' },
  'home.accountability_text': {
    ky: 'Ар бир органдын жооп берүү көрсөткүчтөрү, рейтингдер жана ачык маалыматтар.',
    ru: 'Показатели ответов каждого органа, рейтинги и открытые данные.',
    en: 'Each body’s answer record, league tables and open data.',
  },
  'home.report': { ky: 'Аноним билдирүү', ru: 'Анонимное сообщение', en: 'Report anonymously' },
  'home.report_text': {
    ky: 'Коррупция же жабык мекемелердеги кыйноо тууралуу атыңызды айтпай кабарлаңыз; жазышуу үчүн бир жолу көрсөтүлүүчү код аласыз.',
    ru: 'Сообщите о коррупции или пытках в закрытых учреждениях, не называя себя; для переписки вы получите код, показанный один раз.',
    en: 'Report corruption or torture in closed institutions without giving your name; a code shown once lets you follow up.',
  },
  'home.consultations': { ky: 'Мыйзам долбоорлорун талкуулоо', ru: 'Обсуждение законопроектов', en: 'Consultations on draft laws' },
  'home.consultations_text': {
    ky: 'Долбоорлорду берене-беренеси менен окуп, ар бир пунктка пикир калтырыңыз.',
    ru: 'Читайте проекты постатейно и комментируйте каждый пункт.',
    en: 'Read drafts article by article and comment on each paragraph.',
  },
  'home.anonymous_inbox': { ky: 'Аноним билдирүүлөр', ru: 'Анонимные сообщения', en: 'Anonymous reports' },
  'home.signed_in_as': { ky: 'Сиз {name} катары кирдиңиз.', ru: 'Вы вошли как {name}.', en: 'You are signed in as {name}.' },
  'home.today': { ky: 'Бүгүн: {date}', ru: 'Сегодня: {date}', en: 'Today: {date}' },
});
