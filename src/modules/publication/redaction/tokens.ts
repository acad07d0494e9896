/**
 * Words of a text with their places, for redaction. One linear pass over the text (no regular
 * expression), so a 1 MB letter is split in milliseconds whatever it contains.
 *
 * What a "word" is here, because real letters are messy:
 * - a run of letters (any script, with their combining marks); a word that mixes scripts (a Latin
 *   "a" typed inside a Cyrillic surname) is one word, and its key (see {@link nameKey}) is the same
 *   as the all-Cyrillic spelling;
 * - soft hyphens and zero-width characters inside a word are part of it ("Мама\u00ADтов");
 * - a word broken at the end of a line with a hyphen ("Мама-\nтов", the next part starting with a
 *   lower-case letter) is ONE token covering both parts and the break;
 * - a hyphenated compound ("Кара-Суу", "Маматов-Асанов") gives one token per part, the second
 *   marked `hyphenated` so that sequences keep it;
 * - digits form number tokens.
 */
import { fold } from '../../../platform/text/search-key.js';

export type Caps = 'lower' | 'title' | 'upper';

export interface Token {
  start: number;
  end: number;
  /** the word's letters (joined across a line-break hyphen; invisible characters removed) */
  text: string;
  /** folded key: lower case, one Latin spelling for every script (see search-key.ts) */
  key: string;
  number: boolean;
  caps: Caps;
  /** first word of a sentence (after . ! ? … or a blank line, or at the start) */
  sentenceStart: boolean;
  /** joined to the previous token by a hyphen ("Кара-Суу": set on "Суу") */
  hyphenated: boolean;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /[0-9]/;
const HYPHENS = '-\u2010\u2011\u00ac';

function capsOf(text: string): Caps {
  const first = text[0] ?? '';
  const isUpper = (c: string) => c !== c.toLocaleLowerCase() && c === c.toLocaleUpperCase();
  if (!isUpper(first)) return 'lower';
  if (text.length > 1 && text === text.toLocaleUpperCase()) return 'upper';
  return 'title';
}

/**
 * The key of a word for name matching: {@link fold} (transliteration, Kyrgyz letters and their
 * look-alikes, doubled letters collapsed), plus the Latin spelling "Ye-" of an initial Е.
 */
export function nameKey(word: string): string {
  const k = fold(word).replace(/[^a-z0-9]/g, '');
  return k.startsWith('ie') && /^[A-Za-z]/.test(word) ? k.slice(1) : k;
}

/** Splits `text` into word and number tokens (see the module comment). Linear time. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let sentence = true;
  let prevHyphenEnd = -1;
  while (i < n) {
    const c = text[i]!;
    if (LETTER.test(c) || DIGIT.test(c)) {
      const number = DIGIT.test(c);
      const start = i;
      let word = '';
      let end = i;
      for (;;) {
        while (i < n && (number ? DIGIT.test(text[i]!) : LETTER.test(text[i]!) || INVISIBLE.test(text[i]!))) {
          if (!INVISIBLE.test(text[i]!)) word += text[i];
          i++;
        }
        end = i;
        if (number) break;
        // A hyphen at the end of a line, then a lower-case letter: the same word goes on.
        let j = i;
        if (j < n && HYPHENS.includes(text[j]!)) {
          j++;
          while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
          if (j < n && text[j] === '\n') {
            j++;
            while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
            const d = text[j];
            if (d && LETTER.test(d) && d === d.toLocaleLowerCase() && d !== d.toLocaleUpperCase()) {
              i = j;
              continue;
            }
          }
        }
        break;
      }
      if (word.length === 0) continue;
      out.push({
        start,
        end,
        text: word,
        key: number ? word : nameKey(word),
        number,
        caps: number ? 'lower' : capsOf(word),
        sentenceStart: sentence,
        hyphenated: prevHyphenEnd === start,
      });
      sentence = false;
      prevHyphenEnd = -1;
      if (end < n && HYPHENS.includes(text[end]!) && end + 1 < n && LETTER.test(text[end + 1]!))
        prevHyphenEnd = end + 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      // "А. Б. Маматов": a single capital letter before the dot is an initial, not a sentence end.
      const last = out[out.length - 1];
      const initial =
        c === '.' && last && last.end === i && !last.number && last.text.length === 1 && last.caps !== 'lower';
      // ... unless the line ends there ("… Сыдыков Н. К.⏎Ответ подписал").
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (!initial || j >= n || text[j] === '\n') sentence = true;
    } else if (c === '\n' && i + 1 < n && text[i + 1] === '\n') sentence = true;
    i++;
  }
  return out;
}

/** True when only spaces (at most one line break) or a hyphen separate two positions. */
export function adjacent(text: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n') breaks++;
    else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\u00a0' && !HYPHENS.includes(c)) return false;
  }
  return breaks <= 1;
}
