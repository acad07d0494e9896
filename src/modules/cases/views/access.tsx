/**
 * Coordinators' pages for one case: its access list and workflow, and who read or changed it. They
 * show the reference, state and staff names only, never the case's content.
 */
import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { MemberView } from '../queries.js';
import { ACCESS_LEVELS, type CaseState } from '../tables.js';
import { SelectField } from './form-bits.js';

export function AccessPage(p: {
  ctx: ViewContext;
  caseId: number;
  reference: string;
  state: CaseState;
  next: CaseState[];
  members: MemberView[];
  staff: { id: number; displayName: string; role: string }[];
  errors: FieldError[];
  canRead: boolean;
}) {
  const { ctx } = p;
  const { t, locale } = ctx;
  const base = `/cases/${p.caseId}`;
  return (
    <Layout ctx={ctx} title={`${t('cases.tab_access')} · ${p.reference}`}>
      <p>
        <a href="/cases">{t('cases.title')}</a>
        {p.canRead ? (
          <>
            {' · '}
            <a href={base}>{p.reference}</a>
          </>
        ) : null}
        {' · '}
        <a href={`${base}/audit`}>{t('cases.tab_audit')}</a>
      </p>
      <h1>
        {p.reference}: {t('cases.tab_access')}
      </h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <section aria-labelledby="h-state">
        <h2 id="h-state">{t('cases.state')}</h2>
        <p>{t(`cases.state.${p.state}`)}</p>
        {p.next.map((s) => (
          <PostForm ctx={ctx} action={`${base}/state`} class="inline">
            <input type="hidden" name="state" value={s} />
            <button type="submit" class="secondary">
              {t('cases.move_to', { state: t(`cases.state.${s}`) })}
            </button>{' '}
          </PostForm>
        ))}
      </section>
      <section aria-labelledby="h-members">
        <h2 id="h-members">{t('cases.members')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.member')}</th>
                <th scope="col">{t('cases.access')}</th>
                <th scope="col">{t('cases.updated')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('cases.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.members.map((m) => (
                <tr>
                  <td>{m.displayName}</td>
                  <td>{t(`cases.access.${m.access}`)}</td>
                  <td>{formatDateTime(locale, m.addedAt)}</td>
                  <td>
                    <PostForm ctx={ctx} action={`${base}/access/${m.userId}/remove`} class="inline">
                      <button type="submit" class="secondary">
                        {t('cases.remove')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('cases.set_member')}</h3>
        <PostForm ctx={ctx} action={`${base}/access`} class="narrow">
          <SelectField
            ctx={ctx}
            name="user_id"
            label={t('cases.member')}
            options={p.staff.map((s) => ({
              value: String(s.id),
              label: `${s.displayName} (${t(`role.${s.role as 'lawyer'}`)})`,
            }))}
            errors={p.errors}
            empty={t('cases.choose')}
          />
          <SelectField
            ctx={ctx}
            name="access"
            label={t('cases.access')}
            options={ACCESS_LEVELS.map((a) => ({ value: a, label: t(`cases.access.${a}`) }))}
            value="read"
            errors={p.errors}
          />
          <button type="submit">{t('common.save')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function AuditTrailPage(p: {
  ctx: ViewContext;
  caseId: number;
  reference: string;
  rows: { seq: number; at: string; actor: string; actorName: string | null; action: string; data: string }[];
}) {
  const { ctx } = p;
  const { t, locale } = ctx;
  const what = (action: string, data: string) => {
    if (action === 'case.read') {
      const door = (JSON.parse(data) as { door?: string }).door ?? 'page';
      return t(`cases.door.${door as 'page'}`);
    }
    return action;
  };
  return (
    <Layout ctx={ctx} title={t('cases.audit_title', { ref: p.reference })}>
      <p>
        <a href={`/cases/${p.caseId}/access`}>{t('cases.tab_access')}</a>
      </p>
      <h1>{t('cases.audit_title', { ref: p.reference })}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.audit_when')}</th>
              <th scope="col">{t('cases.audit_who')}</th>
              <th scope="col">{t('cases.audit_what')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>{formatDateTime(locale, r.at)}</td>
                <td>{r.actorName ?? r.actor}</td>
                <td>
                  <code>{what(r.action, r.data)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
