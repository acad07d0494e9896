import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractText, isBoundedDocx } from '../../src/platform/files/extract-text.js';
import { sniff } from '../../src/platform/files/sniff.js';
import { tinyDocx, tinyPdf } from './support.js';

describe('text extraction for search', () => {
  test('PDF text is extracted with pdf.js', async () => {
    const pdf = tinyPdf('Appeal answer 2026');
    assert.equal(sniff('pdf', pdf, true), 'application/pdf');
    assert.match((await extractText('application/pdf', pdf)) ?? '', /Appeal answer 2026/);
  });
  test('DOCX text is extracted with mammoth, after the central directory is checked', async () => {
    const docx = tinyDocx('Жооп: маалымкат берилет');
    assert.equal(sniff('docx', docx, true), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(isBoundedDocx(docx), true);
    assert.match(
      (await extractText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx)) ?? '',
      /маалымкат берилет/,
    );
  });
  test('a broken PDF gives no text instead of an error', async () => {
    assert.equal(await extractText('application/pdf', Buffer.from('%PDF-1.4\ngarbage')), null);
    assert.equal(isBoundedDocx(Buffer.from('PK\x03\x04 not a zip')), false);
  });
});
