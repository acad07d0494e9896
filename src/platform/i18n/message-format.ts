/**
 * ICU MessageFormat for the catalogues in `locales/*.json`, rendered by FormatJS's intl-messageformat
 * (a maintained library; plural categories come from the runtime's `Intl.PluralRules`, which knows
 * Kyrgyz, Russian and English). Each message is parsed once, on first use, and kept.
 *
 * Two deliberate differences from a plain `new IntlMessageFormat(text).format(params)`:
 * - a parameter the caller did not pass stays visible as `{name}` instead of throwing, so a missing
 *   value shows up on the page (and in tests) rather than as a 500 (a plural on it takes `other`);
 * - numbers print without digit grouping (`2026`, `10000`), in `{n}` as in a plural's `#`, as they
 *   always have on these pages: years, ids and limits read the same everywhere.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export type Params = Record<string, string | number>;
export type Formatter = (params?: Params) => string;

/** Tags are not markup here: `<` in a message is a character (pages escape what `t()` returns). */
export const PARSE_OPTIONS = { ignoreTag: true, requiresOtherClause: true } as const;

/** Parses a message; throws a SyntaxError naming the problem when it is not valid ICU MessageFormat. */
export function parseMessage(text: string): MessageFormatElement[] {
  return parse(text, PARSE_OPTIONS);
}

/** Every argument name a message uses, with how it is used (`argument`, `plural`, `select`, …). */
export function argumentsOf(ast: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const el of ast) {
    switch (el.type) {
      case TYPE.literal:
      case TYPE.pound:
        break;
      case TYPE.tag:
        argumentsOf(el.children, out);
        break;
      case TYPE.plural:
      case TYPE.select:
        if (!out.has(el.value) || out.get(el.value) === 'argument')
          out.set(el.value, el.type === TYPE.plural ? 'plural' : 'select');
        for (const option of Object.values(el.options)) argumentsOf(option.value, out);
        break;
      default:
        if (!out.has(el.value)) out.set(el.value, TYPE[el.type]);
    }
  }
  return out;
}

// Intl formatters are costly to make and cheap to use: one per language and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  kind: string,
  locales: unknown,
  opts: unknown,
  make: () => F,
): F {
  const key = `${kind}|${JSON.stringify(locales)}|${JSON.stringify(opts ?? {})}`;
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}
const FORMATTERS: Formatters = {
  getNumberFormat: (locales, opts) =>
    cached(
      'n',
      locales,
      opts,
      () => new Intl.NumberFormat(locales, { useGrouping: false, ...(opts as Intl.NumberFormatOptions | undefined) }),
    ),
  getDateTimeFormat: (locales, opts) => cached('d', locales, opts, () => new Intl.DateTimeFormat(locales, opts)),
  getPluralRules: (locales, opts) => cached('p', locales, opts, () => new Intl.PluralRules(locales, opts)),
};

/** Text without any ICU syntax is returned as it is, without building a formatter. */
const PLAIN = /^[^{}']*$/;

/** A formatter for one message in one language. */
export function compileMessage(locale: string, text: string): Formatter {
  if (PLAIN.test(text)) return () => text;
  const ast = parseMessage(text);
  const format = new IntlMessageFormat(ast, locale, undefined, { formatters: FORMATTERS });
  const names = [...argumentsOf(ast).keys()];
  // Most messages are text and `{name}`s only: joined directly, ten times faster than the library
  // (a league table of 582 bodies asks for a few thousand of them per page).
  if (ast.every((el) => el.type === TYPE.literal || el.type === TYPE.argument)) {
    const parts = ast.map((el) => (el.type === TYPE.literal ? { text: el.value } : { name: el.value }));
    return (params) => {
      let out = '';
      for (const part of parts) {
        if ('text' in part) out += part.text;
        else {
          const v = params?.[part.name];
          out += v === undefined ? `{${part.name}}` : String(v);
        }
      }
      return out;
    };
  }
  if (names.length === 0) {
    const fixed = String(format.format());
    return () => fixed;
  }
  return (params) => {
    // Plain arguments print numbers verbatim (String), plural and select read them as they are.
    if (params && names.every((n) => params[n] !== undefined)) return String(format.format(params));
    return withMissing(ast, locale, params ?? {}, null);
  };
}

/**
 * Renders a message some of whose arguments were not passed (a bug, or a test of one): each missing
 * one shows as `{name}`, a plural or select on it takes its `other` branch, `#` shows `{name}` too.
 */
function withMissing(
  els: MessageFormatElement[],
  locale: string,
  params: Params,
  pound: { name: string; value: number | undefined } | null,
): string {
  let out = '';
  for (const el of els) {
    if (el.type === TYPE.literal) out += el.value;
    else if (el.type === TYPE.pound)
      out += pound?.value === undefined ? `{${pound?.name ?? '#'}}` : String(pound.value);
    else if (el.type === TYPE.tag) out += withMissing(el.children, locale, params, pound);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      const v = params[el.value];
      let option = el.options.other!;
      if (v !== undefined && el.type === TYPE.select) option = el.options[String(v)] ?? option;
      if (v !== undefined && el.type === TYPE.plural)
        option =
          el.options[`=${v}`] ??
          el.options[new Intl.PluralRules(locale, { type: el.pluralType }).select(Number(v) - el.offset)] ??
          option;
      const next =
        el.type === TYPE.plural
          ? { name: el.value, value: v === undefined ? undefined : Number(v) - el.offset }
          : pound;
      out += withMissing(option.value, locale, params, next);
    } else {
      const v = params[el.value];
      out += v === undefined ? `{${el.value}}` : String(v);
    }
  }
  return out;
}
