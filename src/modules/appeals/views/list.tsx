/** "My appeals" and the NGO dashboard: what is due when, in working days left. */
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { ComputedStatus } from '../lifecycle.js';
import { DateText, StatusBadge } from './common.js';

export interface ListRow {
  id: number;
  subject: string;
  kind: string;
  bodyName: string;
  status: ComputedStatus;
  due: string | null;
  /** signed working days from today to the due date, when the deadline runs */
  left: number | null;
}

export function AppealTable({ ctx, rows, caption }: { ctx: ViewContext; rows: ListRow[]; caption: string }) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appeals.subject')}</th>
            <th scope="col">{t('appeals.to_body')}</th>
            <th scope="col">{t('appeals.status_label')}</th>
            <th scope="col">{t('appeals.answer_due')}</th>
            <th scope="col">{t('appeals.left')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/appeals/${r.id}`}>{r.subject || t('appeals.untitled')}</a>
                <br />
                <small>
                  A-{r.id} · {t(`appeals.kind.${r.kind}` as never)}
                </small>
              </td>
              <td>{r.bodyName}</td>
              <td>
                <StatusBadge ctx={ctx} status={r.status} />
              </td>
              <td>
                <DateText ctx={ctx} date={r.due} />
              </td>
              <td>
                {r.left === null
                  ? '—'
                  : r.left >= 0
                    ? t('appeals.days_left', { count: r.left })
                    : t('appeals.days_overdue', { count: -r.left })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MyAppealsPage(p: { ctx: ViewContext; rows: ListRow[]; dashboard: boolean }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('appeals.my_title')}>
      <h1>{t('appeals.my_title')}</h1>
      <p>
        <a class="button" href="/appeals/new">
          {t('appeals.new_title')}
        </a>
        {p.dashboard ? (
          <>
            {' '}
            <a href="/appeals/dashboard">{t('appeals.dashboard_title')}</a>
          </>
        ) : null}
      </p>
      {p.rows.length === 0 ? (
        <p>{t('appeals.none_yet')}</p>
      ) : (
        <AppealTable ctx={p.ctx} rows={p.rows} caption={t('appeals.my_caption')} />
      )}
    </Layout>
  );
}

export function DashboardPage(p: { ctx: ViewContext; week: ListRow[]; overdue: ListRow[]; awaiting: ListRow[] }) {
  const { t } = p.ctx;
  const section = (id: string, title: string, rows: ListRow[]) => (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? <p>{t('appeals.none')}</p> : <AppealTable ctx={p.ctx} rows={rows} caption={title} />}
    </section>
  );
  return (
    <Layout ctx={p.ctx} title={t('appeals.dashboard_title')}>
      <h1>{t('appeals.dashboard_title')}</h1>
      <p>
        <a class="button" href="/appeals/new">
          {t('appeals.new_title')}
        </a>
      </p>
      {section('h-overdue', t('appeals.dash_overdue'), p.overdue)}
      {section('h-week', t('appeals.dash_week'), p.week)}
      {section('h-awaiting', t('appeals.dash_awaiting'), p.awaiting)}
    </Layout>
  );
}
