/**
 * Which catalogue keys the code uses, read from the sources (no type checker: it must stay fast
 * enough for the unit lane). A key counts as used when it appears as a quoted string anywhere in
 * src/, or when a template literal whose static parts match it is passed to `t(…)`, given as an error's `message:`, or typed as a
 * message key (`t(\`appeals.kind.${kind}\`)`, `` `appeals.error.cannot.${event}` as const ``).
 */
import fs from 'node:fs';
import path from 'node:path';

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Template literals of a source text: their static parts and the text right before and after. */
function templates(text: string): { statics: string[]; before: string; after: string }[] {
  const out: { statics: string[]; before: string; after: string }[] = [];
  let i = 0;
  while ((i = text.indexOf('`', i)) !== -1) {
    const start = i;
    const statics: string[] = [];
    let current = '';
    i++;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') {
        current += text.slice(i, i + 2);
        i += 2;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        statics.push(current);
        current = '';
        let depth = 1;
        i += 2;
        while (i < text.length && depth > 0) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          i++;
        }
      } else current += text[i++];
    }
    statics.push(current);
    i++;
    out.push({ statics, before: text.slice(Math.max(0, start - 12), start), after: text.slice(i, i + 40) });
  }
  return out;
}

/**
 * A template is a message key when it is the first argument of t(), an error's `message:` or cast to
 * the key type; one cast `as const` may be a key (`appeals.error.cannot.${event}`) or not (a column).
 */
const KEY_CONTEXT_BEFORE = /(\bt\(|\bmessage:)\s*$/;
const KEY_CONTEXT_AFTER = /^\s*as\s+MessageKey\b/;
const MAYBE_KEY_AFTER = /^\s*as\s+const\b/;

/** `patterns` are certainly keys (each must match one); `maybePatterns` count only when they match. */
export type KeyUsage = { literals: Set<string>; patterns: RegExp[]; maybePatterns: RegExp[] };

export function scanUsage(files: string[]): KeyUsage {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  const maybePatterns: RegExp[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(['"`])([a-z][\w-]*(?:\.[\w-]+)+)\1/g)) literals.add(m[2]!);
    for (const tpl of templates(text)) {
      if (tpl.statics.length < 2) continue;
      const pattern = new RegExp(`^${tpl.statics.map(escapeRegExp).join('[\\w-]+')}$`);
      if (KEY_CONTEXT_BEFORE.test(tpl.before) || KEY_CONTEXT_AFTER.test(tpl.after)) patterns.push(pattern);
      else if (MAYBE_KEY_AFTER.test(tpl.after)) maybePatterns.push(pattern);
    }
  }
  return { literals, patterns, maybePatterns };
}

export function isUsed(key: string, usage: KeyUsage): boolean {
  return (
    usage.literals.has(key) || usage.patterns.some((p) => p.test(key)) || usage.maybePatterns.some((p) => p.test(key))
  );
}
