/**
 * Applies redaction to one text: the automatic suggestions (minus those the owner chose to keep),
 * the owner's manual phrases, and the rules in scope (global, the body's, the appeal's). Pure: the
 * caller gathers the inputs; the original text is never changed.
 *
 * @example
 * redactText('Звоните +996 555 12 34 56', emptyRedaction()).text // 'Звоните […]'
 */
import { boundQuantifiers, checkRegex } from './safe-regex.js';
import { mergeSpans, suggest, type Span } from './patterns.js';

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
  /** names and contacts of the appeal's people (decrypted server-side only for matching) */
  knownNames: string[];
  /** automatic suggestions judged harmless by the owner (exact matched text) */
  keep: string[];
  /** phrases the owner added */
  manual: string[];
  rules: RuleInput[];
}

export function emptyRedaction(): RedactionInput {
  return { knownNames: [], keep: [], manual: [], rules: [] };
}

function literalSpans(text: string, phrase: string, kind: Span['kind'], replacement?: string): Span[] {
  const out: Span[] = [];
  if (phrase.trim().length === 0) return out;
  const hay = text.toLocaleLowerCase();
  const needle = phrase.toLocaleLowerCase();
  // toLocaleLowerCase keeps lengths for Cyrillic and Latin; fall back to exact matching otherwise.
  const sameLength = hay.length === text.length && needle.length === phrase.length;
  const h = sameLength ? hay : text;
  const n = sameLength ? needle : phrase;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length, kind, replacement });
  return out;
}

/** The spans to redact in `text` with their kinds (for the review page) and the redacted text. */
export function redactText(original: string, input: RedactionInput): { text: string; spans: Span[]; suggestions: Span[] } {
  const text = original.length > MAX_PUBLIC_TEXT ? original.slice(0, MAX_PUBLIC_TEXT) : original;
  const known = new Set(input.knownNames.flatMap((n) => n.split(/[\s,.;]+/)).filter((w) => w.length >= 3).map((w) => w.toLocaleLowerCase()));
  const keep = new Set(input.keep.map((k) => k.toLocaleLowerCase()));
  // A kept suggestion is let through, unless it contains a name of the appeal's own people.
  const suggestions = suggest(text, input.knownNames);
  const auto = suggestions.filter((s) => {
    const v = text.slice(s.start, s.end).toLocaleLowerCase();
    return !keep.has(v) || [...known].some((w) => v.includes(w));
  });
  const spans: Span[] = [...auto];
  for (const m of input.manual) spans.push(...literalSpans(text, m, 'manual'));
  for (const r of input.rules) {
    if (r.is_regex) {
      if (checkRegex(r.pattern) !== null) continue; // refused patterns never run (they cannot be stored either)
      for (const m of text.matchAll(new RegExp(boundQuantifiers(r.pattern), 'gu'))) if (m[0].length) spans.push({ start: m.index!, end: m.index! + m[0].length, kind: 'rule', replacement: r.replacement });
    } else spans.push(...literalSpans(text, r.pattern, 'rule', r.replacement));
  }
  const merged = mergeSpans(spans);
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + (s.replacement || REDACTED);
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, spans: merged, suggestions };
}
