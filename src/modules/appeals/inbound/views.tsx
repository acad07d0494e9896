/** The holding pen page. */
import type { Selectable } from 'kysely';
import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { InboundMessageTable } from './tables.js';
import { Hash } from '../views/common.js';

export function HoldingPenPage(p: {
  ctx: ViewContext;
  held: Selectable<InboundMessageTable>[];
  errors: FieldError[];
  errorFor?: number;
  notice?: string | null;
}) {
  const { t, locale } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('mail.pen_title')}>
      <h1>{t('mail.pen_title')}</h1>
      <p>{t('mail.pen_intro')}</p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.held.length === 0 ? (
        <p>{t('mail.none_held')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('mail.pen_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail.received')}</th>
                <th scope="col">{t('mail.from_to')}</th>
                <th scope="col">{t('mail.subject')}</th>
                <th scope="col">{t('mail.reason')}</th>
                <th scope="col">{t('mail.size')}</th>
                <th scope="col">{t('mail.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.held.map((m) => (
                <tr id={`msg-${m.id}`}>
                  <td>{formatDateTime(locale, m.received_at)}</td>
                  <td>
                    {m.mail_from} → {m.rcpt_to}
                  </td>
                  <td>{m.subject ?? '—'}</td>
                  <td>{m.hold_reason ? t(`mail.hold.${m.hold_reason}`) : '—'}</td>
                  <td>
                    {m.size} B<br />
                    <Hash value={m.sha256} />
                    <br />
                    <a href={`/admin/mail/${m.id}/raw`}>{t('mail.raw')}</a>
                  </td>
                  <td>
                    {p.errorFor === m.id ? <ErrorSummary ctx={p.ctx} errors={p.errors} /> : null}
                    {m.hold_reason === 'too_large' ? null : (
                      <PostForm ctx={p.ctx} action={`/admin/mail/${m.id}/attach`} class="inline">
                        <label for={`appeal-${m.id}`}>{t('mail.attach_to')}</label>{' '}
                        <input id={`appeal-${m.id}`} name="appeal_id" inputMode="numeric" size={8} />{' '}
                        <button type="submit">{t('mail.attach')}</button>
                      </PostForm>
                    )}
                    <PostForm ctx={p.ctx} action={`/admin/mail/${m.id}/discard`} class="inline">
                      <button type="submit" class="secondary">
                        {t('mail.discard')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
