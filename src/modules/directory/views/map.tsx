/**
 * The map: one SVG per layer, each region a link to its page with a <title> (its accessible
 * name), and the same links as a table for people who do not use the map.
 */
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { FILLS } from '../map.js';
import { levelLabel } from './parts.js';

export interface MapRegion {
  id: number;
  href: string;
  name: string;
  lang: string;
  level: string;
  d: string;
  /** index of the parent (oblast) for colouring */
  shade: number;
}

export function MapFigure(p: {
  ctx: ViewContext;
  layer: 'oblast' | 'rayon';
  title: string;
  regions: MapRegion[];
  width: number;
  height: number;
}) {
  const id = `map-${p.layer}`;
  return (
    <figure class="map" aria-labelledby={`${id}-caption`}>
      <svg
        id={id}
        class="map-svg"
        data-layer={p.layer}
        viewBox={`0 0 ${p.width} ${p.height}`}
        width="100%"
        role="group"
        aria-labelledby={`${id}-title`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{p.title}</title>
        {p.regions.map((r) => (
          <a href={r.href}>
            <title lang={r.lang}>{r.name}</title>
            <path
              d={r.d}
              fill={FILLS[r.shade % FILLS.length]}
              fill-rule="evenodd"
              stroke="#37474f"
              stroke-width="1"
              stroke-linejoin="round"
            />
          </a>
        ))}
      </svg>
      <figcaption id={`${id}-caption`}>{p.title}</figcaption>
    </figure>
  );
}

export function MapTable({ ctx, regions, caption }: { ctx: ViewContext; regions: MapRegion[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('directory.name')}</th>
            <th scope="col">{ctx.t('directory.level')}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr>
              <th scope="row">
                <a href={r.href} lang={r.lang}>
                  {r.name}
                </a>
              </th>
              <td>{levelLabel(ctx, r.level)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MapPage(p: {
  ctx: ViewContext;
  oblasts: MapRegion[];
  rayons: MapRegion[];
  width: number;
  height: number;
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('directory.map_title')}>
      <nav aria-label={t('directory.breadcrumb')} class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
      </nav>
      <h1>{t('directory.map_title')}</h1>
      <p>{t('directory.map_hint')}</p>
      <MapFigure
        ctx={p.ctx}
        layer="oblast"
        title={t('directory.map_oblasts')}
        regions={p.oblasts}
        width={p.width}
        height={p.height}
      />
      <MapFigure
        ctx={p.ctx}
        layer="rayon"
        title={t('directory.map_rayons')}
        regions={p.rayons}
        width={p.width}
        height={p.height}
      />
      <p class="muted">{t('directory.map_credit')}</p>
      <h2>{t('directory.map_table')}</h2>
      <MapTable ctx={p.ctx} regions={p.oblasts} caption={t('directory.map_oblasts')} />
      <MapTable ctx={p.ctx} regions={p.rayons} caption={t('directory.map_rayons')} />
    </Layout>
  );
}
