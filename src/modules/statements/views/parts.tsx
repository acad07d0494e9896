/** Small view pieces shared by the statement and event pages. Pure functions of their props. */
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../platform/i18n/locales.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { CSS_PATH } from '../styles.js';

/** Open Graph and description metadata, so links shared in messengers show a title and summary. */
export interface ShareMeta {
  title: string;
  description: string;
  url: string;
  type: 'article' | 'website';
  locale: Locale;
  publishedAt?: string;
  modifiedAt?: string;
}

const OG_LOCALE: Record<Locale, string> = { ky: 'ky_KG', ru: 'ru_RU', en: 'en_GB' };

export function StatementsLayout(props: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
  share?: ShareMeta;
  feeds?: { href: string; title: string }[];
}) {
  const s = props.share;
  const head = (
    <>
      {s ? (
        <>
          <meta name="description" content={s.description} />
          <meta property="og:title" content={s.title} />
          <meta property="og:description" content={s.description} />
          <meta property="og:type" content={s.type} />
          <meta property="og:url" content={s.url} />
          <meta property="og:locale" content={OG_LOCALE[s.locale]} />
          <meta property="og:site_name" content={props.ctx.t('app.name')} />
          {s.publishedAt ? <meta property="article:published_time" content={s.publishedAt} /> : null}
          {s.modifiedAt ? <meta property="article:modified_time" content={s.modifiedAt} /> : null}
          <meta name="twitter:card" content="summary" />
        </>
      ) : null}
      {(props.feeds ?? []).map((f) => (
        <link rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
      ))}
    </>
  );
  return (
    <Layout ctx={props.ctx} title={props.title} head={head}>
      <link rel="stylesheet" href={CSS_PATH} />
      <div class="statement-page">{props.children}</div>
    </Layout>
  );
}

/** Safe HTML produced by markdown.ts (raw HTML off), inserted as HTML. */
export function RenderedText({ html, lang }: { html: string; lang: string }) {
  return <div class="statement-text" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
