/** Small pieces of the statistics pages: rates, periods, labels. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatNumber, PERCENT } from '../../../platform/i18n/translate.js';
import { APPEAL_KINDS } from '../../appeals/index.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { MIN_SAMPLE, type Rate } from '../figures.js';

export function pct(ctx: ViewContext, v: number): string {
  return formatNumber(ctx.locale, v, PERCENT);
}

/** "80% (95% interval 49–94%; 8 of 10)" or "Too few cases (4; at least 10 needed)". */
export function rateText(ctx: ViewContext, r: Rate): string {
  if (r.rate === null) return ctx.t('stats.too_few', { n: r.n, min: MIN_SAMPLE });
  return ctx.t('stats.rate_value', {
    rate: pct(ctx, r.rate),
    low: pct(ctx, r.low!),
    high: pct(ctx, r.high!),
    x: r.x,
    n: r.n,
  });
}

export function days(ctx: ViewContext, v: number | null): string {
  return v === null ? ctx.t('stats.none') : formatNumber(ctx.locale, v);
}

export const kindLabel = (ctx: ViewContext, kind: string) => ctx.t(`appeals.kind.${kind}` as MessageKey);
export const outcomeLabel = (ctx: ViewContext, c: string) => ctx.t(`appeals.classification.${c}` as MessageKey);
export const reasonLabel = (ctx: ViewContext, r: string) => ctx.t(`appeals.refusal.${r}` as MessageKey);
export const bodyKindLabel = (ctx: ViewContext, k: string) => ctx.t(`directory.kind.${k}` as MessageKey);

/** The period form (GET, works without JavaScript). */
export function PeriodFields({
  ctx,
  from,
  to,
  error,
}: {
  ctx: ViewContext;
  from: string;
  to: string;
  error?: MessageKey | null;
}) {
  return (
    <fieldset>
      <legend>{ctx.t('stats.period')}</legend>
      {error ? (
        <p class="error" id="period-error" role="alert">
          {ctx.t(error)}
        </p>
      ) : null}
      <div class="field">
        <label for="field-from">{ctx.t('stats.from')}</label>
        <input
          id="field-from"
          name="from"
          value={from}
          inputMode="numeric"
          pattern="[0-9]{4}-[0-9]{2}"
          aria-describedby={error ? 'period-error' : undefined}
        />
      </div>
      <div class="field">
        <label for="field-to">{ctx.t('stats.to')}</label>
        <input
          id="field-to"
          name="to"
          value={to}
          inputMode="numeric"
          pattern="[0-9]{4}-[0-9]{2}"
          aria-describedby={error ? 'period-error' : undefined}
        />
      </div>
    </fieldset>
  );
}

export function CountsTable({
  ctx,
  caption,
  counts,
  label,
}: {
  ctx: ViewContext;
  caption: string;
  counts: Record<string, number>;
  label: (k: string) => string;
}) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('publication.what')}</th>
            <th scope="col">{ctx.t('stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v]) => (
            <tr>
              <th scope="row">{label(k)}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The "kind of appeal" filter of the stats pages (all kinds, or one). */
export function KindField({ ctx, kind }: { ctx: ViewContext; kind?: string }) {
  return (
    <div class="field">
      <label for="field-kind">{ctx.t('stats.kind')}</label>
      <select id="field-kind" name="kind">
        <option value="">{ctx.t('stats.all')}</option>
        {APPEAL_KINDS.map((k) => (
          <option value={k} selected={k === kind}>
            {kindLabel(ctx, k)}
          </option>
        ))}
      </select>
    </div>
  );
}
