/** Pure parts of the statements module: the embed syntax and its words, iCalendar text, Bishkek time, slugs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bishkekToUtc, utcToBishkek } from '../../src/modules/calendar/bishkek-time.js';
import { findEmbeds, parseEmbed } from '../../src/modules/statements/embeds/parse.js';
import type { EmbedViews } from '../../src/modules/statements/embeds/embeds.js';
import { plainText } from '../../src/modules/statements/markdown.js';
import type { Locale } from '../../src/platform/i18n/locales.js';
import { translator } from '../../src/platform/i18n/translate.js';
import { escapeText, foldLine } from '../../src/modules/statements/ical.js';
import { idOfSlug, slugFor } from '../../src/modules/statements/slug.js';
import { parseTags } from '../../src/modules/statements/commands/statement-input.js';

test('embeds: known figures parse to a normalised key; bad ones name what is wrong', () => {
  const a = parseEmbed('on-time  to=2026-06 body=mvd from=2026-01 freeze');
  assert.ok(a.ok);
  assert.equal(a.spec.key, 'on-time body=mvd from=2026-01 to=2026-06 freeze');
  assert.equal(a.spec.freeze, true);
  const bad = [
    parseEmbed('median body=x'),
    parseEmbed('overdue'),
    parseEmbed('overdue body=x colour=red'),
    parseEmbed('cases violation=torture from=2026-01-01'),
  ];
  assert.deepEqual(
    bad.map((b) => (b.ok ? 'ok' : b.message)),
    [
      'statements.embed_unknown_figure',
      'statements.embed_missing_param',
      'statements.embed_unknown_param',
      'statements.embed_missing_param',
    ],
  );
  assert.equal(findEmbeds('a {{figure:overdue body=x}} b {{ figure: cases violation=y }} {{other}}').length, 2);
  assert.equal(findEmbeds('{{figure:overdue body=x\n}}').length, 0, 'an embed does not span lines');
});

test('iCalendar text: escaping and folding at 75 octets without splitting a character', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const line = `SUMMARY:${'Өкмөт '.repeat(30)}`;
  const folded = foldLine(line).split('\r\n');
  assert.ok(folded.length > 1);
  for (const l of folded) assert.ok(Buffer.byteLength(l, 'utf8') <= 75);
  assert.equal(folded.map((l, i) => (i ? l.slice(1) : l)).join(''), line);
});

test('Bishkek time is UTC+6 all year; impossible dates and times are refused', () => {
  assert.equal(bishkekToUtc('2026-07-01', '11:00')!.toISOString(), '2026-07-01T05:00:00.000Z');
  assert.equal(bishkekToUtc('2026-01-01', '00:30')!.toISOString(), '2025-12-31T18:30:00.000Z');
  assert.equal(bishkekToUtc('2026-02-30', '10:00'), null);
  assert.equal(bishkekToUtc('2026-02-10', '24:00'), null);
  assert.deepEqual(utcToBishkek('2026-12-31T20:00:00Z'), { date: '2027-01-01', time: '02:00' });
});

test('slugs start with the id and transliterate Kyrgyz and Russian titles', () => {
  assert.equal(slugFor(12, 'Пресс-конференция: өкмөт'), '12-press-konferenciya-okmot');
  assert.equal(slugFor(3, '!!!'), '3');
  assert.equal(idOfSlug('12-press'), 12);
  assert.equal(idOfSlug('../etc'), null);
});

test('tags are normalised; unacceptable ones are refused', () => {
  assert.deepEqual(parseTags('Torture, Prisons , torture, Түрмө'), ['torture', 'prisons', 'түрмө']);
  assert.equal(parseTags('<script>'), null);
  assert.equal(parseTags(Array.from({ length: 11 }, (_, i) => `t${i}`).join(',')), null);
});

test('embeds: `words` prints a count with its noun in the plural form the number takes (ky, ru, en)', () => {
  const w = parseEmbed('overdue body=mvd words');
  assert.ok(w.ok);
  assert.equal(w.spec.words, true);
  assert.equal(w.spec.key, 'overdue body=mvd', 'presentation only: the same frozen value as without `words`');
  const rate = parseEmbed('on-time body=mvd words');
  assert.equal(rate.ok ? 'ok' : rate.message, 'statements.embed_unknown_param', 'a rate is not a count of things');
  const text = (lang: Locale, n: number, words: boolean) => {
    const raw = `{{figure:overdue body=mvd${words ? ' words' : ''}}}`;
    const embeds: EmbedViews = new Map([
      [
        raw,
        {
          state: 'figure',
          frozen: false,
          figure: {
            status: 'value',
            figure: 'overdue',
            value: n,
            percent: false,
            asOf: '2026-05-04T06:00:00.000Z',
            source: '/stats/bodies/1',
          },
        },
      ],
    ]);
    return plainText(raw, { embeds, t: translator(lang), locale: lang, preview: false }).replace(/ \(.*$/, '');
  };
  assert.deepEqual(
    [1, 2, 5, 11, 21, 22].map((n) => text('ru', n, true)),
    [
      '1 просроченное обращение',
      '2 просроченных обращения',
      '5 просроченных обращений',
      '11 просроченных обращений',
      '21 просроченное обращение',
      '22 просроченных обращения',
    ],
  );
  assert.deepEqual(
    [1, 2, 5, 11, 21, 22].map((n) => text('en', n, true)),
    [
      '1 overdue appeal',
      '2 overdue appeals',
      '5 overdue appeals',
      '11 overdue appeals',
      '21 overdue appeals',
      '22 overdue appeals',
    ],
  );
  assert.deepEqual(
    [1, 2, 5, 11, 21, 22].map((n) => text('ky', n, true)),
    [1, 2, 5, 11, 21, 22].map((n) => `мөөнөтү өткөн ${n} кайрылуу`),
  );
  assert.equal(text('ru', 5, false), '5', 'without `words` the number alone, as the author wrote the noun');
});
