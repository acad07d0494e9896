import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export function RegisterPage(p: { ctx: ViewContext; errors: FieldError[]; input: Record<string, string> }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.register_title')}>
      <h1>{t('accounts.register_title')}</h1>
      <p>{t('accounts.register_intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/register" class="narrow">
        <Field
          ctx={p.ctx}
          name="display_name"
          label={t('accounts.display_name')}
          value={p.input.display_name}
          errors={p.errors}
          autocomplete="name"
          required
        />
        <Field
          ctx={p.ctx}
          name="email"
          type="email"
          label={t('accounts.email')}
          value={p.input.email}
          errors={p.errors}
          autocomplete="email"
          required
        />
        <Field
          ctx={p.ctx}
          name="password"
          type="password"
          label={t('accounts.password')}
          hint={t('accounts.password_hint')}
          errors={p.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('accounts.register_submit')}</button>
      </PostForm>
    </Layout>
  );
}

export function ForgotPage(p: { ctx: ViewContext; errors: FieldError[]; input: Record<string, string> }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.forgot_title')}>
      <h1>{t('accounts.forgot_title')}</h1>
      <p>{t('accounts.forgot_intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/password/forgot" class="narrow">
        <Field
          ctx={p.ctx}
          name="email"
          type="email"
          label={t('accounts.email')}
          value={p.input.email}
          errors={p.errors}
          autocomplete="email"
          required
        />
        <button type="submit">{t('accounts.forgot_submit')}</button>
      </PostForm>
    </Layout>
  );
}

export function ResetPage(p: { ctx: ViewContext; errors: FieldError[]; token: string }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.reset_title')}>
      <h1>{t('accounts.reset_title')}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/password/reset" class="narrow">
        <input type="hidden" name="token" value={p.token} />
        <Field
          ctx={p.ctx}
          name="password"
          type="password"
          label={t('accounts.new_password')}
          hint={t('accounts.password_hint')}
          errors={p.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}
