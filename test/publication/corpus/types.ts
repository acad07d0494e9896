/** A letter of the redaction corpus (see letters-ru.ts for the markup). */
export interface CorpusLetter {
  id: string;
  /** full names and contacts of the known identities (as entered on the appeal or the case) */
  known: string[];
  /** the text with {K:…}, {N:…} and {P:…} marks */
  text: string;
}

export type Mark = 'K' | 'N' | 'P';

/** The plain text and the marked passages (offsets in the plain text). */
export function parseLetter(marked: string): { text: string; marks: { kind: Mark; start: number; end: number }[] } {
  let text = '';
  const marks: { kind: Mark; start: number; end: number }[] = [];
  let i = 0;
  while (i < marked.length) {
    const open = /\{([KNP]):/y;
    open.lastIndex = i;
    const m = open.exec(marked);
    if (m) {
      const close = marked.indexOf('}', i);
      if (close < 0) throw new Error(`unclosed mark at ${i}`);
      const inner = marked.slice(i + 3, close);
      marks.push({ kind: m[1] as Mark, start: text.length, end: text.length + inner.length });
      text += inner;
      i = close + 1;
    } else {
      text += marked[i];
      i++;
    }
  }
  return { text, marks };
}
