/** Coordinators' pages: create and edit a consultation, add versions, drafters, hearings, publish. */
import type { FieldError } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Phase } from '../phase.js';
import { DRAFT_FILE_MAX, MINUTES_FILE_MAX } from '../schema.js';
import { ConsultationLayout, FieldErrorText, PhaseBadge } from './parts.js';
import { HearingsList, type DocumentProps } from './public.js';

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

export interface BodyChoice {
  code: string;
  name: string;
}

function ConsultationFields({
  ctx,
  input,
  errors,
  bodies,
}: {
  ctx: ViewContext;
  input: Record<string, string>;
  errors: FieldError[];
  bodies: BodyChoice[];
}) {
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="title"
        label={t('consultations.field.title')}
        value={input.title}
        errors={errors}
        required
      />
      <div class={errors.some((e) => e.field === 'body') ? 'field field-error' : 'field'}>
        <label for="field-body">{t('consultations.field.body')}</label>
        <p class="hint" id="field-body-hint">
          {t('consultations.field.body_hint')}
        </p>
        <FieldErrorText ctx={ctx} errors={errors} field="body" />
        <input
          id="field-body"
          name="body"
          type="text"
          list="bodies"
          value={input.body}
          aria-describedby="field-body-hint"
          required
        />
        <datalist id="bodies">
          {bodies.map((b) => (
            <option value={b.code}>{b.name}</option>
          ))}
        </datalist>
      </div>
      <Field
        ctx={ctx}
        name="summary"
        label={t('consultations.field.summary')}
        value={input.summary}
        errors={errors}
        multiline
        required
      />
      <Field
        ctx={ctx}
        name="official_url"
        type="url"
        label={t('consultations.field.official_url')}
        value={input.official_url}
        errors={errors}
      />
      <Field
        ctx={ctx}
        name="opens_on"
        type="date"
        label={t('consultations.field.opens_on')}
        value={input.opens_on}
        errors={errors}
        required
      />
      <Field
        ctx={ctx}
        name="closes_on"
        type="date"
        label={t('consultations.field.closes_on')}
        value={input.closes_on}
        errors={errors}
        required
      />
    </>
  );
}

