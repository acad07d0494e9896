/**
 * Automatic redaction suggestions: what in an appeal's text identifies a person. Each pattern is a
 * fixed, reviewed regular expression without nested quantifiers (linear time on any input).
 *
 * - phone: Kyrgyz numbers, "+996 555 12 34 56", "996555123456", "0 555 123 456", "(0312) 62-45-78";
 * - email: any e-mail address;
 * - pin: the 14-digit personal identification number (ПИН/ИНН), which begins with 1 or 2 (sex);
 * - passport: two Latin letters and 7 digits ("ID1234567", "AN 1234567", Cyrillic "АН1234567" too);
 * - address: a street, avenue or micro-district with its number ("ул. Токтогула, 125, кв. 4",
 *   "Чүй көч. 12", "мкр. Джал, д. 5");
 * - name: a name with a patronymic ("Айбек Асанович", "Асанова Гүлнара Маратовна"), a Kyrgyz
 *   "уулу/кызы" name ("Бакыт уулу Нурлан"), initials with a surname ("Иванов И. И.", "А.Б. Осмонов"),
 *   and the appeal's own known names (the person acted for, the owner) wherever they appear.
 */

export type SuggestionKind = 'phone' | 'email' | 'pin' | 'passport' | 'address' | 'name';

export interface Span {
  start: number;
  end: number;
  kind: SuggestionKind | 'manual' | 'rule';
  /** the replacement text shown to the public */
  replacement?: string;
}

const UP = 'А-ЯЁӨҮҢA-Z';
const LO = 'а-яёөүңa-z';
const WORD = `[${UP}][${LO}]+(?:-[${UP}][${LO}]+)?`;

export const PATTERNS: Record<Exclude<SuggestionKind, 'name'>, RegExp> = {
  phone: /(?<![\d+])\(?(?:\+\s?996|996|0)[\s\-()]{0,2}(?:\d[\s\-()]{0,2}){8}\d(?!\d)/g,
  email: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}/g,
  pin: /(?<!\d)[12]\d{13}(?!\d)/g,
  passport: /(?<![A-Za-zА-Яа-я])(?:[A-Z]{2}|ID|АН|АС|АР)\s?\d{7}(?!\d)/g,
  address: new RegExp(
    `(?:(?<![${LO}${UP}])(?:ул\\.|улица|пр\\.|просп\\.|проспект|пер\\.|переулок|бул\\.|бульвар|мкр\\.|микрорайон|м-н|ж/м)\\s?[${UP}0-9][^\\s,.;]{0,30}(?:\\s[${UP}][^\\s,.;]{0,30})?|[${UP}][${LO}]{1,30}\\s(?:көч\\.|көчөсү|проспектиси|кичи району))(?:,?\\s?(?:д\\.|дом|үй)?\\s?\\d{1,4}[а-яa-z]?(?:/\\d{1,4})?)?(?:,?\\s?(?:кв\\.|квартира|батир)\\s?\\d{1,4})?`,
    'g',
  ),
};

const NAME_PATTERNS: RegExp[] = [
  // Surname Name Patronymic / Name Patronymic (Russian-style patronymics, also in Kyrgyz texts)
  new RegExp(`(?:${WORD}\\s){1,2}[${UP}][${LO}]+(?:ович|евич|ьич|овна|евна|ична|инична)(?![${LO}])`, 'g'),
  // Kyrgyz patronymic names: "Бакыт уулу Нурлан", "Асан кызы"
  new RegExp(`${WORD}\\s(?:уулу|кызы)(?:\\s${WORD})?`, 'g'),
  // Surname with initials: "Иванов И. И.", "Иванов И.И."
  new RegExp(`${WORD}\\s[${UP}]\\.\\s?(?:[${UP}]\\.)?`, 'g'),
  // Initials then surname: "И. И. Иванов", "А.Б. Осмонов"
  new RegExp(`(?<![${LO}${UP}])[${UP}]\\.\\s?(?:[${UP}]\\.\\s?)?${WORD}`, 'g'),
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spans of every automatic pattern and of the known names (each word of 3+ letters, any case). */
export function suggest(text: string, knownNames: string[] = []): Span[] {
  const spans: Span[] = [];
  for (const [kind, re] of Object.entries(PATTERNS) as [Exclude<SuggestionKind, 'name'>, RegExp][]) {
    for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length, kind });
  }
  for (const re of NAME_PATTERNS) for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].trimEnd().length, kind: 'name' });
  const words = new Set<string>();
  for (const n of knownNames) for (const w of n.split(/[\s,.;]+/)) if (w.length >= 3 && !/^\d+$/.test(w)) words.add(w);
  for (const w of words) {
    const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(w)}(?![\\p{L}])`, 'giu');
    for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length, kind: 'name' });
  }
  return spans;
}

/** Merges overlapping spans (the first's kind wins) and sorts them. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
