/**
 * Personal names in a text: the known identities of an appeal (always hidden, in every form) and
 * unknown names found by the detector. Works on tokens (tokens.ts), so a hidden name is always a
 * whole word — stem and ending — never a piece of one ("[…]а" cannot happen).
 *
 * The detector looks at chains of capitalised words (and initials, and the particles уулу/кызы)
 * that stand next to each other, and calls a chain a name when it holds evidence:
 * a patronymic (-вич/-вна in any case), уулу/кызы next to a capitalised word, initials next to a
 * capitalised word, a given name from the lists (lexicon.ts) next to another capitalised word, a
 * surname by its shape (-ов/-ев/-ин, feminine, in any Russian or Kyrgyz case; -ский only with other
 * evidence, since "Ленинский районный суд" is not a person), a role word before it ("гражданин",
 * "осужденный", "жаран", "Mr"), or a given name alone (unless the same word is also written in lower
 * case in the text: then it is an ordinary word). A chain with a known identity in it is hidden
 * whole, with the initials, patronymic and уулу/кызы around the known word.
 */
import { nameForms, isParticle, isPatronymic, lemmaCandidates, surnameShape } from './name-forms.js';
import { lexicon } from './names/lexicon.js';
import { adjacent, type Token } from './tokens.js';

export interface NameHit {
  start: number;
  end: number;
  kind: 'known_name' | 'name';
}

const formsCache = new Map<string, Set<string>>();
function cachedForms(word: string): Set<string> {
  let f = formsCache.get(word);
  if (!f) {
    f = nameForms(word);
    if (formsCache.size > 5000) formsCache.clear();
    formsCache.set(word, f);
  }
  return f;
}

/**
 * The words to hide in every form: known identities (from full names: "Маматов Азамат Бакытович",
 * "Бакыт уулу Нурлан") and names found elsewhere in the appeal's texts (as lemma keys).
 */
export class NameIndex {
  /** key of every form of every known word */
  private readonly known = new Set<string>();
  /** two-letter known words (Ли, Ан): matched only as themselves and capitalised */
  private readonly short = new Set<string>();
  /** lemma keys of names found by the detector in any text of the appeal */
  private readonly found = new Set<string>();

  /** Adds every word of a person's full name (initials and уулу/кызы are not words to look for). */
  addKnown(fullName: string): void {
    for (const w of fullName.split(/[^\p{L}\p{M}\u00ad-]+/u)) {
      for (const part of w.split('-')) {
        const letters = part.replace(/\u00ad/g, '');
        if (letters.length < 2) continue;
        const forms = cachedForms(letters);
        const [base] = forms;
        if (!base || isParticle(base)) continue;
        if (base.length < 3) this.short.add(base);
        else for (const k of forms) this.known.add(k);
      }
    }
  }

  /** Remembers a name found by the detector: all its lemma candidates (4 letters or more). */
  addFound(key: string): void {
    for (const c of lemmaCandidates(key)) if (c.length >= 4) this.found.add(c);
  }

  isKnown(t: Token): boolean {
    if (t.number) return false;
    if (this.known.has(t.key)) return true;
    return this.short.has(t.key) && t.caps !== 'lower';
  }

  isFound(t: Token): boolean {
    if (t.number || this.found.size === 0 || t.key.length < 4) return false;
    return lemmaCandidates(t.key).some((c) => this.found.has(c));
  }

  get size(): number {
    return this.known.size + this.short.size + this.found.size;
  }
}

type Role =
  | 'known'
  | 'found'
  | 'initial'
  | 'particle'
  | 'patronymic'
  | 'given'
  | 'surname'
  | 'adjective'
  | 'cap'
  | 'role'
  | 'other';

function isInitial(text: string, t: Token): boolean {
  return !t.number && t.text.length === 1 && t.caps !== 'lower' && text[t.end] === '.';
}

/**
 * Finds names in `text` (tokens from tokenize(text)). `index` holds the known identities and the
 * names found in the appeal's other texts; `lowerKeys` are the keys of words also written in lower
 * case (ordinary words, not names).
 */
