/** The wizard: body search → the appeal → documents → review and send (no JavaScript needed). */
import type { FieldError } from '../../../platform/errors.js';
import { OcrStatus } from './ocr-status.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { APPEAL_KINDS, CHANNELS, LANGUAGES } from '../kinds.js';
import type { AppealFile } from '../queries.js';
import { DateText, Hash, Steps, humanSize } from './common.js';

export interface BodyChoice {
  id: number;
  name: string;
  hasEmail: boolean;
}

export function BodyStepPage(p: {
  ctx: ViewContext;
  query: string;
  results: BodyChoice[] | null;
  errors: FieldError[];
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('appeals.new_title')}>
      <h1>{t('appeals.new_title')}</h1>
      <Steps ctx={p.ctx} current={1} />
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="get" action="/appeals/new" class="narrow" role="search">
        <Field
          ctx={p.ctx}
          name="q"
          label={t('appeals.body_search')}
          hint={t('appeals.body_search_hint')}
          value={p.query}
          errors={p.errors}
        />
        <button type="submit">{t('common.search')}</button>
      </form>
      {p.results === null ? null : p.results.length === 0 ? (
        <p>{t('appeals.body_none')}</p>
      ) : (
        <ul class="choices" aria-label={t('appeals.body_results')}>
          {p.results.map((b) => (
            <li>
              <PostForm ctx={p.ctx} action="/appeals/new" class="inline">
                <input type="hidden" name="body_id" value={String(b.id)} />
                <span>{b.name}</span> {b.hasEmail ? null : <small>({t('appeals.body_no_email_short')})</small>}{' '}
                <button type="submit" aria-label={t('appeals.choose_body', { name: b.name })}>
                  {t('appeals.choose')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface DraftForm {
  id: number;
  bodyName: string;
  input: Record<string, string>;
  onBehalf: boolean;
  directoryEmail: string | null;
}

export function AppealStepPage(p: { ctx: ViewContext; draft: DraftForm; errors: FieldError[] }) {
  const { t } = p.ctx;
  const v = p.draft.input;
  const err = (f: string) => p.errors.find((e) => e.field === f);
  return (
    <Layout ctx={p.ctx} title={t('appeals.step.appeal')}>
      <h1>{t('appeals.step.appeal')}</h1>
      <Steps ctx={p.ctx} current={2} />
      <p>
        {t('appeals.to_body')}: <strong>{p.draft.bodyName}</strong> (
        <a href="/appeals/new">{t('appeals.change_body')}</a>)
      </p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action={`/appeals/${p.draft.id}/edit`}>
        <fieldset id="field-kind">
          <legend>{t('appeals.kind_label')}</legend>
          {err('kind') ? <p class="error">{t(err('kind')!.message, err('kind')!.params)}</p> : null}
          {APPEAL_KINDS.map((k) => (
            <div class="choice">
              <input
                type="radio"
                name="kind"
                id={`kind-${k}`}
                value={k}
                checked={v.kind === k}
                aria-describedby={`kind-${k}-hint`}
              />
              <label for={`kind-${k}`}>{t(`appeals.kind.${k}`)}</label>
              <p class="hint" id={`kind-${k}-hint`}>
                {t(`appeals.kind_hint.${k}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="field-language">{t('appeals.language_label')}</label>
          <p class="hint" id="field-language-hint">
            {t('appeals.language_hint')}
          </p>
          <select name="language" id="field-language" aria-describedby="field-language-hint">
            {LANGUAGES.map((l) => (
              <option value={l} selected={v.language === l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <Field ctx={p.ctx} name="subject" label={t('appeals.subject')} value={v.subject} errors={p.errors} required />
        <Field
          ctx={p.ctx}
          name="text"
          label={t('appeals.text')}
          hint={t('appeals.text_hint')}
          value={v.text}
          errors={p.errors}
          multiline
        />
        {p.draft.onBehalf ? (
          <fieldset>
            <legend>{t('appeals.on_behalf')}</legend>
            <p class="hint">{t('appeals.on_behalf_hint')}</p>
            <Field
              ctx={p.ctx}
              name="person_name"
              label={t('appeals.person_name')}
              value={v.person_name}
              errors={p.errors}
              autocomplete="off"
            />
            <Field
              ctx={p.ctx}
              name="person_contact"
              label={t('appeals.person_contact')}
              value={v.person_contact}
              errors={p.errors}
              autocomplete="off"
            />
          </fieldset>
        ) : null}
        <fieldset id="field-channel">
          <legend>{t('appeals.channel_label')}</legend>
          {err('channel') ? <p class="error">{t(err('channel')!.message, err('channel')!.params)}</p> : null}
          {CHANNELS.map((c) => (
            <div class="choice">
              <input type="radio" name="channel" id={`channel-${c}`} value={c} checked={(v.channel || 'email') === c} />
              <label for={`channel-${c}`}>{t(`appeals.channel.${c}`)}</label>
            </div>
          ))}
          <Field
            ctx={p.ctx}
            name="to_address"
            type="email"
            label={t('appeals.to_address')}
            hint={
              p.draft.directoryEmail
                ? t('appeals.to_address_hint_known', { email: p.draft.directoryEmail })
                : t('appeals.to_address_hint_unknown')
            }
            value={v.to_address}
            errors={p.errors}
            autocomplete="off"
          />
          <p class="hint">{t('appeals.paper_hint')}</p>
          <Field
            ctx={p.ctx}
            name="submitted_on"
            type="date"
            label={t('appeals.submitted_on')}
            value={v.submitted_on}
            errors={p.errors}
          />
          <Field
            ctx={p.ctx}
            name="registration_number"
            label={t('appeals.registration_number')}
            value={v.registration_number}
            errors={p.errors}
          />
          <Field
            ctx={p.ctx}
            name="registered_on"
            type="date"
            label={t('appeals.registered_on')}
            value={v.registered_on}
            errors={p.errors}
          />
        </fieldset>
        <button type="submit">{t('appeals.save_continue')}</button>
      </PostForm>
    </Layout>
  );
}

export function FileList({ ctx, appealId, files }: { ctx: ViewContext; appealId: number; files: AppealFile[] }) {
  const { t } = ctx;
  if (files.length === 0) return <p>{t('appeals.no_files')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('appeals.file_name')}</th>
            <th scope="col">{t('appeals.file_size')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr>
              <td>
                <a href={`/appeals/${appealId}/files/${f.id}`}>{f.original_name}</a>
                <OcrStatus ctx={ctx} file={f} />
              </td>
              <td>{humanSize(f.size)}</td>
              <td>
                <Hash value={f.sha256} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UploadForm({
  ctx,
  appealId,
  next,
  errors,
}: {
  ctx: ViewContext;
  appealId: number;
  next: string;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const err = errors.find((e) => e.field === 'file');
  return (
    <PostForm ctx={ctx} action={`/appeals/${appealId}/files?next=${encodeURIComponent(next)}`} multipart>
      <div class={err ? 'field field-error' : 'field'}>
        <label for="field-file">{t('appeals.file_label')}</label>
        <p class="hint" id="field-file-hint">
          {t('appeals.file_hint')}
        </p>
        {err ? (
          <p class="error" id="field-file-error">
            {t(err.message, err.params)}
          </p>
        ) : null}
        <input
          type="file"
          name="file"
          id="field-file"
          accept=".pdf,.jpg,.jpeg,.png,.docx,.odt,.txt"
          aria-describedby="field-file-hint"
        />
      </div>
      <button type="submit" class="secondary">
        {t('appeals.upload')}
      </button>
    </PostForm>
  );
}

export function DocumentsStepPage(p: {
  ctx: ViewContext;
  appealId: number;
  files: AppealFile[];
  errors: FieldError[];
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('appeals.step.documents')}>
      <h1>{t('appeals.step.documents')}</h1>
      <Steps ctx={p.ctx} current={3} />
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <FileList ctx={p.ctx} appealId={p.appealId} files={p.files} />
      <UploadForm ctx={p.ctx} appealId={p.appealId} next={`/appeals/${p.appealId}/documents`} errors={p.errors} />
      <p>
        <a class="button" href={`/appeals/${p.appealId}/review`}>
          {t('appeals.continue_review')}
        </a>{' '}
        <a href={`/appeals/${p.appealId}/edit`}>{t('common.back')}</a>
      </p>
    </Layout>
  );
}

export interface ReviewView {
  id: number;
  bodyName: string;
  bodyEmail: string | null;
  channel: string;
  kind: string;
  language: string;
  letter: { subject: string; text: string } | null;
  subject: string;
  legalBasis: string;
  receivedOn: string | null;
  registrationDue: string | null;
  due: string | null;
  explanation: string[];
  files: AppealFile[];
}

export function ReviewStepPage(p: { ctx: ViewContext; review: ReviewView; errors: FieldError[] }) {
  const { t } = p.ctx;
  const r = p.review;
  const email = r.channel === 'email';
  return (
    <Layout ctx={p.ctx} title={t('appeals.step.review')}>
      <h1>{t('appeals.step.review')}</h1>
      <Steps ctx={p.ctx} current={4} />
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <dl class="facts">
        <dt>{t('appeals.to_body')}</dt>
        <dd>
          {r.bodyName}
          {email && r.bodyEmail ? ` <${r.bodyEmail}>` : ''}
        </dd>
        <dt>{t('appeals.kind_label')}</dt>
        <dd>{t(`appeals.kind.${r.kind}` as never)}</dd>
        <dt>{t('appeals.channel_label')}</dt>
        <dd>{t(`appeals.channel.${r.channel}` as never)}</dd>
        <dt>{t('appeals.legal_basis')}</dt>
        <dd>{r.legalBasis}</dd>
        <dt>{email ? t('appeals.if_sent_today') : t('appeals.received_on')}</dt>
        <dd>
          <DateText ctx={p.ctx} date={r.receivedOn} />
        </dd>
        <dt>{t('appeals.registration_due')}</dt>
        <dd>
          <DateText ctx={p.ctx} date={r.registrationDue} />
        </dd>
        <dt>{t('appeals.answer_due')}</dt>
        <dd>
          <DateText ctx={p.ctx} date={r.due} />
        </dd>
      </dl>
      {r.explanation.length ? (
        <details>
          <summary>{t('appeals.why_this_date')}</summary>
          <ol>
            {r.explanation.map((line) => (
              <li>{line}</li>
            ))}
          </ol>
        </details>
      ) : null}
      {r.letter ? (
        <section aria-labelledby="h-letter">
          <h2 id="h-letter">{t('appeals.letter_preview')}</h2>
          <p>
            <strong>{r.letter.subject}</strong>
          </p>
          <pre class="letter" lang={r.language}>
            {r.letter.text}
          </pre>
        </section>
      ) : (
        <p>
          <strong>{r.subject}</strong>
        </p>
      )}
      <h2>{t('appeals.step.documents')}</h2>
      <FileList ctx={p.ctx} appealId={r.id} files={r.files} />
      {email ? <p class="hint">{t('appeals.files_not_mailed')}</p> : null}
      <PostForm ctx={p.ctx} action={`/appeals/${r.id}/send`}>
        <button type="submit">{email ? t('appeals.send') : t('appeals.record')}</button>
      </PostForm>
      <p>
        <a href={`/appeals/${r.id}/edit`}>{t('appeals.edit')}</a>
      </p>
    </Layout>
  );
}

export { DateText };
