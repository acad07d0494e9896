/**
 * The public contact form. It works without JavaScript and shows no e-mail address of the
 * organisation anywhere (spam harvesters read page sources). The honeypot field is hidden by the
 * stylesheet's `visually-hidden` class (no inline styles: the CSP forbids them), taken out of the
 * tab order, and its label tells screen-reader users to leave it empty.
 */
import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { HONEYPOT, MESSAGE_MAX } from '../schema.js';

export interface ContactInput {
  name?: string;
  reply_to?: string;
  subject?: string;
  message?: string;
}

export function ContactPage(p: {
  ctx: ViewContext;
  input: ContactInput;
  errors: FieldError[];
  formToken: string;
  retentionDays: number;
}) {
  const { ctx, input, errors } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contact.title')}>
      <h1>{t('contact.title')}</h1>
      <p>{t('contact.lead')}</p>
      <p class="hint">{t('contact.privacy', { days: p.retentionDays })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/contact" id="field-form">
        <input type="hidden" name="form_token" value={p.formToken} />
        <Field
          ctx={ctx}
          name="name"
          label={t('contact.field.name')}
          value={input.name}
          errors={errors}
          autocomplete="name"
        />
        <Field
          ctx={ctx}
          name="reply_to"
          type="email"
          label={t('contact.field.reply_to')}
          value={input.reply_to}
          errors={errors}
          autocomplete="email"
        />
        <Field
          ctx={ctx}
          name="subject"
          label={t('contact.field.subject')}
          value={input.subject}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="message"
          label={t('contact.field.message')}
          hint={t('contact.field.message_hint', { max: MESSAGE_MAX })}
          value={input.message}
          errors={errors}
          multiline
          required
        />
        <div class="visually-hidden">
          <label for={`field-${HONEYPOT}`}>{t('contact.field.honeypot')}</label>
          <input type="text" id={`field-${HONEYPOT}`} name={HONEYPOT} value="" tabIndex={-1} autocomplete="off" />
        </div>
        <p class="actions">
          <button type="submit">{t('contact.submit')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}

export function SentPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contact.sent.title')}>
      <h1>{t('contact.sent.title')}</h1>
      <p role="status">{t('contact.sent.text')}</p>
    </Layout>
  );
}
