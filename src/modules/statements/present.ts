/**
 * Turns stored rows into what the public views show (language choice with visible fallback, rendered
 * text with its figures, corrections, sharing metadata). Shared by the public page, the preview and
 * the feeds, so the editor's preview is exactly what the public will see.
 */
import type { Executor } from '../../platform/db/database.js';
import { isLocale, type Locale } from '../../platform/i18n/locales.js';
import { translator, type T } from '../../platform/i18n/translate.js';
import { frozenFigures, resolveEmbeds } from './embeds/embeds.js';
import { plainText, renderStatementHtml } from './markdown.js';
import { languagesOf, listVersions, textsOf, type StatementRow } from './queries.js';
import type { StatementView } from './views/public.js';

/** The language to show: the one asked for (?lang=), else the reader's, else the first written. */
export function chooseLanguage(available: Locale[], asked: unknown, locale: Locale): { lang: Locale; wanted: Locale } {
  const wanted = isLocale(asked) ? asked : locale;
  if (available.includes(wanted)) return { lang: wanted, wanted };
  const order: Locale[] = [locale, 'ky', 'ru', 'en'];
  return { lang: order.find((l) => available.includes(l)) ?? available[0] ?? wanted, wanted };
}

export interface Presented {
  view: StatementView;
  description: string;
}

export async function presentStatement(
  db: Executor,
  s: StatementRow,
  p: { t: T; locale: Locale; asked: unknown; now: Date; preview: boolean; published: boolean },
): Promise<Presented> {
  const available = languagesOf(s);
  const texts = textsOf(s);
  // A draft may have a language with a title only; the preview still shows what is there.
  const { lang, wanted } = chooseLanguage(
    available.length ? available : (['ky', 'ru', 'en'] as Locale[]).filter((l) => s[`title_${l}`]),
    p.asked,
    p.locale,
  );
  const text = texts[lang] ?? {
    title: s[`title_${lang}`] ?? '',
    summary: s[`summary_${lang}`] ?? '',
    body: s[`body_${lang}`] ?? '',
  };
  const embeds = await resolveEmbeds(db, [text.body, text.summary], {
    now: p.now,
    frozen: await frozenFigures(db, s.id),
    published: p.published,
  });
  // Figures sit inside the text, so their words are in the text's language, not the interface's.
  const env = { embeds, t: translator(lang), locale: lang, preview: p.preview };
  const versions = await listVersions(db, s.id);
  const plain = plainText(text.summary || text.body, env)
    .replace(/[#*_>`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    view: {
      slug: s.slug,
      kind: s.kind,
      title: text.title,
      lang,
      wanted,
      html: renderStatementHtml(text.body, env),
      publishedAt: s.published_at,
      tags: s.tags ? s.tags.split(', ').filter(Boolean) : [],
      corrections: versions
        .filter((v) => v.number > 1 && v.correction_note)
        .map((v) => ({ date: v.created_at, note: v.correction_note! })),
      languages: available,
      langBase: p.preview ? `/statements/manage/${s.id}/preview` : `/statements/${s.slug}`,
    },
    description: plain.length > 200 ? `${plain.slice(0, 199)}…` : plain,
  };
}
