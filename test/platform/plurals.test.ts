/**
 * Counts in sentences read correctly in Kyrgyz, Russian and English (issue #18): the plural category
 * of each language (Intl.PluralRules) and the grammatical form the sentence needs («в течение 1
 * рабочего дня», not «1 рабочий день»), for 1, 2, 5, 11, 21 and 22. Pure: no database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../src/platform/i18n/translate.js';
import { termWords } from '../../src/modules/appeals/term-words.js';
import type { Locale } from '../../src/platform/i18n/locales.js';

const COUNTS = [1, 2, 5, 11, 21, 22] as const;

/** Renders `render(n)` for every count in one language and compares with the expected six texts. */
function table(lang: Locale, render: (n: number) => string, expected: string[]): void {
  assert.deepEqual(
    COUNTS.map((n) => render(n)),
    expected,
    lang,
  );
}

describe('plurals and grammatical forms', () => {
  test('working days left and overdue', () => {
    const left = (l: Locale) => (n: number) => translator(l)('appeals.days_left', { count: n });
    table('ru', left('ru'), [
      'остался 1 рабочий день',
      'осталось 2 рабочих дня',
      'осталось 5 рабочих дней',
      'осталось 11 рабочих дней',
      'остался 21 рабочий день',
      'осталось 22 рабочих дня',
    ]);
    table('en', left('en'), [
      '1 working day left',
      '2 working days left',
      '5 working days left',
      '11 working days left',
      '21 working days left',
      '22 working days left',
    ]);
    table('ky', left('ky'), [
      '1 иш күнү калды',
      '2 иш күнү калды',
      '5 иш күнү калды',
      '11 иш күнү калды',
      '21 иш күнү калды',
      '22 иш күнү калды',
    ]);
    const late = (l: Locale) => (n: number) => translator(l)('appeals.days_overdue', { count: n });
    table('ru', late('ru'), [
      'просрочено на 1 рабочий день',
      'просрочено на 2 рабочих дня',
      'просрочено на 5 рабочих дней',
      'просрочено на 11 рабочих дней',
      'просрочено на 21 рабочий день',
      'просрочено на 22 рабочих дня',
    ]);
    table('en', late('en'), [
      'overdue by 1 working day',
      'overdue by 2 working days',
      'overdue by 5 working days',
      'overdue by 11 working days',
      'overdue by 21 working days',
      'overdue by 22 working days',
    ]);
    table('ky', late('ky'), [
      '1 иш күнүнө кечикти',
      '2 иш күнүнө кечикти',
      '5 иш күнүнө кечикти',
      '11 иш күнүнө кечикти',
      '21 иш күнүнө кечикти',
      '22 иш күнүнө кечикти',
    ]);
  });

  test('a term «в течение N рабочих дней» takes the genitive; a bare term the nominative; «до» the genitive, «чейин» the dative', () => {
    table('ru', (n) => termWords('ru', n, 'working', 'within'), [
      '1 рабочего дня',
      '2 рабочих дней',
      '5 рабочих дней',
      '11 рабочих дней',
      '21 рабочего дня',
      '22 рабочих дней',
    ]);
    table('ru', (n) => termWords('ru', n, 'working'), [
      '1 рабочий день',
      '2 рабочих дня',
      '5 рабочих дней',
      '11 рабочих дней',
      '21 рабочий день',
      '22 рабочих дня',
    ]);
    table('ru', (n) => termWords('ru', n, 'calendar', 'up_to'), [
      '1 календарного дня',
      '2 календарных дней',
      '5 календарных дней',
      '11 календарных дней',
      '21 календарного дня',
      '22 календарных дней',
    ]);
    table('ru', (n) => termWords('ru', n, 'calendar'), [
      '1 календарный день',
      '2 календарных дня',
      '5 календарных дней',
      '11 календарных дней',
      '21 календарный день',
      '22 календарных дня',
    ]);
    table('en', (n) => termWords('en', n, 'working', 'within'), [
      '1 working day',
      '2 working days',
      '5 working days',
      '11 working days',
      '21 working days',
      '22 working days',
    ]);
    table('en', (n) => termWords('en', n, 'calendar'), [
      '1 calendar day',
      '2 calendar days',
      '5 calendar days',
      '11 calendar days',
      '21 calendar days',
      '22 calendar days',
    ]);
    table(
      'ky',
      (n) => termWords('ky', n, 'working', 'within'),
      COUNTS.map((n) => `${n} иш күнүнүн`),
    );
    table(
      'ky',
      (n) => termWords('ky', n, 'working', 'up_to'),
      COUNTS.map((n) => `${n} иш күнүнө`),
    );
    table(
      'ky',
      (n) => termWords('ky', n, 'calendar'),
      COUNTS.map((n) => `${n} календардык күн`),
    );
  });

  test('the letter to a body states its terms as a sentence in each language', () => {
    const terms = (l: Locale, n: number) =>
      translator(l)('appeals.letter.terms', {
        registration: termWords(l, n, 'working', 'within'),
        answer: termWords(l, n, 'working', 'within'),
        received: 'R',
        registrationDue: 'D1',
        due: 'D2',
      });
    assert.match(terms('ru', 1), /регистрируется в течение 1 рабочего дня, ответ даётся в течение 1 рабочего дня\./);
    assert.match(terms('ru', 21), /в течение 21 рабочего дня/);
    assert.match(terms('ru', 22), /в течение 22 рабочих дней/);
    assert.match(terms('en', 1), /registered within 1 working day and answered within 1 working day\./);
    assert.match(terms('ky', 14), /кайрылуу 14 иш күнүнүн ичинде катталып, 14 иш күнүнүн ичинде жооп берилиши керек/);
  });

  test('search results, imports, audit checks, limits', () => {
    const found = (l: Locale) => (n: number) => translator(l)('publication.search_results', { n });
    table('ru', found('ru'), [
      'Найдено 1 обращение',
      'Найдено 2 обращения',
      'Найдено 5 обращений',
      'Найдено 11 обращений',
      'Найдено 21 обращение',
      'Найдено 22 обращения',
    ]);
    table('en', found('en'), [
      '1 appeal found',
      '2 appeals found',
      '5 appeals found',
      '11 appeals found',
      '21 appeals found',
      '22 appeals found',
    ]);
    table(
      'ky',
      found('ky'),
      COUNTS.map((n) => `${n} кайрылуу табылды`),
    );
    const limit = (l: Locale) => (n: number) => translator(l)('validation.too_long', { max: n });
    table('ru', limit('ru'), [
      'Должно быть не больше 1 символа.',
      'Должно быть не больше 2 символов.',
      'Должно быть не больше 5 символов.',
      'Должно быть не больше 11 символов.',
      'Должно быть не больше 21 символа.',
      'Должно быть не больше 22 символов.',
    ]);
    table('en', limit('en'), [
      'Must be at most 1 character.',
      'Must be at most 2 characters.',
      'Must be at most 5 characters.',
      'Must be at most 11 characters.',
      'Must be at most 21 characters.',
      'Must be at most 22 characters.',
    ]);
    table(
      'ky',
      limit('ky'),
      COUNTS.map((n) => `Эң көп ${n} белги болушу керек.`),
    );
    const audit = (l: Locale) => (n: number) => translator(l)('admin.audit_ok', { count: n });
    table('ru', audit('ru'), [
      'Цепочка цела: проверена 1 запись.',
      'Цепочка цела: проверено 2 записи.',
      'Цепочка цела: проверено 5 записей.',
      'Цепочка цела: проверено 11 записей.',
      'Цепочка цела: проверена 21 запись.',
      'Цепочка цела: проверено 22 записи.',
    ]);
    table('en', audit('en'), [
      'The chain is intact: 1 entry checked.',
      'The chain is intact: 2 entries checked.',
      'The chain is intact: 5 entries checked.',
      'The chain is intact: 11 entries checked.',
      'The chain is intact: 21 entries checked.',
      'The chain is intact: 22 entries checked.',
    ]);
    table(
      'ky',
      audit('ky'),
      COUNTS.map((n) => `Чынжыр бүтүн: ${n} жазуу текшерилди.`),
    );
    const wait = (l: Locale) => (n: number) => translator(l)('error.too_many_requests', { seconds: n });
    table('ru', wait('ru'), [
      'Слишком много попыток. Повторите через 1 секунду.',
      'Слишком много попыток. Повторите через 2 секунды.',
      'Слишком много попыток. Повторите через 5 секунд.',
      'Слишком много попыток. Повторите через 11 секунд.',
      'Слишком много попыток. Повторите через 21 секунду.',
      'Слишком много попыток. Повторите через 22 секунды.',
    ]);
    table('en', wait('en'), [
      'Too many attempts. Try again in 1 second.',
      'Too many attempts. Try again in 2 seconds.',
      'Too many attempts. Try again in 5 seconds.',
      'Too many attempts. Try again in 11 seconds.',
      'Too many attempts. Try again in 21 seconds.',
      'Too many attempts. Try again in 22 seconds.',
    ]);
    const rejected = translator('ru')('directory.admin.rejected', { count: 1 });
    assert.equal(rejected, 'Ничего не загружено: найдена 1 ошибка. Исправьте её и загрузите файл снова.');
    assert.equal(
      translator('en')('directory.admin.rejected', { count: 1 }),
      'Nothing was imported: 1 problem found. Fix it and upload the file again.',
    );
  });

  test('anonymous reports: retention and the expiry notice', () => {
    const kept = (l: Locale) => (n: number) =>
      translator(l)('anonymous.receipt.retention', { days: n }).replace(/^.*\. /, '');
    table('ru', kept('ru'), [
      'Сообщение без активности 1 день удаляется.',
      'Сообщение без активности 2 дня удаляется.',
      'Сообщение без активности 5 дней удаляется.',
      'Сообщение без активности 11 дней удаляется.',
      'Сообщение без активности 21 день удаляется.',
      'Сообщение без активности 22 дня удаляется.',
    ]);
    table('en', kept('en'), [
      'A report with no activity for 1 day is deleted.',
      'A report with no activity for 2 days is deleted.',
      'A report with no activity for 5 days is deleted.',
      'A report with no activity for 11 days is deleted.',
      'A report with no activity for 21 days is deleted.',
      'A report with no activity for 22 days is deleted.',
    ]);
    table(
      'ky',
      kept('ky'),
      COUNTS.map((n) => `${n} күн аракетсиз калган билдирүү өчүрүлөт.`),
    );
    const expiring = (l: Locale, n: number) =>
      translator(l)('anonymous.mail.expiring.body', { count: n, date: 'D', link: 'L' });
    assert.equal(
      expiring('en', 1),
      '1 anonymous report without activity will be deleted from D on unless someone acts on it or keeps it:\nL',
    );
    assert.equal(
      expiring('ru', 21),
      '21 анонимное сообщение без активности будет удалено начиная с D, если никто не займётся им или не оставит его на хранение:\nL',
    );
    assert.equal(
      expiring('ru', 22),
      '22 анонимных сообщения без активности будут удалены начиная с D, если никто не займётся ими или не оставит их на хранение:\nL',
    );
  });
});
