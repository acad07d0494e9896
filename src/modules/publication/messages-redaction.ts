/** Messages of the redaction review: the confirmation step, new kinds of personal data, scanned documents. */
import { defineMessages } from '../../platform/i18n/locales.js';

export const redactionMessages = defineMessages({
  'publication.error.unconfirmed': {
    ky: 'Жарыялоодон мурун текшерүү бүтө элек: дагы {count} сөз же сан калды. Ар бирин жашырыңыз же коопсуз деп ырастаңыз.',
    ru: 'Проверка перед публикацией не завершена: осталось {count} слов или чисел. Скройте каждое или подтвердите, что оно безопасно.',
    en: 'The check before publishing is not finished: {count} words or numbers are left. Hide each one or confirm that it is safe.',
  },
  'publication.suggestion_kind.known_name': { ky: 'Белгилүү адам (ар дайым жашырылат)', ru: 'Известное лицо (скрывается всегда)', en: 'Known person (always hidden)' },
  'publication.suggestion_kind.car_plate': { ky: 'Унаа номери', ru: 'Госномер автомобиля', en: 'Car plate' },
  'publication.suggestion_kind.bank_card': { ky: 'Банк картасы', ru: 'Банковская карта', en: 'Bank card' },
  'publication.suggestion_kind.url': { ky: 'Аты бар шилтеме', ru: 'Ссылка с именем', en: 'Link with a name' },
  'publication.known_note': {
    ky: 'Арыз ээсинин, кимдин атынан берилгенинин жана иштеги адамдардын (жабырлануучулар, күбөлөр, туугандар) аттары бардык формаларында ар дайым жашырылат.',
    ru: 'Имена заявителя, лица, в интересах которого подано обращение, и людей из связанного дела (пострадавших, свидетелей, родственников) скрываются всегда и во всех падежах.',
    en: 'The names of the applicant, of the person the appeal is filed for and of the people of a linked case (victims, witnesses, relatives) are always hidden, in every form.',
  },
  'publication.review_title': { ky: 'Жарыялоонун алдында текшерүү', ru: 'Проверка перед публикацией', en: 'Check before publishing' },
  'publication.review_lead': {
    ky: 'Бул жерде жашырылбай калган бардык баш тамга менен жазылган сөздөр жана сандар. Ар бирин жашырыңыз же коопсуз экенин ырастаңыз (мисалы, кызмат ордунда иштеген кызмат адамынын аты, органдын аталышы, дата). Ырастоо журналга жазылат.',
    ru: 'Здесь все слова с заглавной буквы и все числа, которые остались открытыми. Скройте каждое или подтвердите, что оно безопасно (например, имя должностного лица, действующего по должности, название органа, дата). Подтверждение записывается в журнал.',
    en: 'Here is every capitalised word and every number that is still visible. Hide each one or confirm that it is safe (for example an official acting in office, the name of a body, a date). A confirmation is recorded in the audit log.',
  },
  'publication.review_none': { ky: 'Текшере турган эч нерсе калган жок.', ru: 'Проверять больше нечего.', en: 'Nothing is left to check.' },
  'publication.review_open': { ky: 'Текшерилбегени: {count}', ru: 'Не проверено: {count}', en: 'Not yet checked: {count}' },
  'publication.review_item': { ky: 'Текст', ru: 'Текст', en: 'Text' },
  'publication.review_times': { ky: 'Канча жолу', ru: 'Сколько раз', en: 'Times' },
  'publication.review_hide': { ky: 'Жашыруу', ru: 'Скрыть', en: 'Hide' },
  'publication.review_safe': { ky: 'Коопсуз', ru: 'Безопасно', en: 'Safe' },
  'publication.review_hide_label': { ky: '«{value}» жашыруу', ru: 'Скрыть «{value}»', en: 'Hide “{value}”' },
  'publication.review_safe_label': { ky: '«{value}» коопсуз деп ырастоо', ru: 'Подтвердить, что «{value}» безопасно', en: 'Confirm “{value}” is safe' },
  'publication.review_confirmed': { ky: 'Коопсуз деп ырасталгандар ({count})', ru: 'Подтверждено как безопасное ({count})', en: 'Confirmed safe ({count})' },
  'publication.review_blocked': {
    ky: 'Жогорудагы ар бир сөз же сан жашырылганда же коопсуз деп ырасталганда жарыялоого болот.',
    ru: 'Опубликовать можно, когда каждое слово и число выше скрыто или подтверждено как безопасное.',
    en: 'You can publish once every word and number above is hidden or confirmed safe.',
  },
  'publication.file_recognised': { ky: 'Текст сканерден автоматтык түрдө таанылды', ru: 'Текст распознан автоматически со скана', en: 'Text recognised automatically from a scan' },
  'publication.file_withheld': {
    ky: 'Таанылган текст сканер менен салыштырылып текшерилмейинче жарыяланбайт (автоматтык таануу каталар кетириши мүмкүн).',
    ru: 'Распознанный текст не публикуется, пока его не сверят со сканом (автоматическое распознавание ошибается).',
    en: 'The recognised text is not published until someone checks it against the scan (automatic recognition makes mistakes).',
  },
  'publication.ocr_mark_checked': { ky: 'Таанылган текстти текшердим', ru: 'Я сверил(а) распознанный текст', en: 'I checked the recognised text' },
  'publication.ocr_checked': { ky: 'Таанылган текст текшерилди: жашырылган тексти жарыяланат.', ru: 'Распознанный текст проверен: публикуется его текст со скрытием.', en: 'Recognised text checked: its redacted text is published.' },
  'publication.ocr_retry': { ky: 'Кайра таануу', ru: 'Распознать снова', en: 'Recognise again' },
  'publication.scan_image_note': {
    ky: 'Скан сүрөт катары кызматкер коопсуз деп белгилегенде гана жарыяланат.',
    ru: 'Скан как изображение публикуется только если сотрудник отметил его как безопасный.',
    en: 'A scan is published as an image only when staff mark it safe.',
  },
  'publication.recognised_public': { ky: 'Сканерден автоматтык түрдө таанылган текст (каталар болушу мүмкүн).', ru: 'Текст распознан автоматически со скана (возможны ошибки).', en: 'Text recognised automatically from a scan (may contain errors).' },
  'publication.error.ocr_not_possible': { ky: 'Бул документти таанууга болбойт (сүрөт же тексти жок PDF эмес).', ru: 'Этот документ нельзя распознать (это не изображение и не PDF без текста).', en: 'This document cannot be recognised (it is not an image or a PDF without text).' },
});
