/** The thesaurus administration page: every vocabulary, its terms with labels in three languages. */
import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { THESAURI } from '../thesaurus/default-terms.js';
import type { Term } from '../thesaurus/queries.js';
import { SelectField } from './form-bits.js';

export function ThesaurusPage(p: {
  ctx: ViewContext;
  terms: Term[];
  errors: FieldError[];
  input: Record<string, string>;
}) {
  const { ctx } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.thesaurus')}>
      <h1>{t('cases.thesaurus')}</h1>
      <p>{t('cases.thesaurus_intro')}</p>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {THESAURI.map((th) => (
        <section aria-labelledby={`h-${th}`}>
          <h2 id={`h-${th}`}>{t(`cases.thesaurus.${th}`)}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cases.code')}</th>
                  <th scope="col">{t('cases.label_ky')}</th>
                  <th scope="col">{t('cases.label_ru')}</th>
                  <th scope="col">{t('cases.label_en')}</th>
                  <th scope="col">{t('cases.active')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('common.save')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.terms
                  .filter((x) => x.thesaurus === th)
                  .map((x) => {
                    const f = `term-${x.id}`;
                    return (
                      <tr>
                        <td>
                          <code>{x.parent_code ? `${x.parent_code} › ${x.code}` : x.code}</code>
                        </td>
                        {(['ky', 'ru', 'en'] as const).map((l) => (
                          <td>
                            <label class="visually-hidden" for={`${f}-${l}`}>
                              {t(`cases.label_${l}`)} ({x.code})
                            </label>
                            <input id={`${f}-${l}`} form={f} name={`label_${l}`} value={x[`label_${l}`]} lang={l} />
                          </td>
                        ))}
                        <td>
                          <label class="visually-hidden" for={`${f}-active`}>
                            {t('cases.active')} ({x.code})
                          </label>
                          <input
                            type="checkbox"
                            id={`${f}-active`}
                            form={f}
                            name="active"
                            value="1"
                            checked={x.active === 1}
                          />
                        </td>
                        <td>
                          <PostForm ctx={ctx} action={`/admin/thesaurus/${x.id}`} id={f} class="inline">
                            <button type="submit" class="secondary">
                              {t('common.save')}
                            </button>
                          </PostForm>
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section aria-labelledby="h-add-term">
        <h2 id="h-add-term">{t('cases.add_term')}</h2>
        <PostForm ctx={ctx} action="/admin/thesaurus" class="narrow">
          <SelectField
            ctx={ctx}
            name="thesaurus"
            label={t('cases.vocabulary')}
            options={THESAURI.map((x) => ({ value: x, label: t(`cases.thesaurus.${x}`) }))}
            value={p.input.thesaurus}
            errors={p.errors}
          />
          <Field ctx={ctx} name="code" label={t('cases.code')} value={p.input.code} errors={p.errors} required />
          <Field
            ctx={ctx}
            name="parent_code"
            label={t('cases.parent_code')}
            value={p.input.parent_code}
            errors={p.errors}
          />
          <Field
            ctx={ctx}
            name="label_ky"
            label={t('cases.label_ky')}
            value={p.input.label_ky}
            errors={p.errors}
            required
          />
          <Field
            ctx={ctx}
            name="label_ru"
            label={t('cases.label_ru')}
            value={p.input.label_ru}
            errors={p.errors}
            required
          />
          <Field
            ctx={ctx}
            name="label_en"
            label={t('cases.label_en')}
            value={p.input.label_en}
            errors={p.errors}
            required
          />
          <button type="submit">{t('cases.add_term')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
