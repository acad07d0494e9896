/** The list of cases a user may see, the search over them, and the "open a case" form. */
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import { CASES_CSS_URL } from './cases-css.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { CaseListItem } from '../queries.js';
import type { Option } from '../thesaurus/queries.js';
import { SelectField, type FormState } from './form-bits.js';

export function CasesPage(p: {
  ctx: ViewContext;
  cases: CaseListItem[];
  query: string;
  coordinator: boolean;
  canCreate: boolean;
  canReport: boolean;
  canThesaurus: boolean;
}) {
  const { ctx } = p;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.title')}>
      <link rel="stylesheet" href={CASES_CSS_URL} />
      <h1>{t('cases.title')}</h1>
      <p>{p.coordinator ? t('cases.intro_coordinator') : t('cases.intro')}</p>
      <p>
        {p.canCreate ? (
          <a class="button" href="/cases/new">
            {t('cases.new')}
          </a>
        ) : null}{' '}
        {p.canReport ? <a href="/cases/reports">{t('cases.reports')}</a> : null}{' '}
        {p.canThesaurus ? <a href="/admin/thesaurus">{t('cases.thesaurus')}</a> : null}
      </p>
      <form method="get" action="/cases" role="search" class="narrow">
        <div class="field">
          <label for="field-q">{t('cases.search_label')}</label>
          <input type="search" id="field-q" name="q" value={p.query} />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      {p.cases.length === 0 ? (
        <p>{t('cases.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.reference')}</th>
                <th scope="col">{t('cases.case_title')}</th>
                <th scope="col">{t('cases.state')}</th>
                <th scope="col">{t('cases.your_access')}</th>
                <th scope="col">{t('cases.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {p.cases.map((c) => (
                <tr>
                  <td>
                    {c.access ? (
                      <a href={`/cases/${c.id}`}>{c.reference}</a>
                    ) : p.coordinator ? (
                      <a href={`/cases/${c.id}/access`}>{c.reference}</a>
                    ) : (
                      c.reference
                    )}
                  </td>
                  <td>{c.title ?? <span class="muted">{t('cases.hidden_title')}</span>}</td>
                  <td>{t(`cases.state.${c.state}`)}</td>
                  <td>{c.access ? t(`cases.access.${c.access}`) : t('cases.access.none')}</td>
                  <td>{formatDateTime(locale, c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The form of a new case; with `edit`, the same form correcting an existing case. */
export function NewCasePage(p: {
  ctx: ViewContext;
  state: FormState;
  territories: Option[];
  edit?: { caseId: number; reference: string };
}) {
  const { ctx, state } = p;
  const { t } = ctx;
  const heading = p.edit ? `${p.edit.reference}: ${t('cases.edit')}` : t('cases.new');
  return (
    <Layout ctx={ctx} title={heading}>
      <link rel="stylesheet" href={CASES_CSS_URL} />
      <p>
        {p.edit ? <a href={`/cases/${p.edit.caseId}`}>{p.edit.reference}</a> : <a href="/cases">{t('cases.title')}</a>}
      </p>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <PostForm ctx={ctx} action={p.edit ? `/cases/${p.edit.caseId}/edit` : '/cases'} class="case-form">
        <Field
          ctx={ctx}
          name="title"
          label={t('cases.case_title')}
          hint={t('cases.case_title_hint')}
          value={state.input.title}
          errors={state.errors}
          required
        />
        <Field
          ctx={ctx}
          name="summary"
          label={t('cases.summary')}
          value={state.input.summary}
          errors={state.errors}
          multiline
        />
        <SelectField
          ctx={ctx}
          name="territory_id"
          label={t('cases.territory')}
          options={p.territories}
          value={state.input.territory_id}
          errors={state.errors}
          empty={t('cases.no_territory')}
        />
        <button type="submit">{p.edit ? t('common.save') : t('cases.open')}</button>
      </PostForm>
    </Layout>
  );
}
