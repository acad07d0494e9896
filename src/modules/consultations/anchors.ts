/**
 * Stable anchors of paragraphs (pure). An anchor is derived from the paragraph's text, so a paragraph
 * whose text is unchanged keeps its anchor in a revised version wherever it moves (another article,
 * another position), and links such as `/consultations/3#p-1a2b3c4d5e` keep pointing at it. A changed
 * paragraph gets a new anchor: comments on the old wording stay with the old version.
 * Two identical paragraphs in one version get `-2`, `-3` … in order.
 */
import crypto from 'node:crypto';

/** Whitespace and Unicode normalisation, so re-pasting the same text gives the same anchor. */
export function normaliseParagraph(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function paragraphAnchor(text: string): string {
  return `p-${crypto.createHash('sha256').update(normaliseParagraph(text)).digest('hex').slice(0, 10)}`;
}

/** Anchors for the paragraphs of one version, in order; repeated texts are numbered. */
export function assignAnchors(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const base = paragraphAnchor(t);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
