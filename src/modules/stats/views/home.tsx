/** The accountability home and the open-data (data and credits) page. */
import { pickText } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { DATASETS, DICTIONARY } from '../open-data.js';
import { Basis } from './card.js';

export function StatsHome({ ctx, updated }: { ctx: ViewContext; updated: string | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.title')}>
      <h1>{t('stats.title')}</h1>
      <p class="lead">{t('stats.lead')}</p>
      <Basis ctx={ctx} updated={updated} />
      <h2>{t('stats.links')}</h2>
      <ul class="cards">
        <li>
          <h3>
            <a href="/stats/league">{t('stats.league_title')}</a>
          </h3>
          <p>{t('stats.league_lead')}</p>
        </li>
        <li>
          <h3>
            <a href="/stats/map">{t('stats.map_title')}</a>
          </h3>
        </li>
        <li>
          <h3>
            <a href="/search">{t('publication.search_title')}</a>
          </h3>
          <p>{t('publication.search_lead')}</p>
        </li>
        <li>
          <h3>
            <a href="/data">{t('stats.data_title')}</a>
          </h3>
          <p>{t('stats.data_lead')}</p>
        </li>
      </ul>
      <form method="get" action="/directory/search" role="search">
        <div class="field">
          <label for="field-q">{t('stats.report_cards')}</label>
          <input id="field-q" name="q" type="search" />
        </div>
        <button type="submit">{t('publication.search_submit')}</button>
      </form>
    </Layout>
  );
}

export function DataPage({ ctx, attributions }: { ctx: ViewContext; attributions: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.data_title')}>
      <h1>{t('stats.data_title')}</h1>
      <p class="lead">{t('stats.data_lead')}</p>
      <p>{t('stats.licence')}</p>
      {DATASETS.map((ds) => (
        <section id={ds} aria-labelledby={`h-${ds}`}>
          <h2 id={`h-${ds}`}>{t(`stats.dataset.${ds}`)}</h2>
          <p>
            {t('stats.download')}: <a href={`/data/${ds}.csv`}>CSV</a> · <a href={`/data/${ds}.json`}>JSON</a>
          </p>
          <div class="table-wrap">
            <table>
              <caption>{t(`stats.dataset.${ds}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.field')}</th>
                  <th scope="col">{t('stats.meaning')}</th>
                </tr>
              </thead>
              <tbody>
                {DICTIONARY[ds].map(([f, m]) => (
                  <tr>
                    <th scope="row">
                      <code>{f}</code>
                    </th>
                    <td>{pickText(m, ctx.locale).text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <h2>{t('stats.feeds')}</h2>
      <p>{t('stats.feeds_text')}</p>
      <p>{t('stats.api')}</p>
      <h2 id="credits">{t('stats.credits')}</h2>
      {/* the attribution lines are quoted verbatim; long lines scroll inside their box on phones */}
      <div class="table-wrap">
        <pre lang="en" class="attribution">
          {attributions}
        </pre>
      </div>
    </Layout>
  );
}
