/**
 * The reporter's pages: they work without JavaScript, load nothing from other sites, and never show
 * the receipt except once, on the page right after sending.
 */
import type { FieldError } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { CONSENT_PARTS, TOPICS, type ConsentPart, type ReportState, type Topic } from '../tables.js';
import { CleaningReport, FilesField, MultiLine, stateLabel, topicLabel, type FileView } from './common.js';

export interface BodyOption {
  id: number;
  name: string;
}

export function IntroPage({ ctx, retentionDays }: { ctx: ViewContext; retentionDays: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('anonymous.intro.title')}>
      <h1>{t('anonymous.intro.title')}</h1>
      <p>{t('anonymous.intro.lead')}</p>
      <h2>{t('anonymous.intro.safety_title')}</h2>
      <ul>
        <li>{t('anonymous.intro.safety_tor')}</li>
        <li>{t('anonymous.intro.safety_device')}</li>
        <li>{t('anonymous.intro.safety_visit')}</li>
        <li>{t('anonymous.intro.safety_content')}</li>
        <li>{t('anonymous.intro.safety_retention', { days: retentionDays })}</li>
      </ul>
      <p class="actions">
        <a class="button" href="/report/new">
          {t('anonymous.intro.start')}
        </a>{' '}
        <a href="/report/follow">{t('anonymous.intro.follow')}</a>
      </p>
    </Layout>
  );
}

export interface StepOneInput {
  topic?: string;
  q?: string;
  body_id?: string;
  what?: string;
  when?: string;
  where?: string;
}

function fieldError(ctx: ViewContext, errors: FieldError[], field: string) {
  const e = errors.find((x) => x.field === field);
  return e ? ctx.t(e.message, e.params) : undefined;
}

