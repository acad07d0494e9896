import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyRedaction, redactText, REDACTED } from '../../src/modules/publication/redaction/redact.js';
import { boundQuantifiers, checkRegex } from '../../src/modules/publication/redaction/safe-regex.js';

const red = (text: string, o: Partial<ReturnType<typeof emptyRedaction>> = {}) =>
  redactText(text, { ...emptyRedaction(), ...o }).text;

describe('redaction suggestions, one pattern at a time', () => {
  test('Kyrgyz phone numbers in their usual spellings', () => {
    for (const phone of [
      '+996 555 12 34 56',
      '+996555123456',
      '996 700 123 456',
      '0 555 123 456',
      '0555123456',
      '0(555) 12-34-56',
      '(0312) 62-45-78',
      '+996 (312) 62 45 78',
    ]) {
      assert.equal(red(`Звоните: ${phone}, спасибо`), `Звоните: ${REDACTED}, спасибо`, phone);
    }
    // Not phones: a year, a sum, a registration number
    assert.equal(red('В 2026 году, сумма 10000 сом, № 01-12/345'), 'В 2026 году, сумма 10000 сом, № 01-12/345');
  });

  test('e-mail addresses', () => {
    assert.equal(red('Пишите на aigul.t+appeal@mail.kg или ADMIN@Gov.KG.'), `Пишите на ${REDACTED} или ${REDACTED}.`);
  });

  test('14-digit personal numbers (PIN) but not SOATE codes', () => {
    assert.equal(red('ПИН 21203199000123, код 41711000000000'), `ПИН ${REDACTED}, код 41711000000000`);
    assert.equal(red('ИНН:12503198700456.'), `ИНН:${REDACTED}.`);
  });

  test('passport numbers: ID card, AN/AC series, Cyrillic look-alikes', () => {
    assert.equal(
      red('паспорт ID1234567, старый AN 7654321, АН1234567'),
      `паспорт ${REDACTED}, старый ${REDACTED}, ${REDACTED}`,
    );
    assert.equal(red('статья ID12 и код AN123'), 'статья ID12 и код AN123');
  });

  test('street addresses in Russian and Kyrgyz', () => {
    assert.equal(red('проживаю: ул. Токтогула, 125, кв. 4; работаю там же'), `проживаю: ${REDACTED}; работаю там же`);
    assert.equal(red('Дарегим: Чүй көч. 12, батир 7.'), `Дарегим: ${REDACTED}.`);
    assert.equal(red('мкр. Джал, д. 5'), REDACTED);
    assert.equal(red('живу в мкр. Асанбай 10'), `живу в ${REDACTED}`);
  });

  test('personal names: patronymics, уулу/кызы, initials, and the appeal’s own people', () => {
    assert.equal(red('Заявитель Асанова Гүлнара Маратовна просит'), `Заявитель ${REDACTED} просит`);
    assert.equal(red('Мен Бакыт уулу Нурлан, арыз берем'), `Мен ${REDACTED}, арыз берем`);
    assert.equal(red('подписал Иванов И. И. вчера'), `подписал ${REDACTED} вчера`);
    assert.equal(red('подписал А.Б. Осмонов вчера'), `подписал ${REDACTED} вчера`);
    // The person acted for, found anywhere, in any case; a two-letter surname only when capitalised
    // ("Ли" the surname, not "ли" the particle)
    assert.equal(
      red('Жалобу подаёт ЧОЛПОН от имени чолпон; Ли тоже. Так ли?', { knownNames: ['Чолпон Ли'] }),
      `Жалобу подаёт ${REDACTED} от имени ${REDACTED}; ${REDACTED} тоже. Так ли?`,
    );
  });

  test('each suggestion names its kind', () => {
    const kinds = redactText(
      '+996 555 12 34 56 a@b.kg 21203199000123 ID1234567 ул. Киевская, 5 Иванов И. И.',
      emptyRedaction(),
    ).suggestions.map((s) => s.kind);
    for (const k of ['phone', 'email', 'pin', 'passport', 'address', 'name']) assert.ok(kinds.includes(k as never), k);
  });
});

describe('manual redactions, kept suggestions and rules', () => {
  test('a manual phrase is hidden wherever it appears, in any case', () => {
    assert.equal(red('Село Кара-Суу и село КАРА-СУУ', { manual: ['кара-суу'] }), `Село ${REDACTED} и село ${REDACTED}`);
  });

  test('a suggestion the owner keeps is shown, unless it holds a name of the appeal’s people', () => {
    assert.equal(red('Телефон приёмной 0312 62 45 78', { keep: ['0312 62 45 78'] }), 'Телефон приёмной 0312 62 45 78');
    assert.equal(
      red('Асанова Гүлнара Маратовна', { keep: ['Асанова Гүлнара Маратовна'], knownNames: ['Гүлнара'] }),
      `${REDACTED}`,
    );
  });

  test('text and regular-expression rules with their own replacement', () => {
    assert.equal(
      red('дело №А-123 и №А-456', { rules: [{ pattern: '№А-\\d+', is_regex: 1, replacement: '[дело]' }] }),
      'дело [дело] и [дело]',
    );
    assert.equal(
      red('колония №47', { rules: [{ pattern: 'колония №47', is_regex: 0, replacement: '[учреждение]' }] }),
      '[учреждение]',
    );
  });

  test('the original is never changed', () => {
    const original = 'Тел. +996 555 12 34 56';
    redactText(original, emptyRedaction());
    assert.equal(original, 'Тел. +996 555 12 34 56');
  });
});

describe('catastrophic regular expressions are refused before they are stored', () => {
  test('nested quantifiers, quantified alternation, back-references, lookaround, empty matches, junk', () => {
    assert.equal(checkRegex('(a+)+$'), 'nested_quantifier');
    assert.equal(checkRegex('(a*)*b'), 'nested_quantifier');
    assert.equal(checkRegex('(?:\\d{2,})+x'), 'nested_quantifier');
    assert.equal(checkRegex('(a|aa)+$'), 'nested_quantifier');
    assert.equal(checkRegex('((ab)+c)*'), 'nested_quantifier');
    assert.equal(checkRegex('(a)\\1'), 'backreference');
    assert.equal(checkRegex('(?=a)b'), 'lookaround');
    assert.equal(checkRegex('a*'), 'matches_empty');
    assert.equal(checkRegex('(unclosed'), 'invalid');
    assert.equal(checkRegex('x'.repeat(201)), 'too_long');
  });

  test('ordinary patterns are accepted and run fast on hostile input', () => {
    for (const p of ['№А-\\d+', '[A-Z]{2}\\d{7}', 'колония\\s?№\\s?\\d{1,3}', '(?:ИВС|СИЗО)-\\d+'])
      assert.equal(checkRegex(p), null, p);
    const started = Date.now();
    // Quadratic without the cap: each start would scan to the end of the run of letters.
    assert.equal(
      red('a'.repeat(100_000) + '!', { rules: [{ pattern: '[a-z]+\\d', is_regex: 1, replacement: 'x' }] }).length,
      100_001,
    );
    assert.equal(boundQuantifiers('a+b*[+*]c{2,}\\+'), 'a{1,100}b{0,100}[+*]c{2,100}\\+');
    assert.ok(Date.now() - started < 2000);
  });

  test('a refused pattern never runs even if found in the database', () => {
    assert.equal(
      red('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', { rules: [{ pattern: '(a+)+$', is_regex: 1, replacement: 'x' }] }),
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
    );
  });
});
