/** Pure parts of the statements module: the embed syntax, iCalendar text, Bishkek time, slugs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bishkekToUtc, utcToBishkek } from '../../src/modules/calendar/bishkek-time.js';
import { findEmbeds, parseEmbed } from '../../src/modules/statements/embeds/parse.js';
import { escapeText, foldLine } from '../../src/modules/statements/ical.js';
import { idOfSlug, slugFor } from '../../src/modules/statements/slug.js';
import { parseTags } from '../../src/modules/statements/commands/statement-input.js';

test('embeds: known figures parse to a normalised key; bad ones name what is wrong', () => {
  const a = parseEmbed('on-time  to=2026-06 body=mvd from=2026-01 freeze');
  assert.ok(a.ok);
  assert.equal(a.spec.key, 'on-time body=mvd from=2026-01 to=2026-06 freeze');
  assert.equal(a.spec.freeze, true);
  const bad = [parseEmbed('median body=x'), parseEmbed('overdue'), parseEmbed('overdue body=x colour=red'), parseEmbed('cases violation=torture from=2026-01-01')];
  assert.deepEqual(bad.map((b) => (b.ok ? 'ok' : b.message)), ['statements.embed_unknown_figure', 'statements.embed_missing_param', 'statements.embed_unknown_param', 'statements.embed_missing_param']);
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
