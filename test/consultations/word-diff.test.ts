import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { assignAnchors, paragraphAnchor } from '../../src/modules/consultations/anchors.js';
import { diffVersions, diffWords, type VersionParagraph } from '../../src/modules/consultations/word-diff.js';

describe('word-level differences', () => {
  test('a changed number is shown as one word removed and one added', () => {
    assert.deepEqual(diffWords('штраф 10 000 сом', 'штраф 20 000 сом'), [
      { type: 'same', text: 'штраф ' },
      { type: 'removed', text: '10' },
      { type: 'added', text: '20' },
      { type: 'same', text: ' 000 сом' },
    ]);
  });

  test('inserted and deleted words', () => {
    assert.deepEqual(diffWords('within 14 days', 'within 10 working days'), [
      { type: 'same', text: 'within ' },
      { type: 'removed', text: '14' },
      { type: 'added', text: '10 working' },
      { type: 'same', text: ' days' },
    ]);
    assert.deepEqual(diffWords('a b c', 'a c'), [
      { type: 'same', text: 'a ' },
      { type: 'removed', text: 'b ' },
      { type: 'same', text: 'c' },
    ]);
    assert.deepEqual(diffWords('', 'new'), [{ type: 'added', text: 'new' }]);
  });

  test('property: the old text is same+removed, the new text is same+added', () => {
    const word = fc.constantFrom('мыйзам', 'закон', 'law', '10', 'күн', 'дней', ' ', '  ', 'ң', 'ө');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 30 }), (x, y) => {
        const a = x.join(' ');
        const b = y.join(' ');
        const parts = diffWords(a, b);
        assert.equal(
          parts
            .filter((p) => p.type !== 'added')
            .map((p) => p.text)
            .join(''),
          a,
        );
        assert.equal(
          parts
            .filter((p) => p.type !== 'removed')
            .map((p) => p.text)
            .join(''),
          b,
        );
      }),
    );
  });
});

describe('stable anchors and paragraph differences between versions', () => {
  const p = (articleNumber: string | null, paragraphNumber: number, text: string): VersionParagraph => ({
    anchor: paragraphAnchor(text),
    text,
    articleNumber,
    paragraphNumber,
  });

  test('anchors depend on the text only (whitespace-insensitive); repeated texts are numbered', () => {
    assert.equal(paragraphAnchor('Текст  части.\n'), paragraphAnchor('Текст части.'));
    assert.match(paragraphAnchor('x'), /^p-[0-9a-f]{10}$/);
    const [a, b, c] = assignAnchors(['Same.', 'Other.', 'Same.']);
    assert.equal(c, `${a}-2`);
    assert.notEqual(a, b);
  });

  test('unchanged, moved, changed, added and removed paragraphs', () => {
    const before = [
      p('1', 1, 'Purpose of the law.'),
      p('1', 2, 'Applies to all bodies.'),
      p('2', 1, 'Answer within 14 days.'),
      p('3', 1, 'Repealed text.'),
    ];
    const after = [
      p('1', 1, 'Purpose of the law.'),
      p('2', 1, 'Answer within 10 working days.'),
      p('2', 2, 'Applies to all bodies.'),
      p('4', 1, 'Brand new.'),
    ];
    const d = diffVersions(before, after);
    assert.deepEqual(
      d.changes.map((c) => c.kind),
      ['same', 'changed', 'moved', 'added'],
    );
    const changed = d.changes[1]!;
    assert.ok(changed.kind === 'changed');
    assert.deepEqual(
      changed.parts.filter((x) => x.type !== 'same').map((x) => `${x.type}:${x.text}`),
      ['removed:14', 'added:10 working'],
    );
    // The moved paragraph kept its anchor.
    assert.equal(d.changes[2]!.paragraph.anchor, before[1]!.anchor);
    assert.deepEqual(
      d.removed.map((r) => r.text),
      ['Repealed text.'],
    );
  });
});
