/** The three interface languages. Kyrgyz is the state language and the default. */
export const LOCALES = ['ky', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ky';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** A text in every language: the shape of each translatable record field (statements, rules, …). */
export type Trilingual = Record<Locale, string>;

/** Picks the language from the user's choice (cookie or profile), else Accept-Language, else Kyrgyz. */
export function negotiateLocale(chosen: string | null | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { lang } of ranked) if (isLocale(lang)) return lang;
  }
  return DEFAULT_LOCALE;
}
