/**
 * The admin form of one body or territory (fields named like the CSV columns), with merge,
 * deactivate / reactivate and the record's history below.
 */
import type { FieldError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { BODY_KINDS, INSTITUTION_TYPES, TERRITORY_LEVELS } from '../tables.js';
import { bodyUrl, HistoryTable, kindLabel, levelLabel, territoryUrl, type ChangeRow } from './parts.js';

export type EditKind = 'bodies' | 'territories';

export interface EditPageProps {
  ctx: ViewContext;
  kind: EditKind;
  /** null when creating */
  id: number | null;
  input: Record<string, string>;
  errors: FieldError[];
  active: boolean;
  history: ChangeRow[];
  lifecycleErrors: FieldError[];
  lifecycleInput: Record<string, string>;
  today: string;
  notice?: string | null;
}

function Select(p: {
  ctx: ViewContext;
  name: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  errors: FieldError[];
  allowEmpty?: boolean;
}) {
  const error = p.errors.find((e) => e.field === p.name);
  const id = `field-${p.name}`;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {p.ctx.t(error.message, error.params)}
        </p>
      ) : null}
      <select
        id={id}
        name={p.name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {p.allowEmpty ? <option value="">—</option> : null}
        {p.options.map(([v, label]) => (
          <option value={v} selected={v === p.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function BodyFields({
  ctx,
  input,
  errors,
  creating,
}: {
  ctx: ViewContext;
  input: Record<string, string>;
  errors: FieldError[];
  creating: boolean;
}) {
  const { t } = ctx;
  const f = (name: string, label: MessageKey, extra: { type?: string; hint?: string; multiline?: boolean } = {}) => (
    <Field ctx={ctx} name={name} label={t(label)} value={input[name]} errors={errors} {...extra} />
  );
  return (
    <>
      {creating ? f('code', 'directory.code', { hint: t('directory.admin.code_hint') }) : null}
      <Select
        ctx={ctx}
        name="kind"
        label={t('directory.kind')}
        value={input.kind ?? ''}
        options={BODY_KINDS.map((k) => [k, kindLabel(ctx, k)])}
        errors={errors}
      />
      <Select
        ctx={ctx}
        name="institution_type"
        label={t('directory.institution_type')}
        value={input.institution_type ?? ''}
        options={INSTITUTION_TYPES.map((k) => [k, t(`directory.institution.${k}`)])}
        errors={errors}
        allowEmpty
      />
      {f('name_ky', 'directory.name_ky')}
      {f('name_ru', 'directory.name_ru')}
      {f('name_en', 'directory.name_en')}
      {f('territory_code', 'directory.territory', { hint: t('directory.admin.ref_hint') })}
      {f('supervisor_code', 'directory.supervisor', { hint: t('directory.admin.ref_hint') })}
      {f('emails', 'directory.emails', { hint: t('directory.admin.emails_hint') })}
      {f('address', 'directory.address')}
      {f('phone', 'directory.phone', { type: 'tel' })}
      {f('website', 'directory.website', { type: 'url' })}
      <div class="field">
        <label class="choice">
          <input type="checkbox" name="contact_unknown" value="1" checked={input.contact_unknown === '1'} />{' '}
          {t('directory.contact_unknown')}
        </label>
      </div>
      {f('active_from', 'directory.active_from', { type: 'date' })}
      {f('active_to', 'directory.active_to', { type: 'date' })}
    </>
  );
}

function TerritoryFields({
  ctx,
  input,
  errors,
  creating,
}: {
  ctx: ViewContext;
  input: Record<string, string>;
  errors: FieldError[];
  creating: boolean;
}) {
  const { t } = ctx;
  const f = (name: string, label: MessageKey, extra: { type?: string; hint?: string; inputmode?: string } = {}) => (
    <Field ctx={ctx} name={name} label={t(label)} value={input[name]} errors={errors} {...extra} />
  );
  return (
    <>
      {creating ? f('code', 'directory.soate', { hint: t('directory.admin.code_hint'), inputmode: 'numeric' }) : null}
      <Select
        ctx={ctx}
        name="level"
        label={t('directory.level')}
        value={input.level ?? ''}
        options={TERRITORY_LEVELS.map((l) => [l, levelLabel(ctx, l)])}
        errors={errors}
      />
      {f('name_ky', 'directory.name_ky')}
      {f('name_ru', 'directory.name_ru')}
      {f('name_en', 'directory.name_en')}
      {f('parent_code', 'directory.parent', { hint: t('directory.admin.ref_hint'), inputmode: 'numeric' })}
      {f('lat', 'directory.lat', { inputmode: 'decimal' })}
      {f('lon', 'directory.lon', { inputmode: 'decimal' })}
      {f('valid_from', 'directory.valid_from', { type: 'date' })}
      {f('valid_to', 'directory.valid_to', { type: 'date' })}
      {f('successor_code', 'directory.successor', { hint: t('directory.admin.ref_hint'), inputmode: 'numeric' })}
      {f('source', 'directory.source')}
    </>
  );
}

export function EditPage(p: EditPageProps) {
  const { t } = p.ctx;
  const creating = p.id === null;
  const bodies = p.kind === 'bodies';
  const title = creating
    ? t(bodies ? 'directory.admin.new_body' : 'directory.admin.new_territory')
    : t(bodies ? 'directory.admin.edit_body' : 'directory.admin.edit_territory');
  const base = `/admin/directory/${p.kind}`;
  const action = creating ? `${base}/new` : `${base}/${p.id}`;
  return (
    <Layout ctx={p.ctx} title={title}>
      <nav aria-label={t('directory.breadcrumb')} class="breadcrumb">
        <a href="/admin/directory">{t('directory.admin.title')}</a>
        {p.id !== null ? (
          <>
            {' › '}
            <a href={bodies ? bodyUrl(p.id) : territoryUrl(p.id)}>
              {p.input.name_ky || p.input.name_ru || p.input.name_en || p.input.code}
            </a>
          </>
        ) : null}
      </nav>
      <h1>{title}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {!creating ? (
        <p>
          {t('directory.code')}: <code>{p.input.code}</code>
        </p>
      ) : null}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action={action} class="narrow" id="record-form">
        {bodies ? (
          <BodyFields ctx={p.ctx} input={p.input} errors={p.errors} creating={creating} />
        ) : (
          <TerritoryFields ctx={p.ctx} input={p.input} errors={p.errors} creating={creating} />
        )}
        <button type="submit">{t('common.save')}</button>
      </PostForm>

      {!creating ? (
        <>
          <section aria-labelledby="h-lifecycle">
            <h2 id="h-lifecycle">{p.active ? t('directory.admin.merge') : t('directory.admin.reactivate')}</h2>
            <ErrorSummary ctx={p.ctx} errors={p.lifecycleErrors} />
            {p.active ? (
              <>
                <p>
                  {t(bodies ? 'directory.admin.merge_body_intro' : 'directory.admin.merge_territory_intro', {
                    date: p.lifecycleInput.date || p.today,
                  })}
                </p>
                <PostForm ctx={p.ctx} action={`${base}/${p.id}/merge`} class="narrow">
                  <Field
                    ctx={p.ctx}
                    name="target"
                    label={t('directory.admin.merge_target')}
                    value={p.lifecycleInput.target}
                    errors={p.lifecycleErrors}
                    required
                  />
                  <Field
                    ctx={p.ctx}
                    name="date"
                    type="date"
                    label={t('directory.admin.end_date')}
                    value={p.lifecycleInput.date ?? p.today}
                    errors={p.lifecycleErrors}
                  />
                  <button type="submit" class="secondary">
                    {t('directory.admin.merge_button')}
                  </button>
                </PostForm>
                <h2 id="h-deactivate">{t('directory.admin.deactivate')}</h2>
                <p>{t('directory.admin.deactivate_intro')}</p>
                <PostForm ctx={p.ctx} action={`${base}/${p.id}/deactivate`} class="narrow">
                  <Field
                    ctx={p.ctx}
                    name="end_date"
                    type="date"
                    label={t('directory.admin.end_date')}
                    value={p.lifecycleInput.end_date ?? p.today}
                    errors={p.lifecycleErrors}
                  />
                  <button type="submit" class="secondary">
                    {t('directory.admin.deactivate')}
                  </button>
                </PostForm>
              </>
            ) : (
              <PostForm ctx={p.ctx} action={`${base}/${p.id}/reactivate`}>
                <button type="submit" class="secondary">
                  {t('directory.admin.reactivate')}
                </button>
              </PostForm>
            )}
          </section>
          <section aria-labelledby="h-history">
            <h2 id="h-history">{t('directory.history')}</h2>
            <HistoryTable ctx={p.ctx} rows={p.history} />
          </section>
        </>
      ) : null}
    </Layout>
  );
}
