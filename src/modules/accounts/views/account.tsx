import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export interface AccountView {
  email: string;
  displayName: string;
  role: 'admin' | 'coordinator' | 'lawyer' | 'monitor' | 'citizen';
  totpEnabled: boolean;
  recoveryLeft: number;
  tokens: { id: number; name: string; prefix: string; created_at: string; last_used_at: string | null }[];
}

export function AccountPage(p: {
  ctx: ViewContext;
  account: AccountView;
  errors: FieldError[];
  newToken?: string | null;
  message?: string | null;
}) {
  const { t, locale } = p.ctx;
  const a = p.account;
  return (
    <Layout ctx={p.ctx} title={t('accounts.account_title')}>
      <h1>{t('accounts.account_title')}</h1>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('accounts.display_name')}</dt>
        <dd>{a.displayName}</dd>
        <dt>{t('accounts.email')}</dt>
        <dd>{a.email}</dd>
        <dt>{t('accounts.role')}</dt>
        <dd>{t(`role.${a.role}`)}</dd>
      </dl>

      <section aria-labelledby="h-totp">
        <h2 id="h-totp">{t('accounts.totp_title')}</h2>
        <p>{a.totpEnabled ? t('accounts.totp_enabled') : t('accounts.totp_disabled_state')}</p>
        {a.totpEnabled ? <p>{t('accounts.recovery_left', { count: a.recoveryLeft })}</p> : null}
        <p>
          <a href="/account/totp/setup">{t('accounts.totp_setup_link')}</a>
        </p>
        {a.totpEnabled ? (
          <PostForm ctx={p.ctx} action="/account/recovery-codes">
            <button type="submit" class="secondary">
              {t('accounts.recovery_regenerate')}
            </button>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="h-password">
        <h2 id="h-password">{t('accounts.change_password')}</h2>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <PostForm ctx={p.ctx} action="/account/password" class="narrow">
          <Field
            ctx={p.ctx}
            name="current_password"
            type="password"
            label={t('accounts.current_password')}
            errors={p.errors}
            autocomplete="current-password"
            required
          />
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
          <button type="submit">{t('accounts.change_password')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="h-tokens">
        <h2 id="h-tokens">{t('accounts.tokens_title')}</h2>
        <p>{t('accounts.tokens_intro')}</p>
        {p.newToken ? (
          <p class="notice">
            {t('accounts.token_created')} <code class="secret">{p.newToken}</code>
          </p>
        ) : null}
        {a.tokens.length === 0 ? (
          <p>{t('accounts.token_none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.token_name')}</th>
                <th scope="col">{t('accounts.token_last_used')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('accounts.token_revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.tokens.map((tk) => (
                <tr>
                  <td>
                    {tk.name} <code>{tk.prefix}…</code>
                  </td>
                  <td>{tk.last_used_at ? formatDateTime(locale, tk.last_used_at) : t('accounts.never')}</td>
                  <td>
                    <PostForm ctx={p.ctx} action={`/account/tokens/${tk.id}/revoke`}>
                      <button type="submit" class="secondary">
                        {t('accounts.token_revoke')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PostForm ctx={p.ctx} action="/account/tokens" class="narrow">
          <Field ctx={p.ctx} name="name" label={t('accounts.token_name')} errors={[]} required />
          <button type="submit">{t('accounts.token_create')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
