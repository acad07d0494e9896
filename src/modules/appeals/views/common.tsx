/** Small pieces shared by the appeals pages. */
import type { ViewContext } from '../../../platform/render/view-context.js';
import { formatDate } from '../../../platform/i18n/translate.js';
import type { ComputedStatus } from '../lifecycle.js';

export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: ComputedStatus }) {
  const tone =
    status === 'overdue' || status === 'long_overdue'
      ? 'status status-bad'
      : status === 'awaiting_classification'
        ? 'status status-warn'
        : 'status';
  return <span class={tone}>{ctx.t(`appeals.status.${status}`)}</span>;
}

export function DateText({ ctx, date }: { ctx: ViewContext; date: string | null }) {
  if (!date) return <>—</>;
  return <time dateTime={date}>{formatDate(ctx.locale, date)}</time>;
}

export function Steps({ ctx, current }: { ctx: ViewContext; current: 1 | 2 | 3 | 4 }) {
  const names = [
    ctx.t('appeals.step.body'),
    ctx.t('appeals.step.appeal'),
    ctx.t('appeals.step.documents'),
    ctx.t('appeals.step.review'),
  ];
  return (
    <nav aria-label={ctx.t('appeals.steps')}>
      <ol class="steps">
        {names.map((n, i) => (
          <li aria-current={i + 1 === current ? 'step' : undefined}>{i + 1 === current ? <strong>{n}</strong> : n}</li>
        ))}
      </ol>
    </nav>
  );
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A SHA-256 fingerprint that can wrap on a phone (<wbr> adds break points, not characters). */
export function Hash({ value }: { value: string }) {
  const parts = value.match(/.{1,8}/g) ?? [value];
  return (
    <code class="hash">
      {parts.map((part, i) => (
        <>
          {i > 0 ? <wbr /> : null}
          {part}
        </>
      ))}
    </code>
  );
}
