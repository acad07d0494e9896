/**
 * Administrators and owners may write redaction rules as regular expressions. JavaScript's regex
 * engine backtracks, so a pattern like `(a+)+$` can take exponential time and freeze the server for
 * every request (ReDoS). We REJECT such patterns before they are stored, by a static check, rather
 * than run them with a timer: a worker-thread time limit would still burn a core per attempt and
 * would make a rule's effect depend on machine load. Refused:
 *
 * - a quantified group that itself contains a quantifier (`(a+)+`, `(a*b?)*`, `(?:x{2,})+`);
 * - a quantified group containing alternation (`(a|aa)+`): overlapping alternatives backtrack too;
 * - back-references (`\1`, `\k<n>`) and lookbehind/lookahead (`(?=`, `(?<=`);
 * - patterns over 200 characters, or that do not compile, or that match the empty string.
 *
 * Every accepted rule then runs with its unbounded quantifiers capped ({@link boundQuantifiers}) on
 * bounded input (a published text is at most 200,000 characters), so no rule can stall a request.
 */

export type RegexProblem =
  'too_long' | 'invalid' | 'nested_quantifier' | 'backreference' | 'lookaround' | 'matches_empty';

export function checkRegex(pattern: string): RegexProblem | null {
  if (pattern.length === 0 || pattern.length > 200) return 'too_long';
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'gu');
  } catch {
    return 'invalid';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreference';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookaround';
  // Walk the groups: for each group, note whether it contains a quantifier or an alternation, and
  // whether the group itself is quantified.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip a character class
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      const next = pattern[i + 1];
      if (next && /[*+?{]/.test(next) && stack.length) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (c === '(') stack.push({ quantified: false, alternation: false });
    else if (c === '|' && stack.length) stack[stack.length - 1]!.alternation = true;
    else if (c === ')') {
      const g = stack.pop();
      const next = pattern[i + 1];
      const groupQuantified = !!next && /[*+{]/.test(next);
      if (g && groupQuantified && (g.quantified || g.alternation)) return 'nested_quantifier';
      if (g && stack.length && (g.quantified || groupQuantified)) stack[stack.length - 1]!.quantified = true;
    } else if (/[*+?{]/.test(c) && stack.length) stack[stack.length - 1]!.quantified = true;
  }
  if (re.test('')) return 'matches_empty';
  return null;
}

/** Longest run an unbounded quantifier of a rule may match (see {@link boundQuantifiers}). */
export const MAX_REPEAT = 100;

/**
 * Caps every unbounded quantifier of an accepted rule (`+` → `{1,100}`, `*` → `{0,100}`,
 * `{n,}` → `{n,100}`). Even without nested quantifiers, `[a-z]+\d` costs O(n²) on a long run of
 * letters (each start scans to the end); with the cap a rule costs at most O(n · 100) on any text.
 * Redacted phrases are never that long, so the cap does not change what a sensible rule hides.
 */
export function boundQuantifiers(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      for (; j < pattern.length && pattern[j] !== ']'; j++) if (pattern[j] === '\\') j++;
      out += pattern.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '+') out += `{1,${MAX_REPEAT}}`;
    else if (c === '*') out += `{0,${MAX_REPEAT}}`;
    else if (c === '{') {
      const m = /^\{(\d+),\}/.exec(pattern.slice(i));
      if (m) {
        out += `{${m[1]},${Math.max(MAX_REPEAT, Number(m[1]))}}`;
        i += m[0].length - 1;
      } else out += c;
    } else out += c;
  }
  return out;
}
