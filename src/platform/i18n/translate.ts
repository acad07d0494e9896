/**
 * `t(key, params)`: the one way user-facing text is produced. Messages are ICU MessageFormat
 * (`{name}`, `{count, plural, one {…} other {…}}`, `{form, select, …}`) in `locales/<lang>.json`.
 * Dates and numbers are formatted per language with Intl (Node ships full ICU, including Kyrgyz).
 */
import { catalog, type MessageKey } from './catalog.js';
import { compileMessage, type Formatter, type Params } from './message-format.js';
import type { Locale, Trilingual } from './locales.js';

export type { Params };
export type T = (key: MessageKey, params?: Params) => string;

// Parsed once per language and key, on first use; a catalogue of 1,600 messages stays small.
const compiled: Record<Locale, Map<string, Formatter>> = { ky: new Map(), ru: new Map(), en: new Map() };

function formatter(locale: Locale, key: string): Formatter {
  let f = compiled[locale].get(key);
  if (!f) {
    const text = catalog[locale][key];
    f = text === undefined ? () => key : compileMessage(locale, text);
    compiled[locale].set(key, f);
  }
  return f;
}

export function translator(locale: Locale): T {
  return (key, params) => formatter(locale, key)(params);
}

/** Picks a record's text in the user's language, falling back visibly (see `pickText`). */
export function pickText(text: Partial<Trilingual>, locale: Locale): { text: string; lang: Locale; fallback: boolean } {
  const order: Locale[] = [locale, ...(['ky', 'ru', 'en'] as Locale[]).filter((l) => l !== locale)];
  for (const lang of order) {
    const v = text[lang];
    if (v) return { text: v, lang, fallback: lang !== locale };
  }
  return { text: '', lang: locale, fallback: true };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, opts: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${locale}:${key}`;
  let f = dateFormats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Bishkek', ...opts });
    dateFormats.set(k, f);
  }
  return f;
}

/** A calendar date ('YYYY-MM-DD') or timestamp as a long date in the user's language. */
export function formatDate(locale: Locale, value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return fmt(locale, { dateStyle: 'long' }, 'date').format(d);
}

/** A timestamp with time of day, in Bishkek time (UTC+6). */
export function formatDateTime(locale: Locale, value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return fmt(locale, { dateStyle: 'medium', timeStyle: 'short' }, 'datetime').format(d);
}

// Making an Intl.NumberFormat costs far more than using one (a league table of 582 bodies formats
// thousands of numbers: 300 ms a page with a new formatter per number): kept per locale and options
// object, so pass options as a module constant (PERCENT below), not a new literal per call.
const numberFormats = new WeakMap<object, Map<Locale, Intl.NumberFormat>>();
const NO_OPTIONS: Intl.NumberFormatOptions = {};
export const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };

export function formatNumber(locale: Locale, n: number, opts: Intl.NumberFormatOptions = NO_OPTIONS): string {
  let byLocale = numberFormats.get(opts);
  if (!byLocale) numberFormats.set(opts, (byLocale = new Map()));
  let f = byLocale.get(locale);
  if (!f) byLocale.set(locale, (f = new Intl.NumberFormat(locale, opts)));
  return f.format(n);
}
