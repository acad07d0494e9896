/** Messages about the text recognition (OCR) of scanned documents (files/ocr.ts, ocr-job.ts). */
import { defineMessages } from '../../platform/i18n/locales.js';

export const appealsOcrMessages = defineMessages({
  'appeals.ocr.queued': { ky: 'Тексти таанылууда (кезекте)…', ru: 'Текст распознаётся (в очереди)…', en: 'Text recognition is queued…' },
  'appeals.ocr.done': { ky: 'Тексти автоматтык түрдө таанылды ({pages} бет).', ru: 'Текст распознан автоматически (страниц: {pages}).', en: 'Text recognised automatically ({pages} pages).' },
  'appeals.ocr.partial': {
    ky: 'Тексти {total} беттин биринчи {pages} бетинен гана таанылды (чек).',
    ru: 'Текст распознан только с первых {pages} из {total} страниц (ограничение).',
    en: 'Text recognised from the first {pages} of {total} pages only (the limit).',
  },
  'appeals.ocr.empty': { ky: 'Скандан текст табылган жок.', ru: 'В скане не найден текст.', en: 'No text was found in the scan.' },
  'appeals.ocr.failed': { ky: 'Сканды окууга болбоду (файл бузулган же колдоого алынбайт).', ru: 'Скан не удалось прочитать (файл повреждён или не поддерживается).', en: 'The scan could not be read (the file is damaged or not supported).' },
  'appeals.ocr.timeout': { ky: 'Текстти таануу убакыт чегинде токтотулду.', ru: 'Распознавание текста остановлено по лимиту времени.', en: 'Text recognition was stopped at its time limit.' },
  'appeals.ocr.unavailable': {
    ky: 'Бул серверде текстти таануу жок: кыргыз жана орус тилдеринин маалыматтары менен Tesseract орнотулган эмес.',
    ru: 'На этом сервере нет распознавания текста: не установлен Tesseract с данными для кыргызского и русского языков.',
    en: 'Text recognition is not available on this server: Tesseract with its Kyrgyz and Russian data is not installed.',
  },
});
