/** League table: bodies compared by on-time share (cautious ranking), with filters. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { BODY_KINDS } from '../../directory/index.js';
import type { LeagueRow } from '../queries.js';
import { Basis } from './card.js';
import { bodyKindLabel, days, KindField, PeriodFields, rateText } from './parts.js';

export interface Option {
  id: number;
  name: string;
}

export function LeaguePage(p: {
  ctx: ViewContext;
  rows: (LeagueRow & { name: string })[];
  from: string;
  to: string;
  kind: string;
  bodyKind: string;
  oblast: string;
  oblasts: Option[];
  error: MessageKey | null;
  updated: string | null;
}) {
  const { ctx } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.league_title')}>
      <h1>{t('stats.league_title')}</h1>
      <p>{t('stats.league_lead')}</p>
      <Basis ctx={ctx} updated={p.updated} />
      <form method="get" action="/stats/league" class="filters">
        <PeriodFields ctx={ctx} from={p.from} to={p.to} error={p.error} />
        <KindField ctx={ctx} kind={p.kind} />
        <div class="field">
          <label for="field-body_kind">{t('stats.body_kind')}</label>
          <select id="field-body_kind" name="body_kind">
            <option value="">{t('stats.all')}</option>
            {BODY_KINDS.map((k) => (
              <option value={k} selected={k === p.bodyKind}>
                {bodyKindLabel(ctx, k)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-oblast">{t('stats.oblast')}</label>
          <select id="field-oblast" name="oblast">
            <option value="">{t('stats.all')}</option>
            {p.oblasts.map((o) => (
              <option value={String(o.id)} selected={String(o.id) === p.oblast}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('stats.show')}</button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t('stats.no_data')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('stats.league_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.rank')}</th>
                <th scope="col">{t('stats.body')}</th>
                <th scope="col">{t('stats.received')}</th>
                <th scope="col">{t('stats.on_time_rate')}</th>
                <th scope="col">{t('stats.median')}</th>
                <th scope="col">{t('stats.p90')}</th>
                <th scope="col">{t('stats.overdue_now')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r, i) => (
                <tr>
                  <td>{r.figures.onTimeRate.rate === null ? '—' : i + 1}</td>
                  <th scope="row">
                    <a href={`/stats/bodies/${r.bodyId}`}>{r.name}</a>
                  </th>
                  <td>{r.figures.received}</td>
                  <td>{rateText(ctx, r.figures.onTimeRate)}</td>
                  <td>{days(ctx, r.figures.median)}</td>
                  <td>{days(ctx, r.figures.p90)}</td>
                  <td>{r.overdueNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
