/** Display helpers shared by the case views (pure functions of their arguments). */
import type { Locale } from '../../../platform/i18n/locales.js';
import { pickText } from '../../../platform/i18n/translate.js';
import type { T } from '../../../platform/i18n/translate.js';
import type { Labels } from '../thesaurus/queries.js';
import type { DatePrecision } from '../tables.js';

/** A thesaurus label, or the code itself when the term is unknown (never an empty cell). */
export function lbl(labels: Labels, thesaurus: string, code: string | null | undefined): string {
  if (!code) return '';
  return labels[`${thesaurus}:${code}`] ?? code;
}

export function nameOf(
  r: { name_ky: string | null; name_ru: string | null; name_en: string | null } | undefined,
  locale: Locale,
): string {
  if (!r) return '';
  return pickText({ ky: r.name_ky ?? '', ru: r.name_ru ?? '', en: r.name_en ?? '' }, locale).text;
}

/** "14.03.2017", "March 2017", "2017", "spring 2017 (≈ 2017-03)" in the user's language. */
export function fuzzyText(
  t: T,
  locale: Locale,
  d: { date: string; precision: DatePrecision; label: string | null },
): string {
  const at = new Date(`${d.date}T12:00:00Z`);
  if (d.precision === 'exact')
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
  if (d.precision === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  if (d.precision === 'year') return d.date.slice(0, 4);
  return `${d.label ?? ''} (${t('cases.precision.approximate').toLocaleLowerCase(locale)}, ${d.date.slice(0, 7)})`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
