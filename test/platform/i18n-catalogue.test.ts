/**
 * The message catalogue (locales/ky.json, ru.json, en.json; docs/translating.md): every key in every
 * language with real Kyrgyz, Russian and English text, every message valid ICU MessageFormat with the
 * same arguments in the three languages and the plural categories each language needs, every key the
 * code asks for present and every key present asked for. Pure: no database, no app.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog } from '../../src/platform/i18n/catalog.js';
import { LOCALES, negotiateLocale, type Locale } from '../../src/platform/i18n/locales.js';
import { argumentsOf, parseMessage } from '../../src/platform/i18n/message-format.js';
import { translator } from '../../src/platform/i18n/translate.js';
import { isUsed, scanUsage, sourceFiles } from '../../scripts/i18n/key-usage.js';
import { serialise } from '../../scripts/i18n/catalogue-file.js';

/** Texts that are the same in every language on purpose (names of languages, of things). */
const SAME_EVERYWHERE = new Set(['lang.ky', 'lang.ru', 'lang.en']);
/**
 * A sentence (not a proper name, an acronym, an address or a bare format): at least two English words
 * once arguments and paths are set aside ("API: /api/v1/openapi.json" is not one).
 */
const isSentence = (en: string) =>
  (en.replace(/\{[^{}]*\}|\S*[/.]\S*\w/g, ' ').match(/\b[A-Za-z][a-z]+\b/g) ?? []).length >= 2;

const root = path.resolve(import.meta.dirname, '../..');
const keys = Object.keys(catalog.en);

