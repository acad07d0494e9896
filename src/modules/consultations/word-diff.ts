/**
 * Word-level differences between two texts, and paragraph-level differences between two versions of
 * a draft (pure). Used to show a revised version "with the differences shown" without JavaScript.
 */

export interface DiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/** Words and the whitespace between them, so that joining the parts gives back the text. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

/** Beyond this many token pairs the LCS table would be too large; the change is shown whole. */
const MAX_CELLS = 2_000_000;

/**
 * Differences between `before` and `after`, word by word (longest common subsequence).
 *
 * @example
 * diffWords('штраф 10 000 сом', 'штраф 20 000 сом')
 * // → [same 'штраф ', removed '10', added '20', same ' 000 сом']
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common prefix and suffix first: most revisions touch a few words.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart['type'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    // lcs[i][j] = length of the LCS of midA[i..] and midB[j..]
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]!);
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
        push('removed', midA[i++]!);
      } else {
        push('added', midB[j++]!);
      }
    }
    while (i < n) push('removed', midA[i++]!);
    while (j < m) push('added', midB[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return parts;
}

export interface VersionParagraph {
  anchor: string;
  text: string;
  articleNumber: string | null;
  paragraphNumber: number;
}

export type ParagraphChange =
  | { kind: 'same'; paragraph: VersionParagraph }
  | { kind: 'moved'; paragraph: VersionParagraph; from: VersionParagraph }
  | { kind: 'changed'; paragraph: VersionParagraph; from: VersionParagraph; parts: DiffPart[] }
  | { kind: 'added'; paragraph: VersionParagraph };

export interface VersionDiff {
  /** one entry per paragraph of the new version, in its order */
  changes: ParagraphChange[];
  /** paragraphs of the old version that have no counterpart in the new one */
  removed: VersionParagraph[];
}

const place = (p: VersionParagraph) => `${p.articleNumber ?? ''}/${p.paragraphNumber}`;

/**
 * Paragraph-level differences: a paragraph with the same anchor (same text) is unchanged, or moved
 * when its article or number changed; a new paragraph at the place (article and paragraph number) of
 * an old one that disappeared is shown as a change of it, word by word; anything else is added or
 * removed.
 */
export function diffVersions(before: readonly VersionParagraph[], after: readonly VersionParagraph[]): VersionDiff {
  const oldByAnchor = new Map(before.map((p) => [p.anchor, p]));
  const newAnchors = new Set(after.map((p) => p.anchor));
  const leftover = new Map<string, VersionParagraph>();
  for (const p of before) if (!newAnchors.has(p.anchor)) leftover.set(place(p), p);
  const changes: ParagraphChange[] = after.map((p) => {
    const same = oldByAnchor.get(p.anchor);
    if (same)
      return place(same) === place(p) ? { kind: 'same', paragraph: p } : { kind: 'moved', paragraph: p, from: same };
    const from = leftover.get(place(p));
    if (from) {
      leftover.delete(place(p));
      return { kind: 'changed', paragraph: p, from, parts: diffWords(from.text, p.text) };
    }
    return { kind: 'added', paragraph: p };
  });
  return { changes, removed: [...leftover.values()] };
}
