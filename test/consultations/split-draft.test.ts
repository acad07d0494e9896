import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseArticleHeading, splitDraft } from '../../src/modules/consultations/split-draft.js';

const RUSSIAN = `ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ
О внесении изменений в Закон «О порядке рассмотрения обращений граждан»

Глава 1
Общие положения

Статья 1. Предмет регулирования
1. Настоящий Закон регулирует порядок рассмотрения обращений.
2. Действие настоящего Закона распространяется на органы местного самоуправления.

Статья 2. Сроки рассмотрения
Обращение рассматривается в течение 10 рабочих дней.
Статья 5 настоящего Закона применяется к обращениям, поступившим после вступления его в силу.

Статья 2-1. Утратила силу
Статья 3
Настоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования.`;

const KYRGYZ = `Кыргыз Республикасынын Мыйзамы

1-берене. Жөнгө салуу предмети
Ушул Мыйзам жарандардын кайрылууларын кароонун тартибин жөнгө салат.
Мыйзам жергиликтүү өз алдынча башкаруу органдарына да колдонулат.

2-берене. Мөөнөттөр
Кайрылуу 10 жумуш күнүнүн ичинде каралат.

3 статья
Ушул Мыйзам расмий жарыяланган күндөн тартып он күн өткөндөн кийин күчүнө кирет.

4-статья. Корутунду жоболор
Өкмөт үч айлык мөөнөттө өзүнүн чечимдерин ушул Мыйзамга ылайык келтирсин.`;

const ENGLISH_MD = `# Draft Law on Public Hearings

## Article 1. Purpose
This Law sets out how public hearings on draft laws are held,
so that the public can take part.

## Article 2. Notice
1. Hearings are announced at least 15 days in advance.
2. The announcement names the place and time.

**ARTICLE 3**

Entry into force.`;

describe('splitting drafts into articles and paragraphs', () => {
  test('a Russian draft: preamble, chapters, «Статья N», «Статья N-1», and a reference that is not a heading', () => {
    const r = splitDraft(RUSSIAN, 'text');
    assert.equal(r.split, true);
    assert.deepEqual(
      r.articles.map((a) => [a.number, a.heading, a.paragraphs.length]),
      [
        [null, '', 2],
        ['1', 'Предмет регулирования', 2],
        ['2', 'Сроки рассмотрения', 2],
        ['2-1', 'Утратила силу', 1],
        ['3', '', 1],
      ],
    );
    assert.equal(r.articles[1]!.chapter, 'Глава 1. Общие положения');
    assert.match(r.articles[2]!.paragraphs[1]!, /^Статья 5 настоящего Закона/);
    // A heading-only article can still be commented on: its heading is its paragraph.
    assert.deepEqual(r.articles[3]!.paragraphs, ['Утратила силу']);
  });

  test('a Kyrgyz draft: «N-берене», and the «N статья» / «N-статья» forms people type', () => {
    const r = splitDraft(KYRGYZ, 'text');
    assert.equal(r.split, true);
    assert.deepEqual(
      r.articles.map((a) => [a.number, a.heading, a.paragraphs.length]),
      [
        [null, '', 1],
        ['1', 'Жөнгө салуу предмети', 2],
        ['2', 'Мөөнөттөр', 1],
        ['3', '', 1],
        ['4', 'Корутунду жоболор', 1],
      ],
    );
  });

  test('an English Markdown draft: headings in Markdown, soft-wrapped lines joined, list items split', () => {
    const r = splitDraft(ENGLISH_MD, 'markdown');
    assert.equal(r.split, true);
    assert.deepEqual(
      r.articles.map((a) => a.number),
      [null, '1', '2', '3'],
    );
    assert.deepEqual(r.articles[1]!.paragraphs, [
      'This Law sets out how public hearings on draft laws are held, so that the public can take part.',
    ]);
    assert.deepEqual(r.articles[2]!.paragraphs, [
      '1. Hearings are announced at least 15 days in advance.',
      '2. The announcement names the place and time.',
    ]);
    assert.deepEqual(r.articles[3]!.paragraphs, ['Entry into force.']);
  });

  test('heading forms are recognised, references are not', () => {
    const cases: Array<[string, string | null]> = [
      ['Статья 12. Порядок', '12'],
      ['статья 4', '4'],
      ['Ст. 7. Срок', '7'],
      ['5-берене. Максаты', '5'],
      ['5 - берене', '5'],
      ['12-1-берене', '12-1'],
      ['Берене 6', '6'],
      ['7-статья', '7'],
      ['8 статья.', '8'],
      ['9-статьясы. Аталышы', '9'],
      ['Article 10', '10'],
      ['ARTICLE 11 — Scope', '11'],
      ['Art. 2. Definitions', '2'],
      ['### Статья 3.', '3'],
      ['**1-берене.** Аталышы', '1'],
      ['Статья 5 настоящего Закона применяется', null],
      ['Article 5 of this Law applies to everyone.', null],
      ['Статьялар 1 жана 2', null],
      ['Мыйзамдын 5-беренесине ылайык', null],
    ];
    for (const [line, number] of cases) assert.equal(parseArticleHeading(line)?.number ?? null, number, line);
  });

  test('a text without article headings stays one block and says so', () => {
    const text = 'Обращение граждан рассматривается в срок.\n\nВторое предложение без статей.';
    const r = splitDraft(text, 'text');
    assert.equal(r.split, false);
    assert.equal(r.articles.length, 1);
    assert.deepEqual(r.articles[0]!.paragraphs, [text]);
  });

  test('Windows line ends and non-breaking spaces do not matter; an empty text gives nothing', () => {
    const r = splitDraft('Статья 1.\u00a0Цель\r\nТекст\u00a0части.\r\n', 'text');
    assert.deepEqual(r.articles, [{ number: '1', heading: 'Цель', chapter: null, paragraphs: ['Текст части.'] }]);
    assert.deepEqual(splitDraft('   \n ', 'text'), { split: false, articles: [] });
  });
});
