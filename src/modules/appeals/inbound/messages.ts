/** Messages of the inbound-mail holding pen. */
import { defineMessages } from '../../../platform/i18n/locales.js';

export const mailInboundMessages = defineMessages({
  'mail.pen_title': { ky: 'Кирген каттардын кармоочу жайы', ru: 'Накопитель входящей почты', en: 'Inbound mail holding pen' },
  'mail.pen_intro': {
    ky: 'Кайрылууга автоматтык түрдө тиркелбеген каттар ушул жерде: белгисиз же жасалма дарек, өтө чоң же бузук кат. Ар бирин кайрылууга тиркеңиз же себебин көрсөтүп четке кагыңыз; эч бир кат унчукпай жоголбойт.',
    ru: 'Здесь письма, которые не удалось автоматически приобщить к обращению: неизвестный или поддельный адрес, слишком большое или повреждённое письмо. Приобщите каждое к обращению или отклоните; ни одно письмо не теряется молча.',
    en: 'Messages that could not be attached to an appeal automatically: unknown or forged address, too large or malformed. Attach each to an appeal or discard it; nothing is dropped silently.',
  },
  'mail.none_held': { ky: 'Кармалган кат жок.', ru: 'Задержанных писем нет.', en: 'No messages are held.' },
  'mail.received': { ky: 'Келген убакыт', ru: 'Получено', en: 'Received' },
  'mail.from_to': { ky: 'Кимден → кимге', ru: 'От → кому', en: 'From → to' },
  'mail.subject': { ky: 'Тема', ru: 'Тема', en: 'Subject' },
  'mail.reason': { ky: 'Себеби', ru: 'Причина', en: 'Reason' },
  'mail.size': { ky: 'Көлөмү / SHA-256', ru: 'Размер / SHA-256', en: 'Size / SHA-256' },
  'mail.actions': { ky: 'Аракеттер', ru: 'Действия', en: 'Actions' },
  'mail.raw': { ky: 'Баштапкы кат (.eml)', ru: 'Исходное письмо (.eml)', en: 'Raw message (.eml)' },
  'mail.attach_to': { ky: 'Кайрылуунун номери (A-…)', ru: 'Номер обращения (A-…)', en: 'Appeal number (A-…)' },
  'mail.attach': { ky: 'Тиркөө', ru: 'Приобщить', en: 'Attach' },
  'mail.discard': { ky: 'Четке кагуу', ru: 'Отклонить', en: 'Discard' },
  'mail.attached': { ky: 'Кат кайрылууга тиркелди.', ru: 'Письмо приобщено к обращению.', en: 'The message was attached to the appeal.' },
  'mail.discarded': { ky: 'Кат четке кагылды (сакталып калат).', ru: 'Письмо отклонено (оно сохраняется).', en: 'The message was discarded (it is kept).' },
  'mail.error.appeal_unknown': { ky: 'Мындай жөнөтүлгөн кайрылуу жок.', ru: 'Такого отправленного обращения нет.', en: 'There is no such sent appeal.' },
  'mail.error.too_large_kept_head': { ky: 'Кат өтө чоң болгон: анын башы гана сакталган, тиркөөгө болбойт.', ru: 'Письмо было слишком большим: сохранено только его начало, приобщить нельзя.', en: 'The message was too large: only its head was kept, so it cannot be attached.' },
  'mail.hold.unknown_address': { ky: 'Белгисиз дарек', ru: 'Неизвестный адрес', en: 'Unknown address' },
  'mail.hold.bad_signature': { ky: 'Жасалма же бузулган дарек (кол тамга туура эмес)', ru: 'Поддельный или искажённый адрес (подпись неверна)', en: 'Forged or altered address (bad signature)' },
  'mail.hold.unknown_appeal': { ky: 'Мындай кайрылуу жок', ru: 'Такого обращения нет', en: 'No such appeal' },
  'mail.hold.too_large': { ky: 'Өтө чоң', ru: 'Слишком большое', en: 'Too large' },
  'mail.hold.malformed': { ky: 'Бузук кат', ru: 'Повреждённое письмо', en: 'Malformed message' },
  'mail.hold.appeal_not_sent': { ky: 'Кайрылуу али жөнөтүлө элек', ru: 'Обращение ещё не отправлено', en: 'The appeal was not sent yet' },
});
