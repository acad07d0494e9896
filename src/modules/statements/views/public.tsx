/** Public statement pages: the list with the archive, one statement, the figure page. */
import type { Locale } from '../../../platform/i18n/locales.js';
import { formatDate, formatNumber } from '../../../platform/i18n/translate.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { StatementKind } from '../tables.js';
import { RenderedText, StatementsLayout, type ShareMeta } from './parts.js';

export interface ListItem {
  slug: string;
  kind: StatementKind;
  title: string;
  lang: Locale;
  summary: string;
  publishedAt: string;
}

export interface ArchiveNav {
  years: number[];
  tags: { tag: string; n: number }[];
}

function FeedLinks({ ctx }: { ctx: ViewContext }) {
  return (
    <section aria-labelledby="feeds-h">
      <h2 id="feeds-h">{ctx.t('statements.feeds')}</h2>
      <ul>
        {(['ky', 'ru', 'en'] as const).map((l) => (
          <li>
            <a href={`/statements/feed.${l}.atom`} hreflang={l}>
              {ctx.t('statements.feed_lang', { lang: ctx.t(`lang.${l}`) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const statementFeeds = (ctx: ViewContext) =>
  (['ky', 'ru', 'en'] as const).map((l) => ({
    href: `/statements/feed.${l}.atom`,
    title: ctx.t('statements.feed_title', { lang: ctx.t(`lang.${l}`) }),
  }));

export function ListPage({
  ctx,
  heading,
  items,
  nav,
  canManage,
}: {
  ctx: ViewContext;
  heading: string;
  items: ListItem[];
  nav: ArchiveNav;
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={heading} feeds={statementFeeds(ctx)}>
      <h1>{heading}</h1>
      <p class="lead">{t('statements.intro')}</p>
      {canManage ? (
        <p>
          <a href="/statements/manage">{t('statements.manage')}</a> · <a href="/events/manage">{t('events.manage')}</a>
        </p>
      ) : null}
      <p>
        <a href="/events">{t('events.title')}</a>
      </p>
      {items.length === 0 ? <p>{t('statements.none')}</p> : null}
      <ul class="cards">
        {items.map((s) => (
          <li>
            <h2>
              <a href={`/statements/${s.slug}`} lang={s.lang}>
                {s.title}
              </a>
            </h2>
            <p class="muted">
              {t(`statements.kind.${s.kind}`)} ·{' '}
              {t('statements.published_on', { date: formatDate(ctx.locale, s.publishedAt) })}
            </p>
            {s.summary ? <p lang={s.lang}>{s.summary}</p> : null}
          </li>
        ))}
      </ul>
      <nav aria-labelledby="archive-h">
        <h2 id="archive-h">{t('statements.archive')}</h2>
        <ul>
          {nav.years.map((y) => (
            <li>
              <a href={`/statements/archive/${y}`}>{y}</a>
            </li>
          ))}
        </ul>
        {nav.tags.length ? (
          <>
            <h3>{t('statements.tags')}</h3>
            <p class="tags">
              {nav.tags.map((x) => (
                <a href={`/statements/tags/${encodeURIComponent(x.tag)}`}>
                  {x.tag} ({formatNumber(ctx.locale, x.n)})
                </a>
              ))}
            </p>
          </>
        ) : null}
      </nav>
      <FeedLinks ctx={ctx} />
    </StatementsLayout>
  );
}

export interface StatementView {
  slug: string;
  kind: StatementKind;
  title: string;
  /** the language of the text shown, and the one the reader asked for */
  lang: Locale;
  wanted: Locale;
  html: string;
  publishedAt: string | null;
  tags: string[];
  corrections: { date: string; note: string }[];
  languages: Locale[];
  /** where the other-language links go (the public page, or the editor's preview) */
  langBase: string;
}

export function StatementPage({
  ctx,
  statement: s,
  share,
  preview,
}: {
  ctx: ViewContext;
  statement: StatementView;
  share?: ShareMeta;
  preview?: boolean;
}) {
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={s.title} share={share} feeds={statementFeeds(ctx)}>
      {preview ? (
        <p class="preview-banner" role="note">
          {t('statements.preview_note')}
        </p>
      ) : null}
      <article lang={s.lang}>
        <p class="muted" lang={ctx.locale}>
          {t(`statements.kind.${s.kind}`)}
          {s.publishedAt ? (
            <> · {t('statements.published_on', { date: formatDate(ctx.locale, s.publishedAt) })}</>
          ) : null}
        </p>
        <h1>{s.title}</h1>
        {s.lang !== s.wanted ? (
          <p class="translation-note" role="note" lang={ctx.locale}>
            {t('statements.missing_translation', { wanted: t(`lang.${s.wanted}`), shown: t(`lang.${s.lang}`) })}
          </p>
        ) : null}
        <RenderedText html={s.html} lang={s.lang} />
      </article>
      {s.corrections.length ? (
        <section class="corrections" aria-labelledby="corrections-h">
          <h2 id="corrections-h">{t('statements.corrections')}</h2>
          <ul>
            {s.corrections.map((c) => (
              <li>{t('statements.corrected_on', { date: formatDate(ctx.locale, c.date), note: c.note })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.languages.filter((l) => l !== s.lang).length ? (
        <p>
          {t('statements.other_languages')}{' '}
          {s.languages
            .filter((l) => l !== s.lang)
            .map((l) => (
              <>
                <a href={`${s.langBase}?lang=${l}`} hreflang={l} lang={l}>
                  {t(`lang.${l}`)}
                </a>{' '}
              </>
            ))}
        </p>
      ) : null}
      {s.tags.length ? (
        <p class="tags">
          {t('statements.tags')}:{' '}
          {s.tags.map((x) => (
            <a href={`/statements/tags/${encodeURIComponent(x)}`}>{x}</a>
          ))}
        </p>
      ) : null}
      <p>
        <a href="/statements">{t('statements.title')}</a>
      </p>
    </StatementsLayout>
  );
}

/** The source page of a `cases` figure: its value and exact definition. */
export function CasesFigurePage({
  ctx,
  violation,
  from,
  to,
  valueHtml,
  min,
}: {
  ctx: ViewContext;
  violation: string;
  from: string;
  to: string;
  valueHtml: string;
  min: number;
}) {
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={t('statements.figure_page_title')}>
      <h1>{t('statements.figure_page_title')}</h1>
      <p>
        {t('statements.figure_cases_definition', {
          violation,
          from: formatDate(ctx.locale, from),
          to: formatDate(ctx.locale, to),
          min,
        })}
      </p>
      <p>
        {t('statements.figure_value')}: <span dangerouslySetInnerHTML={{ __html: valueHtml }} />
      </p>
    </StatementsLayout>
  );
}
