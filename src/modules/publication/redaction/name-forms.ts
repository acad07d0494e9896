/**
 * Inflection of personal names, both ways:
 *
 * - forward ({@link nameForms}): every form a known name can take in a Russian or Kyrgyz letter,
 *   as folded keys. Russian declension of surnames (-ов/-ев/-ин/-ын, feminine -ова…, -ский/-ская),
 *   first names (consonant, -а/-я, -ь, -ий/-ия, -й) and patronymics (-вич, -вна) in all six cases
 *   and the plural; the forms given by `lvovich` (the maintained successor of petrovich's rules:
 *   Павел → Павла, Лев → Льва, Любовь → Любови); and Kyrgyz case endings in every vowel-harmony and
 *   consonant variant (Маматовго, Маматовдун, Гүлнарага, Азаматтын …) on the nominative.
 * - backward ({@link lemmaCandidates}): the possible dictionary forms of an inflected word, to look
 *   it up in the given-name lists (Азамата → азамат, Гүлнарага → гүлнара, Айгүлгө → айгүл).
 *
 * Both work on folded keys (tokens.ts `nameKey`), so Latin transliterations and mixed-script
 * spellings are covered by the same sets. Over-generation is harmless here: a form only matters when
 * a word of the text is exactly that form.
 */
import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import { nameKey } from './tokens.js';

/** Kyrgyz case and plural endings, every harmony variant (genitive, dative, accusative, locative, ablative, plural, similative). */
export const KYRGYZ_ENDINGS = (
  'нын нин нун нүн дын дин дун дүн тын тин тун түн ' +
  'га ге го гө ка ке ко кө ' +
  'ны ни ну нү ды ди ду дү ты ти ту тү ' +
  'да де до дө та те то тө ' +
  'дан ден дон дөн тан тен тон төн нан нен нон нөн ' +
  'лар лер лор лөр дар дер дор дөр тар тер тор төр ' +
  'дай дей дой дөй тай тей той төй ' +
  'дык дик дук дүк тык тик тук түк'
).split(' ');

