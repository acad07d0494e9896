/** Administration of the legal rules (versioned, with history) and of the working-day calendar. */
import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { APPEAL_KINDS, TERM_UNITS } from '../kinds.js';
import type { AppealRule } from '../rules/queries.js';
import type { CalendarExceptionTable, CalendarMovableDateTable } from '../tables.js';
import type { Selectable } from 'kysely';
import { DateText } from './common.js';

function UnitSelect({ ctx, name, value }: { ctx: ViewContext; name: string; value?: string }) {
  return (
    <select name={name} id={`field-${name}`} aria-label={ctx.t('appeals.admin.unit')}>
      {TERM_UNITS.map((u) => (
        <option value={u} selected={value === u}>
          {ctx.t(`appeals.unit.${u}`)}
        </option>
      ))}
    </select>
  );
}

export function RulesPage(p: {
  ctx: ViewContext;
  rules: AppealRule[];
  errors: FieldError[];
  input: Record<string, string>;
  notice?: string | null;
}) {
  const { t, locale } = p.ctx;
  const v = p.input;
  const term = (name: string, label: string) => (
    <div class="field term">
      <Field ctx={p.ctx} name={name} label={label} value={v[name]} errors={p.errors} inputmode="numeric" />
      <UnitSelect
        ctx={p.ctx}
        name={`${name.replace(/_term$|^max_/, '')}_unit`}
        value={v[`${name.replace(/_term$|^max_/, '')}_unit`]}
      />
    </div>
  );
  return (
    <Layout ctx={p.ctx} title={t('appeals.admin.rules_title')}>
      <h1>{t('appeals.admin.rules_title')}</h1>
      <p>{t('appeals.admin.rules_intro')}</p>
      <p>
        <a href="/admin/appeals/calendar">{t('appeals.admin.calendar_title')}</a> ·{' '}
        <a href="/admin/mail">{t('mail.pen_title')}</a>
      </p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>{t('appeals.admin.rules_history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appeals.kind_label')}</th>
              <th scope="col">{t('appeals.admin.valid_from')}</th>
              <th scope="col">{t('appeals.legal_basis')}</th>
              <th scope="col">{t('appeals.admin.terms')}</th>
              <th scope="col">{t('appeals.admin.version_state')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => (
              <tr>
                <td>{t(`appeals.kind.${r.kind}`)}</td>
                <td>
                  <DateText ctx={p.ctx} date={r.valid_from} />
                </td>
                <td>
                  {locale === 'ky' ? r.legal_basis_ky : locale === 'ru' ? r.legal_basis_ru : r.legal_basis_en}
                  {r.disputed ? (
                    <p>
                      <strong class="status status-warn">{t('appeals.admin.disputed')}</strong> {r.note}
                    </p>
                  ) : r.note ? (
                    <p>{r.note}</p>
                  ) : null}
                </td>
                <td>
                  {t('appeals.admin.terms_line', {
                    registration: t(`appeals.term.${r.registration_unit}`, { n: r.registration_term, form: 'count' }),
                    answer: t(`appeals.term.${r.answer_unit}`, { n: r.answer_term, form: 'count' }),
                    extension: t(`appeals.term.${r.extension_unit}`, { n: r.max_extension, form: 'up_to' }),
                    redirection: t(`appeals.term.${r.redirection_unit}`, { n: r.redirection_term, form: 'count' }),
                  })}
                </td>
                <td>
                  {r.superseded_by
                    ? t('appeals.admin.superseded', { id: r.superseded_by })
                    : t('appeals.admin.current')}{' '}
                  · #{r.id} · {r.created_by} · {formatDateTime(locale, r.created_at)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="h-new-rule">{t('appeals.admin.new_version')}</h2>
      <p class="hint">{t('appeals.admin.new_version_hint')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/admin/appeals/rules">
        <div class="field">
          <label for="field-kind">{t('appeals.kind_label')}</label>
          <select name="kind" id="field-kind">
            {APPEAL_KINDS.map((k) => (
              <option value={k} selected={v.kind === k}>
                {t(`appeals.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          ctx={p.ctx}
          name="valid_from"
          type="date"
          label={t('appeals.admin.valid_from')}
          value={v.valid_from}
          errors={p.errors}
        />
        <Field
          ctx={p.ctx}
          name="legal_basis_ky"
          label={`${t('appeals.legal_basis')} (${t('lang.ky')})`}
          value={v.legal_basis_ky}
          errors={p.errors}
        />
        <Field
          ctx={p.ctx}
          name="legal_basis_ru"
          label={`${t('appeals.legal_basis')} (${t('lang.ru')})`}
          value={v.legal_basis_ru}
          errors={p.errors}
        />
        <Field
          ctx={p.ctx}
          name="legal_basis_en"
          label={`${t('appeals.legal_basis')} (${t('lang.en')})`}
          value={v.legal_basis_en}
          errors={p.errors}
        />
        {term('registration_term', t('appeals.admin.registration_term'))}
        {term('answer_term', t('appeals.admin.answer_term'))}
        {term('max_extension', t('appeals.admin.max_extension'))}
        {term('redirection_term', t('appeals.admin.redirection_term'))}
        <div class="choice">
          <input type="checkbox" name="disputed" id="field-disputed" value="1" checked={v.disputed === '1'} />
          <label for="field-disputed">{t('appeals.admin.disputed_label')}</label>
        </div>
        <Field ctx={p.ctx} name="note" label={t('appeals.admin.note')} value={v.note} errors={p.errors} multiline />
        <button type="submit">{t('appeals.admin.save_version')}</button>
      </PostForm>
    </Layout>
  );
}

export interface CalendarPageProps {
  ctx: ViewContext;
  exceptions: Selectable<CalendarExceptionTable>[];
  movable: Selectable<CalendarMovableDateTable>[];
  defaults: {
    exceptions: { date: string; kind: string; reason: string }[];
    movable: { holiday: string; date: string }[];
  };
  errors: FieldError[];
  form?: 'exception' | 'movable';
  input: Record<string, string>;
  notice?: string | null;
}

export function CalendarPage(p: CalendarPageProps) {
  const { t, locale } = p.ctx;
  const errs = (f: string) => (p.form === f ? p.errors : []);
  const v = p.input;
  const reason = (e: Selectable<CalendarExceptionTable>) =>
    locale === 'ky' ? e.reason_ky : locale === 'ru' ? e.reason_ru : e.reason_en;
  return (
    <Layout ctx={p.ctx} title={t('appeals.admin.calendar_title')}>
      <h1>{t('appeals.admin.calendar_title')}</h1>
      <p>{t('appeals.admin.calendar_intro')}</p>
      <p>
        <a href="/admin/appeals/rules">{t('appeals.admin.rules_title')}</a>
      </p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <section aria-labelledby="h-exc">
        <h2 id="h-exc">{t('appeals.admin.exceptions')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('appeals.admin.entered_with_history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appeals.admin.date')}</th>
                <th scope="col">{t('appeals.admin.exception_kind')}</th>
                <th scope="col">{t('appeals.admin.reason')}</th>
                <th scope="col">{t('appeals.admin.entered')}</th>
                <th scope="col">{t('appeals.admin.action')}</th>
              </tr>
            </thead>
            <tbody>
              {p.exceptions.map((e) => (
                <tr class={e.deleted_at ? 'deleted' : undefined}>
                  <td>
                    <DateText ctx={p.ctx} date={e.date} />
                  </td>
                  <td>{t(`appeals.admin.kind.${e.kind}`)}</td>
                  <td>
                    {reason(e)}
                    {e.source ? <small> ({e.source})</small> : null}
                  </td>
                  <HistoryCells
                    ctx={p.ctx}
                    row={e}
                    deleteAction={`/admin/appeals/calendar/exceptions/${e.id}/delete`}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t('appeals.admin.shipped_exceptions')}</summary>
          <ul>
            {p.defaults.exceptions.map((e) => (
              <li>
                <DateText ctx={p.ctx} date={e.date} />: {e.reason}
              </li>
            ))}
          </ul>
        </details>
        <h3>{t('appeals.admin.add_exception')}</h3>
        <ErrorSummary ctx={p.ctx} errors={errs('exception')} />
        <PostForm ctx={p.ctx} action="/admin/appeals/calendar/exceptions" class="narrow">
          <Field
            ctx={p.ctx}
            name="date"
            type="date"
            label={t('appeals.admin.date')}
            value={v.date}
            errors={errs('exception')}
          />
          <div class="field">
            <label for="field-exception-kind">{t('appeals.admin.exception_kind')}</label>
            <select name="kind" id="field-exception-kind">
              <option value="day_off" selected={v.kind !== 'working_day'}>
                {t('appeals.admin.kind.day_off')}
              </option>
              <option value="working_day" selected={v.kind === 'working_day'}>
                {t('appeals.admin.kind.working_day')}
              </option>
            </select>
          </div>
          <Field
            ctx={p.ctx}
            name="reason_ky"
            label={`${t('appeals.admin.reason')} (${t('lang.ky')})`}
            value={v.reason_ky}
            errors={errs('exception')}
          />
          <Field
            ctx={p.ctx}
            name="reason_ru"
            label={`${t('appeals.admin.reason')} (${t('lang.ru')})`}
            value={v.reason_ru}
            errors={errs('exception')}
          />
          <Field
            ctx={p.ctx}
            name="reason_en"
            label={`${t('appeals.admin.reason')} (${t('lang.en')})`}
            value={v.reason_en}
            errors={errs('exception')}
          />
          <Field
            ctx={p.ctx}
            name="source"
            label={t('appeals.admin.source')}
            hint={t('appeals.admin.source_hint')}
            value={v.source}
            errors={errs('exception')}
          />
          <button type="submit">{t('common.save')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="h-mov">
        <h2 id="h-mov">{t('appeals.admin.movable')}</h2>
        <div class="table-wrap">
          <table>
            <caption>{t('appeals.admin.entered_with_history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appeals.admin.holiday')}</th>
                <th scope="col">{t('appeals.admin.date')}</th>
                <th scope="col">{t('appeals.admin.entered')}</th>
                <th scope="col">{t('appeals.admin.action')}</th>
              </tr>
            </thead>
            <tbody>
              {p.movable.map((m) => (
                <tr class={m.deleted_at ? 'deleted' : undefined}>
                  <td>{t(`appeals.admin.holiday.${m.holiday === 'kurman_ait' ? 'kurman_ait' : 'orozo_ait'}`)}</td>
                  <td>
                    <DateText ctx={p.ctx} date={m.date} />
                    {m.source ? <small> ({m.source})</small> : null}
                  </td>
                  <HistoryCells ctx={p.ctx} row={m} deleteAction={`/admin/appeals/calendar/movable/${m.id}/delete`} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t('appeals.admin.shipped_movable')}</summary>
          <ul>
            {p.defaults.movable.map((m) => (
              <li>
                {t(`appeals.admin.holiday.${m.holiday === 'kurman_ait' ? 'kurman_ait' : 'orozo_ait'}`)}:{' '}
                <DateText ctx={p.ctx} date={m.date} />
              </li>
            ))}
          </ul>
        </details>
        <h3>{t('appeals.admin.add_movable')}</h3>
        <ErrorSummary ctx={p.ctx} errors={errs('movable')} />
        <PostForm ctx={p.ctx} action="/admin/appeals/calendar/movable" class="narrow">
          <div class="field">
            <label for="field-holiday">{t('appeals.admin.holiday')}</label>
            <select name="holiday" id="field-holiday">
              <option value="orozo_ait" selected={v.holiday !== 'kurman_ait'}>
                {t('appeals.admin.holiday.orozo_ait')}
              </option>
              <option value="kurman_ait" selected={v.holiday === 'kurman_ait'}>
                {t('appeals.admin.holiday.kurman_ait')}
              </option>
            </select>
          </div>
          <Field
            ctx={p.ctx}
            name="date"
            type="date"
            label={t('appeals.admin.date')}
            value={p.form === 'movable' ? v.date : ''}
            errors={errs('movable')}
          />
          <Field
            ctx={p.ctx}
            name="source"
            label={t('appeals.admin.source')}
            value={p.form === 'movable' ? v.source : ''}
            errors={errs('movable')}
          />
          <button type="submit">{t('common.save')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** The last two cells of a calendar history row: who entered it and when (and who deleted it), and its delete button. */
function HistoryCells({
  ctx,
  row,
  deleteAction,
}: {
  ctx: ViewContext;
  row: { created_by: string; created_at: string; deleted_by: string | null; deleted_at: string | null };
  deleteAction: string;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <td>
        {row.created_by}, {formatDateTime(locale, row.created_at)}
        {row.deleted_at ? (
          <>
            {' '}
            — {t('appeals.admin.deleted_by', { who: row.deleted_by ?? '', at: formatDateTime(locale, row.deleted_at) })}
          </>
        ) : null}
      </td>
      <td>
        {row.deleted_at ? null : (
          <PostForm ctx={ctx} action={deleteAction} class="inline">
            <button type="submit" class="secondary">
              {t('appeals.admin.delete')}
            </button>
          </PostForm>
        )}
      </td>
    </>
  );
}
