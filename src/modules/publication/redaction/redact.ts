/**
 * Applies redaction to the texts of one appeal (its subject and text, the bodies' answers, the text
 * of its documents): known identities, detected names, the patterns (minus the suggestions the
 * owner chose to keep), the owner's manual phrases and the rules in scope. Pure: the caller gathers
 * the inputs; the original texts are never changed.
 *
 * Every hidden word is hidden whole (stem and ending) and everywhere: a name found in one text (or
 * a phrase hidden by hand) is looked for in every text of the appeal, in every inflected form. Two
 * passes: the first finds the names in all texts, the second hides them all.
 *
 * @example
 * redactText('Звоните +996 555 12 34 56', emptyRedaction()).text // 'Звоните […]'
 */
import { NameIndex, findNames, type NameHit } from './names.js';
import { mergeSpans, patternSpans, urlSpans, type Span } from './patterns.js';
import { phraseSpans } from './phrases.js';
import { boundQuantifiers, checkRegex } from './safe-regex.js';
import { tokenize, type Token } from './tokens.js';

/** What the public sees in place of a redacted passage. */
export const REDACTED = '[…]';

/** Published texts are cut at this length (bounds the time of every rule on any text). */
export const MAX_PUBLIC_TEXT = 200_000;

export interface RuleInput {
  pattern: string;
  is_regex: number;
  replacement: string;
}

export interface RedactionInput {
  /** full names and contacts of the appeal's people (decrypted server-side only for matching) */
  knownNames: string[];
  /** automatic suggestions judged harmless by the owner (exact matched text) */
  keep: string[];
  /** phrases the owner added: hidden as whole words, in every form, everywhere */
  manual: string[];
  rules: RuleInput[];
  /** the language of the texts (an appeal's language): some words are names in one, ordinary words in another */
  language?: 'ky' | 'ru' | 'en';
}

export function emptyRedaction(): RedactionInput {
  return { knownNames: [], keep: [], manual: [], rules: [] };
}

export interface RedactedText {
  /** the text as the public sees it */
  text: string;
  /** the hidden passages (merged), in the original text's positions */
  spans: Span[];
  /** the automatic suggestions (before the owner's keep choices), for the review page */
  suggestions: Span[];
}

/** Known contacts: e-mail addresses as written, phone numbers by their last 9 digits. */
function contactSpans(text: string, known: string[]): Span[] {
  const out: Span[] = [];
  const emails = known.filter((k) => k.includes('@')).map((k) => k.trim().toLocaleLowerCase());
  const phones = known
    .map((k) => k.replace(/\D/g, ''))
    .filter((d) => d.length >= 6)
    .map((d) => d.slice(-9));
  if (emails.length) {
    const lower = text.toLocaleLowerCase();
    for (const e of emails)
      for (let i = lower.indexOf(e); i !== -1 && e.length > 0; i = lower.indexOf(e, i + e.length))
        out.push({ start: i, end: i + e.length, kind: 'known_name' });
  }
  if (phones.length) {
    for (const m of text.matchAll(/\d[\d\s\-()]{4,24}\d/g)) {
      const digits = m[0].replace(/\D/g, '');
      if (phones.some((p) => digits.endsWith(p) || (digits.length >= 6 && p.endsWith(digits))))
        out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'known_name' });
    }
  }
  return out;
}

interface Prepared {
  text: string;
  tokens: Token[];
  lowerKeys: Set<string>;
  urls: Span[];
}

function prepare(original: string, limit: number): Prepared {
  const text = original.length > limit ? original.slice(0, limit) : original;
  const tokens = tokenize(text);
  const lowerKeys = new Set<string>();
  for (const t of tokens) if (!t.number && t.caps === 'lower' && !t.sentenceStart) lowerKeys.add(t.key);
  return { text, tokens, lowerKeys, urls: urlSpans(text) };
}

/** Links that hold a hidden name, or a name word of any case (a profile address), are hidden whole. */
function urlsWithNames(p: Prepared, names: NameHit[], index: NameIndex): Span[] {
  const out: Span[] = [];
  for (const u of p.urls) {
    const named =
      names.some((n) => n.start < u.end && n.end > u.start) ||
      p.tokens.some((t) => t.start >= u.start && t.end <= u.end && (index.isKnown(t) || index.isFound(t)));
    if (named) out.push(u);
  }
  return out;
}

