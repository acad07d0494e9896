/**
 * The choropleth: regions shaded by their on-time share (five classes of a colour-blind-safe
 * sequential blue; grey for too few cases), each region a link with a <title>, a legend, and
 * the same numbers as a table. Drawn from the shipped boundaries (directory/map-data.ts).
 */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Figures } from '../figures.js';
import { Basis } from './card.js';
import { pct, KindField, PeriodFields, rateText } from './parts.js';

export const CLASSES = [
  { min: 0.95, fill: '#08519c' },
  { min: 0.85, fill: '#3182bd' },
  { min: 0.7, fill: '#6baed6' },
  { min: 0.5, fill: '#bdd7e7' },
  { min: 0, fill: '#eff3ff' },
];
const NO_DATA = '#d9d9d9';

export function fillOf(rate: number | null): string {
  if (rate === null) return NO_DATA;
  return CLASSES.find((c) => rate >= c.min)!.fill;
}

export interface ChoroplethRegion {
  id: number;
  name: string;
  lang: string;
  d: string;
  figures: Figures | null;
}

export function MapPage(p: {
  ctx: ViewContext;
  level: 'oblast' | 'rayon';
  regions: ChoroplethRegion[];
  width: number;
  height: number;
  from: string;
  to: string;
  kind: string;
  error: MessageKey | null;
  updated: string | null;
}) {
  const { ctx } = p;
  const { t } = ctx;
  const caption = t('stats.map_caption', { level: t(`stats.level.${p.level}`) });
  return (
    <Layout ctx={ctx} title={t('stats.map_title')}>
      <h1>{t('stats.map_title')}</h1>
      <Basis ctx={ctx} updated={p.updated} />
      <form method="get" action="/stats/map" class="filters">
        <PeriodFields ctx={ctx} from={p.from} to={p.to} error={p.error} />
        <div class="field">
          <label for="field-level">{t('stats.map_level')}</label>
          <select id="field-level" name="level">
            {(['oblast', 'rayon'] as const).map((l) => (
              <option value={l} selected={l === p.level}>
                {t(`stats.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <KindField ctx={ctx} kind={p.kind} />
        <button type="submit">{t('stats.show')}</button>
      </form>
      <figure class="map" aria-labelledby="choropleth-caption">
        <svg
          viewBox={`0 0 ${p.width} ${p.height}`}
          width="100%"
          role="group"
          aria-labelledby="choropleth-title"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id="choropleth-title">{caption}</title>
          {p.regions.map((r) => {
            const value = r.figures ? rateText(ctx, r.figures.onTimeRate) : t('stats.no_data');
            return (
              <a href={`/stats/league?oblast=${p.level === 'oblast' ? r.id : ''}&from=${p.from}&to=${p.to}`}>
                <title lang={r.lang}>{t('stats.region_title', { name: r.name, value })}</title>
                <path
                  d={r.d}
                  fill={fillOf(r.figures?.onTimeRate.rate ?? null)}
                  fill-rule="evenodd"
                  stroke="#37474f"
                  stroke-width="1"
                  stroke-linejoin="round"
                />
              </a>
            );
          })}
        </svg>
        <figcaption id="choropleth-caption">{caption}</figcaption>
      </figure>
      <h2>{t('stats.legend')}</h2>
      <ul class="legend">
        {CLASSES.map((c) => (
          <li>
            <svg width="16" height="16" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
              <rect width="16" height="16" fill={c.fill} stroke="#37474f" />
            </svg>{' '}
            ≥ {pct(ctx, c.min)}
          </li>
        ))}
        <li>
          <svg width="16" height="16" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
            <rect width="16" height="16" fill={NO_DATA} stroke="#37474f" />
          </svg>{' '}
          {t('stats.legend_none')}
        </li>
      </ul>
      <div class="table-wrap">
        <table>
          <caption>{t('stats.table_alt')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.region')}</th>
              <th scope="col">{t('stats.received')}</th>
              <th scope="col">{t('stats.on_time_rate')}</th>
            </tr>
          </thead>
          <tbody>
            {p.regions.map((r) => (
              <tr>
                <th scope="row" lang={r.lang}>
                  {r.name}
                </th>
                <td>{r.figures?.received ?? 0}</td>
                <td>{r.figures ? rateText(ctx, r.figures.onTimeRate) : t('stats.no_data')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
