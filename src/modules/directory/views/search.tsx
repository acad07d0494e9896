/** Search results: territories and bodies found by any part of a name. */
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Body, TerritorySummary } from '../queries.js';
import { BodyList } from './home.js';
import { levelLabel, Name, SearchForm, territoryUrl } from './parts.js';

export function SearchPage(p: {
  ctx: ViewContext;
  query: string;
  kind: string;
  territories: TerritorySummary[];
  bodies: Body[];
  today: string;
}) {
  const { t } = p.ctx;
  const title = p.query ? t('directory.search_results', { q: p.query }) : t('directory.search_label');
  return (
    <Layout ctx={p.ctx} title={title}>
      <nav aria-label={t('directory.breadcrumb')} class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
      </nav>
      <h1>{title}</h1>
      <SearchForm ctx={p.ctx} query={p.query} kind={p.kind} />
      {p.territories.length === 0 && p.bodies.length === 0 ? (
        <p role="status">{t('directory.no_results')}</p>
      ) : (
        <>
          {p.territories.length ? (
            <section aria-labelledby="h-territories">
              <h2 id="h-territories">{t('directory.territories')}</h2>
              <ul class="directory-list" id="territory-results">
                {p.territories.map((x) => (
                  <li>
                    <a href={territoryUrl(x.id)}>
                      <Name ctx={p.ctx} record={x} />
                    </a>{' '}
                    <span class="muted">{levelLabel(p.ctx, x.level)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {p.bodies.length ? (
            <section aria-labelledby="h-bodies" id="body-results">
              <h2 id="h-bodies">{t('directory.bodies')}</h2>
              <BodyList ctx={p.ctx} bodies={p.bodies} today={p.today} />
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}
