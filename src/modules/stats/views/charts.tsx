/**
 * Server-rendered SVG charts: no script, no external fonts. Each chart has a <title> and <desc>
 * (its accessible name and summary), visible axis labels, and the same numbers in a table next to it.
 */
import type { ViewContext } from '../../../platform/render/view-context.js';

export interface TrendPoint {
  month: string;
  received: number;
  onTime: number;
}

/** Grouped bars per month: received (dark) and answered on time (light), with a legend. */
export function TrendChart({ ctx, id, points }: { ctx: ViewContext; id: string; points: TrendPoint[] }) {
  const w = 640;
  const h = 220;
  const left = 36;
  const bottom = 40;
  const top = 24;
  const max = Math.max(1, ...points.map((p) => p.received));
  const step = (w - left - 8) / Math.max(1, points.length);
  const bar = Math.max(2, Math.floor(step / 2) - 2);
  const y = (v: number) => Math.round(h - bottom - ((h - bottom - top) * v) / max);
  const title = ctx.t('stats.trend_chart');
  const desc = points.map((p) => `${p.month}: ${p.received} / ${p.onTime}`).join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={left} y1={h - bottom} x2={w - 4} y2={h - bottom} stroke="#37474f" />
        <text x={left - 4} y={top + 4} text-anchor="end" font-size="11" fill="#222">
          {max}
        </text>
        <text x={left - 4} y={h - bottom} text-anchor="end" font-size="11" fill="#222">
          0
        </text>
        {points.map((p, i) => {
          const x = left + i * step + 2;
          return (
            <g>
              <rect x={x} y={y(p.received)} width={bar} height={h - bottom - y(p.received)} fill="#1f4e79" />
              <rect x={x + bar + 1} y={y(p.onTime)} width={bar} height={h - bottom - y(p.onTime)} fill="#7fb3d5" />
              {points.length <= 24 && i % Math.ceil(points.length / 12) === 0 ? (
                <text x={x + bar} y={h - bottom + 14} text-anchor="middle" font-size="10" fill="#222">
                  {p.month.slice(2)}
                </text>
              ) : null}
            </g>
          );
        })}
        <rect x={left} y={h - 16} width="10" height="10" fill="#1f4e79" />
        <text x={left + 14} y={h - 7} font-size="11" fill="#222">
          {ctx.t('stats.received')}
        </text>
        <rect x={left + 140} y={h - 16} width="10" height="10" fill="#7fb3d5" />
        <text x={left + 154} y={h - 7} font-size="11" fill="#222">
          {ctx.t('stats.on_time')}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
