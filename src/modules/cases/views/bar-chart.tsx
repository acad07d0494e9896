/**
 * A server-rendered SVG bar chart with its accessible alternative: the SVG has a title and a
 * description and is followed by a table holding the same numbers (screen readers, printing in black
 * and white, copying into a shadow report). No script, no inline style (the CSP forbids both).
 */
import type { ViewContext } from '../../../platform/render/view-context.js';

export interface Bar {
  label: string;
  count: number;
}

const BAR_H = 22;
const GAP = 6;
const LABEL_W = 260;
const CHART_W = 640;

export function BarChart(p: { ctx: ViewContext; id: string; title: string; bars: Bar[] }) {
  const { t } = p.ctx;
  const max = Math.max(1, ...p.bars.map((b) => b.count));
  const height = Math.max(1, p.bars.length) * (BAR_H + GAP) + GAP;
  const scale = (CHART_W - LABEL_W - 60) / max;
  return (
    <figure class="chart" aria-labelledby={`${p.id}-caption`}>
      <figcaption id={`${p.id}-caption`}>
        <h3>{p.title}</h3>
      </figcaption>
      {p.bars.length ? (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${CHART_W} ${height}`}
          width="100%"
          role="img"
          aria-labelledby={`${p.id}-title ${p.id}-desc`}
          class="bar-chart"
        >
          <title id={`${p.id}-title`}>{p.title}</title>
          <desc
            id={`${p.id}-desc`}
          >{`${t('cases.chart_alt')} ${p.bars.map((b) => `${b.label}: ${b.count}`).join('; ')}`}</desc>
          {p.bars.map((b, i) => {
            const y = GAP + i * (BAR_H + GAP);
            const w = Math.max(b.count > 0 ? 2 : 0, Math.round(b.count * scale));
            return (
              <g>
                <text x={LABEL_W - 8} y={y + BAR_H * 0.7} text-anchor="end" font-size="13" fill="#1b1f24">
                  {b.label.length > 38 ? `${b.label.slice(0, 37)}…` : b.label}
                </text>
                <rect x={LABEL_W} y={y} width={w} height={BAR_H} fill="#0b5cad" />
                <text x={LABEL_W + w + 6} y={y + BAR_H * 0.7} font-size="13" fill="#1b1f24">
                  {String(b.count)}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.category')}</th>
              <th scope="col">{t('cases.count')}</th>
            </tr>
          </thead>
          <tbody>
            {p.bars.map((b) => (
              <tr>
                <th scope="row">{b.label}</th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
