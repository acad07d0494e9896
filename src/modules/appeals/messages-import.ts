/** Messages of the bulk import of appeals (`achyk appeals import`, `importAppeals`). */
import { defineMessages } from '../../platform/i18n/locales.js';

export const appealsImportMessages = defineMessages({
  'appeals.import.not_object': { ky: 'Сап JSON объекти эмес.', ru: 'Строка не является объектом JSON.', en: 'The line is not a JSON object.' },
  'appeals.import.bad_json': { ky: 'Сапты JSON катары окуу мүмкүн эмес.', ru: 'Строку нельзя прочитать как JSON.', en: 'The line cannot be read as JSON.' },
  'appeals.import.unknown_field': { ky: 'Белгисиз талаа.', ru: 'Неизвестное поле.', en: 'Unknown field.' },
  'appeals.import.required': { ky: 'Бул талаа милдеттүү.', ru: 'Это поле обязательно.', en: 'This field is required.' },
  'appeals.import.unknown_body': { ky: 'Мындай коду бар орган маалымдамада жок.', ru: 'Органа с таким кодом нет в справочнике.', en: 'No body in the directory has this code.' },
  'appeals.import.bad_value': { ky: 'Уруксат берилбеген маани.', ru: 'Недопустимое значение.', en: 'Value not allowed.' },
  'appeals.import.bad_date': { ky: 'Күн ЖЖЖЖ-АА-КК түрүндө чыныгы күн болушу керек.', ru: 'Дата должна быть настоящей датой в виде ГГГГ-ММ-ДД.', en: 'The date must be a real date written YYYY-MM-DD.' },
  'appeals.import.date_order': { ky: 'Бул күн кабыл алынган күндөн мурун боло албайт.', ru: 'Эта дата не может быть раньше даты получения.', en: 'This date cannot be before the day of receipt.' },
  'appeals.import.too_long': { ky: 'Текст өтө узун (эң көп {max} белги).', ru: 'Текст слишком длинный (не более {max} знаков).', en: 'The text is too long (at most {max} characters).' },
  'appeals.import.no_rule': { ky: 'Бул күнү бул түрдөгү кайрылууга мыйзам колдонулган эмес.', ru: 'На эту дату закон для обращений этого вида не действовал.', en: 'No rule for this kind of appeal was in force on that day.' },
  'appeals.import.too_many_events': { ky: 'Окуялар өтө көп (эң көп {max}).', ru: 'Слишком много событий (не более {max}).', en: 'Too many events (at most {max}).' },
  'appeals.import.refusal_needed': { ky: 'Баш тартуунун себеби көрсөтүлүшү керек.', ru: 'Для отказа нужно указать причину.', en: 'A refusal needs a reason.' },
});
