/**
 * One rule for file names from outside (platform/files/safe-name.ts), applied by every way a file
 * comes in: the appeal wizard, anonymous reports, case evidence, consultation uploads and inbound
 * mail. The pages and letters show these names, so a bidi override must never survive.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_FILE_NAME_LENGTH, safeFileName } from '../../src/platform/files/safe-name.js';

describe('safe file names', () => {
  test('bidi embeddings, overrides and isolates become "_" (the real extension stays visible)', () => {
    assert.equal(safeFileName('invoice\u202Efdp.exe'), 'invoice_fdp.exe');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      assert.equal(safeFileName(`a${c}b.pdf`), 'a_b.pdf', `U+${c.codePointAt(0)!.toString(16)}`);
    }
  });

  test('path separators and control characters become "_"; letters of every language stay', () => {
    assert.equal(safeFileName('../../etc/passwd'), '.._.._etc_passwd');
    assert.equal(safeFileName('C:\\Windows\\x.txt'), 'C:_Windows_x.txt');
    assert.equal(safeFileName('a\r\nb\u0000c\u007fd\u0085e.txt'), 'a__b_c_d_e.txt');
    assert.equal(safeFileName('жалоба өкмөткө.pdf'), 'жалоба өкмөткө.pdf');
  });

  test('at most 200 characters', () => {
    assert.equal(safeFileName('x'.repeat(500)).length, MAX_FILE_NAME_LENGTH);
  });
});
