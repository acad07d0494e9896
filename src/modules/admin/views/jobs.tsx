import { formatDateTime } from '../../../platform/i18n/translate.js';
import { PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export interface FailedJobView {
  id: number;
  kind: string;
  attempts: number;
  last_error: string | null;
  updated_at: string;
}

export function JobsPage(p: { ctx: ViewContext; counts: { status: string; n: number }[]; failed: FailedJobView[] }) {
  const { t, locale } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('admin.jobs')}>
      <h1>{t('admin.jobs')}</h1>
      <h2>{t('admin.jobs_counts')}</h2>
      <dl class="facts">
        {p.counts.map((c) => (
          <>
            <dt>{c.status}</dt>
            <dd>{c.n}</dd>
          </>
        ))}
      </dl>
      <h2>{t('admin.jobs_failed')}</h2>
      {p.failed.length === 0 ? (
        <p>{t('admin.jobs_none_failed')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('admin.jobs_kind')}</th>
                <th scope="col">{t('admin.jobs_attempts')}</th>
                <th scope="col">{t('admin.jobs_error')}</th>
                <th scope="col">{t('admin.audit_when')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin.jobs_retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.failed.map((j) => (
                <tr>
                  <td>{j.id}</td>
                  <td>
                    <code>{j.kind}</code>
                  </td>
                  <td>{j.attempts}</td>
                  <td>{j.last_error}</td>
                  <td>{formatDateTime(locale, j.updated_at)}</td>
                  <td>
                    <PostForm ctx={p.ctx} action={`/admin/jobs/${j.id}/retry`}>
                      <button type="submit" class="secondary">
                        {t('admin.jobs_retry')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
