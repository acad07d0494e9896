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

  'subscriptions.subscribe.title': { ky: 'Электрондук почта аркылуу жазылуу', ru: 'Подписка по электронной почте', en: 'Subscribe by e-mail' },
  'subscriptions.subscribe.lead': {
    ky: 'Уюмдун билдирүүлөрүн жана иш-чаралары тууралуу кабарларды тандалган тилде алыңыз. Биз дарегиңизди гана сактайбыз, шифрленген түрдө; аны эч кимге бербейбиз.',
    ru: 'Получайте заявления организации и сообщения о мероприятиях на выбранном языке. Мы храним только ваш адрес, в зашифрованном виде, и никому его не передаём.',
    en: "Receive the organisation's statements and news of its events in the language you choose. We keep only your address, encrypted, and give it to nobody.",
  },
  'subscriptions.field.email': { ky: 'Электрондук почтаңыздын дареги', ru: 'Ваш адрес электронной почты', en: 'Your e-mail address' },
  'subscriptions.field.topics': { ky: 'Эмнелерди алгыңыз келет', ru: 'Что вы хотите получать', en: 'What you want to receive' },
  'subscriptions.field.language': { ky: 'Каттардын тили', ru: 'Язык писем', en: 'Language of the letters' },
  'subscriptions.subscribe.submit': { ky: 'Жазылуу', ru: 'Подписаться', en: 'Subscribe' },
  'subscriptions.subscribe.optin_note': {
    ky: 'Биз ырастоо шилтемеси бар кат жиберебиз. Шилтеме {hours} саат иштейт; ырастабасаңыз, дарегиңиз өчүрүлөт.',
    ru: 'Мы пришлём письмо со ссылкой для подтверждения. Ссылка действует {hours} ч; если вы не подтвердите подписку, адрес будет удалён.',
    en: 'We will send a letter with a confirmation link. The link works for {hours} hours; if you do not confirm, the address is deleted.',
  },
  'subscriptions.error.topics': { ky: 'Жок дегенде бир теманы тандаңыз.', ru: 'Выберите хотя бы одну тему.', en: 'Choose at least one topic.' },
  'subscriptions.error.already_subscribed': {
    ky: 'Бул дарек мурунтан эле жазылган. Темаларды же тилди өзгөртүү үчүн биздин каалаган каттагы шилтеме аркылуу жазылууну токтотуп, кайра жазылыңыз.',
    ru: 'Этот адрес уже подписан. Чтобы изменить темы или язык, отпишитесь по ссылке в любом нашем письме и подпишитесь заново.',
    en: 'This address is already subscribed. To change the topics or the language, unsubscribe with the link in any of our letters and subscribe again.',
  },
  'subscriptions.error.already_pending': {
    ky: 'Бул дарекке ырастоо каты буга чейин жиберилген. Почтаңызды (спам папкасын да) текшериңиз; шилтеме {hours} саат ичинде иштейт.',
    ru: 'На этот адрес уже отправлено письмо с подтверждением. Проверьте почту (и папку «Спам»); ссылка действует {hours} ч.',
    en: 'A confirmation letter was already sent to this address. Check your mail (and the spam folder); the link works for {hours} hours.',
  },
  'subscriptions.error.too_many': {
    ky: 'Өтө көп суроо-талап. {seconds} секунддан кийин кайра аракет кылыңыз.',
    ru: 'Слишком много запросов. Повторите через {seconds} с.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  'subscriptions.sent.title': { ky: 'Почтаңызды текшериңиз', ru: 'Проверьте почту', en: 'Check your mail' },
  'subscriptions.sent.text': {
    ky: 'Биз ырастоо шилтемеси бар кат жибердик. Жазылуу шилтемени ачып, «Ырастоо» баскычын басканыңыздан кийин гана иштейт.',
    ru: 'Мы отправили письмо со ссылкой для подтверждения. Подписка начнёт действовать, только когда вы откроете ссылку и нажмёте «Подтвердить».',
    en: 'We sent a letter with a confirmation link. The subscription starts only once you open the link and press “Confirm”.',
  },
  'subscriptions.confirm.title': { ky: 'Жазылууну ырастоо', ru: 'Подтверждение подписки', en: 'Confirm your subscription' },
  'subscriptions.confirm.text': { ky: 'Жазылуу: {topics}. Каттардын тили: {language}.', ru: 'Подписка: {topics}. Язык писем: {language}.', en: 'Subscription: {topics}. Language of the letters: {language}.' },
  'subscriptions.confirm.submit': { ky: 'Ырастоо', ru: 'Подтвердить', en: 'Confirm' },
  'subscriptions.confirm.invalid': {
    ky: 'Бул шилтеме жараксыз же мөөнөтү бүткөн. Кайра жазылып көрүңүз.',
    ru: 'Ссылка недействительна или её срок истёк. Подпишитесь заново.',
    en: 'This link is not valid or has expired. Please subscribe again.',
  },
  'subscriptions.confirmed.title': { ky: 'Жазылуу ырасталды', ru: 'Подписка подтверждена', en: 'Subscription confirmed' },
  'subscriptions.confirmed.text': {
    ky: 'Рахмат! Ар бир катта жазылууну бир басуу менен токтотуучу шилтеме болот.',
    ru: 'Спасибо! В каждом письме будет ссылка, чтобы отписаться одним нажатием.',
    en: 'Thank you! Every letter carries a link to unsubscribe with one click.',
  },
  'subscriptions.unsubscribe.title': { ky: 'Жазылууну токтотуу', ru: 'Отказ от подписки', en: 'Unsubscribe' },
  'subscriptions.unsubscribe.text': {
    ky: 'Жазылууну токтотсоңуз, дарегиңиз биздин тизмеден толугу менен өчүрүлөт.',
    ru: 'Если вы отпишетесь, ваш адрес будет полностью удалён из нашего списка.',
    en: 'If you unsubscribe, your address is deleted from our list entirely.',
  },
  'subscriptions.unsubscribe.submit': { ky: 'Жазылууну токтотуу', ru: 'Отписаться', en: 'Unsubscribe' },
  'subscriptions.unsubscribe.invalid': {
    ky: 'Бул шилтеме жараксыз, же дарек буга чейин тизмеден өчүрүлгөн.',
    ru: 'Ссылка недействительна, или адрес уже удалён из списка.',
    en: 'This link is not valid, or the address was already removed from the list.',
  },
  'subscriptions.unsubscribed.title': { ky: 'Жазылуу токтотулду', ru: 'Вы отписались', en: 'You are unsubscribed' },
  'subscriptions.unsubscribed.text': {
    ky: 'Дарегиңиз өчүрүлдү; мындан ары биз сизге кат жибербейбиз.',
    ru: 'Ваш адрес удалён; больше мы не будем вам писать.',
    en: 'Your address was deleted; we will not write to you again.',
  },
  'subscriptions.mail.confirm.subject': { ky: 'Жазылууну ырастаңыз', ru: 'Подтвердите подписку', en: 'Please confirm your subscription' },
  'subscriptions.mail.confirm.body': {
    ky: 'Саламатсызбы!\n\nКимдир бирөө (балким, сиз) бул даректи жазылуу үчүн көрсөттү: {topics}.\nЫрастоо үчүн шилтемени ачып, «Ырастоо» баскычын басыңыз ({hours} саат ичинде):\n{link}\n\nЭгер сиз жазылбасаңыз, бул катка көңүл бурбаңыз: дарек {hours} сааттан кийин өчүрүлөт.\n',
    ru: 'Здравствуйте!\n\nКто-то (возможно, вы) указал этот адрес для подписки: {topics}.\nЧтобы подтвердить, откройте ссылку и нажмите «Подтвердить» (в течение {hours} ч):\n{link}\n\nЕсли вы не подписывались, просто не отвечайте: адрес будет удалён через {hours} ч.\n',
    en: 'Hello,\n\nSomeone (perhaps you) gave this address to subscribe to: {topics}.\nTo confirm, open the link and press “Confirm” (within {hours} hours):\n{link}\n\nIf you did not subscribe, ignore this letter: the address is deleted after {hours} hours.\n',
  },
  'subscriptions.mail.welcome.subject': { ky: 'Жазылуу ырасталды', ru: 'Подписка подтверждена', en: 'Subscription confirmed' },
  'subscriptions.mail.welcome.body': {
    ky: 'Жазылууңуз ырасталды: {topics}.\n\nЖазылууну каалаган убакта токтотуу:\n{link}\n',
    ru: 'Ваша подписка подтверждена: {topics}.\n\nОтписаться можно в любой момент:\n{link}\n',
    en: 'Your subscription is confirmed: {topics}.\n\nYou can unsubscribe at any time:\n{link}\n',
  },
});
