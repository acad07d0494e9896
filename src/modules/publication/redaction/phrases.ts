/**
 * A phrase hidden by hand ("Маматов", "Кара-Суу", "колония №47", "01-12/345"): hidden as whole
 * words, everywhere, in every inflected form of its words. Two ways of finding it, both kept:
 *
 * - as a sequence of words: each word of the phrase in any of its forms (name-forms.ts), the next
 *   one after at most a few characters of spaces or punctuation ("Маматова", "Маматовдун"; "колония
 *   № 47");
 * - as written (any case), then widened to the whole words it touches: hiding "Мамат" hides
 *   "Маматова", never leaving "[…]ова" behind.
 */
import { nameForms } from './name-forms.js';
import type { Span } from './patterns.js';
import { tokenize, type Token } from './tokens.js';

/** Longest gap (spaces, punctuation, "№") between two words of a phrase. */
const MAX_GAP = 3;

function gapOk(text: string, from: number, to: number): boolean {
  if (to < from || to - from > MAX_GAP) return false;
  for (let i = from; i < to; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) return false;
  return true;
}

/** Widens [start, end) to the whole tokens it touches. */
function widen(tokens: Token[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  // binary search for the first token ending after start
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) {
    s = Math.min(s, tokens[i]!.start);
    e = Math.max(e, tokens[i]!.end);
  }
  return { start: s, end: e };
}

export function phraseSpans(text: string, tokens: Token[], phrase: string): Span[] {
  const out: Span[] = [];
  const trimmed = phrase.trim();
  if (!trimmed) return out;
  const words = tokenize(trimmed);
  if (words.length > 0 && words.length <= 12) {
    const forms = words.map((w) =>
      w.number ? new Set([w.key]) : w.key.length >= 3 ? nameForms(w.text) : new Set([w.key]),
    );
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (!forms[0]!.has(tokens[i]!.key)) continue;
      let ok = true;
      for (let j = 1; j < words.length && ok; j++)
        ok = forms[j]!.has(tokens[i + j]!.key) && gapOk(text, tokens[i + j - 1]!.end, tokens[i + j]!.start);
      if (ok) out.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end, kind: 'manual' });
    }
  }
  // As written, any case, widened to whole words.
  const hay = text.toLocaleLowerCase();
  const needle = trimmed.toLocaleLowerCase();
  if (hay.length === text.length && needle.length === trimmed.length) {
    for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length))
      out.push({ ...widen(tokens, i, i + needle.length), kind: 'manual' });
  }
  return out;
}
