/** Texts of the subscriptions module, in Kyrgyz, Russian and English side by side. */
import { defineMessages } from '../../platform/i18n/locales.js';

export const subscriptionsMessages = defineMessages({
  'subscriptions.topic.statements': { ky: 'Билдирүүлөр жана пресс-релиздер', ru: 'Заявления и пресс-релизы', en: 'Statements and press releases' },
  'subscriptions.topic.events': { ky: 'Иш-чаралар', ru: 'Мероприятия', en: 'Events' },
  'subscriptions.mail.footer': {
    ky: 'Сиз бул катты «{topic}» темасына жазылгандыктан алдыңыз. Жазылууну токтотуу (бир басуу менен):\n{link}',
    ru: 'Вы получили это письмо, потому что подписались на тему «{topic}». Отписаться (одним нажатием):\n{link}',
    en: 'You receive this letter because you subscribed to “{topic}”. Unsubscribe (one click):\n{link}',
  },
});
