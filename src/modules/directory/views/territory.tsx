/** A territory: where it lies, what it contains, the bodies seated there, its history. */
import { formatDate } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Body, TerritorySummary } from '../queries.js';
import { BodyList } from './home.js';
import {
  HistoryTable,
  levelLabel,
  Name,
  NameFacts,
  nameText,
  RecordHeader,
  territoryUrl,
  type ChangeRow,
} from './parts.js';
import { MapFigure, type MapRegion } from './map.js';

export interface TerritoryPageProps {
  ctx: ViewContext;
  territory: TerritorySummary;
  ancestors: TerritorySummary[];
  units: TerritorySummary[];
  bodies: Body[];
  successor: TerritorySummary | null;
  today: string;
  map: { regions: MapRegion[]; width: number; height: number } | null;
  history: ChangeRow[] | null;
}

export function TerritoryPage(p: TerritoryPageProps) {
  const { t, locale } = p.ctx;
  const x = p.territory;
  const ended = x.valid_to !== null && x.valid_to <= p.today;
  return (
    <Layout ctx={p.ctx} title={nameText(p.ctx, x)}>
      <RecordHeader
        ctx={p.ctx}
        record={x}
        trail={p.ancestors}
        ended={
          ended
            ? {
                text: t('directory.ended_since', { date: formatDate(locale, x.valid_to!) }),
                nextLabel: t('directory.successor'),
                next: p.successor ? { ...p.successor, href: territoryUrl(p.successor.id) } : null,
              }
            : null
        }
      />
      <dl class="facts">
        <dt>{t('directory.level')}</dt>
        <dd>{levelLabel(p.ctx, x.level)}</dd>
        <dt>{t('directory.soate')}</dt>
        <dd>
          <code>{x.code}</code>
        </dd>
        <NameFacts ctx={p.ctx} record={x} />
        {x.lat !== null && x.lon !== null ? (
          <>
            <dt>{t('directory.point')}</dt>
            <dd>
              {x.lat}, {x.lon}
            </dd>
          </>
        ) : null}
        {x.valid_from ? (
          <>
            <dt>{t('directory.valid_from')}</dt>
            <dd>{formatDate(locale, x.valid_from)}</dd>
          </>
        ) : null}
        {x.source ? (
          <>
            <dt>{t('directory.source')}</dt>
            <dd>{x.source}</dd>
          </>
        ) : null}
      </dl>
      {p.ctx.can('directory.manage') ? (
        <p>
          <a href={`/admin/directory/territories/${x.id}`}>{t('directory.edit')}</a>
        </p>
      ) : null}
      <section aria-labelledby="h-bodies">
        <h2 id="h-bodies">{t('directory.bodies_here')}</h2>
        <BodyList ctx={p.ctx} bodies={p.bodies} today={p.today} />
      </section>
      {p.units.length ? (
        <section aria-labelledby="h-units">
          <h2 id="h-units">{t('directory.units_inside')}</h2>
          {p.map ? <MapFigure ctx={p.ctx} layer="rayon" title={t('directory.map_rayons')} {...p.map} /> : null}
          <ul class="directory-list">
            {p.units.map((u) => (
              <li>
                <a href={territoryUrl(u.id)}>
                  <Name ctx={p.ctx} record={u} />
                </a>{' '}
                <span class="muted">
                  {levelLabel(p.ctx, u.level)}
                  {u.valid_to !== null && u.valid_to <= p.today ? ` · ${t('directory.inactive')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.history ? (
        <section aria-labelledby="h-history">
          <h2 id="h-history">{t('directory.history')}</h2>
          <HistoryTable ctx={p.ctx} rows={p.history} />
        </section>
      ) : null}
    </Layout>
  );
}
