/** The subscription pages: they work without JavaScript and name no address but the visitor's own input. */
import type { FieldError } from '../../../platform/errors.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { SUBSCRIPTION_TOPICS } from '../tables.js';

export interface SubscribeInput {
  email?: string;
  language?: string;
  topic_statements?: string;
  topic_events?: string;
}

function errorOf(ctx: ViewContext, errors: FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? ctx.t(e.message, e.params) : undefined;
}

export function SubscribePage(p: { ctx: ViewContext; input: SubscribeInput; errors: FieldError[]; hours: number }) {
  const { ctx, input, errors } = p;
  const { t } = ctx;
  const topicsError = errorOf(ctx, errors, 'topics');
  const languageError = errorOf(ctx, errors, 'language');
  const language = input.language ?? ctx.locale;
  return (
    <Layout ctx={ctx} title={t('subscriptions.subscribe.title')}>
      <h1>{t('subscriptions.subscribe.title')}</h1>
      <p>{t('subscriptions.subscribe.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/subscribe" id="field-form">
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t('subscriptions.field.email')}
          value={input.email}
          errors={errors}
          autocomplete="email"
          required
        />
        <fieldset
          id="field-topics"
          class={topicsError ? 'field-error' : undefined}
          aria-describedby={topicsError ? 'field-topics-error' : undefined}
        >
          <legend>{t('subscriptions.field.topics')}</legend>
          {topicsError ? (
            <p class="error" id="field-topics-error">
              {topicsError}
            </p>
          ) : null}
          {SUBSCRIPTION_TOPICS.map((topic) => (
            <div class="choice">
              <input
                type="checkbox"
                name={`topic_${topic}`}
                id={`topic-${topic}`}
                value="1"
                checked={input[`topic_${topic}`] === '1'}
              />
              <label for={`topic-${topic}`}>{t(`subscriptions.topic.${topic}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset
          id="field-language"
          class={languageError ? 'field-error' : undefined}
          aria-describedby={languageError ? 'field-language-error' : undefined}
        >
          <legend>{t('subscriptions.field.language')}</legend>
          {languageError ? (
            <p class="error" id="field-language-error">
              {languageError}
            </p>
          ) : null}
          {LOCALES.map((l) => (
            <div class="choice">
              <input type="radio" name="language" id={`language-${l}`} value={l} checked={language === l} />
              <label for={`language-${l}`} lang={l}>
                {t(`lang.${l}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <p class="hint">{t('subscriptions.subscribe.optin_note', { hours: p.hours })}</p>
        <p class="actions">
          <button type="submit">{t('subscriptions.subscribe.submit')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}

/** A page that only says something (sent, confirmed, unsubscribed, link not valid). */
export function NoticePage({ ctx, title, text }: { ctx: ViewContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{text}</p>
    </Layout>
  );
}

/** The confirmation link opens this page; only its button (a POST) confirms. */
export function ConfirmPage({
  ctx,
  token,
  topics,
  language,
}: {
  ctx: ViewContext;
  token: string;
  topics: string;
  language: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('subscriptions.confirm.title')}>
      <h1>{t('subscriptions.confirm.title')}</h1>
      <p>{t('subscriptions.confirm.text', { topics, language })}</p>
      <PostForm ctx={ctx} action="/subscribe/confirm">
        <input type="hidden" name="token" value={token} />
        <p class="actions">
          <button type="submit">{t('subscriptions.confirm.submit')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}

/** The unsubscribe link opened in a browser shows this page; its button POSTs to the same URL. */
export function UnsubscribePage({ ctx, token }: { ctx: ViewContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('subscriptions.unsubscribe.title')}>
      <h1>{t('subscriptions.unsubscribe.title')}</h1>
      <p>{t('subscriptions.unsubscribe.text')}</p>
      <PostForm ctx={ctx} action={`/unsubscribe?token=${encodeURIComponent(token)}`}>
        <p class="actions">
          <button type="submit">{t('subscriptions.unsubscribe.submit')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}
