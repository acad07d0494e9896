/** A body's report card: headline figures, by kind, outcomes, refusal reasons, monthly trend. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { MIN_SAMPLE } from '../figures.js';
import type { ReportCard } from '../queries.js';
import { TrendChart } from './charts.js';
import { CountsTable, days, kindLabel, outcomeLabel, KindField, PeriodFields, rateText, reasonLabel } from './parts.js';

export function Basis({ ctx, updated }: { ctx: ViewContext; updated: string | null }) {
  return (
    <div class="note">
      <p>{ctx.t('stats.basis')}</p>
      <p>{ctx.t('stats.method', { min: MIN_SAMPLE })}</p>
      {updated ? <p class="muted">{ctx.t('stats.updated', { date: formatDateTime(ctx.locale, updated) })}</p> : null}
    </div>
  );
}

export function ReportCardPage(p: {
  ctx: ViewContext;
  bodyId: number;
  bodyName: string;
  card: ReportCard | null;
  from: string;
  to: string;
  kind: string;
  error: MessageKey | null;
  updated: string | null;
}) {
  const { ctx, card } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.card_title', { body: p.bodyName })}>
      <h1>{t('stats.card_title', { body: p.bodyName })}</h1>
      <p>
        <a href={`/directory/bodies/${p.bodyId}`}>{p.bodyName}</a> ·{' '}
        <a href={`/search?body=${p.bodyId}`}>{t('stats.published_link')}</a> ·{' '}
        <a href={`/feeds/bodies/${p.bodyId}.atom`}>{t('publication.feed')}</a>
      </p>
      <Basis ctx={ctx} updated={p.updated} />
      <form method="get" action={`/stats/bodies/${p.bodyId}`} class="filters">
        <PeriodFields ctx={ctx} from={p.from} to={p.to} error={p.error} />
        <KindField ctx={ctx} kind={p.kind} />
        <button type="submit">{t('stats.show')}</button>
      </form>
      {card ? <CardBody ctx={ctx} card={card} /> : null}
    </Layout>
  );
}

function CardBody({ ctx, card }: { ctx: ViewContext; card: ReportCard }) {
  const { t } = ctx;
  const f = card.figures;
  return (
    <>
      <dl class="figures">
        <dt>{t('stats.received')}</dt>
        <dd>{f.received}</dd>
        <dt>{t('stats.answered')}</dt>
        <dd>{f.answered}</dd>
        <dt>{t('stats.on_time_rate')}</dt>
        <dd>{rateText(ctx, f.onTimeRate)}</dd>
        <dt>{t('stats.median')}</dt>
        <dd>{days(ctx, f.median)}</dd>
        <dt>{t('stats.p90')}</dt>
        <dd>{days(ctx, f.p90)}</dd>
        <dt>{t('stats.overdue_now')}</dt>
        <dd>{card.overdueNow}</dd>
      </dl>
      {card.byKind.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t('stats.by_kind')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.kind')}</th>
                <th scope="col">{t('stats.received')}</th>
                <th scope="col">{t('stats.on_time_rate')}</th>
                <th scope="col">{t('stats.median')}</th>
                <th scope="col">{t('stats.p90')}</th>
              </tr>
            </thead>
            <tbody>
              {card.byKind.map((k) => (
                <tr>
                  <th scope="row">{kindLabel(ctx, k.kind)}</th>
                  <td>{k.figures.received}</td>
                  <td>{rateText(ctx, k.figures.onTimeRate)}</td>
                  <td>{days(ctx, k.figures.median)}</td>
                  <td>{days(ctx, k.figures.p90)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('stats.no_data')}</p>
      )}
      <CountsTable
        ctx={ctx}
        caption={t('stats.outcomes')}
        counts={card.totals.outcomes}
        label={(k) => outcomeLabel(ctx, k)}
      />
      <CountsTable
        ctx={ctx}
        caption={t('stats.reasons')}
        counts={card.totals.reasons}
        label={(k) => reasonLabel(ctx, k)}
      />
      <h2>{t('stats.trend')}</h2>
      <TrendChart ctx={ctx} id="trend" points={card.trend} />
      <details>
        <summary>{t('stats.table_alt')}</summary>
        <div class="table-wrap">
          <table>
            <caption>{t('stats.trend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.month')}</th>
                <th scope="col">{t('stats.received')}</th>
                <th scope="col">{t('stats.answered')}</th>
                <th scope="col">{t('stats.on_time')}</th>
                <th scope="col">{t('stats.late')}</th>
              </tr>
            </thead>
            <tbody>
              {card.trend.map((m) => (
                <tr>
                  <th scope="row">{m.month}</th>
                  <td>{m.received}</td>
                  <td>{m.answered}</td>
                  <td>{m.onTime}</td>
                  <td>{m.late}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