export function findNames(
  text: string,
  tokens: Token[],
  index: NameIndex,
  lowerKeys: Set<string>,
  language?: 'ky' | 'ru' | 'en',
): { hits: NameHit[]; found: string[] } {
  const lex = lexicon();
  const cyrillic = (t: Token) => /[а-яёөүң]/i.test(t.text);
  const ordinary = (k: string, t?: Token) =>
    lex.notNames.has(k) || lex.places.has(k) || (language === 'ky' && lex.kyrgyzOrdinary.has(k) && (!t || cyrillic(t)));
  const roles: Role[] = tokens.map((t, i) => {
    if (t.number) return 'other';
    // the name of a street ("по улице Ахунбаева", "Токтогул көчөсү" is the address pattern's)
    if (i > 0 && lex.streets.has(tokens[i - 1]!.key) && t.caps !== 'lower') return 'cap';
    if (index.isKnown(t)) return 'known';
    if (isInitial(text, t)) return 'initial';
    if (isParticle(t.key)) return 'particle';
    if (t.caps === 'lower') return lex.roles.has(t.key) ? 'role' : 'other';
    if (lex.roles.has(t.key)) return 'role';
    if (index.isFound(t)) return 'found';
    if (ordinary(t.key, t)) return 'cap';
    // an abbreviation with a Kyrgyz ending (СИЗОго, ИИМге) is an institution
    if (/^\p{Lu}{2,}\p{Ll}{1,4}$/u.test(t.text) && t.text.length <= 9) return 'cap';
    if (isPatronymic(t.key)) return 'patronymic';
    const cands = lemmaCandidates(t.key);
    if (cands.some((c) => lex.places.has(c))) return 'cap';
    if (cands.some((c) => lex.given.has(c) && !ordinary(c, t))) return 'given';
    const shape = surnameShape(t.key);
    if (shape === 'plain' || (shape === 'weak' && language !== 'ky')) return 'surname';
    if (shape === 'weak') return 'adjective';
    if (shape === 'adjective') return 'adjective';
    return 'cap';
  });
  // A hyphenated compound that is a place ("Чолпон-Ата", "Кара-Суу") is not a name.
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.hyphenated && lexicon().places.has(tokens[i - 1]!.key + tokens[i]!.key))
      roles[i - 1] = roles[i] = 'cap';
  }
  const hits: NameHit[] = [];
  const found: string[] = [];
  const chainable = (r: Role) => r !== 'other' && r !== 'role';
  let i = 0;
  while (i < tokens.length) {
    if (!chainable(roles[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < tokens.length &&
      chainable(roles[j + 1]!) &&
      adjacent(text, tokens[j]!.end + (roles[j] === 'initial' ? 1 : 0), tokens[j + 1]!.start)
    )
      j++;
    decideChain(text, tokens, roles, i, j, lowerKeys, hits, found, ordinary);
    i = j + 1;
  }
  return { hits, found };
}

const STRONG: ReadonlySet<Role> = new Set<Role>(['known', 'found', 'patronymic', 'given', 'surname']);

function decideChain(
  text: string,
  tokens: Token[],
  roles: Role[],
  from: number,
  to: number,
  lowerKeys: Set<string>,
  hits: NameHit[],
  found: string[],
  isOrdinary: (k: string) => boolean,
): void {
  const r = roles.slice(from, to + 1);
  const has = (x: Role) => r.includes(x);
  const words = r.filter((x) => x !== 'initial' && x !== 'particle');
  const prev = from > 0 ? roles[from - 1] : undefined;
  // "гражданин Асанбеков", "гр. Асанбеков", "Mr. Smith" (a dot only after an abbreviation, not a sentence's last word)
  const roleToken = from > 0 ? tokens[from - 1]! : undefined;
  const afterRole =
    prev === 'role' &&
    !!roleToken &&
    adjacent(
      text,
      roleToken.end + (text[roleToken.end] === '.' && roleToken.text.length <= 3 ? 1 : 0),
      tokens[from]!.start,
    );
  const allCapsChain = tokens.slice(from, to + 1).every((t) => t.caps === 'upper');
  let name =
    has('known') ||
    has('found') ||
    has('patronymic') ||
    (has('particle') && words.length > 0) ||
    (has('initial') && words.length > 0) ||
    has('surname') ||
    afterRole ||
    (has('given') && words.length > 1);
  if (!name && has('given')) {
    // A given name alone: a name unless the word is also used in lower case (an ordinary word).
    const g = tokens[from + r.indexOf('given')]!;
    // At the start of a sentence only an uninflected name counts ("Мэрия" is not "Мэри").
    name =
      !lowerKeys.has(g.key) &&
      !(allCapsChain && g.text.length <= 3) &&
      (!g.sentenceStart || lexicon().given.has(g.key));
  }
  if (!name) return;
  // Which tokens of the chain are the name: the evidence, with the capitalised words and initials
  // that stand between or right next to it (not an unrelated capitalised word further along).
  const inName = r.map((x) => x !== 'cap' && x !== 'adjective');
  if (afterRole && (r[0] === 'cap' || r[0] === 'adjective')) inName[0] = true;
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < r.length; k++) {
      if (inName[k]) continue;
      const t = tokens[from + k]!;
      const acronym = t.caps === 'upper' && t.text.length <= 5 && !allCapsChain;
      const nextToStrong =
        (k > 0 && inName[k - 1] && STRONG.has(r[k - 1]!)) ||
        (k + 1 < r.length && inName[k + 1] && STRONG.has(r[k + 1]!)) ||
        (k > 0 && inName[k - 1] && r[k - 1] === 'initial') ||
        (k + 1 < r.length && r[k + 1] === 'initial') ||
        (k + 1 < r.length && r[k + 1] === 'particle');
      // An unclassified capitalised word joins only when it is not an ordinary word: not first in
      // its sentence ("Мен Бакыт уулу"), not written in lower case elsewhere, not a known non-name.
      // (A place name next to a surname is a given name: "Чолпон Исакова".)
      const ordinary =
        t.sentenceStart ||
        lowerKeys.has(t.key) ||
        (isOrdinary(t.key) && !lexicon().places.has(t.key)) ||
        /^\p{Lu}{2,}\p{Ll}/u.test(t.text);
      if (!acronym && nextToStrong && r[k] !== 'cap') inName[k] = true;
      else if (
        !acronym &&
        !ordinary &&
        nextToStrong &&
        r[k] === 'cap' &&
        (words.length <= 3 || has('patronymic') || has('particle'))
      )
        inName[k] = true;
    }
  }
  // Initials and particles only count next to a name word.
  const kind: NameHit['kind'] = has('known') ? 'known_name' : 'name';
  let k = 0;
  while (k < r.length) {
    if (!inName[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < r.length && inName[e + 1]) e++;
    const part = r.slice(k, e + 1);
    if (part.some((x) => x !== 'initial' && x !== 'particle')) {
      const first = tokens[from + k]!;
      const last = tokens[from + e]!;
      hits.push({ start: first.start, end: last.end + (part[part.length - 1] === 'initial' ? 1 : 0), kind });
      for (let m = k; m <= e; m++)
        if (r[m] !== 'initial' && r[m] !== 'particle' && r[m] !== 'known') found.push(tokens[from + m]!.key);
    }
    k = e + 1;
  }
}
