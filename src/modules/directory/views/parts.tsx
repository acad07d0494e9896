/** Small pieces shared by the directory pages. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatDateTime, pickText } from '../../../platform/i18n/translate.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { BODY_KINDS } from '../tables.js';

export interface Named {
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
}

/** The record's name in the user's language, or in another one (then `fallback` is true). */
export function nameOf(ctx: ViewContext, r: Named) {
  return pickText({ ky: r.name_ky ?? undefined, ru: r.name_ru ?? undefined, en: r.name_en ?? undefined }, ctx.locale);
}

/** Plain text of a name, for <title> and attributes. */
export function nameText(ctx: ViewContext, r: Named): string {
  return nameOf(ctx, r).text;
}

/**
 * A name with a visible language fallback: when the official name in the user's language is
 * missing, the name is shown in another language, marked with its language code and explained.
 */
export function Name({ ctx, record: r }: { ctx: ViewContext; record: Named }) {
  const n = nameOf(ctx, r);
  if (!n.fallback) return <>{n.text}</>;
  const note = ctx.t('common.fallback_language', { lang: ctx.t(`lang.${n.lang}`) });
  return (
    <>
      <span lang={n.lang}>{n.text}</span>{' '}
      <abbr class="muted fallback" title={note}>
        ({n.lang})
      </abbr>
    </>
  );
}

export const territoryUrl = (id: number) => `/directory/territories/${id}`;
export const bodyUrl = (id: number) => `/directory/bodies/${id}`;

export const levelLabel = (ctx: ViewContext, level: string) => ctx.t(`directory.level.${level}` as MessageKey);
export const kindLabel = (ctx: ViewContext, kind: string) => ctx.t(`directory.kind.${kind}` as MessageKey);

export function SearchForm({ ctx, query: q, kind }: { ctx: ViewContext; query?: string; kind?: string }) {
  const { t } = ctx;
  return (
    <form method="get" action="/directory/search" role="search" class="directory-search">
      <div class="field">
        <label for="field-q">{t('directory.search_label')}</label>
        <p class="hint" id="field-q-hint">
          {t('directory.search_hint')}
        </p>
        <input id="field-q" name="q" type="search" value={q ?? ''} aria-describedby="field-q-hint" maxLength={200} />
      </div>
      <div class="field">
        <label for="field-kind">{t('directory.search_kind')}</label>
        <select id="field-kind" name="kind">
          <option value="">{t('directory.any_kind')}</option>
          {BODY_KINDS.map((k) => (
            <option value={k} selected={k === kind}>
              {kindLabel(ctx, k)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('common.search')}</button>
    </form>
  );
}

export interface ChangeRow {
  /** set in lists that mix records (the admin page's recent changes): the row links to the record */
  object_type?: 'body' | 'territory';
  object_id?: number;
  id: number;
  at: string;
  actor: string;
  action: string;
  changes: string;
}

/** The history of a record: when, who, what, which fields (values are shown: the directory is public data). */
export function HistoryTable({ ctx, rows }: { ctx: ViewContext; rows: ChangeRow[] }) {
  const { t } = ctx;
  const withObject = rows.some((r) => r.object_type !== undefined);
  if (rows.length === 0) return <p>{t('directory.history_empty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('directory.history_when')}</th>
            {withObject ? <th scope="col">{t('directory.record')}</th> : null}
            <th scope="col">{t('directory.history_who')}</th>
            <th scope="col">{t('directory.history_what')}</th>
            <th scope="col">{t('directory.history_fields')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const changes = JSON.parse(r.changes) as Record<string, [unknown, unknown]>;
            return (
              <tr>
                <td>{formatDateTime(ctx.locale, r.at)}</td>
                {withObject ? (
                  <td>
                    <a href={`/admin/directory/${r.object_type === 'body' ? 'bodies' : 'territories'}/${r.object_id}`}>
                      {t(r.object_type === 'body' ? 'directory.record_body' : 'directory.record_territory', {
                        id: r.object_id ?? 0,
                      })}
                    </a>
                  </td>
                ) : null}
                <td>{r.actor}</td>
                <td>{t(`directory.action.${r.action}` as MessageKey)}</td>
                <td>
                  <ul class="changes">
                    {Object.entries(changes).map(([field, [before, after]]) => (
                      <li>
                        <code>{field}</code>: {before === null ? '—' : String(before)} →{' '}
                        {after === null ? '—' : String(after)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The head of a body's or a territory's page: the breadcrumb through the territories above it, the
 * name, and, when the record has ended, a notice saying since when and where it went.
 */
export function RecordHeader(p: {
  ctx: ViewContext;
  record: Named;
  trail: (Named & { id: number })[];
  ended: { text: string; nextLabel: string; next: (Named & { href: string }) | null } | null;
}) {
  const { t } = p.ctx;
  return (
    <>
      <nav aria-label={t('directory.breadcrumb')} class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
        {p.trail.map((a) => (
          <>
            {' › '}
            <a href={territoryUrl(a.id)}>
              <Name ctx={p.ctx} record={a} />
            </a>
          </>
        ))}
      </nav>
      <h1>
        <Name ctx={p.ctx} record={p.record} />
      </h1>
      {p.ended ? (
        <p class="notice" role="status">
          {p.ended.text}
          {p.ended.next ? (
            <>
              {' '}
              {p.ended.nextLabel}:{' '}
              <a href={p.ended.next.href}>
                <Name ctx={p.ctx} record={p.ended.next} />
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

/** The official names in each language the record has, as `<dt>/<dd>` pairs of a facts list. */
export function NameFacts({ ctx, record: r }: { ctx: ViewContext; record: Named }) {
  return (
    <>
      {(['ky', 'ru', 'en'] as const).map((l) => {
        const v = r[`name_${l}`];
        return v ? (
          <>
            <dt>{ctx.t(`directory.name_${l}`)}</dt>
            <dd lang={l}>{v}</dd>
          </>
        ) : null;
      })}
    </>
  );
}