/** Russian endings after a consonant (first names, -ов/-ин surnames masculine and feminine, -вич patronymics, plural). */
const RU_CONSONANT = [
  '',
  'а',
  'у',
  'ом',
  'ем',
  'е',
  'ы',
  'и',
  'ой',
  'ою',
  'ым',
  'ых',
  'ыми',
  'ам',
  'ами',
  'ах',
  'ов',
  'ю',
  'я',
  'ей',
];
/** Russian endings replacing a final -а/-я (Гүлнара, Асанова, Бакытовна). */
const RU_A = ['а', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею', 'я', 'ам', 'ами', 'ах'];
/** … a final -ь (Айгуль, Игорь). */
const RU_SOFT = ['ь', 'и', 'ю', 'ью', 'е', 'я', 'ем', 'ей'];
/** … a final -ий/-ия (Дмитрий, Мария). */
const RU_IY = ['ий', 'ия', 'ию', 'ием', 'ии', 'ие', 'ей', 'ией', 'иям'];
/** … adjectival surnames -ский/-ская/-цкий (stem without -ий/-ая). */
const RU_ADJ = ['ий', 'ой', 'ого', 'ому', 'им', 'ом', 'ая', 'ую', 'ою', 'ие', 'их', 'ими'];

function capitalFree(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase().replace(/ё/g, 'е');
}

/** The Russian forms of one word (lower case), by its ending. */
function russianForms(w: string): string[] {
  const out: string[] = [w];
  const add = (stem: string, endings: string[]) => {
    if (stem.length >= 2) for (const e of endings) out.push(stem + e);
  };
  if (/(ск|цк)(ий|ой|ая)$/.test(w)) add(w.slice(0, -2), RU_ADJ);
  else if (/(ий|ия)$/.test(w)) add(w.slice(0, -2), RU_IY);
  else if (/[ая]$/.test(w)) {
    add(w.slice(0, -1), RU_A);
    // Асанова, Бакытовна: the masculine stem declines too (Асанов, Асанову …)
    if (/(ов|ев|ин|ын)а$/.test(w)) add(w.slice(0, -1), RU_CONSONANT);
  } else if (/ь$/.test(w)) add(w.slice(0, -1), RU_SOFT);
  else if (/й$/.test(w)) add(w.slice(0, -1), ['й', 'я', 'ю', 'ем', 'е', 'ей']);
  else if (/[бвгджзклмнпрстфхцчшщңң]$/.test(w) || /[a-z]$/.test(w)) add(w, RU_CONSONANT);
  return out;
}

/** Forms lvovich gives for the word as a first name, surname and patronymic, both genders, all cases. */
const CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
function lvovichForms(word: string): string[] {
  if (!/^[А-ЯЁа-яё-]+$/.test(word)) return [];
  const out: string[] = [];
  for (const c of CASES) {
    for (const g of ['male', 'female'] as const) {
      try {
        out.push(inclineFirstname(word, c, g), inclineLastname(word, c, g), inclineMiddlename(word, c, g));
      } catch {
        // a word the rules do not cover: our own rules still apply
      }
    }
  }
  return out.map(capitalFree);
}

/**
 * Every folded key the word can take as (part of) a personal name in ky/ru/en text. Words shorter
 * than 3 letters get no endings (a two-letter surname matches only itself).
 */
export function nameForms(word: string): Set<string> {
  const w = capitalFree(word);
  const keys = new Set<string>();
  const base = nameKey(w);
  if (!base) return keys;
  keys.add(base);
  if (base.length < 3) return keys;
  const forms = new Set<string>([...russianForms(w), ...lvovichForms(w)]);
  for (const f of [...forms]) for (const e of KYRGYZ_ENDINGS) forms.add(f + e);
  for (const f of forms) {
    const k = nameKey(f);
    if (k.length >= base.length - 2) keys.add(k);
  }
  return keys;
}

/** Folded endings to strip, longest first (Russian and Kyrgyz, with the doubled letter collapsed). */
const STRIP = [
  ...new Set(
    [...RU_CONSONANT, ...RU_A, ...RU_SOFT, ...RU_IY, ...RU_ADJ, ...KYRGYZ_ENDINGS]
      .map((e) => nameKey(e))
      .filter((e) => e.length > 0),
  ),
].sort((a, b) => b.length - a.length);
/** What a stripped stem may have ended in (nominative): nothing, -а, -я, -й/-ь, -ий. */
const RESTORE = ['', 'a', 'ia', 'i'];

/**
 * The possible nominative keys of an inflected name's key, itself included: "azamata" → azamat,
 * "gulnaraga" → gulnara, "aiguli" → aigul. Stems keep at least 3 letters.
 */
export function lemmaCandidates(key: string): string[] {
  const out = [key];
  for (const e of STRIP) {
    if (key.length - e.length < 3 || !key.endsWith(e)) continue;
    const stem = key.slice(0, -e.length);
    for (const r of RESTORE) out.push(stem + r);
  }
  return out;
}

/** A surname by its shape: -ов/-ев/-ин/-ын (and feminine), -ский/-ская/-цкий, -уулу/-кызы, in any case. */
export function surnameShape(key: string): 'plain' | 'weak' | 'adjective' | null {
  let weak = false;
  for (const c of lemmaCandidates(key)) {
    if (c.length >= 5 && /(ov|ev|ova|eva)$/.test(c)) return 'plain';
    if (c.length >= 5 && /(in|ina)$/.test(c)) weak = true;
    if (c.length >= 6 && /(ski|ska|skaia|tski)$/.test(c)) return 'adjective';
  }
  // -ин/-ын: a Russian surname (Путин), or a Kyrgyz genitive (Республикасынын, Сиздин).
  return weak ? 'weak' : null;
}

/** A patronymic: -ович/-евич/-ич, -овна/-евна/-ична/-инична, in any case. */
export function isPatronymic(key: string): boolean {
  return (
    key.length >= 7 &&
    (/(ovich|evich)(a|u|em|e|i|ei|ami|ah)?$/.test(key) || /(ovn|evn|ichn)(a|i|e|u|oi|oiu)$/.test(key))
  );
}

/** Kyrgyz patronymic particles (уулу "son of", кызы "daughter of") in any case; Turkic оглы/кызы. */
export function isParticle(key: string): boolean {
  return /^(ulu|kizi|ogli|uli)(n|na|nin|nun|ni|nu|nda|nan|ga|na)?$/.test(key);
}
