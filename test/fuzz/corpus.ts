/**
 * What the fuzz suites throw at the server (issue #10 part 3): strings in every script people in
 * Kyrgyzstan and elsewhere type, huge and empty values, numbers and dates at their limits, and the
 * classic attack corpora (XSS, SQL, FTS query syntax, path traversal, header injection). Every XSS
 * payload carries the marker 7331 so a response can be searched for it.
 */
import fc from 'fast-check';

/** XSS payloads: tags, attribute breakouts, URLs with script schemes, template syntax. */
export const XSS = [
  '<script>alert(7331)</script>',
  '"><img src=x onerror=alert(7331)>',
  "'><svg onload=alert(7331)>",
  '</title><script>alert(7331)</script>',
  '</textarea><script>alert(7331)</script>',
  '" autofocus onfocus="alert(7331)',
  "' onmouseover='alert(7331)",
  'javascript:alert(7331)',
  ' JaVaScRiPt:alert(7331)',
  'data:text/html,<script>alert(7331)</script>',
  '<iframe src="javascript:alert(7331)"></iframe>',
  '<a href="javascript:alert(7331)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(7331)>',
  '<base href="//evil.example/7331">',
  '<meta http-equiv="refresh" content="0;url=//evil.example/7331">',
  '{{constructor.constructor("alert(7331)")()}}',
  '${alert(7331)}',
  '<!--<img src="--><img src=x onerror=alert(7331)//">',
  '<scr<script>ipt>alert(7331)</script>',
  '&lt;script&gt;alert(7331)&lt;/script&gt;',
  '[x](javascript:alert(7331))',
  '![x](x" onerror="alert(7331))',
  '<details open ontoggle=alert(7331)>',
  '\u003cscript\u003ealert(7331)\u003c/script\u003e',
];

/** SQL payloads (everything goes through the query builder; these must stay plain text). */
export const SQL = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE user; --",
  '1; DELETE FROM audit_event',
  '1 UNION SELECT password_hash FROM user --',
  "admin'--",
  "') OR ('a'='a",
  '1)) OR sleep(5)#',
  "'||pg_sleep(5)||'",
  "\\'; select 1; --",
  '%27%20OR%201=1',
  '1 AND 1=CAST((SELECT version()) AS int)',
  "x' COLLATE NOCASE --",
];

/** Full-text query syntax of SQLite FTS5 and PostgreSQL tsquery, plus LIKE wildcards. */
export const FTS = [
  '"',
  '""',
  '"unbalanced',
  '*',
  '**',
  'a*',
  '^start',
  'NEAR(a b, 2)',
  'NEAR(',
  'a AND',
  'OR',
  'NOT',
  'a OR OR b',
  '(a',
  ')',
  '-',
  '--',
  '+a -b',
  'col:val',
  'name_ru:x',
  '{a b}',
  'a & b | !c',
  'a <-> b',
  "a:* & 'b'",
  '!!',
  '&',
  '|',
  ':',
  '%',
  '_',
  '\\',
  '100%_\\',
  'и',
  'не',
  'жана',
  'the',
];

/** Path traversal, file names and URL tricks. */
export const TRAVERSAL = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%252e%252e%252f',
  '..%c0%af..%c0%afetc/passwd',
  '/etc/passwd',
  'C:\\boot.ini',
  'file:///etc/passwd',
  '\\\\evil.example\\share',
  '//evil.example/',
  'https://evil.example/',
  '/\\evil.example',
  'a\u0000b',
  '.',
  '..',
  '~',
  'CON',
  'NUL.txt',
];

/** Header and mail-header injection (CR/LF, encoded forms). */
export const HEADER_INJECTION = [
  'a\r\nX-Fuzz-Injected: 1',
  'a\nX-Fuzz-Injected: 1',
  'a\rX-Fuzz-Injected: 1',
  'a%0d%0aX-Fuzz-Injected:%201',
  'victim@example.org\r\nBcc: everyone@example.org',
  'x@example.org\nSubject: injected',
  '=?utf-8?b?PHNjcmlwdD4=?=',
  'a\u2028b\u2029c',
  '\u0085next line',
];

/** Text in the scripts Achyk's users write, and Unicode that breaks naive code. */
export const SCRIPTS = [
  'Ысык-Көл облусу, Түп району',
  'Өкмөт, ңүө ӨҢҮ',
  'Министерство юстиции Кыргызской Республики',
  'ёлка Ёж',
  'Jalal-Abad oblusu, Ö ü',
  'Oʻzbekiston',
  'ئۇيغۇرچە',
  'العربية',
  'עברית',
  '中文 漢字',
  '日本語のテキスト',
  '한국어',
  'हिन्दी',
  'ไทย',
  'Ελληνικά',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301',
  'Z̸̢̛̛̖̯͉̻̆a̴̡̘̙͍̋l̴̨̜̫̊g̶͔̓ȍ̴̭',
  '\u202eexe.fdp',
  '\u200b\u200c\u200d\ufeff',
  '\u0000',
  '\u0001\u0002\u001b[31m',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufffe',
  '\t\n\r ',
  '   ',
  'ﬁ ß İ ı',
];

/** Numbers and dates at their limits, as strings (forms carry only strings). */
export const NUMBERS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '9007199254740993',
  '99999999999999999999',
  '2147483648',
  ' 1',
  '1 ',
  '１２',
  '٣',
  '+1',
  '00001',
];
export const DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '2026-2-3',
  '2026-03-02T00:00:00Z',
  '02.03.2026',
  '2026/03/02',
  '20260302',
  '-2026-03-02',
  '+020026-03-02',
];

/** Every corpus entry in one list (for "any known payload"). */
export const ALL_PAYLOADS = [
  ...XSS,
  ...SQL,
  ...FTS,
  ...TRAVERSAL,
  ...HEADER_INJECTION,
  ...SCRIPTS,
  ...NUMBERS,
  ...DATES,
];

/** Unknown keys: prototype pollution, framework-internal names, privilege fields. */
export const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'role',
  'is_admin',
  'id',
  'user_id',
  'status',
  'zz_unknown',
  'a[b]',
  'a.b',
  '',
  ' ',
  '_csrf2',
  'ROLE',
  '\u0000',
  'ключ',
];

/**
 * Any string a hostile or careless client may send: mostly corpus entries and short arbitrary Unicode,
 * sometimes huge (a long run of a corpus entry, up to ~200 KB: the body limit is tested on its own).
 */
export function anyText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...ALL_PAYLOADS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...XSS, ...SCRIPTS, 'x', 'ж'), fc.integer({ min: 100, max: 20_000 }))
        .map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length)))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...ALL_PAYLOADS), fc.constantFrom(...ALL_PAYLOADS))
        .map(([a, b]) => `${a}${b}`),
    },
  );
}

/** A value for a path parameter: real ids of the fixture world, and everything an id must not be. */
export function anyPathParam(real: string[]): fc.Arbitrary<string> {
  const junk = [
    '0',
    '-1',
    '1.5',
    '1e3',
    '99999999999999999999',
    '2147483648',
    'abc',
    '%00',
    '%2e%2e',
    '..',
    '%2F',
    'null',
    'undefined',
    '[]',
    '%3Cscript%3E',
    '%E2%80%AE',
    '%FF',
    '%',
    ' ',
    'NaN',
  ];
  return fc.oneof(
    { weight: 3, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('1') },
    { weight: 2, arbitrary: fc.constantFrom(...junk) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).map(String) },
    { weight: 1, arbitrary: anyText().map((s) => percentEncode(s.slice(0, 200))) },
  );
}

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates included, as U+FFFD). */
export function percentEncode(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
