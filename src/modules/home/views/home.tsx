import { formatDate } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export function HomePage({ ctx, today }: { ctx: ViewContext; today: Date }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('app.name')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {ctx.user ? <p>{t('home.signed_in_as', { name: ctx.user.displayName })}</p> : null}
      <p class="muted">{t('home.today', { date: formatDate(ctx.locale, today) })}</p>
      <ul class="cards">
        <li>
          <h2>
            <a href="/appeals">{t('home.appeals')}</a>
          </h2>
          <p>{t('home.appeals_text')}</p>
        </li>
        <li>
          <h2>
            <a href="/cases">{t('home.cases')}</a>
          </h2>
          <p>{t('home.cases_text')}</p>
        </li>
        <li>
          <h2>
            <a href="/stats">{t('home.accountability')}</a>
          </h2>
          <p>{t('home.accountability_text')}</p>
        </li>
        <li>
          <h2>
            <a href="/consultations">{t('home.consultations')}</a>
          </h2>
          <p>{t('home.consultations_text')}</p>
        </li>
        <li>
          <h2>
            <a href="/report">{t('home.report')}</a>
          </h2>
          <p>{t('home.report_text')}</p>
        </li>
      </ul>
    </Layout>
  );
}