export function NewConsultationPage({
  ctx,
  input,
  errors,
  bodies,
}: {
  ctx: ViewContext;
  input: Record<string, string>;
  errors: FieldError[];
  bodies: BodyChoice[];
}) {
  const { t } = ctx;
  return (
    <ConsultationLayout ctx={ctx} title={t('consultations.new')}>
      <h1>{t('consultations.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/consultations" class="narrow">
        <ConsultationFields ctx={ctx} input={input} errors={errors} bodies={bodies} />
        <button type="submit">{t('consultations.create')}</button>
      </PostForm>
    </ConsultationLayout>
  );
}

export interface ManageProps {
  ctx: ViewContext;
  consultation: { id: number; title: string; phase: Phase; published: boolean; reportConclusion: string | null };
  input: Record<string, string>;
  errors: FieldError[];
  /** which form the errors belong to */
  form: 'details' | 'version' | 'drafter' | 'hearing' | 'report' | 'publish' | null;
  bodies: BodyChoice[];
  versions: { number: number; createdAt: string; splitOk: boolean; changeNote: string | null }[];
  drafters: { id: number; display_name: string; email: string }[];
  hearings: DocumentProps['hearings'];
  mammoth: boolean;
}

export function ManagePage(p: ManageProps) {
  const { ctx, consultation: c } = p;
  const { t } = ctx;
  const errs = (form: ManageProps['form']) => (p.form === form ? p.errors : []);
  const inp = (form: ManageProps['form']) => (p.form === form ? p.input : {});
  return (
    <ConsultationLayout ctx={ctx} title={`${t('consultations.edit')} · ${c.title}`}>
      <p>
        <a href={`/consultations/${c.id}`}>← {c.title}</a>
      </p>
      <h1>{t('consultations.edit')}</h1>
      <p>
        <PhaseBadge ctx={ctx} phase={c.phase} />
      </p>
      {!c.published ? (
        <section aria-labelledby="h-publish">
          <h2 id="h-publish">{t('consultations.publish')}</h2>
          <ErrorSummary ctx={ctx} errors={errs('publish')} />
          <PostForm ctx={ctx} action={`/consultations/${c.id}/publish`}>
            <button type="submit">{t('consultations.publish')}</button>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="h-version">
        <h2 id="h-version">{t('consultations.new_version')}</h2>
        <p>{t('consultations.new_version_intro')}</p>
        <ErrorSummary ctx={ctx} errors={errs('version')} />
        <PostForm ctx={ctx} action={`/consultations/${c.id}/versions`} multipart>
          <div class={errs('version').some((e) => e.field === 'text') ? 'field field-error' : 'field'}>
            <label for="field-text">{t('consultations.source_text')}</label>
            <FieldErrorText ctx={ctx} errors={errs('version')} field="text" />
            <textarea id="field-text" name="text" rows={12}>
              {inp('version').text ?? ''}
            </textarea>
          </div>
          <fieldset class="field">
            <legend>{t('consultations.source_format')}</legend>
            {(['text', 'markdown'] as const).map((f) => (
              <div class="checkbox">
                <input
                  type="radio"
                  id={`vformat-${f}`}
                  name="format"
                  value={f}
                  checked={(inp('version').format ?? 'text') === f}
                />
                <label for={`vformat-${f}`}>{t(`consultations.comment.format_${f}`)}</label>
              </div>
            ))}
          </fieldset>
          <div class={errs('version').some((e) => e.field === 'file') ? 'field field-error' : 'field'}>
            <label for="field-file">{t('consultations.source_file', { limit: mb(DRAFT_FILE_MAX) })}</label>
            <FieldErrorText ctx={ctx} errors={errs('version')} field="file" />
            <input id="field-file" name="file" type="file" accept={p.mammoth ? '.txt,.md,.docx' : '.txt,.md'} />
          </div>
          <Field
            ctx={ctx}
            name="change_note"
            label={t('consultations.change_note')}
            value={inp('version').change_note}
            errors={errs('version')}
          />
          <button type="submit">{t('consultations.new_version')}</button>
        </PostForm>
        {p.versions.length ? (
          <ul>
            {p.versions.map((v) => (
              <li>
                <a href={`/consultations/${c.id}/versions/${v.number}`}>
                  {t('consultations.version_n', { n: v.number })}
                </a>{' '}
                · {formatDate(ctx.locale, v.createdAt)}
                {v.splitOk ? '' : ` · ${t('consultations.split_none')}`}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="h-details">
        <h2 id="h-details">{t('consultations.edit')}</h2>
        <ErrorSummary ctx={ctx} errors={errs('details')} />
        <PostForm ctx={ctx} action={`/consultations/${c.id}`} class="narrow">
          <ConsultationFields ctx={ctx} input={p.input} errors={errs('details')} bodies={p.bodies} />
          <button type="submit">{t('common.save')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="h-drafters">
        <h2 id="h-drafters">{t('consultations.drafters')}</h2>
        <ul>
          {p.drafters.map((d) => (
            <li>
              {d.display_name} ({d.email})
            </li>
          ))}
        </ul>
        <ErrorSummary ctx={ctx} errors={errs('drafter')} />
        <PostForm ctx={ctx} action={`/consultations/${c.id}/drafters`} class="narrow">
          <Field
            ctx={ctx}
            name="email"
            type="email"
            label={t('consultations.drafter_email')}
            value={inp('drafter').email}
            errors={errs('drafter')}
            required
          />
          <button type="submit">{t('consultations.drafter_add')}</button>
        </PostForm>
      </section>

      <HearingsList ctx={ctx} consultationId={c.id} hearings={p.hearings} />
      <section aria-labelledby="h-hearing-new">
        <h2 id="h-hearing-new">{t('consultations.hearing.add')}</h2>
        <ErrorSummary ctx={ctx} errors={errs('hearing')} />
        <PostForm ctx={ctx} action={`/consultations/${c.id}/hearings`} multipart class="narrow">
          <Field
            ctx={ctx}
            name="held_on"
            type="date"
            label={t('consultations.hearing.held_on')}
            value={inp('hearing').held_on}
            errors={errs('hearing')}
            required
          />
          <Field
            ctx={ctx}
            name="place"
            label={t('consultations.hearing.place')}
            value={inp('hearing').place}
            errors={errs('hearing')}
            required
          />
          <Field
            ctx={ctx}
            name="participants"
            label={t('consultations.hearing.participants')}
            value={inp('hearing').participants}
            errors={errs('hearing')}
            inputmode="numeric"
            required
          />
          <Field
            ctx={ctx}
            name="minutes"
            label={t('consultations.hearing.minutes')}
            value={inp('hearing').minutes}
            errors={errs('hearing')}
            multiline
          />
          <div class={errs('hearing').some((e) => e.field === 'file') ? 'field field-error' : 'field'}>
            <label for="field-minutes-file">
              {t('consultations.hearing.minutes_file', { limit: mb(MINUTES_FILE_MAX) })}
            </label>
            <FieldErrorText ctx={ctx} errors={errs('hearing')} field="file" />
            <input id="field-minutes-file" name="file" type="file" accept=".txt,.md" />
          </div>
          <button type="submit">{t('consultations.hearing.add')}</button>
        </PostForm>
      </section>

      {c.published ? (
        <section aria-labelledby="h-report">
          <h2 id="h-report">{t('consultations.report_publish')}</h2>
          <ErrorSummary ctx={ctx} errors={errs('report')} />
          <PostForm ctx={ctx} action={`/consultations/${c.id}/report`} class="narrow">
            <Field
              ctx={ctx}
              name="conclusion"
              label={t('consultations.report_conclusion')}
              value={inp('report').conclusion ?? c.reportConclusion ?? ''}
              errors={errs('report')}
              multiline
            />
            <button type="submit">{t('consultations.report_publish')}</button>
          </PostForm>
        </section>
      ) : null}
    </ConsultationLayout>
  );
}
