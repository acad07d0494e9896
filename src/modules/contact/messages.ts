/** Texts of the contact module, in Kyrgyz, Russian and English side by side. */
import { defineMessages } from '../../platform/i18n/locales.js';

export const contactMessages = defineMessages({
  'contact.nav': { ky: 'Байланыш', ru: 'Связаться', en: 'Contact' },
  'contact.title': { ky: 'Уюмга жазуу', ru: 'Написать организации', en: 'Write to the organisation' },
  'contact.lead': {
    ky: 'Билдирүүңүз уюмдун кызматкерлерине жетет. Жооп алгыңыз келсе, электрондук почтаңызды жазыңыз; аны жооп берүү үчүн гана колдонобуз.',
    ru: 'Ваше сообщение получат сотрудники организации. Если хотите получить ответ, укажите адрес электронной почты; мы используем его только для ответа.',
    en: 'Your message reaches the staff of the organisation. If you want an answer, give an e-mail address; we use it only to reply.',
  },
  'contact.privacy': {
    ky: 'Биз IP-дарегиңизди сактабайбыз. Билдирүү шифрленип сакталат жана каралгандан кийин {days} күндөн соң өчүрүлөт. Аны мурда өчүрүүнү суранып жаза аласыз.',
    ru: 'Мы не сохраняем ваш IP-адрес. Сообщение хранится в зашифрованном виде и удаляется через {days} дн. после того, как оно рассмотрено. Можно попросить удалить его раньше.',
    en: 'We do not keep your IP address. The message is stored encrypted and deleted {days} days after it has been dealt with. You may ask for it to be deleted sooner.',
  },
  'contact.field.name': { ky: 'Атыңыз (милдеттүү эмес)', ru: 'Ваше имя (необязательно)', en: 'Your name (optional)' },
  'contact.field.reply_to': { ky: 'Жооп үчүн электрондук почта (милдеттүү эмес)', ru: 'Адрес для ответа (необязательно)', en: 'E-mail address for a reply (optional)' },
  'contact.field.subject': { ky: 'Тема', ru: 'Тема', en: 'Subject' },
  'contact.field.message': { ky: 'Билдирүү', ru: 'Сообщение', en: 'Message' },
  'contact.field.message_hint': { ky: 'Эң көп {max} белги.', ru: 'Не более {max} знаков.', en: 'At most {max} characters.' },
  'contact.field.honeypot': {
    ky: 'Бул талааны бош калтырыңыз (ал роботторду кармоо үчүн)',
    ru: 'Оставьте это поле пустым (оно нужно, чтобы отсеять роботов)',
    en: 'Leave this field empty (it is there to catch robots)',
  },
  'contact.submit': { ky: 'Жөнөтүү', ru: 'Отправить', en: 'Send' },
  'contact.error.empty': { ky: 'Билдирүүнү жазыңыз.', ru: 'Напишите сообщение.', en: 'Write a message.' },
  'contact.error.subject_empty': { ky: 'Теманы жазыңыз.', ru: 'Укажите тему.', en: 'Give a subject.' },
  'contact.error.too_long': {
    ky: 'Билдирүү өтө узун: {length} белги, эң көп {max} белги болушу керек.',
    ru: 'Сообщение слишком длинное: {length} знаков, допустимо не более {max}.',
    en: 'The message is too long: {length} characters, at most {max} are allowed.',
  },
  'contact.error.stale': {
    ky: 'Форма өтө көп убакыт ачык турду. Текст сакталды; кайра «Жөнөтүү» баскычын басыңыз.',
    ru: 'Форма была открыта слишком долго. Текст сохранён; нажмите «Отправить» ещё раз.',
    en: 'The form was open too long. Your text is kept; press “Send” again.',
  },
  'contact.error.too_many': {
    ky: 'Өтө көп билдирүү. {minutes} мүнөттөн кийин кайра аракет кылыңыз.',
    ru: 'Слишком много сообщений. Повторите через {minutes} мин.',
    en: 'Too many messages. Try again in {minutes} minutes.',
  },
  'contact.sent.title': { ky: 'Билдирүү жөнөтүлдү', ru: 'Сообщение отправлено', en: 'Message sent' },
  'contact.sent.text': {
    ky: 'Рахмат! Билдирүүңүз уюмга жетти. Электрондук почтаңызды калтырган болсоңуз, ошол дарекке жооп беребиз.',
    ru: 'Спасибо! Ваше сообщение получено. Если вы указали адрес, мы ответим на него.',
    en: 'Thank you! Your message has reached the organisation. If you gave an address, we will answer there.',
  },

  'contact.inbox.title': { ky: 'Байланыш формасынан келген билдирүүлөр', ru: 'Сообщения из формы связи', en: 'Contact-form messages' },
  'contact.inbox.empty': { ky: 'Билдирүүлөр жок.', ru: 'Сообщений нет.', en: 'No messages.' },
  'contact.inbox.retention': {
    ky: 'Каралган билдирүүлөр {days} күндөн кийин автоматтык түрдө өчүрүлөт.',
    ru: 'Рассмотренные сообщения автоматически удаляются через {days} дн.',
    en: 'Handled messages are deleted automatically after {days} days.',
  },
  'contact.inbox.received': { ky: 'Келген күнү', ru: 'Получено', en: 'Received' },
  'contact.inbox.subject': { ky: 'Тема', ru: 'Тема', en: 'Subject' },
  'contact.inbox.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'contact.status.new': { ky: 'Жаңы', ru: 'Новое', en: 'New' },
  'contact.status.handled': { ky: 'Каралды', ru: 'Рассмотрено', en: 'Handled' },
  'contact.inbox.from': { ky: 'Кимден', ru: 'От кого', en: 'From' },
  'contact.inbox.anonymous': { ky: 'Аты көрсөтүлгөн эмес', ru: 'Имя не указано', en: 'No name given' },
  'contact.inbox.reply_to': { ky: 'Жооп үчүн дарек', ru: 'Адрес для ответа', en: 'Reply address' },
  'contact.inbox.no_reply_to': { ky: 'Дарек калтырылган эмес', ru: 'Адрес не указан', en: 'No address given' },
  'contact.inbox.language': { ky: 'Жазылган тили', ru: 'Язык страницы', en: 'Language of the page' },
  'contact.inbox.mark_handled': { ky: 'Каралды деп белгилөө', ru: 'Отметить как рассмотренное', en: 'Mark as handled' },
  'contact.inbox.delete': { ky: 'Биротоло өчүрүү', ru: 'Удалить навсегда', en: 'Delete for good' },
  'contact.inbox.delete_hint': {
    ky: 'Жазган адам суранса же билдирүү керексиз болсо өчүрүңүз. Кайтаруу мүмкүн эмес.',
    ru: 'Удалите, если автор просит об этом или сообщение не нужно. Отменить нельзя.',
    en: 'Delete when the writer asks for it or the message is not needed. This cannot be undone.',
  },
  'contact.inbox.back': { ky: 'Бардык билдирүүлөр', ru: 'Все сообщения', en: 'All messages' },
  'contact.inbox.handled_flash': { ky: 'Билдирүү каралды деп белгиленди.', ru: 'Сообщение отмечено как рассмотренное.', en: 'The message is marked as handled.' },
  'contact.inbox.deleted_flash': { ky: 'Билдирүү өчүрүлдү.', ru: 'Сообщение удалено.', en: 'The message was deleted.' },
  'contact.inbox.handled_on': { ky: 'Каралган күнү: {date}', ru: 'Рассмотрено: {date}', en: 'Handled on {date}' },

  'contact.mail.subject': { ky: 'Байланыш формасы: жаңы билдирүү № {id}', ru: 'Форма связи: новое сообщение № {id}', en: 'Contact form: new message no. {id}' },
  'contact.mail.body': {
    ky: 'Сайттагы байланыш формасы аркылуу жаңы билдирүү келди.\n\nКимден: {name}\nЖооп үчүн дарек: {replyTo}\nТема: {subject}\n\n{message}\n\n--\nБилдирүү кутучада: {link}\n',
    ru: 'Через форму связи на сайте пришло новое сообщение.\n\nОт кого: {name}\nАдрес для ответа: {replyTo}\nТема: {subject}\n\n{message}\n\n--\nСообщение во входящих: {link}\n',
    en: 'A new message arrived through the contact form on the site.\n\nFrom: {name}\nReply address: {replyTo}\nSubject: {subject}\n\n{message}\n\n--\nThe message in the inbox: {link}\n',
  },
});
