/** Coordinators' pages: the list of statements, the edit form with preview, publication and versions. */
import type { FieldError } from '../../../platform/errors.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { StatementsLayout } from './parts.js';

export type Status = { kind: 'draft' } | { kind: 'scheduled'; at: string } | { kind: 'public'; at: string };

export function StatusText({ ctx, status }: { ctx: ViewContext; status: Status }) {
  if (status.kind === 'draft') return <>{ctx.t('statements.status.draft')}</>;
  if (status.kind === 'scheduled')
    return <>{ctx.t('statements.status.scheduled', { date: formatDateTime(ctx.locale, status.at) })}</>;
  return <>{ctx.t('statements.status.public')}</>;
}

/**
 * The coordinators' list of statements or of events (title, optionally when, status), with the links
 * to a new one and to the other list: one table for both.
 */
export function ManageList(props: {
  ctx: ViewContext;
  heading: string;
  links: { href: string; label: string }[];
  rows: { href: string; title: string; when?: string; status: Status }[];
  whenColumn?: boolean;
}) {
  const { ctx, heading } = props;
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>
        {props.links.map((l, i) => (
          <>
            {i > 0 ? ' · ' : null}
            <a href={l.href}>{l.label}</a>
          </>
        ))}
      </p>
      {props.rows.length === 0 ? (
        <p>{t('statements.list_empty_manage')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('statements.field_title')}</th>
              {props.whenColumn ? <th scope="col">{t('events.when')}</th> : null}
              <th scope="col">{t('statements.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={r.href}>{r.title}</a>
                </th>
                {props.whenColumn ? <td>{r.when}</td> : null}
                <td>
                  <StatusText ctx={ctx} status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StatementsLayout>
  );
}

export function ManageListPage({
  ctx,
  items,
}: {
  ctx: ViewContext;
  items: { id: number; title: string; status: Status; updatedAt: string }[];
}) {
  const { t } = ctx;
  return (
    <ManageList
      ctx={ctx}
      heading={t('statements.manage')}
      links={[
        { href: '/statements/manage/new', label: t('statements.new') },
        { href: '/events/manage', label: t('events.manage') },
      ]}
      rows={items.map((s) => ({ href: `/statements/manage/${s.id}`, title: s.title, status: s.status }))}
    />
  );
}

/** The "publish now / schedule" form, shared by statements and events. */
export function PublishForm({
  ctx,
  action,
  input,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  input: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const when = input.when === 'schedule' ? 'schedule' : 'now';
  return (
    <PostForm ctx={ctx} action={action}>
      <fieldset>
        <legend>{t('statements.publish')}</legend>
        <div class="checkbox">
          <input type="radio" id="when-now" name="when" value="now" checked={when === 'now'} />
          <label for="when-now">{t('statements.publish_now')}</label>
        </div>
        <div class="checkbox">
          <input type="radio" id="when-schedule" name="when" value="schedule" checked={when === 'schedule'} />
          <label for="when-schedule">{t('statements.publish_schedule')}</label>
        </div>
        <Field
          ctx={ctx}
          name="date"
          type="date"
          label={t('statements.publish_date')}
          value={input.date}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="time"
          label={t('statements.publish_time')}
          value={input.time}
          errors={errors}
          inputmode="numeric"
        />
        <button type="submit">{t('statements.publish_submit')}</button>
      </fieldset>
    </PostForm>
  );
}

export interface EditProps {
  ctx: ViewContext;
  id: number | null;
  status: Status;
  slug: string | null;
  input: Record<string, string>;
  errors: FieldError[];
  /** which form the errors belong to */
  form: 'details' | 'publish';
  versions: { number: number; createdAt: string; note: string | null }[];
}

export function EditPage(p: EditProps) {
  const { ctx } = p;
  const { t } = ctx;
  const title = p.id === null ? t('statements.new') : t('statements.edit');
  const isPublic = p.status.kind === 'public';
  return (
    <StatementsLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {p.id !== null ? (
        <p>
          {t('statements.status')}: <StatusText ctx={ctx} status={p.status} />
          {' · '}
          <a href={`/statements/manage/${p.id}/preview`}>{t('statements.preview')}</a>
          {isPublic && p.slug ? (
            <>
              {' · '}
              <a href={`/statements/${p.slug}`}>{t('statements.view_public')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <PostForm ctx={ctx} action={p.id === null ? '/statements/manage' : `/statements/manage/${p.id}`}>
        <div class="field">
          <label for="field-kind">{t('statements.kind')}</label>
          <select id="field-kind" name="kind">
            {(['statement', 'press_release'] as const).map((k) => (
              <option value={k} selected={p.input.kind === k}>
                {t(`statements.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field ctx={ctx} name="tags" label={t('statements.field_tags')} value={p.input.tags} errors={p.errors} />
        <p class="hint">{t('statements.lang_optional')}</p>
        {LOCALES.map((l) => (
          <fieldset lang={l}>
            <legend lang={ctx.locale}>{t('statements.lang_section', { lang: t(`lang.${l}`) })}</legend>
            <Field
              ctx={ctx}
              name={`title_${l}`}
              label={t('statements.field_title')}
              value={p.input[`title_${l}`]}
              errors={p.errors}
            />
            <Field
              ctx={ctx}
              name={`summary_${l}`}
              label={t('statements.field_summary')}
              value={p.input[`summary_${l}`]}
              errors={p.errors}
              multiline
            />
            <Field
              ctx={ctx}
              name={`body_${l}`}
              label={t('statements.field_body')}
              hint={t('statements.field_body_hint')}
              value={p.input[`body_${l}`]}
              errors={p.errors}
              multiline
            />
          </fieldset>
        ))}
        {isPublic ? (
          <>
            <p class="hint">{t('statements.correction_hint')}</p>
            <Field
              ctx={ctx}
              name="correction_note"
              label={t('statements.field_correction')}
              value={p.input.correction_note}
              errors={p.errors}
              required
            />
          </>
        ) : null}
        <button type="submit">{t('common.save')}</button>
      </PostForm>
      {p.id !== null && !isPublic ? (
        <PublishForm
          ctx={ctx}
          action={`/statements/manage/${p.id}/publish`}
          input={p.form === 'publish' ? p.input : {}}
          errors={p.form === 'publish' ? p.errors : []}
        />
      ) : null}
      {p.versions.length ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{t('statements.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                {t('statements.version_n', { n: v.number, date: formatDate(ctx.locale, v.createdAt) })}
                {v.note ? `: ${v.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </StatementsLayout>
  );
}
