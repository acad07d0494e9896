/** Directory administration: CSV import (with its report) and export, recent changes. */
import { Layout } from '../../../platform/render/layout.js';
import { PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { ImportReport } from '../commands/import-directory.js';
import { HistoryTable, type ChangeRow } from './parts.js';

export interface RecentChange extends ChangeRow {
  object_type: 'body' | 'territory';
  object_id: number;
}

export function ImportReportView({ ctx, report }: { ctx: ViewContext; report: ImportReport }) {
  const { t } = ctx;
  if (report.problems.length === 0) {
    const params = { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged };
    return (
      <p class="notice" role="status" id="import-report">
        {report.dryRun ? t('directory.admin.checked', params) : t('directory.admin.imported', params)}
      </p>
    );
  }
  return (
    <div class="error-summary" role="alert" id="import-report" tabIndex={-1}>
      <h2>{t('directory.admin.rejected', { count: report.problems.length })}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('directory.admin.row')}</th>
              <th scope="col">{t('directory.admin.column')}</th>
              <th scope="col">{t('directory.admin.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.slice(0, 500).map((p) => (
              <tr>
                <td>{p.row}</td>
                <td>{p.column ? <code>{p.column}</code> : '—'}</td>
                <td>{t(p.message, p.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function DirectoryAdminPage(p: {
  ctx: ViewContext;
  report?: ImportReport | null;
  formError?: string | null;
  recent: RecentChange[];
  input?: { file?: string; dry_run?: boolean };
}) {
  const { t } = p.ctx;
  const file = p.input?.file ?? 'bodies';
  return (
    <Layout ctx={p.ctx} title={t('directory.admin.title')}>
      <nav aria-label={t('directory.breadcrumb')} class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
      </nav>
      <h1>{t('directory.admin.title')}</h1>
      <p>
        <a href="/admin/directory/bodies/new">{t('directory.admin.new_body')}</a>
        {' · '}
        <a href="/admin/directory/territories/new">{t('directory.admin.new_territory')}</a>
      </p>
      {p.report ? <ImportReportView ctx={p.ctx} report={p.report} /> : null}
      <section aria-labelledby="h-import">
        <h2 id="h-import">{t('directory.admin.import')}</h2>
        <p>{t('directory.admin.import_intro')}</p>
        <PostForm ctx={p.ctx} action="/admin/directory/import" multipart class="narrow">
          <fieldset class="field">
            <legend>{t('directory.admin.file_kind')}</legend>
            {(['bodies', 'territories'] as const).map((f) => (
              <label class="choice">
                <input type="radio" name="file" value={f} checked={file === f} />{' '}
                {f === 'bodies' ? t('directory.bodies') : t('directory.territories')} (<code>{f}.csv</code>)
              </label>
            ))}
          </fieldset>
          <div class={p.formError ? 'field field-error' : 'field'}>
            <label for="field-csv">{t('directory.admin.file')}</label>
            {p.formError ? (
              <p class="error" id="field-csv-error">
                {p.formError}
              </p>
            ) : null}
            <input
              id="field-csv"
              type="file"
              name="csv"
              accept=".csv,text/csv"
              aria-describedby={p.formError ? 'field-csv-error' : undefined}
            />
          </div>
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="dry_run" value="1" checked={p.input?.dry_run ?? false} />{' '}
              {t('directory.admin.dry_run')}
            </label>
          </div>
          <button type="submit">{t('directory.admin.import_button')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="h-export">
        <h2 id="h-export">{t('directory.admin.export')}</h2>
        <ul>
          <li>
            <a href="/admin/directory/export/territories.csv" download="territories.csv">
              {t('directory.admin.export_territories')}
            </a>
          </li>
          <li>
            <a href="/admin/directory/export/bodies.csv" download="bodies.csv">
              {t('directory.admin.export_bodies')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="h-recent">
        <h2 id="h-recent">{t('directory.history')}</h2>
        <HistoryTable ctx={p.ctx} rows={p.recent} />
      </section>
    </Layout>
  );
}