export function StepOnePage(p: {
  ctx: ViewContext;
  input: StepOneInput;
  errors: FieldError[];
  results: BodyOption[] | null;
  chosen: BodyOption | null;
}) {
  const { ctx, input, errors } = p;
  const { t } = ctx;
  const topicError = fieldError(ctx, errors, 'topic');
  const options = [
    ...(p.chosen && !p.results?.some((r) => r.id === p.chosen!.id) ? [p.chosen] : []),
    ...(p.results ?? []),
  ];
  return (
    <Layout ctx={ctx} title={t('anonymous.new.title')}>
      <h1>{t('anonymous.new.title')}</h1>
      <p>{t('anonymous.new.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/report/new">
        <fieldset
          class={topicError ? 'field-error' : undefined}
          id="field-topic"
          aria-describedby={topicError ? 'field-topic-error' : undefined}
        >
          <legend>{t('anonymous.field.topic')}</legend>
          {topicError ? (
            <p class="error" id="field-topic-error">
              {topicError}
            </p>
          ) : null}
          {TOPICS.map((topic) => (
            <div class="choice">
              <input type="radio" name="topic" id={`topic-${topic}`} value={topic} checked={input.topic === topic} />
              <label for={`topic-${topic}`}>{topicLabel(ctx, topic)}</label>
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('anonymous.field.body')}</legend>
          <div class="field">
            <p class="hint" id="field-q-hint">
              {t('anonymous.body.hint')}
            </p>
            <label for="field-q">{t('anonymous.body.search')}</label>
            <input
              id="field-q"
              name="q"
              type="search"
              value={input.q ?? ''}
              aria-describedby="field-q-hint"
              autocomplete="off"
            />{' '}
            <button type="submit" name="action" value="find" class="secondary">
              {t('anonymous.body.find')}
            </button>
          </div>
          {p.results !== null && p.results.length === 0 ? <p role="status">{t('anonymous.body.none_found')}</p> : null}
          {options.length > 0 ? (
            <div role="group" aria-label={t('anonymous.body.results')} id="field-body_id">
              <div class="choice">
                <input type="radio" name="body_id" id="body-none" value="" checked={!input.body_id} />
                <label for="body-none">{t('anonymous.body.no_choice')}</label>
              </div>
              {options.map((b) => (
                <div class="choice">
                  <input
                    type="radio"
                    name="body_id"
                    id={`body-${b.id}`}
                    value={String(b.id)}
                    checked={input.body_id === String(b.id)}
                  />
                  <label for={`body-${b.id}`}>{b.name}</label>
                </div>
              ))}
            </div>
          ) : input.body_id ? (
            <input type="hidden" name="body_id" value={input.body_id} />
          ) : null}
        </fieldset>

        <Field
          ctx={ctx}
          name="what"
          label={t('anonymous.field.what')}
          hint={t('anonymous.what.hint')}
          value={input.what}
          errors={errors}
          multiline
          required
        />
        <Field
          ctx={ctx}
          name="when"
          label={t('anonymous.field.when')}
          hint={t('anonymous.when.hint')}
          value={input.when}
          errors={errors}
          autocomplete="off"
        />
        <Field
          ctx={ctx}
          name="where"
          label={t('anonymous.field.where')}
          hint={t('anonymous.where.hint')}
          value={input.where}
          errors={errors}
          autocomplete="off"
        />
        <p>
          <button type="submit" name="action" value="continue">
            {t('anonymous.new.continue')}
          </button>
        </p>
      </PostForm>
    </Layout>
  );
}

export interface StepTwoInput {
  topic: Topic;
  body_id: string;
  what: string;
  when: string;
  where: string;
  consent?: Partial<Record<ConsentPart, boolean>>;
}

function ConsentBoxes({
  ctx,
  values,
  hasBody,
  prefix,
}: {
  ctx: ViewContext;
  values: Partial<Record<ConsentPart, boolean>>;
  hasBody: boolean;
  prefix: string;
}) {
  return (
    <>
      {CONSENT_PARTS.filter((part) => part !== 'institution' || hasBody).map((part) => (
        <div class="choice">
          <input type="checkbox" name={`${prefix}${part}`} id={`${prefix}${part}`} value="1" checked={!!values[part]} />
          <label for={`${prefix}${part}`}>{ctx.t(`anonymous.consent.${part}`)}</label>
        </div>
      ))}
    </>
  );
}

export function StepTwoPage(p: {
  ctx: ViewContext;
  input: StepTwoInput;
  bodyName: string | null;
  formToken: string;
  errors: FieldError[];
}) {
  const { ctx, input, errors } = p;
  const { t } = ctx;
  const hidden = { topic: input.topic, body_id: input.body_id, what: input.what, when: input.when, where: input.where };
  return (
    <Layout ctx={ctx} title={t('anonymous.send.title')}>
      <h1>{t('anonymous.send.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('anonymous.send.summary')}</h2>
      <dl class="facts">
        <dt>{t('anonymous.field.topic')}</dt>
        <dd>{topicLabel(ctx, input.topic)}</dd>
        <dt>{t('anonymous.field.body')}</dt>
        <dd>{p.bodyName ?? t('anonymous.body.not_given')}</dd>
        <dt>{t('anonymous.field.what')}</dt>
        <dd>
          <MultiLine text={input.what} />
        </dd>
        {input.when ? (
          <>
            <dt>{t('anonymous.field.when')}</dt>
            <dd>{input.when}</dd>
          </>
        ) : null}
        {input.where ? (
          <>
            <dt>{t('anonymous.field.where')}</dt>
            <dd>{input.where}</dd>
          </>
        ) : null}
      </dl>
      <PostForm ctx={ctx} action="/report/new" class="inline">
        {Object.entries(hidden).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <button type="submit" class="secondary">
          {t('anonymous.send.change')}
        </button>
      </PostForm>

      <PostForm ctx={ctx} action="/report/send" multipart>
        {Object.entries(hidden).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="form_token" value={p.formToken} />
        <FilesField ctx={ctx} error={fieldError(ctx, errors, 'files')} />
        <fieldset>
          <legend>{t('anonymous.consent.legend')}</legend>
          <p class="hint">{t('anonymous.consent.hint')}</p>
          <ConsentBoxes ctx={ctx} values={input.consent ?? {}} hasBody={input.body_id !== ''} prefix="consent_" />
        </fieldset>
        <p>
          <button type="submit">{t('anonymous.send.submit')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}

export function ReceiptPage({
  ctx,
  receipt,
  files,
  retentionDays,
}: {
  ctx: ViewContext;
  receipt: string;
  files: FileView[];
  retentionDays: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('anonymous.receipt.title')}>
      <h1>{t('anonymous.receipt.title')}</h1>
      <p>{t('anonymous.receipt.lead')}</p>
      <p class="receipt" id="receipt">
        <span class="visually-hidden">{t('anonymous.receipt.code')}: </span>
        <code class="secret">{receipt}</code>
      </p>
      <h2>{t('anonymous.receipt.keep_title')}</h2>
      <ul>
        <li>{t('anonymous.receipt.once')}</li>
        <li>{t('anonymous.receipt.paper')}</li>
        <li>{t('anonymous.receipt.anyone')}</li>
        <li>{t('anonymous.receipt.lost')}</li>
        <li>{t('anonymous.receipt.retention', { days: retentionDays })}</li>
      </ul>
      {files.length > 0 ? (
        <>
          <h2>{t('anonymous.files.title')}</h2>
          <CleaningReport ctx={ctx} files={files} />
        </>
      ) : null}
      <p>
        <a href="/report/follow">{t('anonymous.receipt.follow')}</a>
      </p>
    </Layout>
  );
}

export function NoticePage({
  ctx,
  title,
  text,
  status,
}: {
  ctx: ViewContext;
  title: string;
  text: string;
  status?: 'gone';
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p role={status ? 'alert' : undefined}>{text}</p>
      <p>
        <a href="/report">{ctx.t('anonymous.back_to_start')}</a>
      </p>
    </Layout>
  );
}

export function FollowPage({
  ctx,
  errors,
  notice,
}: {
  ctx: ViewContext;
  errors: FieldError[];
  notice?: string | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('anonymous.follow.title')}>
      <h1>{t('anonymous.follow.title')}</h1>
      {notice ? <p role="status">{notice}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/report/follow">
        <Field
          ctx={ctx}
          name="receipt"
          label={t('anonymous.follow.receipt')}
          hint={t('anonymous.follow.hint')}
          errors={errors}
          autocomplete="off"
        />
        <p>
          <button type="submit">{t('anonymous.follow.open')}</button>
        </p>
      </PostForm>
      <p>
        <a href="/report/new">{t('anonymous.intro.start')}</a>
      </p>
    </Layout>
  );
}

export interface StatusView {
  topic: Topic;
  state: ReportState;
  converted: boolean;
  createdAt: string;
  expiresAt: string | null;
  bodyName: string | null;
  messages: { author: 'reporter' | 'staff'; text: string; at: string }[];
  files: FileView[];
  consent: Record<ConsentPart, boolean>;
}

export function StatusPage(p: {
  ctx: ViewContext;
  view: StatusView;
  errors: FieldError[];
  uploaded?: FileView[];
  flash?: string | null;
}) {
  const { ctx, view: v, errors } = p;
  const { t } = ctx;
  return (
    <Layout ctx={{ ...ctx, flash: p.flash ?? null }} title={t('anonymous.status.title')}>
      <h1>{t('anonymous.status.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{t('anonymous.field.topic')}</dt>
        <dd>{topicLabel(ctx, v.topic)}</dd>
        <dt>{t('anonymous.status.sent')}</dt>
        <dd>{formatDate(ctx.locale, v.createdAt)}</dd>
        <dt>{t('anonymous.status.state')}</dt>
        <dd id="report-state">
          <strong>{stateLabel(ctx, v.state)}</strong> — {t(`anonymous.state_help.${v.state}`)}
          {v.converted ? ` ${t('anonymous.status.taken_up')}` : ''}
        </dd>
        <dt>{t('anonymous.status.expiry')}</dt>
        <dd>
          {v.expiresAt
            ? t('anonymous.status.expires', { date: formatDate(ctx.locale, v.expiresAt) })
            : t('anonymous.status.kept')}
        </dd>
      </dl>
      {p.uploaded && p.uploaded.length > 0 ? (
        <section aria-labelledby="uploaded-title">
          <h2 id="uploaded-title">{t('anonymous.files.title')}</h2>
          <CleaningReport ctx={ctx} files={p.uploaded} />
        </section>
      ) : null}

      <h2>{t('anonymous.status.messages')}</h2>
      {v.messages.length === 0 ? <p>{t('anonymous.status.no_messages')}</p> : null}
      <ol class="messages">
        {v.messages.map((m) => (
          <li class={`message message-${m.author}`}>
            <p class="meta">
              <strong>{m.author === 'staff' ? t('anonymous.author.staff') : t('anonymous.author.you')}</strong>,{' '}
              {formatDateTime(ctx.locale, m.at)}
            </p>
            <p>
              <MultiLine text={m.text} />
            </p>
          </li>
        ))}
      </ol>
      <PostForm ctx={ctx} action="/report/reply">
        <Field ctx={ctx} name="message" label={t('anonymous.status.reply')} errors={errors} multiline />
        <p>
          <button type="submit">{t('anonymous.status.send_reply')}</button>
        </p>
      </PostForm>

      <h2>{t('anonymous.status.files')}</h2>
      {v.files.length === 0 ? <p>{t('anonymous.status.no_files')}</p> : <CleaningReport ctx={ctx} files={v.files} />}
      <PostForm ctx={ctx} action="/report/files" multipart>
        <FilesField ctx={ctx} error={fieldError(ctx, errors, 'files')} />
        <p>
          <button type="submit">{t('anonymous.status.add_files')}</button>
        </p>
      </PostForm>

      <h2>{t('anonymous.consent.legend')}</h2>
      <PostForm ctx={ctx} action="/report/consent">
        <fieldset>
          <legend>{t('anonymous.consent.hint')}</legend>
          <ConsentBoxes ctx={ctx} values={v.consent} hasBody={v.bodyName !== null} prefix="consent_" />
        </fieldset>
        <p>
          <button type="submit" class="secondary">
            {t('anonymous.consent.save')}
          </button>
        </p>
      </PostForm>

      <h2>{t('anonymous.delete.title')}</h2>
      <p>{t('anonymous.delete.lead')}</p>
      <PostForm ctx={ctx} action="/report/delete">
        <div class={fieldError(ctx, errors, 'confirm') ? 'field-error choice' : 'choice'} id="field-confirm">
          <input type="checkbox" name="confirm" id="confirm-delete" value="1" />
          <label for="confirm-delete">{t('anonymous.delete.confirm')}</label>
        </div>
        <p>
          <button type="submit" class="danger">
            {t('anonymous.delete.button')}
          </button>
        </p>
      </PostForm>

      <PostForm ctx={ctx} action="/report/leave">
        <p>
          <button type="submit" class="secondary">
            {t('anonymous.status.leave')}
          </button>
        </p>
      </PostForm>
    </Layout>
  );
}

export { CONSENT_PARTS };
