/**
 * Splits the text of a draft law into numbered articles and paragraphs (pure; see the tests in
 * test/consultations/split-draft.test.ts). Drafts in Kyrgyzstan come in three languages and in
 * whatever form people paste them, so the article headings recognised are:
 *
 * - Russian «Статья 5», «Статья 5-1. Название», «Ст. 5»;
 * - Kyrgyz «5-берене», «5-берене. Аталышы», «Берене 5», and the mixed forms people type: «5-статья»,
 *   «5 статья», «5-статьясы»;
 * - English "Article 5", "Art. 5", "ARTICLE 5. Title".
 *
 * A heading may be wrapped in Markdown (`## Статья 1`, `**1-берене.**`). Chapter and section lines
 * («Глава 2», «2-бап», «2-глава», "Chapter 2") are kept as the chapter of the articles that follow.
 * Text before the first article (the title, a preamble) becomes an unnumbered first article.
 * A text with no article heading at all is not guessed at: it stays one block, and `split` is false
 * so the page can say so.
 *
 * Plain text (and DOCX, converted to plain text) has one paragraph per line, as Word and copy-paste
 * produce it. Markdown joins soft-wrapped lines, and starts a paragraph at each list item.
 */

export type DraftFormat = 'text' | 'markdown';

export interface DraftArticle {
  /** '5', '5-1', or null for the text before the first article */
  number: string | null;
  /** the title after the number ('Предмет регулирования'), or '' */
  heading: string;
  /** the chapter or section line in force, or null */
  chapter: string | null;
  paragraphs: string[];
}

export interface SplitResult {
  articles: DraftArticle[];
  /** false when no article heading was found and the text stayed one block */
  split: boolean;
}

const NUM = String.raw`(\d+(?:[-.‑–]\d+)*)`;
const ARTICLE_PATTERNS: RegExp[] = [
  // Статья 5 / Ст. 5 / Article 5 / Art. 5 / Берене 5 (word first)
  new RegExp(String.raw`^(?:статья|ст\.|article|art\.|берене)\s*№?\s*${NUM}(?![\d])\s*([.:)—–-]?)\s*(.*)$`, 'iu'),
  // 5-берене / 5-статья / 5 статья / 5-статьясы (number first, as Kyrgyz writes ordinals)
  new RegExp(String.raw`^${NUM}\s*[-‑–]?\s*(?:берене|статья|статьясы)(?![\p{L}])\s*([.:)—–-]?)\s*(.*)$`, 'iu'),
];

const CHAPTER_PATTERNS: RegExp[] = [
  /^(?:глава|раздел|chapter|part|section|бап|бөлүм)\s+(?:\d+|[IVXLC]+)\b/iu,
  /^(?:\d+|[IVXLC]+)\s*[-‑–]?\s*(?:глава|бап|бөлүм|раздел)(?![\p{L}])/iu,
];

/** Removes Markdown decoration around a heading line: `## `, `**…**`, `__…__`. */
function stripHeadingMarkup(line: string): string {
  let s = line.trim().replace(/^#{1,6}\s+/, '');
  for (;;) {
    const m = /^(\*\*|__|\*|_)(.*)\1$/s.exec(s);
    if (!m) break;
    s = m[2]!.trim();
  }
  // "**Статья 1.** Название": drop the emphasis markers but keep the rest
  return s
    .replace(/^(\*\*|__)(.+?)\1/, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Recognises an article heading; returns its number and title, or null. */
export function parseArticleHeading(line: string): { number: string; heading: string } | null {
  const marked = /^\s*(#{1,6}\s|\*\*|__)/.test(line);
  const s = stripHeadingMarkup(line);
  for (const re of ARTICLE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [, num, separator, rest] = m as unknown as [string, string, string, string];
    // "Статья 5 настоящего Закона применяется…" at the start of a line is a reference, not a heading:
    // a heading has a separator, nothing after the number, Markdown heading markup, or a short
    // capitalised title without a final full stop.
    const titleLike = /^\p{Lu}/u.test(rest) && rest.length <= 120 && !/[.;,]$/.test(rest);
    if (!separator && rest && !marked && !titleLike) return null;
    return { number: num.replace(/[‑–.]/g, '-'), heading: rest.replace(/^[.:)\s—–-]+/, '').trim() };
  }
  return null;
}

export function isChapterHeading(line: string): boolean {
  const s = stripHeadingMarkup(line);
  return CHAPTER_PATTERNS.some((re) => re.test(s));
}

const LIST_ITEM = /^\s*(?:\d+[.)]|[-*+•]|[\p{L}]\))\s+/u;

/** Paragraphs of a run of lines (the body of one article). */
function paragraphsOf(lines: string[], format: DraftFormat): string[] {
  const out: string[] = [];
  if (format === 'text') {
    for (const l of lines) {
      const s = l.replace(/\s+/g, ' ').trim();
      if (s) out.push(s);
    }
    return out;
  }
  let current: string[] = [];
  const flush = () => {
    const s = current.join(' ').replace(/\s+/g, ' ').trim();
    if (s) out.push(s);
    current = [];
  };
  for (const l of lines) {
    if (!l.trim()) flush();
    else {
      if (LIST_ITEM.test(l)) flush();
      current.push(l.trim());
    }
  }
  flush();
  return out;
}

/**
 * Splits a draft into articles and paragraphs.
 *
 * @example
 * splitDraft('Статья 1. Цель\nНастоящий Закон…\nСтатья 2\nТекст', 'text')
 * // → { split: true, articles: [{ number: '1', heading: 'Цель', paragraphs: ['Настоящий Закон…'] }, …] }
 */
export function splitDraft(text: string, format: DraftFormat): SplitResult {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const articles: DraftArticle[] = [];
  let chapter: string | null = null;
  let current: { number: string | null; heading: string; chapter: string | null; lines: string[] } = {
    number: null,
    heading: '',
    chapter: null,
    lines: [],
  };
  let found = false;
  const close = () => {
    const paragraphs = paragraphsOf(current.lines, format);
    if (
      current.number === null &&
      current.chapter !== null &&
      paragraphs.length > 0 &&
      paragraphs.length <= 2 &&
      paragraphs.every((p) => p.length <= 200)
    ) {
      // "Глава 1" followed by its title on the next line: the title belongs to the chapter.
      chapter = `${current.chapter}. ${paragraphs.join(' ')}`;
      return;
    }
    if (current.number !== null && paragraphs.length === 0) {
      // An article with only a heading ("Статья 7. Утратила силу") can still be commented on.
      paragraphs.push(current.heading || current.number);
    }
    if (paragraphs.length > 0 || current.number !== null)
      articles.push({ number: current.number, heading: current.heading, chapter: current.chapter, paragraphs });
  };
  for (const line of lines) {
    const head = line.trim() ? parseArticleHeading(line) : null;
    if (head) {
      close();
      found = true;
      current = { number: head.number, heading: head.heading, chapter, lines: [] };
      continue;
    }
    if (line.trim() && isChapterHeading(line)) {
      close();
      chapter = stripHeadingMarkup(line);
      current = { number: null, heading: '', chapter, lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  close();
  if (!found) {
    const whole = text
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { split: false, articles: whole ? [{ number: null, heading: '', chapter: null, paragraphs: [whole] }] : [] };
  }
  return { split: true, articles };
}
