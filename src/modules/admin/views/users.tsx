import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { ROLES, type Role } from '../../../platform/db/database.js';

export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  status: 'active' | 'unconfirmed' | 'disabled';
  totp: boolean;
}

export function UsersPage(p: {
  ctx: ViewContext;
  users: UserRow[];
  meId: number;
  errors: FieldError[];
  input: Record<string, string>;
  message?: string | null;
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('admin.users')}>
      <h1>{t('admin.users')}</h1>
      <p>
        <a href="/admin/audit">{t('admin.audit')}</a> · <a href="/admin/jobs">{t('admin.jobs')}</a>
      </p>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('accounts.display_name')}</th>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.two_step')}</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr>
                <td>{u.display_name}</td>
                <td>{u.email}</td>
                <td>
                  {u.id === p.meId ? (
                    t(`role.${u.role}`)
                  ) : (
                    <PostForm ctx={p.ctx} action={`/admin/users/${u.id}/role`} class="inline">
                      <label class="visually-hidden" for={`role-${u.id}`}>
                        {t('admin.change_role')}
                      </label>
                      <select id={`role-${u.id}`} name="role">
                        {ROLES.map((r) => (
                          <option value={r} selected={r === u.role}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" class="secondary">
                        {t('admin.change_role')}
                      </button>
                    </PostForm>
                  )}
                </td>
                <td>
                  {t(`status.${u.status}`)}
                  {u.id !== p.meId ? (
                    <PostForm
                      ctx={p.ctx}
                      action={`/admin/users/${u.id}/${u.status === 'disabled' ? 'enable' : 'disable'}`}
                      class="inline"
                    >
                      {' '}
                      <button type="submit" class="secondary">
                        {u.status === 'disabled' ? t('admin.enable') : t('admin.disable')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
                <td>{u.totp ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="h-new">
        <h2 id="h-new">{t('admin.user_new')}</h2>
        <p>{t('admin.user_new_intro')}</p>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <PostForm ctx={p.ctx} action="/admin/users" class="narrow">
          <Field
            ctx={p.ctx}
            name="display_name"
            label={t('accounts.display_name')}
            value={p.input.display_name}
            errors={p.errors}
            required
          />
          <Field
            ctx={p.ctx}
            name="email"
            type="email"
            label={t('accounts.email')}
            value={p.input.email}
            errors={p.errors}
            required
          />
          <div class="field">
            <label for="field-role">{t('accounts.role')}</label>
            <select id="field-role" name="role">
              {ROLES.map((r) => (
                <option value={r} selected={r === (p.input.role ?? 'lawyer')}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('admin.user_create')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export interface AuditRowView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
}

export function AuditPage(p: {
  ctx: ViewContext;
  rows: AuditRowView[];
  verification: { ok: boolean; checked: number; firstBadSeq: number | null };
}) {
  const { t, locale } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('admin.audit')}>
      <h1>{t('admin.audit')}</h1>
      <p class={p.verification.ok ? 'notice' : 'error-summary'} role="status">
        {p.verification.ok
          ? t('admin.audit_ok', { count: p.verification.checked })
          : t('admin.audit_bad', { seq: p.verification.firstBadSeq ?? 0 })}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('admin.audit_when')}</th>
              <th scope="col">{t('admin.audit_actor')}</th>
              <th scope="col">{t('admin.audit_action')}</th>
              <th scope="col">{t('admin.audit_object')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>{r.seq}</td>
                <td>{formatDateTime(locale, r.at)}</td>
                <td>{r.actor}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>{r.object_type ? `${r.object_type} ${r.object_id ?? ''}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
