/**
 * Automatic redaction of what identifies a person apart from names (those are in names.ts). Each
 * pattern is a fixed, reviewed regular expression whose repetitions are all bounded and never nested
 * over overlapping characters, so each runs in linear time on any input (safe-regex.ts explains why
 * that matters):
 *
 * - phone: Kyrgyz numbers in every notation people write ("+996 555 12 34 56", "996555123456",
 *   "0 555 123 456", "0(555) 12-34-56", "(0312) 62-45-78", "555 12-34-56", "тел. 62-45-78"),
 *   and Russian "+7" numbers of relatives working in Russia;
 * - email: any e-mail address (and so any name inside it);
 * - pin: the 14-digit personal identification number (ПИН/ИНН), which begins with 1 or 2;
 * - passport: passport and ID-card numbers ("ID1234567", "AN 1234567", "АН № 1234567");
 * - address: a street, avenue or micro-district with its number ("ул. Токтогула, 125, кв. 4",
 *   "Чүй көч. 12", "мкр. Джал, д. 5");
 * - car_plate: Kyrgyz plates of the 2016 format ("01 KG 123 ABC"), the older "B 1234 AB", "01 123 ABC";
 * - bank_card: 16-digit card numbers with a valid Luhn check digit or the Элкарт prefix 9417, and
 *   masked ones ("4169 **** **** 1234");
 * - url: links; a link is hidden only when it holds a name (redact.ts decides, with names.ts).
 */

export type SuggestionKind =
  'phone' | 'email' | 'pin' | 'passport' | 'address' | 'car_plate' | 'bank_card' | 'url' | 'name' | 'known_name';

/** Every kind of automatic suggestion, in the order the review page lists them. */
export const SUGGESTION_KINDS: readonly SuggestionKind[] = [
  'known_name',
  'name',
  'phone',
  'email',
  'pin',
  'passport',
  'address',
  'car_plate',
  'bank_card',
  'url',
];

export interface Span {
  start: number;
  end: number;
  kind: SuggestionKind | 'manual' | 'rule';
  /** the replacement text shown to the public */
  replacement?: string;
}

const UP = 'А-ЯЁӨҮҢA-Z';
const LO = 'а-яёөүңa-z';
/** Latin capitals and their Cyrillic look-alikes (plates are typed in either). */
const PL = 'A-ZАВЕКМНОРСТУХ';

type PatternKind = Exclude<SuggestionKind, 'name' | 'known_name' | 'url'>;

/** Patterns whose whole match is the suggestion; a named group `n`, when present, is the part to hide. */
export const PATTERNS: Record<PatternKind, RegExp[]> = {
  phone: [
    /(?<![\d+])\(?(?:\+\s?996|996|0)[\s\-()]{0,2}(?:\d[\s\-()]{0,2}){8}\d(?!\d)/g,
    /(?<![\d+])\+\s?7[\s\-()]{0,2}(?:\d[\s\-()]{0,2}){9}\d(?!\d)/g,
    // mobile numbers written without the leading 0: "555 12-34-56", "700 123 456"
    /(?<![\d+\-/.,])[2579]\d{2}[\s-]\d{2}[\s-]\d{2}[\s-]\d{2}(?![\d\-/.,]\d)/g,
    /(?<![\d+\-/.,])[57]\d{2}[\s-]\d{3}[\s-]\d{3}(?![\d\-/.,]\d)/g,
    // any number right after "тел.", "телефон", "моб.", "tel", "phone", "байланыш"
    /(?<![\p{L}])(?:[Тт]ел(?:ефон)?|[Мм]об(?:ильный)?|[Tt]el|[Pp]hone|[Бб]айланыш)\.?:?\s?(?<n>\+?\(?(?:\d[\s\-()]{0,2}){4,12}\d)(?!\d)/gu,
  ],
  email: [/[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}/g],
  pin: [/(?<!\d)[12]\d{13}(?!\d)/g],
  passport: [/(?<![A-Za-zА-Яа-я])(?:[A-Z]{2}|ID|АН|АС|АР|ИД)\s?(?:№\s?)?\d{7}(?!\d)/g],
  address: [
    new RegExp(
      `(?:(?<![${LO}${UP}])(?:ул\\.|улица|пр\\.|просп\\.|проспект|пер\\.|переулок|бул\\.|бульвар|мкр\\.|микрорайон|м-н|ж/м)\\s?[${UP}0-9][^\\s,.;]{0,30}(?:\\s[${UP}][^\\s,.;]{0,30})?|[${UP}][${LO}]{1,30}\\s(?:көч\\.|көчөсү|проспектиси|кичи району))(?:,?\\s?(?:д\\.|дом|үй)?\\s?\\d{1,4}[а-яa-z]?(?:/\\d{1,4})?)?(?:,?\\s?(?:кв\\.|квартира|батир)\\s?\\d{1,4})?`,
      'g',
    ),
  ],
  car_plate: [
    new RegExp(`(?<![\\p{L}\\d])0[1-9]\\s?KG\\s?\\d{3}\\s?[${PL}]{3}(?![\\p{L}\\d])`, 'gu'),
    new RegExp(`(?<![\\p{L}\\d])0[1-9]\\s?\\d{3}\\s?[${PL}]{3}(?![\\p{L}\\d])`, 'gu'),
    new RegExp(`(?<![\\p{L}\\d])[${PL}]\\s?\\d{4}\\s?[${PL}]{2}(?![\\p{L}\\d])`, 'gu'),
  ],
  bank_card: [
    /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g,
    /(?<!\d)\d{4}[\s-]?(?:[*xX•]{4}[\s-]?){2}\d{4}(?!\d)/g,
  ],
};

/** Links: with a scheme, "www.", or a domain of the region followed by a path. */
const URL_RE =
  /(?:https?:\/\/|www\.)[^\s<>"«»]{1,2000}|(?<![\p{L}\d@.])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:kg|ru|kz|uz|com|org|net|info|me)\/[^\s<>"«»]{0,2000}/gu;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spans of every pattern (not names) in `text`. */
export function patternSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [kind, list] of Object.entries(PATTERNS) as [PatternKind, RegExp[]][]) {
    for (const re of list) {
      for (const m of text.matchAll(re)) {
        let start = m.index!;
        let value = m[0];
        const n = m.groups?.n;
        if (n !== undefined) {
          start += value.lastIndexOf(n);
          value = n;
        }
        if (kind === 'bank_card' && /^\d/.test(value) && !/[*xX•]/.test(value)) {
          const digits = value.replace(/\D/g, '');
          if (!luhn(digits) && !digits.startsWith('9417')) continue;
        }
        spans.push({ start, end: start + value.trimEnd().length, kind });
      }
    }
  }
  return spans;
}

/** Links in `text` (trailing punctuation left out). */
export function urlSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const value = m[0].replace(/[.,;:!?)»"']+$/, '');
    out.push({ start: m.index!, end: m.index! + value.length, kind: 'url' });
  }
  return out;
}

/** Merges overlapping or touching spans (the first's kind wins, a replacement is kept) and sorts them. */
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