describe('the message catalogue', () => {
  test('the three files have the same keys, sorted, each with non-empty text', () => {
    assert.ok(keys.length > 1000);
    for (const l of LOCALES) {
      assert.deepEqual(
        Object.keys(catalog[l]).sort(),
        [...keys].sort(),
        `locales/${l}.json has other keys than en.json`,
      );
      for (const k of keys) assert.ok(catalog[l][k]?.trim(), `${k} has no ${l} text`);
      // Sorted, two-space JSON: what the conversion script writes, so parallel additions merge cleanly.
      assert.equal(
        fs.readFileSync(path.join(root, 'locales', `${l}.json`), 'utf8'),
        serialise(catalog[l]),
        `locales/${l}.json is not sorted`,
      );
    }
  });

  // (Kyrgyz and Russian may legitimately coincide: "Протокол (текст)" is both.)
  test('Kyrgyz and Russian sentences are translations, not copies of the English', () => {
    for (const key of keys) {
      const { ky, ru, en } = { ky: catalog.ky[key]!, ru: catalog.ru[key]!, en: catalog.en[key]! };
      if (SAME_EVERYWHERE.has(key) || !isSentence(en)) continue;
      assert.notEqual(ky, en, `${key}: the Kyrgyz text is the English one`);
      assert.notEqual(ru, en, `${key}: the Russian text is the English one`);
      assert.match(ky, /[\u0400-\u04FF]/, `${key}: the Kyrgyz text is not in Cyrillic`);
      assert.match(ru, /[\u0400-\u04FF]/, `${key}: the Russian text is not in Cyrillic`);
    }
  });

  // A language may leave out a `select` it has no use for (English has no grammatical case:
  // `appeals.term.working` selects on `form` in Russian and Kyrgyz only); every other argument
  // (plain or plural) is the same in the three languages, so a typo in a name cannot hide.
  test('every message parses as ICU MessageFormat, with the same arguments in the three languages', () => {
    for (const key of keys) {
      const args = {} as Record<Locale, Map<string, string>>;
      for (const l of LOCALES) {
        try {
          args[l] = argumentsOf(parseMessage(catalog[l][key]!));
        } catch (err) {
          assert.fail(`${key} (${l}) does not parse: ${(err as Error).message}`);
        }
      }
      const values = (l: Locale) =>
        [...args[l]]
          .filter(([, kind]) => kind !== 'select')
          .map(([name]) => name)
          .sort();
      assert.deepEqual(values('ky'), values('en'), `${key}: the Kyrgyz text uses other arguments than the English one`);
      assert.deepEqual(
        values('ru'),
        values('en'),
        `${key}: the Russian text uses other arguments than the English one`,
      );
      for (const l of LOCALES) {
        for (const [name, kind] of args[l]) {
          if (kind === 'select')
            assert.ok(
              LOCALES.some((o) => o !== l && args[o].has(name)) || ['form'].includes(name),
              `${key} (${l}): select on {${name}}, which no other language uses and is not a grammatical form`,
            );
        }
      }
    }
  });

  test("every plural has exactly the language's categories (ru: one, few, many, other; ky and en: one, other)", () => {
    const plurals = (els: MessageFormatElement[], out: { arg: string; options: string[] }[] = []) => {
      for (const el of els) {
        if (el.type === TYPE.plural) out.push({ arg: el.value, options: Object.keys(el.options) });
        if (el.type === TYPE.plural || el.type === TYPE.select)
          for (const o of Object.values(el.options)) plurals(o.value, out);
      }
      return out;
    };
    let seen = 0;
    for (const l of LOCALES) {
      const categories = new Intl.PluralRules(l).resolvedOptions().pluralCategories.sort();
      for (const key of keys) {
        for (const p of plurals(parseMessage(catalog[l][key]!))) {
          seen++;
          const named = p.options.filter((o) => !o.startsWith('=')).sort();
          assert.deepEqual(
            named,
            categories,
            `${key} (${l}): {${p.arg}, plural} needs exactly ${categories.join(', ')}`,
          );
        }
      }
    }
    assert.ok(seen > 30, `plurals are used (${seen})`);
  });

  test('every key the code asks for exists, and every key is asked for', () => {
    const files = sourceFiles(path.join(root, 'src'));
    const known = new Set(keys);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(
        text,
        /\bdefineMessages\(/,
        `${path.relative(root, file)}: messages belong in locales/*.json (npx tsx scripts/i18n/convert-messages.ts)`,
      );
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g))
        assert.ok(known.has(m[1]!), `${path.relative(root, file)}: t('${m[1]}') is not in the catalogue`);
    }
    const usage = scanUsage(files);
    for (const p of usage.patterns)
      assert.ok(
        keys.some((k) => p.test(k)),
        `no key matches the template ${p}`,
      );
    const unused = keys.filter((k) => !isUsed(k, usage));
    assert.deepEqual(
      unused,
      [],
      'keys no code uses (remove them, or: npx tsx scripts/i18n/convert-messages.ts --prune-unused)',
    );
  });

  test('t() fills arguments, leaves a missing one visible, and falls back to the key', () => {
    const t = translator('en');
    assert.equal(t('validation.too_short', { min: 12 }), 'Must be at least 12 characters.');
    assert.equal(t('validation.too_short'), 'Must be at least {min} characters.');
    assert.equal(translator('ru')('validation.too_short', { min: 12 }), 'Должно быть не меньше 12 символов.');
    // Numbers print as they are, plain or counted: a year is not "2 026", a limit not "10 000".
    assert.equal(translator('ru')('appeals.letter.reference', { id: 12345 }).includes('12345'), true);
    assert.equal(translator('ru')('validation.too_long', { max: 10000 }), 'Должно быть не больше 10000 символов.');
    assert.equal((t as (k: string) => string)('no.such.key'), 'no.such.key');
  });
});

describe('language negotiation (pure)', () => {
  test('the chosen language wins, then Accept-Language by quality, then Kyrgyz', () => {
    const cases: [string | null, string | undefined, Locale][] = [
      [null, undefined, 'ky'],
      [null, 'ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
      [null, 'de-DE, en;q=0.5, ru;q=0.4', 'en'],
      [null, 'fr, de', 'ky'],
      [null, 'en;q=0, ru;q=0.1', 'ru'],
      [null, 'EN-gb', 'en'],
      [null, 'ky-KG', 'ky'],
      ['en', 'ru', 'en'],
      ['xx', 'ru', 'ru'],
      [null, ';;;,q=,', 'ky'],
    ];
    for (const [chosen, header, expected] of cases)
      assert.equal(negotiateLocale(chosen, header), expected, `${chosen} / ${header}`);
  });
});
