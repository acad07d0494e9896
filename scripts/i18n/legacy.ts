/**
 * The catalogue's old placeholder syntax (`{name}` replaced by the parameter, everything else
 * literal) and its translation into ICU MessageFormat, where `{`, `}` and an apostrophe before them
 * are syntax and must be quoted.
 */

/** How the old `t()` filled a text: `{word}` from params, anything else left as it was. */
export function legacyInterpolate(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? params[name]! : m));
}

export function legacyPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

/** Characters after which an ASCII apostrophe would start ICU quoting (intl-messageformat's parser). */
const QUOTE_TRIGGER = new Set(["'", '{', '}', '<', '>', '#']);

/** The same text in ICU MessageFormat: placeholders kept, literal braces and risky apostrophes quoted. */
export function toIcu(text: string): string {
  let out = '';
  const parts = text.split(/(\{\w+\})/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      out += part;
      continue;
    }
    // Braces that are text (`{{figure:overdue body=CODE}}` in the statements' help) are quoted as a
    // whole, so the translator reads '{{figure:overdue body=CODE}}' rather than a brace at a time.
    const pieces = part.split(/(\{+[^{}']*\}+|[{}]+)/);
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (p % 2 === 1) {
        out += `'${piece}'`;
        continue;
      }
      for (let j = 0; j < piece.length; j++) {
        const next = j + 1 < piece.length ? piece[j + 1]! : p + 1 < pieces.length || i + 1 < parts.length ? '{' : '';
        out += piece[j] === "'" && QUOTE_TRIGGER.has(next) ? "''" : piece[j];
      }
    }
  }
  return out;
}
