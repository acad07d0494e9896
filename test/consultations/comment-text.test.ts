import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderCommentHtml } from '../../src/modules/consultations/comment-text.js';
import { consultationPhase, commentRefusal, type PhaseInput } from '../../src/modules/consultations/phase.js';

/** A corpus of XSS payloads: each must come out as text, never as markup or a live URL. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](https://evil.example/pixel.png)',
  '<a href="https://evil.example" onclick="alert(1)">x</a>',
  '<style>body{display:none}</style>',
  '`<b>`',
];

function assertInert(html: string, payload: string): void {
  assert.doesNotMatch(html, /<(script|img|svg|iframe|style|b)\b/i, `${payload} → ${html}`);
  assert.doesNotMatch(html, /<a [^>]*href="(javascript|vbscript|data):/i, `${payload} → ${html}`);
  assert.doesNotMatch(html, /<[^>]*\son\w+=/i, `${payload} → ${html}`);
}

describe('rendering comments', () => {
  test('XSS payloads render inert in plain text and in Markdown', () => {
    for (const payload of XSS_PAYLOADS) {
      assertInert(renderCommentHtml(payload, 'text'), payload);
      assertInert(renderCommentHtml(payload, 'markdown'), payload);
    }
  });

  test('Markdown links get rel="nofollow ugc"; bare URLs are linked too', () => {
    const html = renderCommentHtml('See [the law](https://cbd.minjust.gov.kg/) and https://example.org', 'markdown');
    assert.match(html, /<a href="https:\/\/cbd\.minjust\.gov\.kg\/" rel="nofollow ugc">the law<\/a>/);
    assert.match(html, /<a href="https:\/\/example\.org" rel="nofollow ugc">/);
  });

  test('plain text keeps paragraphs and line breaks and escapes everything', () => {
    assert.equal(
      renderCommentHtml('a < b\nline two\n\n*not bold*', 'text'),
      '<p>a &lt; b<br>line two</p>\n<p>*not bold*</p>',
    );
    assert.match(renderCommentHtml('**bold** and *em*', 'markdown'), /<strong>bold<\/strong> and <em>em<\/em>/);
  });
});

describe('phases with time as a parameter', () => {
  const c: PhaseInput = {
    published_at: '2026-02-20T00:00:00.000Z',
    opens_on: '2026-03-01',
    closes_on: '2026-03-14',
    report_published_at: null,
  };
  const at = (iso: string) => new Date(iso);

  test('draft → announced → open → closed → report, on Bishkek days (UTC+6)', () => {
    assert.equal(consultationPhase({ ...c, published_at: null }, at('2026-03-05T00:00:00Z')), 'draft');
    assert.equal(consultationPhase(c, at('2026-02-28T17:59:59Z')), 'announced'); // 23:59:59 on 28 Feb in Bishkek
    assert.equal(consultationPhase(c, at('2026-02-28T18:00:00Z')), 'open'); // 00:00 on 1 March in Bishkek
    assert.equal(consultationPhase(c, at('2026-03-14T17:59:59Z')), 'open'); // last second of 14 March
    assert.equal(consultationPhase(c, at('2026-03-14T18:00:00Z')), 'closed');
    assert.equal(
      consultationPhase({ ...c, report_published_at: '2026-04-01T00:00:00Z' }, at('2026-04-02T00:00:00Z')),
      'report',
    );
  });

  test('comments only while open and only on the current version', () => {
    assert.equal(commentRefusal(c, 1, 1, at('2026-02-27T00:00:00Z')), 'consultations.error_not_open');
    assert.equal(commentRefusal(c, 1, 1, at('2026-03-05T00:00:00Z')), null);
    assert.equal(commentRefusal(c, 1, 2, at('2026-03-05T00:00:00Z')), 'consultations.error_old_version');
    assert.equal(commentRefusal(c, 1, 1, at('2026-03-15T00:00:00Z')), 'consultations.error_closed');
  });
});