/**
 * Redacts all the texts of one appeal together (see the module comment). `limit` cuts each text
 * first (published texts: {@link MAX_PUBLIC_TEXT}).
 */
export function redactTexts(originals: string[], input: RedactionInput, limit = MAX_PUBLIC_TEXT): RedactedText[] {
  const keep = new Set(input.keep.map((k) => k.trim().toLocaleLowerCase()));
  const index = new NameIndex();
  // Names, not contacts: e-mail addresses and numbers are matched as they are (contactSpans).
  for (const n of input.knownNames) if (!n.includes('@') && !/\d/.test(n)) index.addKnown(n);
  const prepared = originals.map((o) => prepare(o, limit));
  // Pass 1: names found anywhere (and not kept as harmless) are looked for everywhere.
  for (const p of prepared) {
    const { hits, found } = findNames(p.text, p.tokens, index, p.lowerKeys, input.language);
    const kept = hits.filter((h) => h.kind === 'name' && keep.has(p.text.slice(h.start, h.end).toLocaleLowerCase()));
    for (const key of found) {
      const inKept = kept.some((h) => p.tokens.some((t) => t.key === key && t.start >= h.start && t.end <= h.end));
      if (!inKept) index.addFound(key);
    }
  }
  return prepared.map((p) => {
    const { hits } = findNames(p.text, p.tokens, index, p.lowerKeys, input.language);
    const suggestions: Span[] = [
      ...hits.map((h) => ({ start: h.start, end: h.end, kind: h.kind })),
      ...patternSpans(p.text),
      ...contactSpans(p.text, input.knownNames),
      ...urlsWithNames(p, hits, index),
    ];
    // A kept suggestion is let through, unless it is (or holds) a known identity.
    const known = suggestions.filter((s) => s.kind === 'known_name');
    const auto = suggestions.filter(
      (s) =>
        s.kind === 'known_name' ||
        !keep.has(p.text.slice(s.start, s.end).toLocaleLowerCase()) ||
        known.some((k) => k.start < s.end && k.end > s.start),
    );
    const spans: Span[] = [...auto];
    for (const m of input.manual) spans.push(...phraseSpans(p.text, p.tokens, m));
    for (const r of input.rules) {
      if (r.is_regex) {
        if (checkRegex(r.pattern) !== null) continue; // refused patterns never run (they cannot be stored either)
        for (const m of p.text.matchAll(new RegExp(boundQuantifiers(r.pattern), 'gu')))
          if (m[0].length)
            spans.push({ start: m.index!, end: m.index! + m[0].length, kind: 'rule', replacement: r.replacement });
      } else spans.push(...literalSpans(p.text, r.pattern, 'rule', r.replacement));
    }
    const merged = mergeSpans(spans);
    let out = '';
    let at = 0;
    for (const s of merged) {
      out += p.text.slice(at, s.start) + (s.replacement || REDACTED);
      at = s.end;
    }
    out += p.text.slice(at);
    return { text: out, spans: merged, suggestions };
  });
}

/** Redacts one text on its own (the API, tests). */
export function redactText(original: string, input: RedactionInput, limit = MAX_PUBLIC_TEXT): RedactedText {
  return redactTexts([original], input, limit)[0]!;
}

/** Case-insensitive occurrences of a phrase (rules written as plain text keep their exact extent). */
export function literalSpans(text: string, phrase: string, kind: Span['kind'], replacement?: string): Span[] {
  const out: Span[] = [];
  if (phrase.trim().length === 0) return out;
  const hay = text.toLocaleLowerCase();
  const needle = phrase.toLocaleLowerCase();
  // toLocaleLowerCase keeps lengths for Cyrillic and Latin; fall back to exact matching otherwise.
  const sameLength = hay.length === text.length && needle.length === phrase.length;
  const h = sameLength ? hay : text;
  const n = sameLength ? needle : phrase;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length))
    out.push({ start: i, end: i + n.length, kind, replacement });
  return out;
}
