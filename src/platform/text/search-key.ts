/**
 * The search key: every name of a record in Kyrgyz, Russian and English, folded to one Latin
 * spelling so that the letters people really type find the official names (PRODUCT.md "Text search").
 *
 * - Kyrgyz ң ө ү and their look-alikes н о у are the same letter; so are ё/е, and Latin ö/ü/ñ/ŋ;
 * - Cyrillic is transliterated to Latin, and spelling variants converge: ж/дж/zh/dzh/j → j,
 *   ы/и/й/y/i → i, х/kh → h, doubled letters collapse ("Иссык" = "Issyk" = "Isyk" = "Ysyk");
 * - hyphenated names also count as one word ("Жалал-Абад" is found by "jalalabad");
 * - Russian adjective endings are cut to the stem («Ошской», «ошский» → "osh"; «Кеминского» → "kemin").
 *
 * The key is stored in a text column (" token token … ") and searched with `LIKE '% prefix%'` for
 * every query word: plain SQL that gives the same results on SQLite and PostgreSQL. The same
 * function folds the query, so both sides always agree.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  ӊ: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'e',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ұ: 'u',
  ҳ: 'h',
};

/** Latin look-alikes and diacritics typed for Kyrgyz and Russian letters. */
const LATIN: Record<string, string> = {
  ö: 'o',
  ü: 'u',
  ñ: 'n',
  ŋ: 'n',
  ı: 'i',
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  ä: 'a',
  é: 'e',
  è: 'e',
  ô: 'o',
  û: 'u',
  î: 'i',
  â: 'a',
};

/**
 * Russian adjective endings after -ск- (Ошский, Ошской, Кеминского …), longest first, as spelled
 * after folding («-ский» → "skii" → "ski" once doubled letters collapse).
 */
const SK_ENDINGS = [
  'skimi',
  'skogo',
  'skomu',
  'skaia',
  'skuiu',
  'skoe',
  'skie',
  'skoi',
  'skim',
  'skom',
  'skih',
  'ski',
  'ska',
];
/** Other inflection endings (adjectives and nouns), cut only from long words. */
const ENDINGS = [
  'iami',
  'ogo',
  'ego',
  'omu',
  'emu',
  'imi',
  'ami',
  'aia',
  'oe',
  'ee',
  'ie',
  'oi',
  'ei',
  'ih',
  'ah',
  'om',
  'em',
  'iu',
  'ui',
  'a',
  'i',
  'u',
  'e',
  'o',
];

/** Lower-cases and folds one text to the search alphabet [a-z0-9] and spaces. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const c = CYRILLIC[ch] ?? LATIN[ch];
    if (c !== undefined) out += c;
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else if (ch === '-' || ch === '‐' || ch === '–') out += '-';
    else {
      // Other letters with diacritics: drop the marks (é → e); anything else separates words.
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[a-z0-9]+$/.test(base) ? base : ' ';
    }
  }
  return out
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
}

/** The stem of a folded word: Russian adjective and case endings removed (the word itself if short). */
export function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  for (const e of SK_ENDINGS) if (word.endsWith(e) && word.length - e.length >= 2) return word.slice(0, -e.length);
  if (word.length >= 6)
    for (const e of ENDINGS) if (word.endsWith(e) && word.length - e.length >= 4) return word.slice(0, -e.length);
  return word;
}

/** The words of a folded text: hyphenated compounds give their parts and the joined word. */
function words(folded: string): string[] {
  const out: string[] = [];
  for (const chunk of folded.split(/\s+/)) {
    if (!chunk) continue;
    const parts = chunk.split('-').filter(Boolean);
    out.push(...parts);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

/** The stored key of a record: every word of every name and code, with its stem, space-delimited. */
export function searchKey(texts: Array<string | null | undefined>): string {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of words(fold(text))) {
      tokens.add(w);
      tokens.add(stem(w));
    }
  }
  return tokens.size ? ` ${[...tokens].join(' ')} ` : ' ';
}

/**
 * The query words to look for (each must begin a word of the key), stemmed so that «кеминский»
 * finds "kemin". Hyphenated query words are split ("ysyk-kol" → ysik, kol). At most 8 words.
 */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const chunk of fold(query).split(/\s+/)) {
    for (const part of chunk.split('-')) {
      if (!part) continue;
      const s = stem(part);
      if (!out.includes(s)) out.push(s);
    }
  }
  return out.slice(0, 8);
}
