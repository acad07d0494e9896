import type { FieldError } from '../../../platform/errors.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export function LoginPage(p: {
  ctx: ViewContext;
  errors: FieldError[];
  input: Record<string, string>;
  message?: string | null;
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.login_title')}>
      <h1>{t('accounts.login_title')}</h1>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/login" class="narrow">
        <input type="hidden" name="next" value={p.input.next ?? ''} />
        <Field
          ctx={p.ctx}
          name="email"
          type="email"
          label={t('accounts.email')}
          value={p.input.email}
          errors={p.errors}
          autocomplete="username"
          required
        />
        <Field
          ctx={p.ctx}
          name="password"
          type="password"
          label={t('accounts.password')}
          errors={p.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('accounts.login_submit')}</button>
      </PostForm>
      <p>
        <a href="/password/forgot">{t('accounts.forgot_link')}</a> · <a href="/register">{t('layout.register')}</a>
      </p>
    </Layout>
  );
}

export function TotpPage(p: { ctx: ViewContext; errors: FieldError[] }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.totp_title')}>
      <h1>{t('accounts.totp_title')}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/login/totp" class="narrow">
        <Field
          ctx={p.ctx}
          name="code"
          label={t('accounts.totp_code')}
          hint={t('accounts.totp_code_hint')}
          errors={p.errors}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
        />
        <button type="submit">{t('accounts.totp_submit')}</button>
      </PostForm>
    </Layout>
  );
}

export function TotpSetupPage(p: {
  ctx: ViewContext;
  errors: FieldError[];
  secret: string;
  qrDataUrl: string;
  required: boolean;
}) {
  const { t } = p.ctx;
  const grouped = p.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Layout ctx={p.ctx} title={t('accounts.totp_setup_title')}>
      <h1>{t('accounts.totp_setup_title')}</h1>
      {p.required ? <p class="notice">{t('accounts.totp_setup_required')}</p> : null}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{t('accounts.totp_setup_steps')}</p>
      <img class="qr" src={p.qrDataUrl} alt={t('accounts.totp_qr_alt')} width={200} height={200} />
      <p>
        {t('accounts.totp_secret')}: <code class="secret">{grouped}</code>
      </p>
      <PostForm ctx={p.ctx} action="/account/totp/setup" class="narrow">
        <Field
          ctx={p.ctx}
          name="code"
          label={t('accounts.totp_code')}
          errors={p.errors}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
        />
        <button type="submit">{t('accounts.totp_submit')}</button>
      </PostForm>
    </Layout>
  );
}

export function RecoveryCodesPage(p: { ctx: ViewContext; codes: string[] }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.recovery_title')}>
      <h1>{t('accounts.recovery_title')}</h1>
      <p class="notice">{t('accounts.recovery_intro')}</p>
      <ol class="recovery-codes">
        {p.codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href="/account">
          {t('accounts.continue')}
        </a>
      </p>
    </Layout>
  );
}

export function ReauthPage(p: { ctx: ViewContext; errors: FieldError[]; next: string }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('accounts.reauth_title')}>
      <h1>{t('accounts.reauth_title')}</h1>
      <p>{t('accounts.reauth_intro')}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <PostForm ctx={p.ctx} action="/reauth" class="narrow">
        <input type="hidden" name="next" value={p.next} />
        <Field
          ctx={p.ctx}
          name="password"
          type="password"
          label={t('accounts.password')}
          errors={p.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('accounts.continue')}</button>
      </PostForm>
    </Layout>
  );
}

/** A page with a heading and a short message (after registration, reset requests …). */
export function MessagePage(p: {
  ctx: ViewContext;
  title: string;
  message: string;
  link?: { href: string; label: string };
}) {
  return (
    <Layout ctx={p.ctx} title={p.title}>
      <h1>{p.title}</h1>
      <p role="status">{p.message}</p>
      {p.link ? (
        <p>
          <a href={p.link.href}>{p.link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}
