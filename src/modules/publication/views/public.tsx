/** Public pages: search with facets and snippets, and one published appeal. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatDate, pickText } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { PublishedAppeal } from '../queries.js';
import type { SearchFilters, SearchResult, SnippetPart } from '../search.js';
import { statusGroup, WINDOW } from '../search.js';

type Named = { name_ky: string | null; name_ru: string | null; name_en: string | null };
const nameOf = (ctx: ViewContext, n: Named | undefined) =>
  n
    ? pickText({ ky: n.name_ky ?? undefined, ru: n.name_ru ?? undefined, en: n.name_en ?? undefined }, ctx.locale).text
    : '';

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>;
}

function qs(q: string, f: SearchFilters, over: Record<string, string | number | undefined>): string {
  const all: Record<string, string | number | undefined> = {
    q,
    body: f.body,
    kind: f.kind,
    status: f.status,
    territory: f.territory,
    year: f.year,
    ...over,
  };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `/search?${p.toString()}`;
}

export function SearchPage(p: {
  ctx: ViewContext;
  query: string;
  filters: SearchFilters;
  result: SearchResult | null;
  error: MessageKey | null;
  errorParams?: Record<string, string | number>;
  bodyNames: Map<number, Named>;
  territoryNames: Map<number, Named>;
}) {
  const { ctx, result: r, filters: f } = p;
  const { t } = ctx;
  const facetLabel = (name: string, value: string): string => {
    if (name === 'body') return nameOf(ctx, p.bodyNames.get(Number(value))) || value;
    if (name === 'territory') return nameOf(ctx, p.territoryNames.get(Number(value))) || value;
    if (name === 'kind') return t(`appeals.kind.${value}` as MessageKey);
    if (name === 'status') return t(`publication.status.${value}` as MessageKey);
    return value;
  };
  return (
    <Layout ctx={ctx} title={t('publication.search_title')}>
      <h1>{t('publication.search_title')}</h1>
      <p>{t('publication.search_lead')}</p>
      <form method="get" action="/search" role="search">
        <div class={p.error ? 'field field-error' : 'field'}>
          <label for="field-q">{t('publication.search_q')}</label>
          {p.error ? (
            <p class="error" id="field-q-error" role="alert">
              {t(p.error, p.errorParams)}
            </p>
          ) : null}
          <input
            id="field-q"
            name="q"
            type="search"
            value={p.query}
            aria-describedby={p.error ? 'field-q-error' : undefined}
            aria-invalid={p.error ? true : undefined}
          />
        </div>
        <button type="submit">{t('publication.search_submit')}</button>
      </form>
      {r ? (
        <>
          {r.bodies.length ? (
            <section aria-labelledby="h-bodies">
              <h2 id="h-bodies">{t('publication.search_bodies')}</h2>
              <ul>
                {r.bodies.map((b) => (
                  <li>
                    <a href={`/stats/bodies/${b.id}`}>{nameOf(ctx, b)}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <h2 id="h-results">
            {r.total
              ? t(r.more ? 'publication.search_results_more' : 'publication.search_results', { n: r.total })
              : t('publication.search_none')}
          </h2>
          {r.more ? <p class="muted">{t('publication.search_window', { n: WINDOW })}</p> : null}
          <p>
            <a href={`/feeds/search.atom?q=${encodeURIComponent(p.query)}`}>{t('publication.feed')}</a>
          </p>
          <nav aria-label={t('publication.filters')} class="facets">
            {(['body', 'kind', 'status', 'territory', 'year'] as const).map((name) =>
              r.facets[name].length ? (
                <div>
                  <h3>{t(`publication.facet.${name}`)}</h3>
                  <ul>
                    {f[name] !== undefined ? (
                      <li>
                        <a href={qs(p.query, f, { [name]: undefined, page: undefined })}>
                          {t('publication.filter_all')}
                        </a>
                      </li>
                    ) : null}
                    {r.facets[name].map((x) => (
                      <li>
                        <a
                          href={qs(p.query, f, { [name]: x.value })}
                          aria-current={String(f[name]) === x.value ? 'true' : undefined}
                        >
                          {facetLabel(name, x.value)}
                        </a>{' '}
                        ({x.count})
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          </nav>
          <ol class="results">
            {r.hits.map((h) => (
              <li>
                <h3>
                  <a href={`/published/${h.appealId}`}>{h.title}</a>
                </h3>
                <p class="muted">
                  {t(`publication.doc.${h.docType}`)} · {nameOf(ctx, p.bodyNames.get(h.bodyId))} ·{' '}
                  {t(`appeals.kind.${h.kind}` as MessageKey)} · {t(`publication.status.${h.status}`)} · {h.year}
                </p>
                <p>
                  <Snippet parts={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
          {r.pages > 1 ? (
            <nav aria-label={t('publication.page', { page: r.page, pages: r.pages })} class="pager">
              {r.page > 1 ? <a href={qs(p.query, f, { page: r.page - 1 })}>{t('publication.prev')}</a> : null}{' '}
              <span>{t('publication.page', { page: r.page, pages: r.pages })}</span>{' '}
              {r.page < r.pages ? <a href={qs(p.query, f, { page: r.page + 1 })}>{t('publication.next')}</a> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

export function PublicAppealPage(p: {
  ctx: ViewContext;
  appeal: PublishedAppeal;
  events: { event_id: number; kind: string; on_date: string; text: string | null }[];
  files: { file_id: number; name: string; text: string | null; original_safe: number; recognised: number }[];
}) {
  const { ctx, appeal: a } = p;
  const { t } = ctx;
  const date = (d: string | null) => (d ? formatDate(ctx.locale, d) : '—');
  return (
    <Layout ctx={ctx} title={a.subject || t('publication.public_title')}>
      <p class="muted">{t('publication.public_title')}</p>
      <h1>{a.subject}</h1>
      <p class="note">{t('publication.public_note')}</p>
      <dl>
        <dt>{t('publication.to_body')}</dt>
        <dd>
          <a href={`/stats/bodies/${a.body_id}`}>{nameOf(ctx, a)}</a>
        </dd>
        <dt>{t('publication.kind')}</dt>
        <dd>{t(`appeals.kind.${a.kind}` as MessageKey)}</dd>
        <dt>{t('publication.facet.status')}</dt>
        <dd>{t(`publication.status.${statusGroup(a.state)}`)}</dd>
        <dt>{t('publication.received_on')}</dt>
        <dd>{date(a.received_on)}</dd>
        <dt>{t('publication.due')}</dt>
        <dd>{date(a.due_date)}</dd>
        <dt>{t('publication.answered_on')}</dt>
        <dd>{date(a.answered_on)}</dd>
        <dt>{t('publication.published_on')}</dt>
        <dd>{date(a.published_at)}</dd>
      </dl>
      <h2>{t('publication.text')}</h2>
      <div class="letter">
        {a.text ? a.text.split(/\n{2,}/).map((para) => <p>{para}</p>) : <p>{t('publication.no_text')}</p>}
      </div>
      <h2>{t('publication.timeline')}</h2>
      <ol class="timeline">
        {p.events.map((e) => (
          <li>
            <strong>{t(`publication.event.${e.kind}` as MessageKey)}</strong> · {date(e.on_date)}
            {e.text ? (
              <div class="letter">
                {e.text.split(/\n{2,}/).map((para) => (
                  <p>{para}</p>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {p.files.length ? (
        <>
          <h2>{t('publication.documents')}</h2>
          <ul>
            {p.files.map((f) => (
              <li>
                <strong>{f.name}</strong>
                {f.original_safe ? (
                  <>
                    {' '}
                    · <a href={`/published/${a.id}/files/${f.file_id}`}>{t('publication.download_original')}</a>
                  </>
                ) : null}
                {f.text ? (
                  <details>
                    <summary>{t('publication.text')}</summary>
                    {f.recognised ? <p class="hint">{t('publication.recognised_public')}</p> : null}
                    <div class="letter">
                      {f.text.split(/\n{2,}/).map((para) => (
                        <p>{para}</p>
                      ))}
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/feeds/bodies/${a.body_id}.atom`}>{t('publication.feed')}</a>
      </p>
    </Layout>
  );
}
